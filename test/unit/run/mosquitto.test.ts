// Scripts against a real Mosquitto: the exact bytes that arrive, QoS, retained messages, user/password brokers, refusals as script errors.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import * as mqtt from "mqtt";
import { makeBrokerProfile } from "../../../client/src/mqtt";
import type { BrokerResolver } from "../../../client/src/run";
import { mosquittoSkipReason, startMosquitto, type MosquittoBroker } from "../../support/mosquitto";
import { fromRoot } from "../../support/paths";
import { waitFor } from "../../support/waitFor";
import { run } from "./support";

const skip = mosquittoSkipReason();
if (skip) process.stdout.write(`# skipping Mosquitto runner tests: ${skip}\n`);

interface Arrived {
  topic: string;
  payload: Buffer;
  qos: number;
  retain: boolean;
}

let observers = 0;

/** A plain `mqtt` client subscribed to `#` on the broker: what really arrives. */
async function listen(url: string): Promise<{ messages: Arrived[]; close(): Promise<void> }> {
  const clientId = `observer-${process.pid}-${++observers}`;
  const client = await mqtt.connectAsync(url, { clientId, reconnectPeriod: 0 });
  const messages: Arrived[] = [];
  client.on("message", (topic, payload, packet) =>
    messages.push({ topic, payload, qos: packet.qos, retain: packet.retain }),
  );
  await client.subscribeAsync("#", { qos: 2 });
  return { messages, close: () => client.endAsync() };
}

describe("runner with Mosquitto", { skip }, () => {
  let broker: MosquittoBroker;
  let observer: Awaited<ReturnType<typeof listen>>;
  before(async () => {
    broker = await startMosquitto();
    observer = await listen(`mqtt://127.0.0.1:${broker.ports.plain}`);
  });
  after(async () => {
    await observer?.close();
    await broker?.dispose();
  });

  const toPlain: BrokerResolver = (name) => ({
    profile: makeBrokerProfile({ name, address: "127.0.0.1", port: broker.ports.plain }),
  });
  const arrived = (topic: string): Arrived[] => observer.messages.filter((m) => m.topic === topic);

  test("the seed script's message arrives byte for byte", async () => {
    const text = readFileSync(fromRoot("examples", "system-telemetry.rsc"), "utf8");
    const { result } = await run(text, { brokers: toPlain });
    assert.equal(result.status, "ok", JSON.stringify(result.failures));
    const [m] = await waitFor(() => arrived("my/test/topic").length > 0 && arrived("my/test/topic"), {
      what: "the telemetry message",
    });
    assert.equal(
      m?.payload.toString("utf8"),
      '{"model":"C53UiG+5HPaxD2HPaxD","sn":"HF50A3B7C1D","ros":"7.18.2","cpu":3,"umem":261480448,"fmem":812261376,"uptime":"1w2d03:04:05"}',
    );
  });

  test("QoS 1 and 2 complete before the next command; retained messages are kept", async () => {
    const script = [
      '/iot mqtt publish broker=m topic="mq/q1" message="one" qos=1',
      '/iot mqtt publish broker=m topic="mq/q2" message="two" qos=2',
      '/iot mqtt publish broker=m topic="mq/retained" message="kept" qos=1 retain=yes',
      ':put "published"',
    ].join("\n");
    const { result, out } = await run(script, { brokers: toPlain });
    assert.equal(result.status, "ok", JSON.stringify(result.failures));
    assert.deepEqual(out, ["published"]);
    await waitFor(() => arrived("mq/retained").length > 0, { what: "the retained message" });
    assert.deepEqual(
      ["mq/q1", "mq/q2"].map((t) => [arrived(t)[0]?.payload.toString(), arrived(t)[0]?.qos]),
      [
        ["one", 1],
        ["two", 2],
      ],
    );
    const late = await listen(`mqtt://127.0.0.1:${broker.ports.plain}`);
    try {
      const [kept] = await waitFor(
        () =>
          late.messages.filter((m) => m.topic === "mq/retained").length > 0 &&
          late.messages.filter((m) => m.topic === "mq/retained"),
        { what: "the retained message for a new subscriber" },
      );
      assert.equal(kept?.payload.toString(), "kept");
      assert.equal(kept?.retain, true);
    } finally {
      await late.close();
    }
  });

  test("a broker the script adds with a user and password connects", async () => {
    const { username, password } = broker.user;
    const script = [
      `/iot mqtt brokers add name=secure address=127.0.0.1 port=${broker.ports.auth} username=${username} password="${password}"`,
      '/iot mqtt publish broker=secure topic="auth/ok" message="in" qos=1',
    ].join("\n");
    const { result } = await run(script);
    assert.equal(result.status, "ok", JSON.stringify(result.failures));
  });

  test("a wrong password is a script error that does not show the password", async () => {
    const secret = "Wr0ng-Secret-Value";
    const script = [
      `/iot mqtt brokers add name=secure address=127.0.0.1 port=${broker.ports.auth} username=router password="${secret}"`,
      '/iot mqtt publish broker=secure topic="auth/bad" message="x" qos=1',
    ].join("\n");
    const { result, logs } = await run(script, { mqttDeadlineMs: 5000 });
    assert.equal(result.status, "error");
    const [failure] = result.failures;
    assert.equal(failure?.line, 2);
    assert.equal(failure?.code, "RSC4004");
    assert.match(failure?.message ?? "", /^failure: .*(password|not authori[sz]ed|refused)/i);
    assert.doesNotMatch(JSON.stringify([result, logs]), new RegExp(secret));
  });

  test("an on-message round trip through Mosquitto", async () => {
    const script = [
      '/iot mqtt subscriptions add broker=m topic="rt/cmd/#" on-message={',
      '  /iot mqtt publish broker=m topic=("rt/reply/" . [:pick $msgTopic 7 100]) message=("echo " . $msgData) qos=1',
      "}",
      '/iot mqtt publish broker=m topic="rt/cmd/ping" message="hello" qos=1',
    ].join("\n");
    const { result } = await run(script, { brokers: toPlain }, () => arrived("rt/reply/ping").length > 0);
    assert.equal(result.status, "ok", JSON.stringify(result.failures));
    assert.equal(arrived("rt/reply/ping")[0]?.payload.toString(), "echo hello");
  });
});

// Publishing from a run's worker, which blocks until a publish's reply (a short while at most): each publish completes at its statement, in order with the output, failures are catchable there, messages that come meanwhile are all handled, and Stop and the timeout still end a publish that is never acknowledged.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { makeBrokerProfile } from "../../../client/src/mqtt";
import { runScriptIsolated, type BrokerResolver, type RunResult } from "../../../client/src/run";
import { startAckBroker, type AckBroker } from "../../support/ackBroker";
import { waitFor } from "../../support/waitFor";
import { run } from "./support";

let broker: AckBroker;
before(async () => {
  broker = await startAckBroker();
});
after(async () => {
  await broker.close();
});

const toBroker: BrokerResolver = (name) => ({
  profile: makeBrokerProfile({ name, address: "127.0.0.1", port: broker.port }),
});

/** A run whose output lines and completed publishes are written into one list, in the order this side saw them. */
async function traced(
  script: string,
  options: { timeoutMs?: number; mqttDeadlineMs?: number; stopWhen?: () => boolean } = {},
): Promise<{ result: RunResult; events: string[] }> {
  const events: string[] = [];
  const controller = new AbortController();
  const running = runScriptIsolated(script, {
    fileName: "pub.rsc",
    brokers: toBroker,
    output: { put: (line) => events.push(line), log: () => {} },
    onPublish: (m) => events.push(`published ${m.topic} ${m.payload.toString()}`),
    signal: controller.signal,
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.mqttDeadlineMs !== undefined ? { mqttDeadlineMs: options.mqttDeadlineMs } : {}),
  });
  const { stopWhen } = options;
  if (stopWhen) {
    await waitFor(stopWhen, { what: "the moment to stop the run", timeoutMs: 15_000 });
    controller.abort(new Error("stopped by the test"));
  }
  return { result: await running, events };
}

describe("a publish from a run's worker", () => {
  test("completes (acknowledged) before the next statement, in order with the output, for every QoS", async () => {
    const script = [
      ":for i from=1 to=40 do={",
      '  :put "before $i"',
      '  /iot mqtt publish broker=b topic="order/t" message=$i qos=($i % 3)',
      '  :put "after $i"',
      "}",
    ].join("\n");
    const { result, events } = await traced(script);
    assert.equal(result.status, "ok", JSON.stringify(result.failures));
    const expected = Array.from({ length: 40 }, (_, k) => [
      `before ${k + 1}`,
      `published order/t ${k + 1}`,
      `after ${k + 1}`,
    ]).flat();
    assert.deepEqual(events, expected);
    assert.equal(result.published, 40);
  });

  test("an acknowledgement slower than the blocking wait still completes the publish at its statement", async () => {
    const script = [
      ':put "start"',
      '/iot mqtt publish broker=b topic="late/one" message="slow" qos=1',
      ':put "after the slow one"',
    ].join("\n");
    const running = traced(script);
    await waitFor(() => broker.held() > 0, { what: "the broker holding the publish back" });
    broker.release();
    const { result, events } = await running;
    assert.equal(result.status, "ok", JSON.stringify(result.failures));
    assert.deepEqual(events, ["start", "published late/one slow", "after the slow one"]);
  });

  test("a publish that fails is a catchable error at its statement, with and without the blocking wait", async () => {
    const script = [
      "/iot mqtt brokers add name=down address=127.0.0.1 port=1",
      // Refused at once by the parent (not connected, force=no): the reply comes while the worker waits.
      ':do { /iot mqtt publish broker=down topic=t message=m qos=1 force=no } on-error={ :put "caught at once" }',
      ":put [:onerror e in={ /iot mqtt publish broker=down topic=t message=m qos=2 force=no } do={ :put [:pick $e 0 8] }]",
      // Never acknowledged: the reply (the deadline's failure) comes long after the wait gave up.
      ':do { /iot mqtt publish broker=b topic="never/t" message=m qos=1 } on-error={ :put "caught late" }',
      "/iot mqtt publish broker=down topic=t message=m qos=1 force=no",
      ':put "not reached"',
    ].join("\n");
    const { result, events } = await traced(script, { mqttDeadlineMs: 300 });
    assert.deepEqual(events, ["caught at once", "failure:", "true", "caught late"]);
    assert.equal(result.status, "error");
    assert.deepEqual(
      result.failures.map((f) => `${f.line} ${f.code}`),
      ["5 RSC4004"],
    );
  });

  test("messages that arrive while the worker waits for replies are all handled, in order", async () => {
    const count = 200;
    const script = [
      '/iot mqtt subscriptions add broker=b topic="echo/#" on-message={ :put "got $msgData" }',
      `:for i from=1 to=${count} do={ /iot mqtt publish broker=b topic="echo/t" message=$i qos=1 }`,
      ':put "sent"',
    ].join("\n");
    const { result, out } = await run(
      script,
      { brokers: toBroker },
      (c) => c.out.filter((l) => l.startsWith("got ")).length >= count,
    );
    assert.equal(result.status, "ok", JSON.stringify(result.failures));
    assert.equal(result.onMessageRuns, count);
    assert.deepEqual(
      out.filter((l) => l.startsWith("got ")),
      Array.from({ length: count }, (_, k) => `got ${k + 1}`),
    );
    assert.ok(out.includes("sent"));
  });
});

describe("a publish that is never acknowledged", () => {
  const script =
    ':put "publishing"\n/iot mqtt publish broker=b topic="never/stop" message=m qos=1\n:put "not reached"';

  test("Stop ends the run at that publish, by itself (not ended by force)", async () => {
    const seenBefore = broker.seen.length;
    const { result, events } = await traced(script, {
      stopWhen: () => broker.seen.slice(seenBefore).includes("never/stop"),
    });
    assert.deepEqual(events, ["publishing"]);
    assert.equal(result.status, "cancelled");
    assert.deepEqual(
      result.failures.map((f) => `${f.line} ${f.code} ${f.message}`),
      ["2 RSC4005 script cancelled"],
    );
  });

  test("the run's timeout ends it at that publish, by itself (not ended by force)", async () => {
    const { result, events } = await traced(script, { timeoutMs: 300 });
    assert.deepEqual(events, ["publishing"]);
    assert.equal(result.status, "timeout");
    assert.deepEqual(
      result.failures.map((f) => `${f.line} ${f.code} ${f.message}`),
      ["2 RSC4006 script did not finish within 0.3 s"],
    );
  });
});

// The runner against the embedded broker: exact payloads, QoS and retain, broker failures as script errors, on-message dispatch and limits, timeouts.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import {
  makeBrokerProfile,
  startEmbeddedBroker,
  type EmbeddedBroker,
  type ReceivedPublish,
} from "../../../client/src/mqtt";
import type { BrokerResolver } from "../../../client/src/run";
import { fromRoot } from "../../support/paths";
import { waitFor } from "../../support/waitFor";
import { run } from "./support";

let broker: EmbeddedBroker;
const received: ReceivedPublish[] = [];

before(async () => {
  broker = await startEmbeddedBroker({ onPublish: (m) => received.push(m) });
});
after(async () => {
  await broker.close();
});

/** Every broker name goes to the embedded broker (what `rsc run` does without --broker). */
const everyNameToEmbedded: BrokerResolver = (name, declared) => ({
  profile: makeBrokerProfile({
    name,
    address: broker.host,
    port: broker.port,
    clientId: declared?.clientId ?? "",
  }),
});

const receivedOn = (topic: string): ReceivedPublish[] => received.filter((m) => m.topic === topic);

describe("publishing", () => {
  test("the seed telemetry script publishes exactly the manual's JSON", async () => {
    const text = readFileSync(fromRoot("examples", "system-telemetry.rsc"), "utf8").replace(
      '"my/test/topic"',
      '"seed/telemetry"',
    );
    const { result, out, logs } = await run(text, { brokers: everyNameToEmbedded });
    assert.equal(result.status, "ok", JSON.stringify(result.failures));
    const expected =
      '{"model":"C53UiG+5HPaxD2HPaxD","sn":"HF50A3B7C1D","ros":"7.18.2","cpu":3,' +
      '"umem":261480448,"fmem":812261376,"uptime":"1w2d03:04:05"}';
    const [message] = await waitFor(
      () => receivedOn("seed/telemetry").length > 0 && receivedOn("seed/telemetry"),
      {
        what: "the telemetry message",
      },
    );
    assert.equal(message?.payload.toString("utf8"), expected);
    assert.equal(message?.qos, 0);
    assert.equal(message?.retain, false);
    assert.deepEqual(out, [
      "[*] Gathering system info...",
      `[*] Total message size: ${expected.length} bytes`,
      "[*] Sending message to MQTT broker...",
      "[*] Done",
    ]);
    assert.deepEqual(logs, [`info ${expected}`]);
    assert.equal(result.published, 1);
  });

  test("qos and retain reach the broker as the script asks", async () => {
    const script = [
      '/iot mqtt publish broker=lab topic="qos/zero" message="q0"',
      '/iot mqtt publish broker=lab topic="qos/one" message="q1" qos=1',
      '/iot mqtt publish broker=lab topic="qos/two" message="q2" qos=2 retain=yes',
    ].join("\n");
    const { result } = await run(script, { brokers: everyNameToEmbedded });
    assert.equal(result.status, "ok", JSON.stringify(result.failures));
    const got = await waitFor(
      () => {
        const all = ["qos/zero", "qos/one", "qos/two"].map((t) => receivedOn(t)[0]);
        return all.every(Boolean) && all;
      },
      { what: "three messages" },
    );
    assert.deepEqual(
      got.map((m) => [m?.payload.toString(), m?.qos, m?.retain]),
      [
        ["q0", 0, false],
        ["q1", 1, false],
        ["q2", 2, true],
      ],
    );
  });

  test("payloads are the script's bytes (UTF-8 text and \\XX escapes)", async () => {
    const { result } = await run('/iot mqtt publish broker=b topic="bytes" message="é\\41\\00"', {
      brokers: everyNameToEmbedded,
    });
    assert.equal(result.status, "ok", JSON.stringify(result.failures));
    const [m] = await waitFor(() => receivedOn("bytes").length > 0 && receivedOn("bytes"), { what: "bytes" });
    assert.deepEqual([...(m?.payload ?? [])], [0xc3, 0xa9, 0x41, 0x00]);
  });

  test("a broker added by the script is used with its own address and port", async () => {
    const script = [
      `/iot mqtt brokers add name=local address=127.0.0.1 port=${broker.port} client-id=script-client`,
      '/iot mqtt publish broker=local topic="declared/broker" message="hi" qos=1',
      ":put [/iot mqtt brokers get local connected]",
    ].join("\n");
    const { result, out } = await run(script);
    assert.equal(result.status, "ok", JSON.stringify(result.failures));
    const [m] = await waitFor(
      () => receivedOn("declared/broker").length > 0 && receivedOn("declared/broker"),
      {
        what: "message",
      },
    );
    assert.equal(m?.clientId, "script-client");
    assert.deepEqual(out, ["true"]);
  });

  test("an unknown broker is a script error at the publish line", async () => {
    const { result } = await run(':put "x"\n/iot mqtt publish broker=nowhere topic=t message=m');
    assert.equal(result.status, "error");
    assert.deepEqual(
      result.failures.map((f) => `${f.line}:${f.column} ${f.code} ${f.message}`),
      ['2:1 RSC4004 failure: no broker named "nowhere" in /iot mqtt brokers'],
    );
  });

  test("a broker failure can be caught with on-error and :onerror", async () => {
    const script = [
      "/iot mqtt brokers add name=dead address=127.0.0.1 port=1",
      ':do { /iot mqtt publish broker=dead topic=t message=m qos=1 } on-error={ :put "caught" }',
      ':put [:onerror e in={ /iot mqtt publish broker=dead topic=t message=m } do={ :put ("message: " . [:pick $e 0 8]) }]',
    ].join("\n");
    const { result, out } = await run(script, { mqttDeadlineMs: 3000 });
    assert.equal(result.status, "ok", JSON.stringify(result.failures));
    assert.deepEqual(out, ["caught", "message: failure:", "true"]);
  });

  test("publishing without a topic is refused", async () => {
    const { result } = await run("/iot mqtt publish broker=b message=m", { brokers: everyNameToEmbedded });
    assert.deepEqual(
      result.failures.map((f) => f.message),
      ["missing value for argument topic"],
    );
  });
});

describe("an MQTT side of the caller (as VS Code gives one)", () => {
  test("sees the run's broker entries, gets every publish, and is not closed by the run", async () => {
    const calls: string[] = [];
    let declaredAddress: string | undefined;
    let closed = false;
    const { result } = await run(
      [
        "/iot mqtt brokers add name=own address=192.0.2.7 port=1884",
        '/iot mqtt publish broker=own topic="fake/t" message="m" qos=2 retain=yes',
        '/iot mqtt subscribe broker=own topic="fake/#"',
      ].join("\n"),
      {
        mqtt: (brokers) => ({
          publish: async (broker, topic, payload, request) => {
            declaredAddress = brokers.declared(broker)?.address;
            calls.push(
              `publish ${broker} ${topic} ${payload.toString()} qos=${request.qos} retain=${request.retain}`,
            );
          },
          connect: async (broker) => void calls.push(`connect ${broker}`),
          disconnect: async (broker) => void calls.push(`disconnect ${broker}`),
          subscribe: async (broker, filter, qos) => void calls.push(`subscribe ${broker} ${filter} ${qos}`),
          unsubscribe: async (broker, filter) => void calls.push(`unsubscribe ${broker} ${filter}`),
          onMessage: () => () => {},
          onConnectedChange: () => () => {},
          close: async () => {
            closed = true;
          },
        }),
      },
    );
    assert.equal(result.status, "ok", JSON.stringify(result.failures));
    assert.deepEqual(calls, ["publish own fake/t m qos=2 retain=true", "subscribe own fake/# 0"]);
    assert.equal(declaredAddress, "192.0.2.7");
    assert.equal(result.published, 1);
    assert.equal(closed, false);
  });
});

describe("connections and subscriptions", () => {
  test("connect and disconnect show in the broker's connected property", async () => {
    const script = [
      `/iot mqtt brokers add name=lab address=127.0.0.1 port=${broker.port}`,
      ":put [/iot mqtt brokers get lab connected]",
      "/iot mqtt connect broker=lab",
      ":put [/iot mqtt brokers get lab connected]",
      "/iot mqtt disconnect broker=lab",
      ":put [/iot mqtt brokers get lab connected]",
    ].join("\n");
    const { result, out } = await run(script);
    assert.equal(result.status, "ok", JSON.stringify(result.failures));
    assert.deepEqual(out, ["false", "true", "false"]);
  });

  test("subscribe adds a subscription entry and unsubscribe removes it", async () => {
    const script = [
      '/iot mqtt subscribe broker=b topic="sub/one" qos=1',
      '/iot mqtt subscribe broker=b topic="sub/two"',
      ":put [/iot mqtt subscriptions print count-only]",
      ':put [/iot mqtt subscriptions get [find topic="sub/one"] qos]',
      '/iot mqtt unsubscribe broker=b topic="sub/one"',
      ":put [/iot mqtt subscriptions print count-only]",
      ':do { /iot mqtt unsubscribe broker=b topic="sub/none" } on-error={ :put "not subscribed" }',
    ].join("\n");
    const { result, out } = await run(script, { brokers: everyNameToEmbedded });
    assert.equal(result.status, "ok", JSON.stringify(result.failures));
    assert.deepEqual(out, ["2", "1", "1", "not subscribed"]);
  });
});

describe("on-message", () => {
  test("one subscription runs per message, by RouterOS's priority", async () => {
    const script = [
      '/iot mqtt subscriptions add broker=b topic="prio/a/b" on-message={ :put "exact $msgTopic $msgData" }',
      '/iot mqtt subscriptions add broker=b topic="prio/+/b" on-message={ :put "plus $msgTopic $msgData" }',
      '/iot mqtt subscriptions add broker=b topic="prio/#" on-message={ :put "far-hash $msgTopic $msgData" }',
      '/iot mqtt subscriptions add broker=b topic="prio/a/#" on-message={ :put "near-hash $msgTopic $msgData" }',
      ':foreach t in={"prio/a/b";"prio/x/b";"prio/a/c";"prio/z"} do={',
      '  /iot mqtt publish broker=b topic=$t message="m" qos=1',
      "}",
    ].join("\n");
    const { result, out } = await run(script, { brokers: everyNameToEmbedded }, (c) => c.out.length >= 4);
    assert.equal(result.status, "ok", JSON.stringify(result.failures));
    assert.equal(result.listened, true);
    assert.deepEqual([...out].sort(), [
      "exact prio/a/b m",
      "far-hash prio/z m",
      "near-hash prio/a/c m",
      "plus prio/x/b m",
    ]);
  });

  test("on-message scripts see $msgData and $msgTopic but not the main script's locals or globals", async () => {
    const script = [
      ":local secret 1",
      ":global shared 2",
      // A function as the handler: its unknown names are parameters, so the script compiles and this runs.
      ":local handler do={",
      '  :put ("data=" . $msgData . " topic=" . $msgTopic . " local=" . [:typeof $secret] . " global=" . [:typeof $shared])',
      "  :global shared",
      '  :put ("redeclared=" . $shared)',
      "}",
      '/iot mqtt subscriptions add broker=b topic="vars/t" on-message=$handler',
      '/iot mqtt publish broker=b topic="vars/t" message="payload" qos=1',
    ].join("\n");
    const { out } = await run(script, { brokers: everyNameToEmbedded }, (c) => c.out.length >= 2);
    assert.deepEqual(out, ["data=payload topic=vars/t local=nothing global=nothing", "redeclared=2"]);
  });

  test("at most parallel-scripts-limit on-message scripts run at a time", async () => {
    const script = [
      `/iot mqtt brokers add name=limited address=127.0.0.1 port=${broker.port} parallel-scripts-limit=3`,
      ":global active 0",
      ":global peak 0",
      '/iot mqtt subscriptions add broker=limited topic="limit/+" on-message={',
      "  :global active; :global peak",
      "  :set active ($active + 1)",
      "  :if ($active > $peak) do={ :set peak $active }",
      "  :delay 200ms",
      "  :set active ($active - 1)",
      '  :put "done peak=$peak"',
      "}",
      ':for i from=1 to=8 do={ /iot mqtt publish broker=limited topic="limit/$i" message="$i" }',
    ].join("\n");
    const { result, out } = await run(script, {}, (c) => c.out.length >= 8);
    assert.equal(result.status, "ok", JSON.stringify(result.failures));
    assert.equal(result.onMessageRuns, 8);
    const peaks = out.map((l) => Number(/peak=(\d+)/.exec(l)?.[1]));
    assert.equal(Math.max(...peaks), 3);
  });

  test("an on-message script with a catastrophic regex does not keep other messages from being handled", async () => {
    const script = [
      '/iot mqtt subscriptions add broker=b topic="regex/+" on-message={',
      '  :if ($msgTopic = "regex/slow") do={ :put ("slow " . ($msgData ~ "^(a+)+\\$")) } else={ :put "handled $msgTopic" }',
      "}",
      `/iot mqtt publish broker=b topic="regex/slow" message="${"a".repeat(40)}b" qos=1`,
      ':for i from=1 to=3 do={ /iot mqtt publish broker=b topic="regex/$i" message="m" qos=1 }',
    ].join("\n");
    const { result, out } = await run(script, { brokers: everyNameToEmbedded }, (c) => c.out.length >= 4);
    assert.equal(result.status, "ok", JSON.stringify(result.failures));
    assert.deepEqual([...out].sort(), [
      "handled regex/1",
      "handled regex/2",
      "handled regex/3",
      "slow false",
    ]);
  });

  test("an on-message error is reported and the run goes on", async () => {
    const script = [
      '/iot mqtt subscriptions add broker=b topic="fail/+" on-message={ :if ($msgData = "bad") do={ :error "bad message" }; :put "ok $msgData" }',
      '/iot mqtt publish broker=b topic="fail/1" message="bad" qos=1',
      '/iot mqtt publish broker=b topic="fail/2" message="good" qos=1',
    ].join("\n");
    const { result, out, handlerFailures } = await run(
      script,
      { brokers: everyNameToEmbedded },
      (c) => c.out.length >= 1 && c.handlerFailures.length >= 1,
    );
    assert.equal(result.status, "ok");
    assert.deepEqual(out, ["ok good"]);
    assert.deepEqual(
      handlerFailures.map((f) => `${f.source}:${f.line}:${f.column} ${f.message}`),
      ["test.rsc:1:94 bad message"],
    );
    assert.equal(result.onMessageRuns, 2);
    assert.equal(result.failedOnMessageRuns, 1);
  });

  test("an on-message script set by string is checked when it runs: a :set of an undeclared variable fails the run", async () => {
    const script = [
      '/iot mqtt subscriptions add broker=b topic="str/t" on-message=":put \\$msgData; :set nope 1"',
      '/iot mqtt publish broker=b topic="str/t" message="m" qos=1',
    ].join("\n");
    const { result, out, handlerFailures } = await run(
      script,
      { brokers: everyNameToEmbedded },
      (c) => c.handlerFailures.length >= 1,
    );
    assert.equal(result.status, "ok");
    assert.deepEqual(out, [], "nothing of the handler ran");
    assert.deepEqual(
      handlerFailures.map((f) => `${f.code} ${f.source}:${f.line}:${f.column} ${f.message}`),
      [
        "RSC4009 <on-message>:1:21 variable nope is not declared: :set needs an earlier ':local nope' or ':global nope'",
      ],
    );
    assert.equal(result.failedOnMessageRuns, 1);
  });

  test("messages without an on-message script are kept in subscriptions recv", async () => {
    const script = [
      '/iot mqtt subscribe broker=b topic="recv/t"',
      '/iot mqtt publish broker=b topic="recv/t" message="kept" qos=1',
      ":while ([:len [/iot mqtt subscriptions recv find]] = 0) do={ :delay 10ms }",
      ':put [/iot mqtt subscriptions recv get [find topic="recv/t"] data]',
      "/iot mqtt subscriptions recv clear",
      ":put [:len [/iot mqtt subscriptions recv find]]",
    ].join("\n");
    const { result, out } = await run(script, { brokers: everyNameToEmbedded });
    assert.equal(result.status, "ok", JSON.stringify(result.failures));
    assert.equal(result.listened, false);
    assert.deepEqual(out, ["kept", "0"]);
  });
});

describe(":execute jobs", () => {
  test("a failed job is counted and reported as an :execute failure; one still running at the end is not", async () => {
    const reported: string[] = [];
    const { result, out } = await run(
      [
        ':execute { :put "job ok" }',
        ':execute {\n  :error "job failed"\n}',
        ":execute { :while (true) do={ :delay 10ms } }",
        ':put "main done"',
      ].join("\n"),
      {
        timeoutMs: 500,
        onHandlerFailure: (f, origin) =>
          reported.push(`${origin} ${f.source}:${f.line}:${f.column} ${f.message}`),
      },
    );
    assert.equal(result.status, "ok", JSON.stringify(result.failures));
    assert.deepEqual(out.sort(), ["job ok", "main done"]);
    assert.deepEqual(reported, ["execute test.rsc:3:3 job failed"]);
    assert.equal(result.executeJobs, 3);
    assert.equal(result.failedExecuteJobs, 1);
    assert.equal(result.failedOnMessageRuns, 0);
  });

  test("jobs that end well are counted, none failed", async () => {
    const { result, out } = await run(':execute { :put "a" }\n:execute ":put \\"b\\""');
    assert.equal(result.status, "ok", JSON.stringify(result.failures));
    assert.deepEqual(out.sort(), ["a", "b"]);
    assert.equal(result.executeJobs, 2);
    assert.equal(result.failedExecuteJobs, 0);
  });
});

describe("time limits", () => {
  test("a script running past the timeout ends as a timeout at the line it was on", async () => {
    const { result } = await run(':put "start"\n:while (true) do={}', { timeoutMs: 200 });
    assert.equal(result.status, "timeout");
    assert.deepEqual(
      result.failures.map((f) => `${f.line} ${f.code} ${f.message}`),
      ["2 RSC4006 script did not finish within 0.2 s"],
    );
  });

  test("listening for on-message scripts ends at the timeout as a success", async () => {
    const { result } = await run(
      '/iot mqtt subscriptions add broker=b topic="idle" on-message={ :put $msgData }',
      {
        brokers: everyNameToEmbedded,
        timeoutMs: 300,
      },
    );
    assert.equal(result.status, "ok");
    assert.equal(result.listened, true);
  });

  test("a script that ends with :exit does not listen", async () => {
    const { result } = await run(
      '/iot mqtt subscriptions add broker=b topic="exit" on-message={ :put $msgData }\n:exit',
      {
        brokers: everyNameToEmbedded,
      },
    );
    assert.equal(result.status, "ok");
    assert.equal(result.listened, false);
  });
});

// The fleet view's parts against a real Mosquitto: MQTT 5 user properties and the other PUBLISH properties end to end (publish, receive, store, export), the same messages through MQTT 3.1.1 (no properties; publishing properties refused), retained messages of a subtree marked, counted in the tree and cleared; the retained mark of messages retained or cleared while listening, over MQTT 5 (Retain As Published) and MQTT 3.1.1, against what the broker keeps.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { exportHistory } from "../../../client/src/messages/historyExport";
import { MessageHub } from "../../../client/src/messages/messageHub";
import { TopicTrees } from "../../../client/src/messages/topicTrees";
import { makeBrokerProfile, type BrokerProfile } from "../../../client/src/mqtt/brokerProfile";
import type { MessageProperties } from "../../../client/src/mqtt/messageProperties";
import { mosquittoSkipReason, startMosquitto, type MosquittoBroker } from "../../support/mosquitto";
import { createHarness, type Harness } from "../../support/mqttHarness";
import { waitFor } from "../../support/waitFor";

const skip = mosquittoSkipReason();
if (skip) process.stdout.write(`# skipping Mosquitto fleet tests: ${skip}\n`);

const PROPERTIES: MessageProperties = {
  contentType: "application/json",
  responseTopic: "fleet/replies/r7",
  correlationData: Buffer.from("req-42"),
  messageExpiryInterval: 300,
  payloadFormatIndicator: true,
  userProperties: [
    ["site", "eu-1"],
    ["role", "edge"],
    ["role", "backup"],
  ],
};

describe("Mosquitto: MQTT 5 properties and retained subtrees", { skip }, () => {
  let broker: MosquittoBroker;
  let profiles: (name: string, version: 4 | 5) => BrokerProfile;
  const harnesses: Harness[] = [];
  const harness = (list: BrokerProfile[]): Harness => {
    const h = createHarness(list);
    harnesses.push(h);
    return h;
  };

  before(async () => {
    broker = await startMosquitto();
    profiles = (name, version) =>
      makeBrokerProfile({
        name,
        address: "127.0.0.1",
        port: broker.ports.plain,
        clientId: `fleet-${name}-${process.pid}`,
        protocolVersion: version,
      });
  });
  after(async () => {
    for (const h of harnesses) await h.dispose();
    await broker?.dispose();
  });

  test("MQTT 5: properties reach an MQTT 5 subscriber, its store and the export; an MQTT 3.1.1 subscriber gets the payload only", async () => {
    const v5 = profiles("v5", 5);
    const v4 = profiles("v4", 4);
    const sub5 = harness([v5]);
    const sub4 = harness([v4]);
    const pub = harness([profiles("pub5", 5)]);
    const hub = new MessageHub();
    sub5.manager.onMessage((name, topic, payload, info) =>
      hub.add(name, topic, payload, {
        qos: info.qos,
        retain: info.retain,
        ...(info.properties ? { properties: info.properties } : {}),
      }),
    );
    await sub5.manager.subscribe("v5", "fleet/props/#", 1);
    await sub4.manager.subscribe("v4", "fleet/props/#", 1);
    await pub.manager.publish("pub5", "fleet/props/r7", '{"cpu-load":12}', {
      qos: 1,
      properties: PROPERTIES,
    });

    const [got5] = await sub5.waitForMessages(1);
    const [got4] = await sub4.waitForMessages(1);
    assert.equal(got5?.payload, '{"cpu-load":12}');
    assert.deepEqual(got5?.info.properties, PROPERTIES);
    assert.equal(got4?.payload, '{"cpu-load":12}');
    assert.equal(got4?.info.properties, undefined);

    await waitFor(() => hub.store("v5")?.last("fleet/props/r7"), { what: "the message in the store" });
    assert.deepEqual(hub.store("v5")?.last("fleet/props/r7")?.properties, PROPERTIES);
    const record = JSON.parse(
      exportHistory(hub.store("v5")?.history("fleet/props/r7") ?? [], "ndjson").text,
    ) as {
      properties: unknown;
    };
    assert.deepEqual(record.properties, {
      contentType: "application/json",
      responseTopic: "fleet/replies/r7",
      correlationDataHex: Buffer.from("req-42").toString("hex"),
      messageExpiryInterval: 300,
      payloadFormatIndicator: true,
      userProperties: [
        { name: "site", value: "eu-1" },
        { name: "role", value: "edge" },
        { name: "role", value: "backup" },
      ],
    });
    hub.dispose();
  });

  test("MQTT 3.1.1: publishing with properties is refused in words, without properties it goes", async () => {
    const pub = harness([profiles("pub4", 4)]);
    await assert.rejects(
      pub.manager.publish("pub4", "fleet/props/x", "1", {
        qos: 1,
        properties: { contentType: "text/plain" },
      }),
      /speaks MQTT 3\.1\.1: message properties need mqtt-version=5/,
    );
    await pub.manager.publish("pub4", "fleet/props/x", "1", { qos: 1 });
  });

  test("retained messages of a subtree: marked in the store, counted by the tree, cleared with empty retained messages", async () => {
    const pub = harness([profiles("pubr", 5)]);
    const routers = ["r1", "r2", "r3"];
    for (const r of routers) {
      await pub.manager.publish("pubr", `fleet/ha/${r}/config`, `{"name":"${r}"}`, { qos: 1, retain: true });
    }
    await pub.manager.publish("pubr", "fleet/ha/r1/state", "live", { qos: 1 });

    const watcher = harness([profiles("watch", 4)]);
    const hub = new MessageHub({ intervalMs: 20 });
    const trees = new TopicTrees(hub);
    hub.onBatch((name, batch) => trees.note(name, batch));
    watcher.manager.onMessage((name, topic, payload, info) => hub.add(name, topic, payload, info));
    hub.setSubscriptions("watch", ["fleet/ha/#"]);
    await watcher.manager.subscribe("watch", "fleet/ha/#", 1);
    await watcher.waitForMessages(3);
    const tree = trees.tree("watch", "fleet/ha/#");
    await waitFor(
      () => {
        trees.sync("watch");
        return tree.stats(undefined, Date.now())?.retained === 3;
      },
      { what: "three retained topics in the tree" },
    );
    const retained = tree.topicsUnder(undefined).filter((t) => hub.store("watch")?.topic(t)?.retained);
    assert.deepEqual(retained.sort(), ["fleet/ha/r1/config", "fleet/ha/r2/config", "fleet/ha/r3/config"]);

    // What "Clear Retained Messages Below" sends: an empty retained message per retained topic.
    for (const topic of retained)
      await pub.manager.publish("pubr", topic, Buffer.alloc(0), { qos: 1, retain: true });
    await waitFor(
      () => {
        trees.sync("watch");
        return tree.stats(undefined, Date.now())?.retained === 0;
      },
      { what: "the retained marks cleared by the empty messages" },
    );
    const fresh = harness([profiles("fresh", 4)]);
    await fresh.manager.subscribe("fresh", "fleet/ha/#", 1);
    await pub.manager.publish("pubr", "fleet/ha/marker", "end", { qos: 1 });
    const got = await fresh.waitForMessages(1);
    assert.deepEqual(
      got.map((m) => m.topic),
      ["fleet/ha/marker"],
      "a new subscriber gets no retained message any more",
    );
    hub.dispose();
  });
  /** One step of the live retained story, what the broker then keeps, and the mark over MQTT 5 and MQTT 3.1.1. */
  type LiveStep = [
    action: "retained" | "plain" | "empty" | "clear" | "resubscribe",
    keeps: boolean,
    v5: boolean,
    v4: boolean,
  ];
  const LIVE_STEPS: LiveStep[] = [
    // MQTT 3.1.1 §3.3.1.3: a message that matches an established subscription is sent with RETAIN 0.
    ["retained", true, true, false],
    // ... and RETAIN 1 when sent because a subscription was made: subscribing again marks it.
    ["resubscribe", true, true, true],
    // MQTT 5.0 §3.3.1.3: a plain message does not replace or delete the retained one.
    ["plain", true, true, true],
    // An empty plain message neither: MQTT 5 knows (Retain As Published); MQTT 3.1.1 cannot tell it from a clear.
    ["empty", true, true, false],
    ["resubscribe", true, true, true],
    // An empty retained message deletes the retained one: over MQTT 3.1.1 it arrives unflagged, and unmarks too.
    ["clear", false, false, false],
  ];

  for (const version of [5, 4] as const) {
    test(`MQTT ${version === 5 ? "5" : "3.1.1"}: the retained mark of messages retained and cleared while listening`, async () => {
      const topic = `fleet/live/v${version}/config`;
      const pub = harness([profiles(`pub-live${version}`, 5)]);
      const watcher = harness([profiles(`live${version}`, version)]);
      const name = `live${version}`;
      const hub = new MessageHub({ intervalMs: 20 });
      const trees = new TopicTrees(hub);
      hub.onBatch((broker, batch) => trees.note(broker, batch));
      watcher.manager.onMessage((broker, t, payload, info) => hub.add(broker, t, payload, info));
      hub.setSubscriptions(name, [topic]);
      await watcher.manager.subscribe(name, topic, 1);
      let expected = 0;
      let probe = 0;
      for (const [i, [action, keeps, v5, v4]] of LIVE_STEPS.entries()) {
        if (action === "resubscribe") {
          await watcher.manager.unsubscribe(name, topic);
          await watcher.manager.subscribe(name, topic, 1);
          expected += 1; // the broker sends its retained message again
        } else {
          const payload = action === "retained" ? `{"step":${i}}` : action === "plain" ? "live" : "";
          await pub.manager.publish(`pub-live${version}`, topic, payload, {
            qos: 1,
            retain: action === "retained" || action === "clear",
          });
          expected += 1;
        }
        await waitFor(() => hub.store(name)?.countOf(topic) === expected, {
          what: `message ${expected} after "${action}"`,
        });
        const mark = version === 5 ? v5 : v4;
        const step = `step ${i} (${action})`;
        assert.equal(hub.store(name)?.isRetained(topic), mark, `${step}: the store's mark`);
        const tree = trees.tree(name, topic);
        await waitFor(
          () => {
            trees.sync(name);
            return tree.stats(undefined, Date.now())?.retained === Number(mark);
          },
          { what: `${step}: the tree counting ${Number(mark)} retained` },
        );
        // What the broker keeps: a new subscriber gets the retained message before a marker published after it subscribed.
        const probeName = `probe${version}-${probe}`;
        const fresh = harness([profiles(probeName, 5)]);
        const marker = `fleet/live/marker/v${version}/${probe++}`;
        await fresh.manager.subscribe(probeName, topic, 1);
        await fresh.manager.subscribe(probeName, marker, 1);
        await pub.manager.publish(`pub-live${version}`, marker, "end", { qos: 1 });
        const got = await fresh.waitForMessages(1, (m) => m.topic === marker);
        assert.equal(
          fresh.messages.indexOf(got[0] as (typeof got)[number]) > 0,
          keeps,
          `${step}: the broker keeps a retained message`,
        );
        if (version === 5)
          assert.equal(mark, keeps, `${step}: over MQTT 5 the mark is what the broker keeps`);
      }
      hub.dispose();
    });
  }
});

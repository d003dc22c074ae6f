// The message hub under a flood: one coalesced notification per broker and interval, bounded stores, per-broker separation, and forgetting a broker.
import { test } from "node:test";
import assert from "node:assert/strict";
import { MessageHub } from "../../../client/src/messages/messageHub";
import { FakeClock } from "../../support/fakeClock";

test("a flood of 20,000 messages on two brokers gives one batch per broker per interval", () => {
  const clock = new FakeClock();
  const hub = new MessageHub({
    clock,
    intervalMs: 100,
    limits: { maxMessagesPerTopic: 5, maxBytesPerTopic: 4096, maxPayloadBytes: 1024 },
  });
  const batches: Array<[string, number, number]> = [];
  hub.onBatch((broker, batch) => batches.push([broker, batch.messages, batch.newTopics.length]));
  for (let i = 0; i < 10_000; i++) {
    hub.add("a", `t/${i % 50}`, Buffer.from(`{"i":${i}}`), { qos: 0, retain: false });
    hub.add("b", "x", Buffer.from("y"), { qos: 1, retain: i === 0 });
  }
  assert.deepEqual(batches, [], "nothing is announced before the interval");
  clock.advance(100);
  assert.deepEqual(batches.sort(), [
    ["a", 10_000, 50],
    ["b", 10_000, 1],
  ]);
  assert.equal(hub.store("a")?.topicCount, 50);
  assert.equal(hub.store("a")?.history("t/7").length, 5, "history per topic is bounded");
  assert.equal(hub.store("a")?.topic("t/7")?.count, 200);
  assert.equal(hub.store("b")?.last("x")?.retain, false);
  clock.advance(1000);
  assert.equal(batches.length, 2, "no batch without messages");
});

test("subscriptions tell which topics each filter saw; forgetting a broker drops its store", () => {
  const clock = new FakeClock();
  const hub = new MessageHub({ clock });
  hub.setSubscriptions("a", ["sensors/#", "sensors/+/temp"]);
  hub.add("a", "sensors/k/temp", Buffer.from("21"), { qos: 0, retain: true });
  hub.add("a", "sensors/k/hum", Buffer.from("40"), { qos: 0, retain: false });
  assert.deepEqual(hub.store("a")?.topicsFor("sensors/#"), ["sensors/k/temp", "sensors/k/hum"]);
  assert.deepEqual(hub.store("a")?.topicsFor("sensors/+/temp"), ["sensors/k/temp"]);
  hub.forget("a");
  assert.equal(hub.store("a"), undefined);
  assert.deepEqual(hub.brokerNames(), []);
  clock.advance(1000);
});

test("bad limits are refused at once with the limit's name", () => {
  assert.throws(() => new MessageHub({ limits: { maxMessagesPerTopic: 0 } }), /maxMessagesPerTopic/);
});

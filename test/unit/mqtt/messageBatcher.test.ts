// The batcher stores at once and notifies at most once per interval, with the topics that changed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { MessageBatcher, type MessageBatch } from "../../../client/src/mqtt/messageBatcher";
import { MessageStore } from "../../../client/src/mqtt/messageStore";
import { FakeClock } from "../../support/fakeClock";

const meta = { qos: 0 as const, retain: false };

test("a flood becomes one notification per interval, and the store is current at once", () => {
  const clock = new FakeClock();
  const store = new MessageStore({}, () => clock.now());
  const batches: MessageBatch[] = [];
  const batcher = new MessageBatcher({ store, clock, intervalMs: 150, onBatch: (b) => batches.push(b) });

  // 20,000 messages over one simulated second, in 10 ms slices.
  for (let slice = 0; slice < 100; slice++) {
    for (let i = 0; i < 200; i++) batcher.add(`dev/${i % 50}/m`, Buffer.from(String(i)), meta);
    assert.equal(store.stats().received, (slice + 1) * 200);
    clock.advance(10);
  }
  clock.advance(150);
  assert.ok(batches.length >= 6 && batches.length <= 8, `${batches.length} batches`);
  assert.equal(
    batches.reduce((n, b) => n + b.messages, 0),
    20_000,
  );
  assert.equal(batches[0]?.newTopics.length, 50);
  assert.ok(batches.slice(1).every((b) => b.newTopics.length === 0));
  assert.ok(batches.every((b) => b.topics.length === 50));
  batcher.dispose();
});

test("nothing is sent when nothing arrived; flush sends at once; dispose stops notifications", () => {
  const clock = new FakeClock();
  const store = new MessageStore({}, () => clock.now());
  const batches: MessageBatch[] = [];
  const batcher = new MessageBatcher({ store, clock, intervalMs: 100, onBatch: (b) => batches.push(b) });
  clock.advance(1000);
  assert.equal(batches.length, 0);
  batcher.add("a", Buffer.from("1"), meta);
  batcher.flush();
  assert.deepEqual(batches, [{ topics: ["a"], newTopics: ["a"], messages: 1, removed: [] }]);
  batcher.add("a", Buffer.from("2"), meta);
  batcher.dispose();
  clock.advance(1000);
  assert.equal(batches.length, 1);
  assert.equal(clock.pending, 0);
});

test("a batch lists the topics the store dropped since the previous one", () => {
  const clock = new FakeClock();
  const store = new MessageStore({ maxTopics: 2 });
  const batches: MessageBatch[] = [];
  const batcher = new MessageBatcher({ store, clock, onBatch: (b) => batches.push(b) });
  batcher.add("a", Buffer.from("1"), meta);
  batcher.add("b", Buffer.from("1"), meta);
  batcher.add("c", Buffer.from("1"), meta);
  batcher.flush();
  assert.deepEqual(batches[0]?.removed, ["a"]);
  assert.deepEqual(batches[0]?.topics, ["b", "c"]);
});

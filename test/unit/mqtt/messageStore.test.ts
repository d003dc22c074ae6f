// The bounded message store: history per topic, truncation, byte and topic caps, rates, topics per subscription, clearing; and memory staying bounded under a flood.
import { test } from "node:test";
import assert from "node:assert/strict";
import { MessageStore, type MessageStoreLimits } from "../../../client/src/mqtt/messageStore";
import { RingBuffer } from "../../../client/src/mqtt/ringBuffer";

const meta = { qos: 0 as const, retain: false };
const payload = (text: string): Buffer => Buffer.from(text, "utf8");

function storeWith(
  limits: Partial<MessageStoreLimits>,
  start = 1_000_000,
): { store: MessageStore; clock: { t: number } } {
  const clock = { t: start };
  return { store: new MessageStore(limits, () => clock.t), clock };
}

test("ring buffer keeps the newest items in order", () => {
  const cases: Array<[capacity: number, pushes: number, expected: number[]]> = [
    [3, 0, []],
    [3, 2, [1, 2]],
    [3, 3, [1, 2, 3]],
    [3, 7, [5, 6, 7]],
    [1, 4, [4]],
  ];
  for (const [capacity, pushes, expected] of cases) {
    const ring = new RingBuffer<number>(capacity);
    for (let i = 1; i <= pushes; i++) ring.push(i);
    assert.deepEqual(ring.toArray(), expected);
    assert.equal(ring.newest(), expected[expected.length - 1]);
    assert.equal(ring.oldest(), expected[0]);
  }
});

test("history keeps the newest N per topic; count, last value and retain are tracked", () => {
  const { store } = storeWith({ maxMessagesPerTopic: 3 });
  for (let i = 1; i <= 5; i++) store.add("r1/cpu", payload(`${i}`), { qos: 1, retain: i === 5 });
  store.add("r1/mem", payload("x"), meta);
  assert.deepEqual(
    store.history("r1/cpu").map((m) => m.payload.toString()),
    ["3", "4", "5"],
  );
  const summary = store.topic("r1/cpu");
  assert.equal(summary?.count, 5);
  assert.equal(summary?.held, 3);
  assert.equal(summary?.last.payload.toString(), "5");
  assert.equal(summary?.last.retain, true);
  assert.equal(summary?.last.qos, 1);
  assert.deepEqual(
    store.topics().map((t) => t.topic),
    ["r1/mem", "r1/cpu"],
  );
  assert.equal(store.stats().messages, 4);
});

test("payloads over the cap are cut with a visible flag and their original length", () => {
  const cases: Array<[size: number, truncated: boolean]> = [
    [0, false],
    [10, false],
    [16, false],
    [17, true],
    [100_000, true],
  ];
  const { store } = storeWith({ maxPayloadBytes: 16, maxBytesPerTopic: 4096 });
  for (const [size, truncated] of cases) {
    const m = store.add(`t/${size}`, Buffer.alloc(size, 0x61), meta);
    assert.equal(m.truncated, truncated, `size ${size}`);
    assert.equal(m.originalLength, size);
    assert.equal(m.payload.length, Math.min(size, 16));
  }
  assert.equal(store.stats().truncated, 2);
});

test("a stored payload is a copy: later changes to the network buffer do not show", () => {
  const { store } = storeWith({});
  const network = Buffer.from("hello world");
  store.add("t", network.subarray(0, 5), meta);
  network.write("HELLO");
  assert.equal(store.last("t")?.payload.toString(), "hello");
});

test("per-topic byte cap drops the oldest messages but keeps the newest", () => {
  const { store } = storeWith({ maxPayloadBytes: 1000, maxBytesPerTopic: 2000, maxMessagesPerTopic: 100 });
  for (let i = 0; i < 10; i++) store.add("big", Buffer.alloc(1000, i), meta);
  const held = store.history("big");
  assert.ok(held.length >= 1 && held.length < 10, `held ${held.length}`);
  assert.equal(held[held.length - 1]?.payload[0], 9);
  assert.ok((store.topic("big")?.bytes ?? 0) <= 2000 || held.length === 1);
});

test("global caps evict the least recently updated topics first", () => {
  const { store } = storeWith({ maxTopics: 3 });
  for (const t of ["a", "b", "c"]) store.add(t, payload(t), meta);
  store.add("a", payload("again"), meta);
  store.add("d", payload("d"), meta);
  assert.deepEqual(
    store
      .topics()
      .map((t) => t.topic)
      .sort(),
    ["a", "c", "d"],
  );
  assert.equal(store.stats().evictedTopics, 1);

  const small = storeWith({ maxTotalBytes: 8192, maxBytesPerTopic: 4096, maxPayloadBytes: 1024 }).store;
  for (let i = 0; i < 100; i++) small.add(`t/${i}`, Buffer.alloc(1024), meta);
  assert.ok(small.stats().bytes <= 8192, `bytes ${small.stats().bytes}`);
  assert.ok(small.has("t/99"));
  assert.ok(!small.has("t/0"));
});

test("rates are messages per second over the sliding window", () => {
  const { store, clock } = storeWith({ rateWindowSeconds: 10 }, 5_000_000);
  for (let s = 0; s < 20; s++) {
    for (let i = 0; i < 5; i++) store.add("fast", payload("x"), meta);
    store.add("slow", payload("y"), meta);
    clock.t += 1000;
  }
  clock.t -= 1;
  const cases: Array<[topic: string | undefined, expected: number]> = [
    ["fast", 5],
    ["slow", 1],
    [undefined, 6],
    ["never", 0],
  ];
  for (const [topic, expected] of cases) {
    const rate = store.rate(topic);
    assert.ok(
      Math.abs(rate - expected) < expected * 0.12 + 0.01,
      `${topic ?? "all"}: ${rate} vs ${expected}`,
    );
  }
  clock.t += 60_000;
  assert.equal(store.rate("fast"), 0);
});

test("topics seen per subscription, and clearing a topic or a subtree", () => {
  const { store } = storeWith({});
  store.add("early/x", payload("1"), meta);
  store.setSubscriptions(["r/+/cpu", "r/#", "early/#"]);
  for (const t of ["r/1/cpu", "r/2/cpu", "r/1/mem", "other"]) store.add(t, payload(t), meta);
  const cases: Array<[filter: string, topics: string[]]> = [
    ["r/+/cpu", ["r/1/cpu", "r/2/cpu"]],
    ["r/#", ["r/1/cpu", "r/2/cpu", "r/1/mem"]],
    ["early/#", ["early/x"]],
    ["not-subscribed", []],
  ];
  for (const [filter, topics] of cases) assert.deepEqual(store.topicsFor(filter), topics, filter);

  assert.equal(store.clearTopic("r/2/cpu"), true);
  assert.equal(store.clearTopic("r/2/cpu"), false);
  assert.deepEqual(store.topicsFor("r/+/cpu"), ["r/1/cpu"]);
  assert.equal(store.clearMatching("r/#"), 2);
  assert.deepEqual(store.topicsFor("r/#"), []);
  assert.deepEqual(
    store
      .topics()
      .map((t) => t.topic)
      .sort(),
    ["early/x", "other"],
  );
  store.clear();
  assert.deepEqual(store.stats(), { ...store.stats(), topics: 0, messages: 0, bytes: 0 });
});

test("memory stays bounded under a flood of unique topics and big payloads", () => {
  const limits = {
    maxTotalBytes: 2 * 1024 * 1024,
    maxTopics: 1000,
    maxPayloadBytes: 4096,
    maxBytesPerTopic: 64 * 1024,
  };
  const { store } = storeWith(limits);
  const big = Buffer.alloc(100_000, 1);
  for (let i = 0; i < 50_000; i++) {
    store.add(`flood/${i % 5000}/${i}`, i % 100 === 0 ? big : payload(`{"v":${i}}`), meta);
    if (i % 5000 === 0) {
      const s = store.stats();
      assert.ok(s.bytes <= limits.maxTotalBytes && s.topics <= limits.maxTopics, JSON.stringify(s));
    }
  }
  const s = store.stats();
  assert.equal(s.received, 50_000);
  assert.ok(s.topics <= 1000 && s.bytes <= limits.maxTotalBytes);
  assert.equal(s.evictedTopics, 50_000 - s.topics);
});

test("bad limits are refused with the limit's name", () => {
  const bad: Array<[Partial<MessageStoreLimits>, RegExp]> = [
    [{ maxTopics: 0 }, /maxTopics/],
    [{ maxMessagesPerTopic: 1.5 }, /maxMessagesPerTopic/],
    [{ maxPayloadBytes: 2000, maxBytesPerTopic: 1000 }, /maxPayloadBytes/],
    [{ maxBytesPerTopic: 10_000_000, maxTotalBytes: 1_000_000 }, /maxBytesPerTopic/],
  ];
  for (const [limits, message] of bad) assert.throws(() => new MessageStore(limits), message);
});

test("retained mark per topic: exact with Retain As Published (MQTT 5), as delivered when subscribing over MQTT 3.1.1", () => {
  // Each step: payload, retain flag. `rap`: the flag is the publisher's (MQTT 5 subscription with Retain As Published).
  // Sources: MQTT 5.0 §3.3.1.3 (retained store: an empty retained message deletes it, a plain one leaves it) and
  // §3.8.3.1 (Retain As Published); MQTT 3.1.1 §3.3.1.3 (a live message is always sent with RETAIN 0).
  const cases: Array<[rap: boolean, steps: Array<[payload: string, retain: boolean]>, retained: boolean]> = [
    [false, [["1", false]], false],
    [false, [["1", true]], true],
    [
      false,
      [
        ["1", true],
        ["2", false],
      ],
      true,
    ],
    [
      false,
      [
        ["1", true],
        ["", true],
      ],
      false,
    ],
    // 3.1.1: a live clear arrives unflagged, so any empty message unmarks (it cannot be told from a clear).
    [
      false,
      [
        ["1", true],
        ["", false],
      ],
      false,
    ],
    [
      false,
      [
        ["1", true],
        ["", false],
        ["2", false],
      ],
      false,
    ],
    [true, [["1", false]], false],
    [true, [["1", true]], true],
    // A live retained publish keeps its flag: marked without subscribing again.
    [
      true,
      [
        ["1", false],
        ["2", true],
      ],
      true,
    ],
    [
      true,
      [
        ["1", true],
        ["2", false],
      ],
      true,
    ],
    [
      true,
      [
        ["1", true],
        ["", true],
      ],
      false,
    ],
    // An empty message that is not retained leaves the broker's retained message where it was.
    [
      true,
      [
        ["1", true],
        ["", false],
      ],
      true,
    ],
    [
      true,
      [
        ["1", true],
        ["", true],
        ["2", false],
      ],
      false,
    ],
  ];
  for (const [rap, steps, retained] of cases) {
    const { store } = storeWith({});
    for (const [text, retain] of steps)
      store.add("t", payload(text), { qos: 0, retain, retainAsPublished: rap });
    assert.equal(store.topic("t")?.retained, retained, JSON.stringify({ rap, steps }));
    assert.equal(store.isRetained("t"), retained);
    assert.equal(store.topic("t")?.retainAsPublished, rap);
  }
});

test("MQTT 5 properties are kept with the message and counted in its bytes", () => {
  const { store } = storeWith({});
  store.add("plain", payload("x"), meta);
  const properties = {
    contentType: "text/plain",
    userProperties: [["site", "eu-1"]] as Array<[string, string]>,
  };
  store.add("props", payload("x"), { ...meta, properties });
  assert.deepEqual(store.last("props")?.properties, properties);
  assert.equal(store.last("plain")?.properties, undefined);
  assert.ok((store.topic("props")?.bytes ?? 0) > (store.topic("plain")?.bytes ?? 0));
});

test("dropped topics are reported once when tracked: evicted and cleared, not those that came back", () => {
  const { store } = storeWith({ maxTopics: 2 });
  store.add("a", payload("1"), meta);
  assert.deepEqual(store.takeRemoved(), [], "nothing tracked before asked");
  store.trackRemovals();
  store.add("b", payload("1"), meta);
  store.add("c", payload("1"), meta); // evicts a
  store.clearTopic("b");
  store.add("b", payload("2"), meta); // back again
  assert.deepEqual(store.takeRemoved(), ["a"]);
  assert.deepEqual(store.takeRemoved(), []);
  store.setSubscriptions(["c/#", "+"]);
  assert.deepEqual(store.filtersOf("c"), ["c/#", "+"]);
});

// Chart series from payloads: a table of payloads and the points they give, the caps on series and points, and a feed that follows a topic of a message store through clears and store changes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { numericFields, timeSeconds } from "../../../client/src/messages/chartFields";
import { ChartFeed } from "../../../client/src/messages/chartFeed";
import { SeriesSet } from "../../../client/src/messages/chartSeries";
import { MessageStore } from "../../../client/src/mqtt";

/** Payload → the fields it gives, written `name=value` (`name=value s` for a time in seconds). */
const FIELDS: Array<[payload: string, fields: string[]]> = [
  ["42", ["value=42"]],
  [" -3.5e2\n", ["value=-350"]],
  ["0", ["value=0"]],
  [
    '{"cpu-load":12,"free-memory":123456,"uptime":"1d2h"}',
    ["cpu-load=12", "free-memory=123456", "uptime=93600 s"],
  ],
  ['{"a":{"b":{"c":1}},"d":2}', ["a.b.c=1", "d=2"]],
  ['{"list":[1,2,3],"n":1}', ["n=1"]],
  ['{"s":"12","f":"1.5","e":"1e5","ip":"10.0.0.1","ver":"7.16.2"}', []],
  ['{"ok":true,"none":null,"name":"router"}', []],
  [
    '{"t1":"00:05:12","t2":"1w2d03:04:05","t3":"200ms","t4":"-5s"}',
    ["t1=312 s", "t2=788645 s", "t3=0.2 s", "t4=-5 s"],
  ],
  ['{"big":1e400,"neg":-0.25}', ["neg=-0.25"]],
  ["1d2h3m", ["value=93780 s"]],
  ["[1,2,3]", []],
  ['"12"', []],
  ["12 apples", []],
  ["007", []],
  ['{"cpu":,"mem":1}', []],
  ["", []],
  ["NaN", []],
  ["Infinity", []],
];

for (const [payload, fields] of FIELDS) {
  test(`fields of ${JSON.stringify(payload)}`, () => {
    const got = numericFields(Buffer.from(payload)).map(
      (f) => `${f.name}=${f.value}${f.unit ? ` ${f.unit}` : ""}`,
    );
    assert.deepEqual(got, fields);
  });
}

test("plain numbers in strings are not times; times need a unit or a colon", () => {
  assert.equal(timeSeconds("12"), undefined);
  assert.equal(timeSeconds("1.5"), undefined);
  assert.equal(timeSeconds("1h30m"), 5400);
  assert.equal(timeSeconds("hello"), undefined);
  assert.equal(timeSeconds("1".repeat(41) + "s"), undefined);
});

test("deep nesting stops at maxDepth; one payload gives at most maxFields fields", () => {
  let deep = "1";
  for (let i = 0; i < 20; i++) deep = `{"k":${deep}}`;
  assert.deepEqual(numericFields(deep), []);
  assert.deepEqual(
    numericFields(deep, { maxDepth: 30, maxFields: 64, maxPayloadBytes: 1 << 16 }).map((f) => f.name.length),
    [20 * 2 - 1],
  );
  const wide = JSON.stringify(Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`f${i}`, i])));
  assert.equal(numericFields(wide).length, 64);
  assert.deepEqual(numericFields(wide, { maxDepth: 8, maxFields: 64, maxPayloadBytes: 100 }), []);
});

/** Payloads in arrival order → series as `name: v1 v2 …` (times are the arrival index). */
const SERIES: Array<[payloads: string[], series: string[]]> = [
  [["1", "2", "3"], ["value: 1 2 3"]],
  [
    ['{"cpu":1,"mem":10}', '{"cpu":2}', '{"mem":30,"temp":40}'],
    ["cpu: 1 2", "mem: 10 30", "temp: 40"],
  ],
  [
    ['{"up":"1m"}', '{"up":120}'],
    ["up (s): 60", "up: 120"],
  ],
  [
    ["1", "not a number", '{"x":5}'],
    ["value: 1", "x: 5"],
  ],
];

for (const [payloads, series] of SERIES) {
  test(`series of ${payloads.join(" | ")}`, () => {
    const set = new SeriesSet();
    payloads.forEach((p, i) => set.add(i, Buffer.from(p)));
    assert.deepEqual(
      set.series().map((s) => `${s.name}: ${s.values.join(" ")}`),
      series,
    );
    for (const s of set.series()) assert.equal(s.times.length, s.values.length);
  });
}

test("points per series are capped, the newest kept; series beyond the cap are left out and counted", () => {
  const set = new SeriesSet({ maxPointsPerSeries: 5, maxSeries: 2 });
  for (let i = 0; i < 1000; i++) set.add(i, `{"a":${i},"b":${-i},"c":1,"d":2}`);
  const [a, b] = set.series();
  assert.deepEqual(a?.values, [995, 996, 997, 998, 999]);
  assert.deepEqual(a?.times, [995, 996, 997, 998, 999]);
  assert.deepEqual(b?.values, [-995, -996, -997, -998, -999]);
  assert.deepEqual(set.names(), ["a", "b"]);
  assert.equal(set.leftOut, 2);
  const mark = set.mark();
  set.add(1000, '{"a":7}');
  assert.deepEqual(set.changesSince(mark), [{ name: "a", times: [1000], values: [7] }]);
});

test("bad limits are refused", () => {
  assert.throws(() => new SeriesSet({ maxSeries: 0 }), /maxSeries/);
});

const meta = { qos: 0 as const, retain: false };

test("a feed starts from the held messages, then reads only new ones", () => {
  let now = 1000;
  const store = new MessageStore({ maxMessagesPerTopic: 3 }, () => now);
  for (const v of [1, 2, 3, 4]) store.add("t", Buffer.from(`{"v":${v}}`), meta, now++);
  store.add("other", Buffer.from("99"), meta);
  const feed = new ChartFeed("t");
  assert.deepEqual(feed.pull(store), {
    reset: false,
    added: [{ name: "v", times: [1001, 1002, 1003], values: [2, 3, 4] }],
  });
  assert.deepEqual(feed.pull(store), { reset: false, added: [] }, "nothing new");
  store.add("t", Buffer.from('{"v":5,"w":"2s"}'), meta, 2000);
  assert.deepEqual(feed.pull(store).added, [
    { name: "v", times: [2000], values: [5] },
    { name: "w (s)", unit: "s", times: [2000], values: [2] },
  ]);
  assert.deepEqual(feed.series.names(), ["v", "w (s)"]);
});

test("a feed empties when the topic is cleared or the store replaced, and starts over with new messages", () => {
  const store = new MessageStore();
  const feed = new ChartFeed("t");
  assert.deepEqual(feed.pull(undefined), { reset: false, added: [] });
  store.add("t", Buffer.from("1"), meta, 10);
  assert.equal(feed.pull(store).added.length, 1);
  store.clearTopic("t");
  assert.deepEqual(feed.pull(store), { reset: true, added: [] });
  assert.deepEqual(feed.pull(store), { reset: false, added: [] }, "reported once");
  store.add("t", Buffer.from("2"), meta, 20);
  assert.deepEqual(feed.pull(store), { reset: false, added: [{ name: "value", times: [20], values: [2] }] });
  const fresh = new MessageStore();
  fresh.add("t", Buffer.from("3"), meta, 30);
  assert.deepEqual(feed.pull(fresh), { reset: true, added: [{ name: "value", times: [30], values: [3] }] });
  assert.deepEqual(feed.pull(undefined), { reset: true, added: [] });
});

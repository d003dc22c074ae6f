// Several topics in one chart: series named after what tells the topics apart, each topic's points pulled from the store, a cleared topic resending everything.
import { test } from "node:test";
import assert from "node:assert/strict";
import { distinctLabels, TopicsChartFeed } from "../../../client/src/messages/topicsChartFeed";
import { MessageStore } from "../../../client/src/mqtt/messageStore";

const LABELS: Array<[topics: string[], labels: string[]]> = [
  [["routers/r1/telemetry"], ["routers/r1/telemetry"]],
  [
    ["routers/r1/telemetry", "routers/r2/telemetry"],
    ["r1/telemetry", "r2/telemetry"],
  ],
  [
    ["routers/r1/interfaces/ether1", "routers/r1/interfaces/ether2"],
    ["ether1", "ether2"],
  ],
  [
    ["a/b", "c/d"],
    ["a/b", "c/d"],
  ],
  [
    ["x/y", "x/y/z"],
    ["y", "y/z"],
  ],
];
for (const [topics, labels] of LABELS) {
  test(`chart labels of ${topics.join(", ")}`, () => {
    assert.deepEqual(distinctLabels(topics), labels);
  });
}

test("a chart of two topics pulls both, names series per topic, and starts over when one is cleared", () => {
  const store = new MessageStore();
  const meta = { qos: 0 as const, retain: false };
  store.add("routers/r1/telemetry", Buffer.from('{"cpu":1}'), meta);
  store.add("routers/r2/telemetry", Buffer.from('{"cpu":2,"temp":40}'), meta);
  const feed = new TopicsChartFeed(["routers/r1/telemetry", "routers/r2/telemetry"]);
  const first = feed.pull(store);
  assert.equal(first.reset, false);
  assert.deepEqual(
    first.added.map((s) => [s.name, s.values]),
    [
      ["r1/telemetry · cpu", [1]],
      ["r2/telemetry · cpu", [2]],
      ["r2/telemetry · temp", [40]],
    ],
  );
  store.add("routers/r1/telemetry", Buffer.from('{"cpu":3}'), meta);
  assert.deepEqual(
    feed.pull(store).added.map((s) => [s.name, s.values]),
    [["r1/telemetry · cpu", [3]]],
  );
  store.clearTopic("routers/r2/telemetry");
  const after = feed.pull(store);
  assert.equal(after.reset, true);
  assert.deepEqual(feed.names(), ["r1/telemetry · cpu"]);
});

// Topic trees kept in step with a message hub: built from the store when first read, updated from noted batches at sync (not per message), dropped topics removed, the view's filter evaluated for changed topics; and the message view's header lines.
import { test } from "node:test";
import assert from "node:assert/strict";
import { headerLines } from "../../../client/src/messages/messageHeader";
import { MessageHub } from "../../../client/src/messages/messageHub";
import { decodePayload } from "../../../client/src/messages/payloadDecoders";
import { parseTopicQuery, type TopicQuery } from "../../../client/src/messages/topicQuery";
import { TopicTrees } from "../../../client/src/messages/topicTrees";
import type { MessageBatch } from "../../../client/src/mqtt";
import { FakeClock } from "../../support/fakeClock";

const meta = { qos: 0 as const, retain: false };

function setup(limits = {}): {
  hub: MessageHub;
  trees: TopicTrees;
  batches: MessageBatch[];
  clock: FakeClock;
} {
  const clock = new FakeClock();
  const hub = new MessageHub({ clock, limits });
  const trees = new TopicTrees(hub, () => clock.now());
  const batches: MessageBatch[] = [];
  hub.onBatch((broker, batch) => {
    batches.push(batch);
    trees.note(broker, batch);
  });
  hub.setSubscriptions("b", ["routers/#", "routers/+/telemetry"]);
  return { hub, trees, batches, clock };
}

function query(text: string): TopicQuery {
  const parsed = parseTopicQuery(text);
  assert.ok(parsed.ok);
  return parsed.query;
}

test("a tree is built from the store, then follows batches at sync", () => {
  const { hub, trees, clock } = setup();
  hub.add("b", "routers/r1/telemetry", Buffer.from('{"cpu":10}'), meta);
  const tree = trees.tree("b", "routers/#");
  assert.equal(tree.size, 1);
  for (let i = 0; i < 100; i++) hub.add("b", "routers/r1/telemetry", Buffer.from('{"cpu":20}'), meta);
  hub.add("b", "routers/r2/telemetry", Buffer.from('{"cpu":90}'), { qos: 0, retain: true });
  clock.advance(200);
  assert.equal(tree.stats(undefined, clock.now())?.messages, 1, "nothing applied before the sync");
  trees.sync("b");
  assert.deepEqual(tree.stats(undefined, clock.now()), {
    topics: 2,
    messages: 102,
    retained: 1,
    matching: 2,
    ratePerSecond: 102,
  });
  assert.equal(trees.tree("b", "routers/+/telemetry").size, 2, "each subscription has its own tree");
});

test("dropped topics leave the trees; a filter shows matching topics only, re-evaluated on new messages", () => {
  const { hub, trees, clock } = setup({ maxTopics: 2 });
  hub.add("b", "routers/r1/telemetry", Buffer.from('{"cpu":10}'), meta);
  hub.add("b", "routers/r2/telemetry", Buffer.from('{"cpu":90}'), meta);
  const tree = trees.tree("b", "routers/#");
  trees.setQuery(query("cpu > 50"));
  assert.deepEqual(
    tree.rows(undefined, true).map((r) => r.label),
    ["r2/telemetry"],
  );
  hub.add("b", "routers/r1/telemetry", Buffer.from('{"cpu":70}'), meta);
  hub.add("b", "routers/r3/telemetry", Buffer.from('{"cpu":5}'), meta); // evicts r2
  clock.advance(200);
  trees.sync("b");
  assert.deepEqual(
    tree.rows(undefined, true).map((r) => r.label),
    ["r1/telemetry"],
  );
  assert.equal(tree.size, 2);
  trees.setQuery(undefined);
  assert.deepEqual(
    tree.rows(undefined, true).map((r) => r.label),
    ["r1/telemetry", "r3/telemetry"],
  );
});

test("the message view's header: decoding and MQTT 5 properties, one fact per line", () => {
  const message = {
    seq: 1,
    topic: "t",
    payload: Buffer.from("eyJjcHUiOjF9"),
    originalLength: 12,
    truncated: false,
    qos: 1 as const,
    retain: false,
    receivedAt: 0,
    properties: {
      contentType: "application/json",
      responseTopic: "reply/here",
      correlationData: Buffer.from([1, 2]),
      messageExpiryInterval: 60,
      userProperties: [
        ["site", "eu-1"],
        ["multi\nline", "x"],
      ] as Array<[string, string]>,
    },
  };
  assert.deepEqual(headerLines(message, decodePayload(message.payload, "base64")), [
    "decoded from base64 (12 bytes)",
    "MQTT 5 properties:",
    "  message expiry: 60 s",
    "  content type: application/json",
    "  response topic: reply/here",
    "  correlation data: 0x0102",
    "  user property: site = eu-1",
    "  user property: multi⏎line = x",
  ]);
  assert.deepEqual(
    headerLines({ ...message, properties: undefined }, decodePayload(message.payload, "text")),
    [],
  );
});

test("a tree built while thousands of topics are held is made in slices: the rest waits for sync", () => {
  const { hub, trees } = setup({ maxTopics: 20_000, maxTotalBytes: 256 * 1024 * 1024 });
  for (let i = 0; i < 20_000; i++)
    hub.add("b", `routers/r${i % 50}/interfaces/if${i}`, Buffer.from("1"), meta);
  const tree = trees.tree("b", "routers/#");
  assert.ok(tree.size > 0);
  while (trees.hasPending("b")) trees.sync("b", 5);
  assert.equal(tree.size, 20_000);
  assert.equal(tree.stats(undefined, 0)?.messages, 20_000);
});

test("a new filter is evaluated for every held topic a slice at a time, none counted as matching before", () => {
  const { hub, trees } = setup();
  const topics = 3_000;
  for (let i = 0; i < topics; i++)
    hub.add("b", `routers/r${i % 50}/if${i}`, Buffer.from(`{"cpu-load":${i % 100}}`), meta);
  const tree = trees.tree("b", "routers/#");
  while (trees.hasPending("b")) trees.sync("b");
  // Each filter replaces the last; a topic pattern alone after a JSON field must not keep the field's answers.
  const steps: Array<[filter: string, matching: number]> = [
    ["cpu-load > 89", 300],
    ["routers/r7/#", 60],
    ["routers/+/+ cpu-load < 10", 300],
  ];
  for (const [filter, matching] of steps) {
    assert.equal(trees.setQuery(query(filter), 0), false, `${filter}: work left after the first slice`);
    const first = tree.stats(undefined, 0)?.matching ?? -1;
    assert.ok(first < matching, `${filter}: ${first} counted after one slice`);
    let slices = 1;
    while (!trees.sync("b", 0)) slices++;
    assert.ok(slices > 1, `${filter}: evaluated in ${slices} slices`);
    assert.equal(tree.stats(undefined, 0)?.matching, matching, filter);
    assert.equal(trees.hasPending("b"), false);
  }
  assert.equal(trees.setQuery(undefined, 0), true, "no filter: nothing to evaluate");
  assert.equal(tree.rows("routers/r7", true).length, 60);
});

// The topic tree of a subscription: rows split at `/` below the filter's fixed levels, natural order, compacted single-child chains, sums per level (topics, messages, retained, matching), removal of emptied levels, rows and parents for reveal.
import { test } from "node:test";
import assert from "node:assert/strict";
import { filterPrefix, TopicTree } from "../../../client/src/messages/topicTree";

const NOW = 1_000_000;

function treeOf(
  prefix: string,
  topics: Array<[topic: string, count: number, retained?: boolean]>,
): TopicTree {
  const tree = new TopicTree(prefix);
  for (const [topic, count, retained = false] of topics) tree.update(topic, { count, retained }, NOW);
  return tree;
}

/** Every row, depth-first, as `  label [topic?] topics/messages/retained`. */
function picture(tree: TopicTree, compact: boolean): string[] {
  const lines: string[] = [];
  const visit = (path: string | undefined, depth: number): void => {
    for (const row of tree.rows(path, compact)) {
      const s = tree.stats(row.path, NOW);
      const mark = row.topic !== undefined ? " •" : "";
      lines.push(`${"  ".repeat(depth)}${row.label}${mark} ${s?.topics}/${s?.messages}/${s?.retained}`);
      if (row.hasChildren) visit(row.path, depth + 1);
    }
  };
  visit(undefined, 0);
  return lines;
}

const PREFIXES: Array<[filter: string, prefix: string]> = [
  ["#", ""],
  ["+/telemetry", ""],
  ["routers/#", "routers/"],
  ["routers/+/telemetry", "routers/"],
  ["site/eu/routers/+/interfaces/#", "site/eu/routers/"],
  ["routers/r1/telemetry", ""],
  ["single", ""],
];
for (const [filter, prefix] of PREFIXES) {
  test(`the tree of subscription ${filter} starts below "${prefix}"`, () => {
    assert.equal(filterPrefix(filter), prefix);
  });
}

const FLEET: Array<[string, number, boolean?]> = [
  ["routers/r10/telemetry", 4],
  ["routers/r2/telemetry", 3],
  ["routers/r2/interfaces/ether1", 2],
  ["routers/r2/interfaces/ether2", 1, true],
  ["homeassistant/sensor/r2_cpu/config", 1, true],
  ["routers", 1],
];

const PICTURES: Array<[name: string, prefix: string, compact: boolean, expected: string[]]> = [
  [
    "whole tree, compact: single-child chains are one row, a level that is a topic is never merged",
    "",
    true,
    [
      "homeassistant/sensor/r2_cpu/config • 1/1/1",
      "routers • 5/11/1",
      "  r2 3/6/1",
      "    interfaces 2/3/1",
      "      ether1 • 1/2/0",
      "      ether2 • 1/1/1",
      "    telemetry • 1/3/0",
      "  r10/telemetry • 1/4/0",
    ],
  ],
  [
    "whole tree, not compact",
    "",
    false,
    [
      "homeassistant 1/1/1",
      "  sensor 1/1/1",
      "    r2_cpu 1/1/1",
      "      config • 1/1/1",
      "routers • 5/11/1",
      "  r2 3/6/1",
      "    interfaces 2/3/1",
      "      ether1 • 1/2/0",
      "      ether2 • 1/1/1",
      "    telemetry • 1/3/0",
      "  r10 1/4/0",
      "    telemetry • 1/4/0",
    ],
  ],
];
for (const [name, prefix, compact, expected] of PICTURES) {
  test(`topic tree: ${name}`, () => {
    assert.deepEqual(picture(treeOf(prefix, FLEET), compact), expected);
  });
}

test("topic tree below a prefix: routers first, the prefix's own topic a row of its own", () => {
  const tree = treeOf(
    "routers/",
    FLEET.filter(([t]) => t.startsWith("routers")),
  );
  assert.deepEqual(picture(tree, true), [
    "routers • 1/1/0",
    "r2 3/6/1",
    "  interfaces 2/3/1",
    "    ether1 • 1/2/0",
    "    ether2 • 1/1/1",
    "  telemetry • 1/3/0",
    "r10/telemetry • 1/4/0",
  ]);
});

test("counts follow the store: later counts add the difference, a cleared retained mark leaves the sums", () => {
  const tree = treeOf("", FLEET);
  tree.update("routers/r2/interfaces/ether2", { count: 5, retained: false }, NOW);
  assert.deepEqual(tree.stats("routers/r2", NOW), {
    topics: 3,
    messages: 10,
    retained: 0,
    matching: 3,
    ratePerSecond: 10,
  });
  assert.equal(tree.stats(undefined, NOW)?.messages, 16);
});

test("removing topics drops emptied levels and keeps the sums right", () => {
  const tree = treeOf("", FLEET);
  tree.remove("routers/r2/interfaces/ether1");
  tree.remove("routers/r2/interfaces/ether2");
  tree.remove("homeassistant/sensor/r2_cpu/config");
  tree.remove("not/held");
  assert.deepEqual(picture(tree, true), [
    "routers • 3/8/0",
    "  r2/telemetry • 1/3/0",
    "  r10/telemetry • 1/4/0",
  ]);
  assert.equal(tree.size, 3);
  assert.deepEqual(tree.topicsUnder("routers").sort(), [
    "routers",
    "routers/r10/telemetry",
    "routers/r2/telemetry",
  ]);
});

test("a filter shows only rows holding a matching topic; a new filter counts none until evaluated", () => {
  const tree = treeOf("", FLEET);
  tree.setFilterActive(true);
  assert.equal(tree.stats(undefined, NOW)?.matching, FLEET.length, "matching by default");
  tree.clearMatches();
  assert.equal(tree.stats(undefined, NOW)?.matching, 0);
  assert.deepEqual(tree.rows(undefined, true), []);
  assert.equal(tree.matches("routers/r2/interfaces/ether1"), false);
  for (const [topic, count, retained = false] of FLEET)
    tree.update(topic, { count, retained }, NOW, topic.includes("ether"));
  assert.deepEqual(
    tree.rows(undefined, true).map((r) => r.label),
    ["routers"],
  );
  assert.deepEqual(
    tree.rows("routers", true).map((r) => r.label),
    ["r2"],
  );
  assert.deepEqual(
    tree.rows("routers/r2", true).map((r) => r.label),
    ["interfaces"],
  );
  assert.equal(tree.stats("routers", NOW)?.matching, 2);
  tree.setFilterActive(false);
  assert.equal(tree.rows(undefined, true).length, 2);
});

test("rows and parents of compacted paths, for revealing a topic", () => {
  const tree = treeOf("", FLEET);
  assert.deepEqual(tree.rowOf("homeassistant/sensor", true), {
    path: "homeassistant/sensor/r2_cpu/config",
    label: "homeassistant/sensor/r2_cpu/config",
    topic: "homeassistant/sensor/r2_cpu/config",
    hasChildren: false,
  });
  assert.equal(tree.parentRow("routers/r10/telemetry", true), "routers");
  assert.equal(tree.parentRow("routers/r2/interfaces/ether1", true), "routers/r2/interfaces");
  assert.equal(tree.parentRow("routers/r10/telemetry", false), "routers/r10");
  assert.equal(tree.parentRow("routers", true), undefined);
});

test("empty levels are rows of their own, named as such", () => {
  const tree = treeOf("", [
    ["/leading", 1],
    ["a//b", 1],
  ]);
  assert.deepEqual(picture(tree, false), [
    "(empty) 1/1/0",
    "  leading • 1/1/0",
    "a 1/1/0",
    "  (empty) 1/1/0",
    "    b • 1/1/0",
  ]);
});

test("10,000 topics under 50 routers: updates and rows stay cheap", () => {
  const tree = new TopicTree("");
  for (let round = 1; round <= 3; round++) {
    for (let r = 0; r < 50; r++) {
      for (let i = 0; i < 200; i++)
        tree.update(`routers/r${r}/interfaces/if${i}`, { count: round, retained: false }, NOW);
    }
  }
  assert.equal(tree.size, 10_000);
  assert.equal(tree.stats(undefined, NOW)?.messages, 30_000);
  const routers = tree.rows("routers", true);
  assert.equal(routers.length, 50);
  assert.deepEqual(
    routers.slice(0, 3).map((r) => r.label),
    ["r0/interfaces", "r1/interfaces", "r2/interfaces"],
  );
});

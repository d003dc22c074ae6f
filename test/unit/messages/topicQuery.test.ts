// The view's filter: parsing (topic patterns, quoted text, words, field comparisons, errors with their offsets) and matching against a topic's last payload, RouterOS times compared as seconds.
import { test } from "node:test";
import assert from "node:assert/strict";
import { matchesQuery, parseTopicQuery } from "../../../client/src/messages/topicQuery";

const TELEMETRY = JSON.stringify({
  model: "RB5009UG+S+",
  "cpu-load": 85,
  uptime: "3d04:05:06",
  version: "7.16 (stable)",
  interfaces: { ether1: { running: true, rx: 1200 } },
  list: [{ name: "wan" }],
});

const MATCHES: Array<[query: string, topic: string, payload: string, expected: boolean]> = [
  ["", "a/b", "x", true],
  ["routers/+/telemetry", "routers/r1/telemetry", TELEMETRY, true],
  ["routers/+/telemetry", "routers/r1/interfaces/ether1", TELEMETRY, false],
  ["routers/#", "routers", "", true],
  ["cpu-load > 80", "t", TELEMETRY, true],
  ["cpu-load>80", "t", TELEMETRY, true],
  ["cpu-load > 90", "t", TELEMETRY, false],
  ["cpu-load >= 85", "t", TELEMETRY, true],
  ["cpu-load = 85", "t", TELEMETRY, true],
  ["cpu-load != 85", "t", TELEMETRY, false],
  ["uptime > 1d", "t", TELEMETRY, true],
  ["uptime < 3d", "t", TELEMETRY, false],
  ["uptime > 86400", "t", TELEMETRY, true],
  ["interfaces.ether1.rx < 2000", "t", TELEMETRY, true],
  ["interfaces.ether1.running == true", "t", TELEMETRY, true],
  ["list.0.name == wan", "t", TELEMETRY, true],
  ['model == "RB5009UG+S+"', "t", TELEMETRY, true],
  ["version ~ stable", "t", TELEMETRY, true],
  ["missing > 1", "t", TELEMETRY, false],
  ["missing != 1", "t", TELEMETRY, false],
  ["interfaces > 1", "t", TELEMETRY, false],
  ["cpu-load > 80", "t", "cpu-load 99", false],
  ['"Stable"', "t", TELEMETRY, true],
  ['"beta"', "t", TELEMETRY, false],
  ["ether1", "routers/r1/interfaces/ether1", "{}", true],
  ["ETHER1", "routers/r1/telemetry", TELEMETRY, true],
  ["routers/+/telemetry cpu-load > 80 stable", "routers/r1/telemetry", TELEMETRY, true],
  ["routers/+/telemetry cpu-load > 90 stable", "routers/r1/telemetry", TELEMETRY, false],
  ["temp > 50", "t", "\u0000\u0001binary", false],
];
for (const [query, topic, payload, expected] of MATCHES) {
  test(`filter ${JSON.stringify(query)} on ${topic} ${expected ? "matches" : "does not match"}`, () => {
    const parsed = parseTopicQuery(query);
    assert.ok(parsed.ok, JSON.stringify(parsed));
    assert.equal(matchesQuery(parsed.query, topic, Buffer.from(payload)), expected);
  });
}

const ERRORS: Array<[query: string, message: string, offset: number]> = [
  ["> 80", '">" needs a field name before it', 0],
  ["cpu >", '">" needs a value after it', 4],
  ['"open', "a quoted text is not closed", 0],
  ["a/#/b", `topic pattern "a/#/b" wildcard '#' must be the last level of the filter`, 2],
  ["a/b+", `topic pattern "a/b+" wildcard '+' must fill a whole topic level (like a/+/b)`, 3],
  ['"x" > 1', "a field name is not quoted", 0],
];
for (const [query, message, offset] of ERRORS) {
  test(`filter ${JSON.stringify(query)} is refused: ${message}`, () => {
    assert.deepEqual(parseTopicQuery(query), { ok: false, message, offset });
  });
}

test("a query knows whether it reads payloads (topic patterns alone never change with a message)", () => {
  const reads = (q: string) => {
    const parsed = parseTopicQuery(q);
    assert.ok(parsed.ok);
    return parsed.query.readsPayload;
  };
  assert.equal(reads("routers/+/telemetry"), false);
  assert.equal(reads("routers/+/telemetry cpu > 1"), true);
  assert.equal(reads("ether1"), true);
});

// Topic rules as tables: filter matching (wildcards, `$` topics, shared subscriptions), publish/filter validation, and RouterOS's one-subscription dispatch.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  chooseSubscription,
  chooseSubscriptionIndex,
  topicMatchesFilter,
  validatePublishTopic,
  validateTopicFilter,
} from "../../../client/src/mqtt/topics";

const MATCHES: Array<[filter: string, topic: string, expected: boolean]> = [
  ["a/b/c", "a/b/c", true],
  ["a/b/c", "a/b", false],
  ["a/b", "a/b/c", false],
  ["a/+/c", "a/b/c", true],
  ["a/+/c", "a//c", true],
  ["a/+/c", "a/b/d", false],
  ["a/+", "a", false],
  ["a/+", "a/", true],
  ["+/+", "/x", true],
  ["+", "a", true],
  ["+", "a/b", false],
  ["a/#", "a", true],
  ["a/#", "a/b/c/d", true],
  ["a/#", "ab/c", false],
  ["#", "a/b", true],
  ["#", "/", true],
  ["+/#", "a", true],
  ["#", "$SYS/broker/load", false],
  ["+/broker/load", "$SYS/broker/load", false],
  ["$SYS/#", "$SYS/broker/load", true],
  ["$SYS/+/load", "$SYS/broker/load", true],
  ["$share/g1/sensors/+", "sensors/t1", true],
  ["$share/g1/sensors/+", "$share/g1/sensors/t1", false],
  ["A/b", "a/b", false],
  ["router/€/temp", "router/€/temp", true],
];

test("topic filter matching", () => {
  for (const [filter, topic, expected] of MATCHES) {
    assert.equal(topicMatchesFilter(filter, topic), expected, `${filter} vs ${topic}`);
  }
});

const PUBLISH_TOPICS: Array<[topic: string, problem: string | null, offset?: number]> = [
  ["routers/r1/cpu", null],
  ["/leading/slash", null],
  ["trailing/", null],
  ["a//b", null],
  ["", "topic is empty", 0],
  ["a/+/b", "wildcard '+'", 2],
  ["a/#", "wildcard '#'", 2],
  ["ab+c", "wildcard '+'", 2],
  ["a\u0000b", "NUL", 1],
  ["x".repeat(65_536), "65536 bytes", 0],
];

test("publish topic validation", () => {
  for (const [topic, problem, offset] of PUBLISH_TOPICS) {
    const got = validatePublishTopic(topic);
    if (problem === null) assert.equal(got, undefined, topic);
    else {
      assert.ok(got, `expected a problem for ${JSON.stringify(topic.slice(0, 20))}`);
      assert.match(got.message, new RegExp(problem.replace(/[+#]/g, "\\$&")));
      assert.equal(got.offset, offset);
    }
  }
});

const FILTERS: Array<[filter: string, problem: string | null, offset?: number]> = [
  ["a/b", null],
  ["a/+/b", null],
  ["+", null],
  ["#", null],
  ["a/#", null],
  ["+/+/#", null],
  ["$share/group/a/+", null],
  ["", "empty", 0],
  ["a/b#", "whole topic level", 3],
  ["a/#/b", "last level", 2],
  ["a+/b", "whole topic level", 1],
  ["a/+b", "whole topic level", 2],
  ["$share//a", "group name", 0],
  ["$share/g", "no filter", 8],
  ["$share/g/", "no filter", 9],
  ["$share/g+/a", "group name", 0],
];

test("subscription filter validation", () => {
  for (const [filter, problem, offset] of FILTERS) {
    const got = validateTopicFilter(filter);
    if (problem === null) assert.equal(got, undefined, filter);
    else {
      assert.ok(got, `expected a problem for ${filter}`);
      assert.ok(got.message.includes(problem), `${filter}: ${got.message}`);
      assert.equal(got.offset, offset, filter);
    }
  }
});

const DISPATCH: Array<[topic: string, filters: string[], chosen: string | undefined]> = [
  ["some/thing/else", ["some/#", "some/thing/#"], "some/thing/#"],
  ["some/thing/else", ["some/thing/#", "some/#"], "some/thing/#"],
  ["some/thing/else", ["#", "some/#", "some/+/else", "some/thing/else"], "some/thing/else"],
  ["some/thing/else", ["#", "some/#", "some/+/else"], "some/+/else"],
  ["some/thing/else", ["some/+/+", "some/+/else"], "some/+/else"],
  ["some/thing/else", ["+/+/+", "some/+/+"], "some/+/+"],
  ["some/thing/else", ["+/thing/else", "some/+/else"], "+/thing/else"],
  ["some/thing/else", ["some/+/#", "some/thing/#"], "some/thing/#"],
  ["some/thing/else", ["some/+/#", "some/#"], "some/+/#"],
  ["some/thing", ["some/thing/#", "some/#"], "some/thing/#"],
  ["other/topic", ["some/#", "some/thing/#"], undefined],
  ["a", [], undefined],
  ["$SYS/x", ["#", "$SYS/#"], "$SYS/#"],
];

test("RouterOS on-message dispatch chooses one subscription", () => {
  for (const [topic, filters, chosen] of DISPATCH) {
    assert.equal(chooseSubscription(topic, filters), chosen, `${topic} among ${filters.join(", ")}`);
    assert.equal(
      chooseSubscriptionIndex(topic, filters),
      chosen === undefined ? -1 : filters.indexOf(chosen),
    );
  }
});

const level = fc.stringMatching(/^[a-z0-9]{1,4}$/);
const topicArb = fc.array(level, { minLength: 1, maxLength: 5 }).map((levels) => levels.join("/"));

test("properties: a topic matches itself, '#', and every filter made by replacing levels with '+'", () => {
  fc.assert(
    fc.property(topicArb, fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }), (topic, plus) => {
      assert.ok(topicMatchesFilter(topic, topic));
      assert.ok(topicMatchesFilter("#", topic));
      const filter = topic
        .split("/")
        .map((l, i) => (plus[i] ? "+" : l))
        .join("/");
      assert.equal(validateTopicFilter(filter), undefined);
      assert.ok(topicMatchesFilter(filter, topic), `${filter} vs ${topic}`);
      assert.equal(chooseSubscription(topic, ["#", filter, topic]), topic);
    }),
  );
});

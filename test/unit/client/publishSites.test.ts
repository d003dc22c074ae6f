// CodeLens argument extraction: which lines are `/iot mqtt publish` (both path spellings, menu context), what is literal, what must be asked, and the lens title.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { findPublishSites, publishDraft, publishLensTitle } from "../../../client/src/script/publishSites";
import { fromRoot } from "../../support/paths";

const CASES: Array<{
  title: string;
  text: string;
  expected: Array<{ line: number; lens: string; draft: object }>;
}> = [
  {
    title: "all literal",
    text: '/iot mqtt publish broker=home topic="my/topic" message="{\\"a\\":1}" qos=1 retain=yes\n',
    expected: [
      {
        line: 0,
        lens: "$(send) Publish to my/topic on home",
        draft: { broker: "home", topic: "my/topic", message: '{"a":1}', qos: 1, retain: true, ask: [] },
      },
    ],
  },
  {
    title: "slash spelling, computed message",
    text: "/iot/mqtt/publish broker=home topic=t message=$message\n",
    expected: [
      {
        line: 0,
        lens: "$(send) Publish to t on home (asks message)",
        draft: { broker: "home", topic: "t", ask: [{ field: "message", source: "$message" }] },
      },
    ],
  },
  {
    title: "menu line then publish; missing broker is asked, missing qos/retain take defaults",
    text: '/iot mqtt\npublish topic=t message="hi"\n',
    expected: [
      {
        line: 1,
        lens: "$(send) Publish to t (asks broker)",
        draft: { topic: "t", message: "hi", ask: [{ field: "broker", source: undefined }] },
      },
    ],
  },
  {
    title: "a variable the script fixes once with a literal is used",
    text: ':local q 1\n:local t "a/b"\n/iot mqtt publish broker=b topic=$t message=m qos=$q\n',
    expected: [
      {
        line: 2,
        lens: "$(send) Publish to a/b on b",
        draft: { broker: "b", topic: "a/b", message: "m", qos: 1, ask: [] },
      },
    ],
  },
  {
    title: "a variable changed with :set, declared later, or declared in a block is asked",
    text: [
      ":local q 1",
      ":set q 2",
      "/iot mqtt publish broker=b topic=$t message=$m qos=$q",
      ':local t "late"',
      ':if (true) do={ :local m "inner" }',
      ':local m "outer"',
      "",
    ].join("\n"),
    expected: [
      {
        line: 2,
        lens: "$(send) Publish on b (asks topic, message, qos)",
        draft: {
          broker: "b",
          ask: [
            { field: "topic", source: "$t" },
            { field: "message", source: "$m" },
            { field: "qos", source: "$q" },
          ],
        },
      },
    ],
  },
  {
    title: "interpolating string is computed",
    text: '/iot mqtt publish broker=b topic="dev/$id/state" message="x"\n',
    expected: [
      {
        line: 0,
        lens: "$(send) Publish on b (asks topic)",
        draft: { broker: "b", message: "x", ask: [{ field: "topic", source: '"dev/$id/state"' }] },
      },
    ],
  },
  {
    title: "inside a block",
    text: ":if (true) do={\n  /iot mqtt publish broker=b topic=t message=m\n}\n",
    expected: [
      {
        line: 1,
        lens: "$(send) Publish to t on b",
        draft: { broker: "b", topic: "t", message: "m", ask: [] },
      },
    ],
  },
  {
    title: "a wildcard topic is refused as RouterOS does",
    text: "/iot mqtt publish broker=b topic=a/# message=m\n",
    expected: [
      {
        line: 0,
        lens: "$(warning) Publish: topic ",
        draft: { broker: "b", message: "m", ask: [{ field: "topic", source: undefined }] },
      },
    ],
  },
  {
    title: "publish in another menu is not an MQTT publish; subscribe is not a publish",
    text: '/iot mqtt subscribe broker=b topic=t\n/system script\nadd name=publish source=""\n',
    expected: [],
  },
];

for (const c of CASES) {
  test(`publish sites: ${c.title}`, () => {
    const sites = findPublishSites(c.text);
    assert.equal(sites.length, c.expected.length);
    sites.forEach((site, i) => {
      const want = c.expected[i];
      assert.ok(want);
      assert.equal(site.line, want.line);
      const title = publishLensTitle(site);
      if (want.lens.endsWith(" ")) assert.ok(title.startsWith(want.lens), title);
      else assert.equal(title, want.lens);
      assert.deepEqual(publishDraft(site), want.draft);
    });
  });
}

test("publish sites: the seed telemetry script knows its broker and topic and asks for the computed message", () => {
  const text = readFileSync(fromRoot("test/e2e/workspace/telemetry.rsc"), "utf8");
  const sites = findPublishSites(text);
  assert.equal(sites.length, 1);
  const site = sites[0];
  assert.ok(site);
  assert.deepEqual(publishDraft(site), {
    broker: "AWS",
    topic: "my/test/topic",
    ask: [{ field: "message", source: "$message" }],
  });
  assert.deepEqual(site.viaVariables, { broker: "broker", topic: "topic" });
  assert.equal(publishLensTitle(site), "$(send) Publish to my/test/topic on AWS (asks message)");
});

// Typed MQTT 5 properties of the publish form: user property lists with escapes, and message expiry in seconds or RouterOS times.
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseExpiry, parseUserProperties } from "../../../client/src/messages/propertyInput";

const USER: Array<[text: string, expected: Array<[string, string]> | string]> = [
  ["", []],
  ["site=eu-1", [["site", "eu-1"]]],
  [
    " site = eu-1 ; role=edge;",
    [
      ["site", "eu-1"],
      ["role", "edge"],
    ],
  ],
  [
    "a=1;a=2",
    [
      ["a", "1"],
      ["a", "2"],
    ],
  ],
  ["empty=", [["empty", ""]]],
  ["k=a\\;b\\=c", [["k", "a;b=c"]]],
  ["url=x=y", [["url", "x=y"]]],
  ["=x", "a user property needs a name before ="],
  ["name", 'user property "name" needs =value'],
];
for (const [text, expected] of USER) {
  test(`user properties ${JSON.stringify(text)}`, () => {
    const parsed = parseUserProperties(text);
    if (typeof expected === "string") assert.deepEqual(parsed, { ok: false, message: expected });
    else assert.deepEqual(parsed, { ok: true, value: expected });
  });
}

const EXPIRY: Array<[text: string, seconds: number | undefined | "error"]> = [
  ["", undefined],
  ["3600", 3600],
  ["1h", 3600],
  ["1d00:00:10", 86410],
  ["1.5", "error"],
  ["-1", "error"],
  ["4294967296", "error"],
  ["soon", "error"],
];
for (const [text, seconds] of EXPIRY) {
  test(`message expiry ${JSON.stringify(text)}`, () => {
    const parsed = parseExpiry(text);
    if (seconds === "error") assert.equal(parsed.ok, false);
    else assert.deepEqual(parsed, { ok: true, value: seconds });
  });
}

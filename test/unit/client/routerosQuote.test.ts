// RouterOS quoting for "copy as command": bare where unambiguous, "..." with escapes otherwise, and every value reads back unchanged through the real parser.
import { test } from "node:test";
import assert from "node:assert/strict";
import { quoteRouterOsValue } from "../../../client/src/brokers/routerosQuote";
import { findBrokersInScript } from "../../../client/src/brokers/importBrokers";

const CASES: Array<[value: string, kind: "string" | "word", expected: string]> = [
  ["home", "string", "home"],
  ["192.168.88.10", "string", "192.168.88.10"],
  ["example.iot.eu-west-1.amazonaws.com", "string", "example.iot.eu-west-1.amazonaws.com"],
  ["2001:db8::1", "string", "2001:db8::1"],
  ["router_1@lab", "string", "router_1@lab"],
  ["", "string", '""'],
  ["two words", "string", '"two words"'],
  ['say "hi"', "string", '"say \\"hi\\""'],
  ["C:\\certs", "string", '"C:\\\\certs"'],
  ["$HOME", "string", '"\\$HOME"'],
  ["cost $5", "string", '"cost \\$5"'],
  ["line1\nline2", "string", '"line1\\nline2"'],
  ["tab\there", "string", '"tab\\there"'],
  ["bell\x07", "string", '"bell\\07"'],
  ["del\x7f", "string", '"del\\7F"'],
  ["my/test/topic", "string", '"my/test/topic"'],
  ["a;b", "string", '"a;b"'],
  ["{x}", "string", '"{x}"'],
  ["[find]", "string", '"[find]"'],
  ["-leading-dash", "string", '"-leading-dash"'],
  ["yes", "string", '"yes"'],
  ["no", "string", '"no"'],
  ["and", "string", '"and"'],
  ["yes", "word", "yes"],
  ["1883", "word", "1883"],
  ["off", "word", "off"],
  ["ünïcode", "string", '"ünïcode"'],
  ["a=b", "string", '"a=b"'],
  ["#notacomment", "string", '"#notacomment"'],
];

for (const [value, kind, expected] of CASES) {
  test(`quote ${JSON.stringify(value)} as ${kind}`, () => {
    assert.equal(quoteRouterOsValue(value, kind), expected);
  });
}

// Round trip: what we write, the parser reads back as the same value (names must be non-empty to import).
for (const [value] of CASES.filter(([v, k]) => v !== "" && k === "string")) {
  test(`round trip through the parser: ${JSON.stringify(value)}`, () => {
    const script = `/iot mqtt brokers add name=${quoteRouterOsValue(value)} address=10.0.0.1\n`;
    const scan = findBrokersInScript(script);
    assert.equal(scan.syntaxErrors, 0, script);
    assert.equal(scan.brokers[0]?.profile?.name, value);
  });
}

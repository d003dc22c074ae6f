// Message view formatting: payload kinds, pretty JSON, where broken JSON breaks (the RouterOS string-building mistakes), hex dumps, one-line previews, sizes and rates.
import { test } from "node:test";
import assert from "node:assert/strict";
import { jsonProblem } from "../../../client/src/messages/jsonCheck";
import {
  classifyPayload,
  formatBytes,
  formatRate,
  hexDump,
  payloadDocument,
  payloadPreview,
} from "../../../client/src/messages/payloadFormat";

const KINDS: Array<[payload: Buffer, kind: string]> = [
  [Buffer.alloc(0), "empty"],
  [Buffer.from('{"cpu":3}'), "json"],
  [Buffer.from(" [1,2]"), "json"],
  [Buffer.from("42"), "text"],
  [Buffer.from("hello\nworld\t!"), "text"],
  [Buffer.from('{"cpu":,}'), "text"],
  [Buffer.from([0xff, 0xfe, 0x00]), "binary"],
  [Buffer.from("abc\u0000"), "binary"],
  [Buffer.from("ünïcødé"), "text"],
];
for (const [payload, kind] of KINDS) {
  test(`payload kind of ${JSON.stringify(payload.toString("latin1"))} is ${kind}`, () => {
    assert.equal(classifyPayload(payload), kind);
  });
}

const JSON_CASES: Array<[text: string, problem: string | undefined, line?: number, column?: number]> = [
  ['{"a":1}', undefined],
  ['{"cpu":,"mem":1}', "expected a value, found ',' (an empty variable in the script?)", 0, 7],
  ['{"cpu":}', "expected a value, found '}' (an empty variable in the script?)", 0, 7],
  ['{"a":1,}', "trailing comma before '}'", 0, 6],
  ["[1,2,]", "trailing comma before ']'", 0, 4],
  [
    '{"model":"RB"5009"}',
    "expected ',' or '}' after a property value, found '5' (an unescaped quote?)",
    0,
    13,
  ],
  ['{"up":1d2h}', "expected ',' or '}' after a property value, found 'd' (an unescaped quote?)", 0, 7],
  ['{"ros":7.14.3}', "malformed number '7.14.3'", 0, 7],
  ['{"sn":ABC}', "expected a value, found 'ABC' (text values need double quotes)", 0, 6],
  ["{'a':1}", "expected a property name in double quotes, found '''", 0, 1],
  ['{"a":"x\ny"}', "a line break inside a string must be escaped (\\n)", 0, 7],
  [
    '{\n  "a": 1\n  "b": 2\n}',
    "expected ',' or '}' after a property value, found '\"' (a missing comma?)",
    2,
    2,
  ],
  ['{"a":"open', "unterminated string", 0, 5],
  ['{"a":1} x', "unexpected 'x' after the end of the JSON value", 0, 8],
  [
    '{"a":"\\q"}',
    'invalid escape \\q in a string: a backslash must be followed by one of " \\ / b f n r t u',
    0,
    6,
  ],
  ["", "expected a value, found the end of the text (an empty variable in the script?)", 0, 0],
];
for (const [text, problem, line, column] of JSON_CASES) {
  test(`json problem of ${JSON.stringify(text)}`, () => {
    const found = jsonProblem(text);
    if (problem === undefined) return assert.equal(found, undefined);
    assert.equal(found?.message, problem);
    assert.equal(found?.line, line);
    assert.equal(found?.column, column);
  });
}

test("deep nesting is reported, not a stack overflow", () => {
  const text = "[".repeat(5000) + "]".repeat(4999);
  assert.match(
    jsonProblem(text)?.message ?? "",
    /nested more than 1000 levels deep|end of the text|never closed/,
  );
});

test("payload documents: pretty JSON, broken JSON located, cut JSON not blamed, binary as hex", () => {
  assert.deepEqual(payloadDocument(Buffer.from('{"a":[1,2]}')), {
    kind: "json",
    language: "json",
    text: '{\n  "a": [\n    1,\n    2\n  ]\n}\n',
    jsonProblem: undefined,
  });
  // Numbers and escapes stay as written: a 64-bit counter is not rounded to a double.
  assert.equal(
    payloadDocument(Buffer.from('{"rx-byte":18446744073709551615,"t":1.50,"s":"\\u00e9"}')).text,
    '{\n  "rx-byte": 18446744073709551615,\n  "t": 1.50,\n  "s": "\\u00e9"\n}\n',
  );
  // Nested deeper than can be indented (200,000 levels): shown as it came, not a stack overflow.
  const deep = "[".repeat(200_000) + "]".repeat(200_000);
  assert.deepEqual(payloadDocument(Buffer.from(deep)).text, `${deep}\n`);
  assert.equal(payloadDocument(Buffer.from('{"a":,}')).jsonProblem?.column, 5);
  assert.equal(payloadDocument(Buffer.from('{"a":"xxxx'), { truncated: true }).jsonProblem, undefined);
  const bin = payloadDocument(Buffer.from([0, 1, 2, 0x41]));
  assert.equal(bin.kind, "binary");
  assert.equal(bin.text, "00000000  00 01 02 41                                       |...A|\n");
});

test("hex dump layout", () => {
  const bytes = Buffer.from("0123456789abcdefXYZ\u0001", "latin1");
  assert.equal(
    hexDump(bytes),
    [
      "00000000  30 31 32 33 34 35 36 37  38 39 61 62 63 64 65 66  |0123456789abcdef|",
      "00000010  58 59 5a 01                                       |XYZ.|",
      "",
    ].join("\n"),
  );
  assert.equal(hexDump(Buffer.alloc(0)), "");
});

const PREVIEWS: Array<[payload: Buffer, max: number, expected: string]> = [
  [Buffer.alloc(0), 20, "(empty)"],
  [Buffer.from("short"), 20, "short"],
  [Buffer.from("line1\nline2"), 20, "line1⏎line2"],
  [Buffer.from("a".repeat(30)), 10, "aaaaaaaaa…"],
  [Buffer.from([0xff, 0x00, 0x10]), 30, "0x ff 00 10"],
  [Buffer.from([0xff, 0x00, 0x10, 0x20, 0x30]), 6, "0x ff 00 …"],
];
for (const [payload, max, expected] of PREVIEWS) {
  test(`preview ${JSON.stringify(expected)}`, () => assert.equal(payloadPreview(payload, max), expected));
}

const SIZES: Array<[number, string]> = [
  [0, "0 B"],
  [999, "999 B"],
  [1500, "1.5 kB"],
  [256_000, "256 kB"],
  [12_345_678, "12 MB"],
];
for (const [bytes, text] of SIZES) test(`bytes ${bytes}`, () => assert.equal(formatBytes(bytes), text));

const RATES: Array<[number, string]> = [
  [0, "0/s"],
  [0.44, "0.4/s"],
  [12.4, "12/s"],
  [1530, "1.5k/s"],
];
for (const [rate, text] of RATES) test(`rate ${rate}`, () => assert.equal(formatRate(rate), text));

// The shared JSON scanner, data-driven: valid texts, and for broken ones the unit where they break and the sentence.
import assert from "node:assert/strict";
import { test } from "node:test";
import { HOLE_TEXT, HOLE_VALUE, scanJson, scanJsonText, type JsonInput } from "../../../server/src/json";

/** [text, undefined when valid | [index where it breaks, error code, message]] */
type Case = readonly [text: string, error?: readonly [at: number, code: string, message: string]];

const CASES: readonly Case[] = [
  // Whitespace and empty input.
  ["", [0, "value", "expected a value, found the end of the text"]],
  [" \t\r\n", [4, "value", "expected a value, found the end of the text"]],
  [" \t\r\n{ }\r\n ", undefined],
  ["\u00a0{}", [0, "value", "expected a value, found '\u00a0'"]],
  // Top-level scalars.
  ["true", undefined],
  ["false", undefined],
  ["null", undefined],
  ['"text"', undefined],
  ["42", undefined],
  ["True", [0, "value", "expected a value, found 'True'"]],
  ["nul", [0, "value", "expected a value, found 'nul'"]],
  ["truex", [0, "value", "expected a value, found 'truex'"]],
  ["true1", [4, "after-end", "unexpected '1' after the end of the JSON value"]],
  ["'a'", [0, "value", "expected a value, found '''"]],
  ["\u{1F600}", [0, "value", "expected a value, found '\u{1F600}'"]],
  // Nested objects and arrays.
  ['{"a":{"b":[1,{"c":[]},[[]],{}]},"d":[true,false,null,"x"]}', undefined],
  ["[[[[[]]]]]", undefined],
  ['{"a":1,"a":2}', undefined],
  ["{1:2}", [1, "property-name", "expected a property name in double quotes, found '1'"]],
  ["{,}", [1, "property-name", "expected a property name in double quotes, found ','"]],
  ['{"a" 1}', [5, "colon", "expected ':' after the property name, found '1'"]],
  ['{"a"', [4, "colon", "expected ':' after the property name, found the end of the text"]],
  ['{"a":}', [5, "value", "expected a value, found '}'"]],
  ['{"a":1 "b":2}', [7, "object-next", "expected ',' or '}' after a property value, found '\"'"]],
  ['{"a":1]', [6, "object-next", "expected ',' or '}' after a property value, found ']'"]],
  ["[1 2]", [3, "array-next", "expected ',' or ']' after an array element, found '2'"]],
  ["[1}", [2, "array-next", "expected ',' or ']' after an array element, found '}'"]],
  ["[1,,2]", [3, "value", "expected a value, found ','"]],
  ['{"a":1', [0, "unclosed-object", "the object opened here is never closed with '}'"]],
  ['{"a":1,', [0, "unclosed-object", "the object opened here is never closed with '}'"]],
  ["[1,[2]", [0, "unclosed-array", "the array opened here is never closed with ']'"]],
  ['{"a":[1', [5, "unclosed-array", "the array opened here is never closed with ']'"]],
  ["[1,", [3, "value", "expected a value, found the end of the text"]],
  ["{} x", [3, "after-end", "unexpected 'x' after the end of the JSON value"]],
  ["{}{}", [2, "after-end", "unexpected '{' after the end of the JSON value"]],
  ["1\n2", [2, "after-end", "unexpected '2' after the end of the JSON value"]],
  // Trailing commas: at the comma.
  ['{"a":1,}', [6, "trailing-comma", "trailing comma before '}'"]],
  ['{"a":1 , \n }', [7, "trailing-comma", "trailing comma before '}'"]],
  ["[1,]", [2, "trailing-comma", "trailing comma before ']'"]],
  // Numbers.
  ["-0", undefined],
  ["0", undefined],
  ["1e5", undefined],
  ["-1.5E+3", undefined],
  ["0.0e-0", undefined],
  ["123456789012345678901234567890", undefined],
  ["01", [0, "number", "malformed number '01'"]],
  ["-01", [0, "number", "malformed number '-01'"]],
  ["1.", [0, "number", "malformed number '1.'"]],
  ["1.e5", [0, "number", "malformed number '1.e5'"]],
  ["1e", [0, "number", "malformed number '1e'"]],
  ["1e+", [0, "number", "malformed number '1e+'"]],
  ["-", [0, "number", "malformed number '-'"]],
  ["--1", [0, "number", "malformed number '--1'"]],
  ["[7.14.3]", [1, "number", "malformed number '7.14.3'"]],
  ["[1-2]", [1, "number", "malformed number '1-2'"]],
  [".5", [0, "value", "expected a value, found '.'"]],
  ["+1", [0, "value", "expected a value, found '+'"]],
  ["1d", [1, "after-end", "unexpected 'd' after the end of the JSON value"]],
  // Strings and escapes.
  ['"\\u00e9 \\" \\\\ \\/ \\b \\f \\n \\r \\t"', undefined],
  ['"é \u{1F600} \u2028"', undefined],
  [
    '"\\x"',
    [
      1,
      "escape",
      'invalid escape \\x in a string: a backslash must be followed by one of " \\ / b f n r t u',
    ],
  ],
  [
    '"\\\'"',
    [
      1,
      "escape",
      "invalid escape \\' in a string: a backslash must be followed by one of \" \\ / b f n r t u",
    ],
  ],
  ['"\\u00g9"', [1, "unicode-escape", "\\u must be followed by four hexadecimal digits"]],
  ['"\\u12"', [1, "unicode-escape", "\\u must be followed by four hexadecimal digits"]],
  ['"abc', [0, "unterminated-string", "unterminated string"]],
  ['["a", "b]', [6, "unterminated-string", "unterminated string"]],
  ['"ab\\', [0, "unterminated-string", "unterminated string"]],
  ['"a\nb"', [2, "control-character", "a line break inside a string must be escaped (\\n)"]],
  ['"a\rb"', [2, "control-character", "a line break inside a string must be escaped (\\r)"]],
  ['"a\tb"', [2, "control-character", "a tab inside a string must be escaped (\\t)"]],
  ['"a\u0001b"', [2, "control-character", "a control character inside a string must be escaped (\\u0001)"]],
  ['{"a":"x"y"}', [8, "object-next", "expected ',' or '}' after a property value, found 'y'"]],
];

for (const [text, expected] of CASES) {
  test(`scanJson ${JSON.stringify(text)}`, () => {
    const error = scanJsonText(text);
    assert.deepEqual(error && [error.at, error.code, error.message], expected);
  });
}

/** Units from pieces: text, or a hole written `V:$label` (prints as a JSON value) or `T:$label` (needs quotes). */
function holeInput(...pieces: string[]): JsonInput {
  const codes: number[] = [];
  const labels: string[] = [];
  for (const piece of pieces) {
    const hole = /^([VT]):(.*)$/.exec(piece);
    if (hole) {
      codes.push(hole[1] === "V" ? HOLE_VALUE : HOLE_TEXT);
      labels[codes.length - 1] = hole[2] ?? "";
      continue;
    }
    for (let i = 0; i < piece.length; i++) codes.push(piece.charCodeAt(i));
  }
  return { length: codes.length, codeAt: (i) => codes[i] ?? 0, holeLabel: (i) => labels[i] ?? "" };
}

const HOLE_CASES: ReadonlyArray<
  readonly [pieces: string[], error?: readonly [at: number, code: string, message: string]]
> = [
  [['{"a":', "V:$cpu", "}"], undefined],
  [["[", "V:$a", ",", "V:$b", "]"], undefined],
  [['{"a":"', "T:$name", '"}'], undefined],
  [
    ['{"a":', "T:$name", "}"],
    [5, "hole", "$name is not a JSON value without quotes"],
  ],
  [
    ["{", "V:$members", "}"],
    [1, "property-name", "expected a property name in double quotes, found $members"],
  ],
  [
    ['{"a":1 ', "V:$x", "}"],
    [7, "object-next", "expected ',' or '}' after a property value, found $x"],
  ],
  // A value hole stands for digits: it may start, end or continue a number.
  [["[", "V:$whole", ".5]"], undefined],
  [["[-", "V:$n", "]"], undefined],
  [["[1.", "V:$frac", "]"], undefined],
  [["[", "V:$a", "V:$b", "]"], undefined],
  [
    ["[", "V:$n", "-1]"],
    [1, "number", "malformed number '$n-1'"],
  ],
  [
    ["[0", "V:$n", "]"],
    [1, "number", "malformed number '0$n'"],
  ],
  [
    ["[1", "T:$up", "]"],
    [2, "hole", "$up is not a JSON value without quotes"],
  ],
  [['["\\u00e', "V:$hex", '"]'], undefined],
  [['["\\u00', "V:$hex", '"]'], undefined],
  [['["\\u', "V:$hex", 'x"]'], undefined],
  [['["\\u0', "V:$hex", '"]'], undefined],
  [
    ['["\\u0g', "V:$hex", '"]'],
    [2, "unicode-escape", "\\u must be followed by four hexadecimal digits"],
  ],
  [
    ['["\\', "V:$e", '"]'],
    [
      2,
      "escape",
      'invalid escape \\$e in a string: a backslash must be followed by one of " \\ / b f n r t u',
    ],
  ],
];

for (const [pieces, expected] of HOLE_CASES) {
  test(`scanJson with holes ${JSON.stringify(pieces)}`, () => {
    const error = scanJson(holeInput(...pieces));
    assert.deepEqual(error && [error.at, error.code, error.message], expected);
  });
}

test("deep nesting needs no recursion: 100,000 levels", () => {
  const depth = 100_000;
  assert.equal(scanJsonText("[".repeat(depth) + "]".repeat(depth)), undefined);
  assert.deepEqual(scanJsonText("[".repeat(depth) + "]".repeat(depth - 1))?.at, 0);
});

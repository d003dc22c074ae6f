// Property test: the JSON scanner and JSON.parse agree on what is JSON, for JSON values and for mutations of them.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { scanJsonText } from "../../../server/src/json";

/** Pieces that break JSON in the usual ways (and some that keep it valid). */
const PIECES = [
  "",
  " ",
  "\n",
  ",",
  ":",
  '"',
  "\\",
  "{",
  "}",
  "[",
  "]",
  "0",
  "-",
  ".",
  "e",
  "+",
  "1",
  "a",
  "u",
  "'",
];

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function assertAgrees(text: string): void {
  const error = scanJsonText(text);
  assert.equal(error === undefined, parses(text), `${JSON.stringify(text)}: ${error?.message ?? "valid"}`);
  if (error) assert.ok(error.at >= 0 && error.at <= text.length, `index ${error.at} inside the text`);
}

const jsonText = fc
  .tuple(fc.jsonValue(), fc.constantFrom<string | number>(0, 1, "  ", "\t"))
  .map(([value, space]) => JSON.stringify(value, null, space));

test("valid JSON texts are valid", () => {
  fc.assert(fc.property(jsonText, assertAgrees), { numRuns: 3000 });
});

test("mutated JSON texts: the scanner fails exactly when JSON.parse does", () => {
  const mutated = fc
    .tuple(
      jsonText,
      fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.constantFrom(...PIECES)), { minLength: 1, maxLength: 4 }),
    )
    .map(([text, edits]) => {
      let out = text;
      for (const [at, remove, piece] of edits) {
        const i = out.length === 0 ? 0 : at % (out.length + 1);
        out = out.slice(0, i) + piece + out.slice(i + remove);
      }
      return out;
    });
  fc.assert(fc.property(mutated, assertAgrees), { numRuns: 20000 });
});

test("random short texts from JSON's characters", () => {
  const text = fc
    .array(fc.constantFrom(...PIECES, "t", "r", "n", "l", "f", "s", "2", "E", "/"), { maxLength: 12 })
    .map((p) => p.join(""));
  fc.assert(fc.property(text, assertAgrees), { numRuns: 20000 });
});

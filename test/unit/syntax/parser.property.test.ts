// Property tests: on random and mutated input the parser never throws, always terminates and stays lossless; the
// pieces of strings rebuilt on demand match the lexer's tokens.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import fc from "fast-check";
import { parse, stringParts, type ParseResult } from "../../../server/src/syntax";
import { splitsPair } from "../../../server/src/syntax/codePoints";
import { walk } from "../../../server/src/syntax/walk";
import { SCRIPT_PIECES } from "../../fuzz/mutate";
import { fromRoot } from "../../support/paths";

function assertWellFormed(text: string): void {
  const result = parse(text, { strictProgress: true });
  let at = 0;
  for (const token of result.tokens.toArray()) {
    assert.equal(token.start, at, `tokens are contiguous at ${at}`);
    assert.ok(token.end > token.start, `token at ${at} is not empty`);
    assert.ok(!splitsPair(text, token.start), `token at ${at} starts inside a surrogate pair`);
    at = token.end;
  }
  assert.equal(at, text.length, "tokens cover the whole text");
  for (const d of result.diagnostics) {
    assert.ok(
      d.start >= 0 && d.end >= d.start && d.end <= text.length,
      `diagnostic range in bounds: ${d.code}`,
    );
    assert.ok(!splitsPair(text, d.start) && !splitsPair(text, d.end), `${d.code} covers whole characters`);
  }
  const starts = result.diagnostics.map((d) => d.start);
  assert.equal(new Set(starts).size, starts.length, "at most one diagnostic per position");
  assertStringPartsMatchTokens(result);
}

/** In every string free of errors, `stringParts` splits the text between interpolations as the lexer did. */
function assertStringPartsMatchTokens(result: ParseResult): void {
  const tokens = result.tokens.toArray();
  walk(result.script, (node) => {
    if (node.kind !== "String") return;
    if (result.diagnostics.some((d) => d.start >= node.start && d.start <= node.end)) return;
    const rebuilt = stringParts(result.text, node).filter((p) => p.kind.startsWith("String"));
    const insideInterpolation = (at: number): boolean =>
      node.interpolations.some((i) => at >= i.start && at < i.end);
    const lexed = tokens.filter(
      (t) =>
        t.start > node.start &&
        t.end <= node.end &&
        (t.kind === "StringText" || t.kind === "StringEscape" || t.kind === "StringContinuation") &&
        !insideInterpolation(t.start),
    );
    assert.deepEqual(rebuilt, lexed, `string pieces at ${node.start}`);
  });
}

const fixtures = ["ok", "err"].flatMap((group) => {
  const dir = fromRoot("test", "fixtures", "parser", group);
  return readdirSync(dir)
    .filter((f) => f.endsWith(".rsc"))
    .map((f) => readFileSync(join(dir, f), "utf8"));
});

test("random sequences of RouterOS pieces parse without throwing, losslessly", () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...SCRIPT_PIECES), { maxLength: 80 }), (pieces) =>
      assertWellFormed(pieces.join("")),
    ),
    { numRuns: 3000 },
  );
});

test("random unicode strings parse without throwing, losslessly", () => {
  fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 200 }), assertWellFormed), { numRuns: 2000 });
});

test("fixtures mutated by deletions, insertions and truncation parse without throwing, losslessly", () => {
  const mutation = fc.record({
    fixture: fc.nat({ max: fixtures.length - 1 }),
    cuts: fc.array(fc.tuple(fc.nat(), fc.nat({ max: 8 }), fc.constantFrom(...SCRIPT_PIECES, "")), {
      maxLength: 6,
    }),
  });
  fc.assert(
    fc.property(mutation, ({ fixture, cuts }) => {
      let text = fixtures[fixture] ?? "";
      for (const [at, length, insert] of cuts) {
        const i = text.length === 0 ? 0 : at % text.length;
        text = text.slice(0, i) + insert + text.slice(i + length);
      }
      assertWellFormed(text);
    }),
    { numRuns: 3000 },
  );
});

test("deep nesting does not overflow the stack, at any depth", () => {
  for (const [open, close] of [
    ["{", "}"],
    ["[", "]"],
    ["(", ")"],
  ] as const) {
    for (const depth of [500, 100_000]) assertWellFormed(`:put ${open.repeat(depth)}1${close.repeat(depth)}`);
  }
});

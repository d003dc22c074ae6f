// Property tests: after any sequence of edits, the incremental re-parse and the reused analysis equal a fresh one.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import fc from "fast-check";
import { computeDiagnostics } from "../../../server/src/ide/diagnostics";
import { applyChange, reparse, type TextChange } from "../../../server/src/ide/incremental";
import { createLanguageService } from "../../../server/src/ide/languageService";
import { parse, type ParseResult } from "../../../server/src/syntax";
import { dumpParseResult } from "../../../server/src/syntax/dump";
import { generateLines } from "../../support/generateScript";
import { fromRoot } from "../../support/paths";

/** Text that changes structure when typed anywhere: brackets, quotes, line breaks, continuations, commands. */
const SNIPPETS = [
  "x",
  " ",
  "\n",
  "{",
  "}",
  "[",
  "]",
  "(",
  ")",
  '"',
  "\\\n",
  ";",
  "$a",
  "#c\n",
  ":put 1\n",
  "/ip route\n",
  "do={",
  "=",
];

function corpus(): string {
  const dir = fromRoot("test", "fixtures", "parser", "ok");
  const fixtures = readdirSync(dir)
    .filter((f) => f.endsWith(".rsc"))
    .sort()
    .map((f) => readFileSync(join(dir, f), "utf8"));
  return fixtures.join("\n") + generateLines(150);
}

const edit = (length: number): fc.Arbitrary<TextChange> =>
  fc
    .tuple(
      fc.nat({ max: length }),
      fc.nat({ max: 12 }),
      fc.oneof(fc.constant(""), fc.constantFrom(...SNIPPETS)),
    )
    .map(([start, span, text]) => ({ start, end: Math.min(length, start + span), text }));

function fingerprint(result: ParseResult): string {
  const tokens = result.tokens
    .toArray()
    .map((t) => `${t.kind}@${t.start}`)
    .join(",");
  return `${dumpParseResult(result)}\n${tokens}`;
}

test("reparse after an edit equals a full parse (tree, errors, tokens)", () => {
  const base = corpus();
  fc.assert(
    fc.property(fc.array(edit(base.length), { minLength: 1, maxLength: 6 }), (edits) => {
      let text = base;
      let parsed = parse(text);
      for (const change of edits) {
        const clamped = {
          ...change,
          start: Math.min(change.start, text.length),
          end: Math.min(change.end, text.length),
        };
        text = applyChange(text, clamped);
        parsed = reparse(parsed, clamped, text);
      }
      assert.equal(fingerprint(parsed), fingerprint(parse(text)));
    }),
    { numRuns: 60 },
  );
});

test("diagnostics of an updated document equal those of a fresh analysis", () => {
  const base = corpus();
  fc.assert(
    fc.property(fc.array(edit(base.length), { minLength: 1, maxLength: 5 }), (edits) => {
      const service = createLanguageService();
      let text = base;
      let analysis = service.analyze({ uri: "file:///p.rsc", version: 0, text });
      service.diagnostics(analysis);
      let version = 0;
      for (const change of edits) {
        const clamped = {
          ...change,
          start: Math.min(change.start, text.length),
          end: Math.min(change.end, text.length),
        };
        text = applyChange(text, clamped);
        analysis = service.update("file:///p.rsc", ++version, [clamped], text);
        assert.deepEqual(service.diagnostics(analysis), computeDiagnostics(text));
      }
    }),
    { numRuns: 40 },
  );
});

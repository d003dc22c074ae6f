// Diagnostics cover whole characters: no range starts or ends inside an emoji's surrogate pair, no message quotes half of one.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import fc from "fast-check";
import { computeDiagnostics } from "../../../server/src/ide/diagnostics";
import { splitsPair } from "../../../server/src/syntax/codePoints";
import { fromRoot } from "../../support/paths";

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Wide characters where RouterOS code reads them: as values, names, escapes, JSON, variables, command words. */
const WIDE = ["😀", "𝔘x", "é😀", '"😀"', "$😀", "😀=1", "{😀}", "\\😀", '$"😀"', "😀".repeat(150), "(😀)"];

test("issue 12's example: ':put (😀)' reports the whole emoji", () => {
  const [d] = computeDiagnostics(":put (😀)");
  assert.ok(d);
  assert.deepEqual([d.code, d.start, d.end], ["RSC2006", 6, 8]);
  assert.match(d.message, /found '😀'/);
});

const fixtures = readdirSync(fromRoot("test", "fixtures", "parser", "ok"))
  .filter((f) => f.endsWith(".rsc"))
  .sort()
  .map((f) => readFileSync(join(fromRoot("test", "fixtures", "parser", "ok"), f), "utf8"));

test("wide characters anywhere in a script: every diagnostic covers whole characters", () => {
  const insertion = fc.tuple(fc.nat(), fc.constantFrom(...WIDE));
  fc.assert(
    fc.property(
      fc.nat({ max: fixtures.length - 1 }),
      fc.array(insertion, { minLength: 1, maxLength: 4 }),
      (i, cuts) => {
        let text = fixtures[i] ?? "";
        for (const [at, wide] of cuts) {
          let offset = at % (text.length + 1);
          if (splitsPair(text, offset)) offset--;
          text = text.slice(0, offset) + wide + text.slice(offset);
        }
        for (const d of computeDiagnostics(text)) {
          assert.ok(
            !splitsPair(text, d.start) && !splitsPair(text, d.end),
            `${d.code} at ${d.start}..${d.end}`,
          );
          assert.ok(!LONE_SURROGATE.test(d.message), `${d.code}: ${JSON.stringify(d.message)}`);
          // Each argument of a message is cut at 1000 characters (catalog.ts): a long name cannot make a huge message.
          assert.ok(d.message.length < 4000, `${d.code}: a message of ${d.message.length} characters`);
        }
      },
    ),
    { numRuns: 400 },
  );
});

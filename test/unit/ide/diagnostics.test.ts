// Semantic diagnostics as baselines (source, `~~~` under each span, `!!! code message`), and no false positives on valid scripts.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { computeDiagnostics } from "../../../server/src/ide/diagnostics";
import { renderBaseline } from "../../support/diagnosticBaseline";
import { fromRoot } from "../../support/paths";
import { assertSnapshot } from "../../support/snapshots";

const fixtures = fromRoot("test", "fixtures", "ide", "diagnostics");

for (const file of readdirSync(fixtures)
  .filter((f) => f.endsWith(".rsc"))
  .sort()) {
  test(`diagnostics baseline ${file}`, () => {
    const source = readFileSync(join(fixtures, file), "utf8");
    const diagnostics = computeDiagnostics(source);
    assertSnapshot(
      renderBaseline(file, source, diagnostics),
      join(fixtures, file.replace(/\.rsc$/, ".errors.txt")),
    );
    if (file.includes("clean")) assert.deepEqual(diagnostics, [], `${file} must stay clean`);
  });
}

/**
 * The parser's valid fixtures are syntax examples. Those listed here use variables they never declare or a path that
 * does not exist from the root (RouterOS refuses both); their diagnostics are in one baseline. All others: none.
 */
const KNOWN_TRUE_POSITIVES = new Set([
  "0004_paths.rsc",
  "0008_blocks.rsc",
  "0010_expressions.rsc",
  "0011_arrays.rsc",
  "0013_interpolation.rsc",
  "0024_log_and_time.rsc",
]);

test("valid parser fixtures and the seed script: no false positives", () => {
  const dir = fromRoot("test", "fixtures", "parser", "ok");
  const parts: string[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".rsc"))
    .sort()) {
    const source = readFileSync(join(dir, file), "utf8");
    const diagnostics = computeDiagnostics(source);
    if (!KNOWN_TRUE_POSITIVES.has(file)) {
      assert.deepEqual(
        diagnostics.map((d) => `${d.code} ${d.message}`),
        [],
        `${file} is a valid script: it must have no diagnostics`,
      );
      continue;
    }
    assert.ok(
      diagnostics.length > 0,
      `${file} is listed with true positives but has none: remove it from the list`,
    );
    assert.ok(
      diagnostics.every((d) => ["RSC3010", "RSC3001", "RSC3013", "RSC3021"].includes(d.code)),
      `${file}: only undeclared variables and bad paths are expected`,
    );
    parts.push(renderBaseline(file, source, diagnostics));
  }
  assertSnapshot(parts.join("\n"), fromRoot("test", "fixtures", "ide", "parser-ok.errors.txt"));
});

// Checks that syntaxes/routeros.tmLanguage.json is what scripts/grammar/build.mjs generates, and that its regexes compile.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { fromRoot } from "../../support/paths";

test("the committed grammar JSON is up to date with scripts/grammar", () => {
  const result = spawnSync(process.execPath, [fromRoot("scripts", "grammar", "build.mjs"), "--check"], {
    cwd: fromRoot(),
    encoding: "utf8",
  });
  assert.equal(result.status, 0, `build.mjs --check failed:\n${result.stdout}${result.stderr}`);
  assert.match(result.stdout, /is up to date/);
});

// Architecture check: the run helpers of client/src/ui/run that tests and the CLI could use stay free of vscode (only the controller and its vscode parts, commands and CodeLens import it).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fromRoot } from "../../support/paths";

const FOLDER = "client/src/ui/run";
/** The files that are the VS Code side of runs; every other file in the folder is plain Node. */
const VSCODE_SIDE = new Set([
  "scriptRunController.ts",
  "runCommands.ts",
  "runCodeLens.ts",
  "runArgs.ts",
  "runProblems.ts",
  "runAnnouncement.ts",
]);
const IMPORTS_VSCODE =
  /(?:from\s+["']vscode["']|require\(\s*["']vscode["']\s*\)|import\(\s*["']vscode["']\s*\))/;
const IMPORTS_UI = /from\s+["']\.\.\/(?!\.\.\/)[^"']*["']/;

test(`the plain helpers of ${FOLDER} import neither vscode nor the vscode-bound ui folder`, () => {
  const files = readdirSync(fromRoot(FOLDER)).filter((f) => f.endsWith(".ts") && !VSCODE_SIDE.has(f));
  assert.ok(files.length >= 5, `${FOLDER} has its plain helpers (${files.join(", ")})`);
  for (const file of files) {
    const text = readFileSync(join(fromRoot(FOLDER), file), "utf8");
    assert.doesNotMatch(text, IMPORTS_VSCODE, `${file} imports vscode`);
    assert.doesNotMatch(text, IMPORTS_UI, `${file} imports from client/src/ui`);
  }
});

// Architecture check: the client's logic folders (brokers, script, messages) never import vscode, so plain Node tests and the CLI can use them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fromRoot } from "../../support/paths";

const PLAIN_NODE_FOLDERS = ["client/src/brokers", "client/src/script", "client/src/messages"];
const IMPORTS_VSCODE =
  /(?:from\s+["']vscode["']|require\(\s*["']vscode["']\s*\)|import\(\s*["']vscode["']\s*\))/;
const IMPORTS_UI = /from\s+["']\.\.\/ui\//;

for (const folder of PLAIN_NODE_FOLDERS) {
  test(`${folder} imports neither vscode nor the ui folder`, () => {
    const files = readdirSync(fromRoot(folder)).filter((f) => f.endsWith(".ts"));
    assert.ok(files.length > 0, `${folder} has TypeScript files`);
    for (const file of files) {
      const text = readFileSync(join(fromRoot(folder), file), "utf8");
      assert.doesNotMatch(text, IMPORTS_VSCODE, `${folder}/${file} imports vscode`);
      assert.doesNotMatch(text, IMPORTS_UI, `${folder}/${file} imports the vscode-bound ui folder`);
    }
  });
}

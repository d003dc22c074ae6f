// Runs the same extension-host suite in desktop VS Code via @vscode/test-electron (needs internet: it downloads VS Code).
import { runTests } from "@vscode/test-electron";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "./install-code-server.mjs";
import { fixtureWorkspace, suiteIndex } from "./run-exthost.mjs";

/** The VS Code that code-server 4.100.3 bundles: same engine as the offline runs, matching engines.vscode ^1.100.0. */
const VSCODE_VERSION = process.env.E2E_VSCODE_VERSION ?? "1.100.3";

if (!existsSync(suiteIndex)) {
  process.stderr.write("The suite is not compiled: run `node scripts/build.mjs && npx tsc -p .` first\n");
  process.exit(1);
}
// Short private folder: VS Code's IPC socket paths must stay under 108 bytes.
const profile = mkdtempSync(join(tmpdir(), "rsc-e2e-electron-"));
let code = 1;
try {
  code = await runTests({
    version: VSCODE_VERSION,
    cachePath: join(repoRoot, ".vscode-test", "electron"),
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: suiteIndex,
    extensionTestsEnv: { E2E_GREP: process.env.E2E_GREP },
    launchArgs: [
      fixtureWorkspace,
      "--disable-extensions", // other installed extensions stay out; the one under development still loads
      "--disable-workspace-trust",
      "--skip-welcome",
      "--skip-release-notes",
      "--user-data-dir",
      join(profile, "user-data"),
      "--extensions-dir",
      join(profile, "extensions"),
      // Headless Linux CI: no GPU, no sandbox as root.
      ...(process.platform === "linux" ? ["--disable-gpu", "--no-sandbox"] : []),
    ],
  });
} catch (err) {
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`@vscode/test-electron failed: ${message}\n`);
  if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED/.test(message)) {
    process.stderr.write(
      "It downloads VS Code from update.code.visualstudio.com; without internet use `npm run test:e2e` (code-server).\n",
    );
  }
} finally {
  rmSync(profile, { recursive: true, force: true });
}
process.exit(code);

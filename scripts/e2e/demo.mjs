// `npm run demo`: the extension from this checkout in an isolated code-server, with a workspace of .rsc files, until Ctrl+C.
import { existsSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { spawnSync } from "node:child_process";
import { cleanupRunDir, createRunDir, startCodeServer } from "./codeServer.mjs";
import { ensureCodeServer, repoRoot } from "./install-code-server.mjs";
import { fixtureWorkspace } from "./run-exthost.mjs";
import { writeUserSettings } from "./userSettings.mjs";

const arg = (name) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
};

/** examples/ when it holds .rsc files, otherwise the e2e fixture workspace; `--folder` wins. */
function pickFolder() {
  if (arg("--folder")) return resolve(arg("--folder"));
  const examples = join(repoRoot, "examples");
  if (existsSync(examples) && readdirSync(examples).some((f) => f.endsWith(".rsc"))) return examples;
  return fixtureWorkspace;
}

const log = (s) => process.stdout.write(`${s}\n`);
try {
  await ensureCodeServer({ log });
  const build = spawnSync(process.execPath, ["scripts/build.mjs"], { cwd: repoRoot, stdio: "inherit" });
  if (build.status !== 0) throw new Error("node scripts/build.mjs failed");
  const folder = pickFolder();
  if (!existsSync(folder)) throw new Error(`--folder ${folder}: no such folder`);
  const dirs = createRunDir("demo");
  writeUserSettings(dirs);
  const server = await startCodeServer({ dirs, log });
  // Development mode: the workbench loads this checkout as the extension (rebuild with `node scripts/build.mjs --watch`
  // and reload the window to see changes).
  const payload = [["extensionDevelopmentPath", `vscode-remote://127.0.0.1:${server.port}${repoRoot}`]];
  const url = `${server.baseUrl}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  log(
    `\nOpen this URL in a browser (loopback only; forward the port to reach it from elsewhere):\n\n  ${url}\n`,
  );
  log("Press Ctrl+C to stop.");
  // Ctrl+C: codeServer.mjs kills the server's process group and exits; the run folder goes with it.
  process.on("exit", () => {
    try {
      cleanupRunDir(dirs);
    } catch {
      // a process of the group may still be writing; the next run prunes old folders
    }
  });
} catch (err) {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}

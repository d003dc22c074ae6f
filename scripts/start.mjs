// `npm start`: builds the CLI if needed and runs the shipped system-telemetry example on the embedded MQTT broker.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const cli = join(root, "dist", "cli.js");
const example = process.argv[2] ?? join("examples", "system-telemetry.rsc");

/** The latest modification time of the files under `dir`. */
function newestIn(dir) {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(path) : statSync(path).mtimeMs);
  }
  return newest;
}

// Rebuild when the bundle is missing or older than the sources it comes from.
const newest = Math.max(...["cli/src", "client/src", "server/src"].map((d) => newestIn(join(root, d))));
if (!existsSync(cli) || statSync(cli).mtimeMs < newest) {
  const build = spawnSync(process.execPath, [join(root, "scripts", "build.mjs")], {
    stdio: "inherit",
    cwd: root,
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

process.stdout.write(`== rsc run ${example}  (embedded MQTT broker; every message it receives is shown)\n\n`);
const run = spawnSync(process.execPath, [join(root, "bin", "rsc.js"), "run", example, "--timeout", "10"], {
  stdio: "inherit",
  cwd: root,
});
process.exit(run.status ?? 1);

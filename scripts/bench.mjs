// Runs every benchmark module in out/test/bench (each exports `run(): Promise<object>`) and prints the figures; `--json` prints one JSON object.
import { readdirSync, existsSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const json = process.argv.includes("--json");
const filter = process.argv.slice(2).filter((a) => !a.startsWith("--"));
if (!process.argv.includes("--no-build")) {
  for (const [cmd, args] of [
    ["npx", ["tsc", "-p", "."]],
    [process.execPath, ["scripts/build.mjs", "--production"]],
  ]) {
    const r = spawnSync(cmd, args, { stdio: json ? ["ignore", "ignore", "inherit"] : "inherit" });
    if (r.status !== 0) process.exit(r.status || 1);
  }
}
const dir = "out/test/bench";
const files = existsSync(dir)
  ? readdirSync(dir)
      .filter((f) => f.endsWith(".bench.js"))
      .sort()
  : [];
const results = {};
for (const f of files) {
  const name = f.replace(/\.bench\.js$/, "");
  if (filter.length && !filter.some((x) => name.includes(x))) continue;
  const mod = await import(pathToFileURL(resolve(join(dir, f))).href);
  const log = json ? () => {} : (s) => process.stdout.write(s + "\n");
  log(`\n== ${name}`);
  const figures = await mod.run({ log });
  results[name] = figures;
  if (!json)
    for (const [k, v] of Object.entries(figures)) log(`  ${k}: ${typeof v === "number" ? +v.toFixed(3) : v}`);
}
if (json) process.stdout.write(JSON.stringify(results) + "\n");

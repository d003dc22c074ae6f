// Runs the whole test suite in a fixed order: typecheck+emit, lint, format check, bundles, unit and protocol tests, grammar tests.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync, existsSync } from "node:fs";
import { join } from "node:path";

const only = process.argv.slice(2);

function step(name, cmd, args, env = {}) {
  process.stdout.write(`\n== ${name}: ${cmd} ${args.join(" ")}\n`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env }, shell: false });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) {
    process.stdout.write(`\n== ${name} FAILED (exit ${r.status ?? r.signal}) after ${secs}s\n`);
    process.exit(r.status || 1);
  }
  process.stdout.write(`== ${name} ok (${secs}s)\n`);
}

function findTests(dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...findTests(p));
    else if (name.endsWith(".test.js")) out.push(p);
  }
  return out.sort();
}

const npx = "npx";
step("typecheck and emit tests", npx, ["tsc", "-p", "."]);
if (only.length === 0) {
  step("lint", npx, ["eslint", "."]);
  step("format", npx, ["prettier", "--check", "."]);
  step("bundle", process.execPath, ["scripts/build.mjs"]);
}
const files = findTests("out/test").filter((f) => !f.includes(`${join("out", "test", "e2e")}`));
const selected = only.length ? files.filter((f) => only.some((o) => f.includes(o))) : files;
step("unit and protocol tests", process.execPath, [
  "--test",
  "--test-concurrency=2",
  "--enable-source-maps",
  ...selected,
]);
if (only.length === 0 && existsSync("test/grammar")) {
  step("grammar tests", npx, [
    "vscode-tmgrammar-test",
    "-g",
    "syntaxes/routeros.tmLanguage.json",
    "test/grammar/**/*.rsc",
  ]);
}

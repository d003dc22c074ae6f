// The CLI installs on its own: `npm pack` gives a tarball with `rsc` and none of the VS Code parts, and installing it
// into an empty prefix (offline: it has no dependencies) gives a working `rsc --version` and `rsc check`.
import assert from "node:assert/strict";
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { fromRoot, repoRoot } from "../../support/paths";

const work = mkdtempSync(join(tmpdir(), "rsc-pack-"));
after(() => rmSync(work, { recursive: true, force: true }));

const manifest = JSON.parse(readFileSync(fromRoot("package.json"), "utf8")) as {
  name: string;
  version: string;
  bin: Record<string, string>;
  dependencies?: Record<string, string>;
};

function run(command: string, args: readonly string[], cwd: string): SpawnSyncReturns<string> {
  const r = spawnSync(command, args, {
    cwd,
    encoding: "utf8",
    // The outer `npm test` passes its own npm settings down; this install must use only its own.
    env: Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith("npm_"))),
  });
  if (r.error) throw r.error;
  return r;
}

function ok(r: SpawnSyncReturns<string>, what: string): string {
  assert.equal(r.status, 0, `${what} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

describe("rsc as an npm package", () => {
  const prefix = join(work, "prefix");
  let tarball = "";
  let files: string[] = [];

  before(() => {
    if (!existsSync(fromRoot("dist", "cli.js")))
      assert.fail("dist/cli.js is missing: run node scripts/build.mjs");
    // --ignore-scripts: dist/ is already built (npm test bundles first); `npm pack` alone would build it.
    const packed = JSON.parse(
      ok(
        run("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", work], repoRoot),
        "npm pack",
      ),
    ) as { filename: string; files: { path: string }[] }[];
    tarball = join(work, packed[0]?.filename ?? "");
    files = (packed[0]?.files ?? []).map((f) => f.path).sort();
    ok(
      run(
        "npm",
        ["install", "--global", "--prefix", prefix, "--offline", "--no-audit", "--no-fund", tarball],
        work,
      ),
      "npm install --global of the tarball",
    );
  });

  test("the tarball holds the CLI and what it reads, not the extension", () => {
    for (const needed of ["bin/rsc.js", "dist/cli.js", "dist/runWorker.js"])
      assert.ok(files.includes(needed), `${needed} is not packed: ${files.join(", ")}`);
    for (const vscodePart of ["dist/client.js", "dist/server.js", "client/media/chart.js", "syntaxes"])
      assert.ok(!files.some((f) => f.startsWith(vscodePart)), `${vscodePart} is packed`);
    assert.ok(!files.some((f) => /\.ts$|^test\/|^out\//.test(f)), files.join(", "));
    assert.equal(manifest.dependencies, undefined, "the bundles need no runtime dependency");
  });

  test("rsc --version prints the package version", () => {
    const bin = join(prefix, "bin", "rsc");
    assert.equal(ok(run(bin, ["--version"], work), "rsc --version"), `${manifest.version}\n`);
    const installed = join(prefix, "lib", "node_modules", manifest.name);
    assert.ok(!existsSync(join(installed, "node_modules")), "nothing else was installed");
    assert.deepEqual(readdirSync(join(installed, "dist")).sort(), ["cli.js", "runWorker.js"]);
  });

  test("rsc check works on real files, outside the repository", () => {
    const bin = join(prefix, "bin", "rsc");
    writeFileSync(join(work, "good.rsc"), ':local topic "my/test/topic"\n:put $topic\n');
    writeFileSync(join(work, "bad.rsc"), ":if (true) do={\n  :put 1\n");
    assert.equal(ok(run(bin, ["check", "good.rsc"], work), "rsc check good.rsc"), "1 file, no problems\n");
    const bad = run(bin, ["check", "bad.rsc"], work);
    assert.equal(bad.status, 1, bad.stderr);
    assert.match(bad.stdout, /^bad\.rsc:\d+:\d+: error RSC2001 /m);
    assert.match(bad.stdout, /^1 file, 1 error$/m);
  });
});

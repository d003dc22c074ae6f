// Proves the e2e harness can fail: a deliberately failing test, an extension whose activate() throws, and a stub grammar.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { vsceList } from "./check-package.mjs";
import { repoRoot } from "./install-code-server.mjs";
import { runBrowserSuite } from "./run-browser.mjs";
import { runExtensionHostSuite, suiteIndex } from "./run-exthost.mjs";

const work = join(repoRoot, ".vscode-test", "self-test");
const log = (s) => process.stdout.write(`${s}\n`);
const quiet = () => {};
const failures = [];

function expect(condition, what) {
  log(`  ${condition ? "✔" : "✘"} ${what}`);
  if (!condition) failures.push(what);
}

/** An extension with this repository's manifest whose activate() throws and whose grammar colours nothing. */
function buildBrokenExtension() {
  const dir = join(work, "broken-extension");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "dist"), { recursive: true });
  mkdirSync(join(dir, "syntaxes"), { recursive: true });
  const manifest = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8"));
  for (const key of ["scripts", "dependencies", "devDependencies", "bin"]) delete manifest[key];
  writeFileSync(join(dir, "package.json"), JSON.stringify(manifest, null, 2));
  // Every other file the real package ships (README, icon, examples, schemas...), so that the package check
  // compares like with like; the bundles and the grammar are replaced below.
  for (const file of vsceList()) {
    if (file === "package.json" || file.startsWith("dist/") || file.startsWith("syntaxes/")) continue;
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    cpSync(join(repoRoot, file), join(dir, file));
  }
  cpSync(join(repoRoot, ".vscodeignore"), join(dir, ".vscodeignore"));
  writeFileSync(
    join(dir, "dist", "client.js"),
    '"use strict";\nexports.activate = () => {\n  throw new Error("deliberate activation failure");\n};\n',
  );
  writeFileSync(join(dir, "dist", "server.js"), "");
  writeFileSync(
    join(dir, "syntaxes", "routeros.tmLanguage.json"),
    JSON.stringify({ name: "RouterOS", scopeName: "source.routeros", patterns: [] }),
  );
  const r = spawnSync(
    "npx",
    [
      "--no-install",
      "vsce",
      "package",
      "--no-dependencies",
      "--allow-missing-repository",
      "--out",
      "broken.vsix",
    ],
    { cwd: dir, encoding: "utf8" },
  );
  if (r.status !== 0) throw new Error(`vsce package of the broken extension failed:\n${r.stdout}${r.stderr}`);
  return { dir, vsix: join(dir, "broken.vsix") };
}

/**
 * The compiled suite plus one test that always fails. The copy sits beside out/test/e2e/suite, at the same depth,
 * so that the tests' relative imports (../../../client/src/..., ../../support/...) still resolve.
 */
function suiteWithDeliberateFailure() {
  const dir = join(suiteIndex, "..", "..", "self-test-suite");
  rmSync(dir, { recursive: true, force: true });
  cpSync(join(suiteIndex, ".."), dir, { recursive: true });
  writeFileSync(
    join(dir, "zz-deliberate.test.js"),
    'suite("self-test", () => {\n  test("deliberate failure", () => {\n    throw new Error("deliberate failure");\n  });\n});\n',
  );
  return join(dir, "index.js");
}

try {
  const broken = buildBrokenExtension();

  log("\n== extension-host suite with a deliberately failing test");
  const a = await runExtensionHostSuite({ log: quiet, testsPath: suiteWithDeliberateFailure() });
  expect(a.exitCode !== 0, `the runner returns a non-zero exit code (got ${a.exitCode})`);
  expect(/1 failing/.test(a.output), "mocha reports exactly one failing test");
  expect(/deliberate failure/.test(a.output), "the failure message reaches the log");

  log("\n== extension-host suite against an extension whose activate() throws");
  const b = await runExtensionHostSuite({ log: quiet, extensionPath: broken.dir });
  expect(b.exitCode !== 0, `the runner returns a non-zero exit code (got ${b.exitCode})`);
  expect(/deliberate activation failure/.test(b.output), "the activation error reaches the log");

  log("\n== browser suite against the broken VSIX");
  const mustFail = ["logged no error", "Running Extensions", "no error notification", "coloured differently"];
  const c = await runBrowserSuite({
    log: quiet,
    vsix: broken.vsix,
    // Only the checks that must fail, and the activation check before them: the others would each wait for their
    // whole deadline against an extension that does nothing.
    grep: new RegExp(["opens as RouterOS", ...mustFail].join("|")),
    screenshotDir: join(repoRoot, "test-results", "e2e", "self-test"),
  });
  const failedNames = c.results.filter((r) => !r.ok).map((r) => r.name);
  for (const must of mustFail) {
    expect(
      failedNames.some((n) => n.includes(must)),
      `the check "${must}" fails`,
    );
  }
  // These runs fail on purpose: their kept folders are noise for whoever looks at .vscode-test/runs next.
  for (const run of [a, b, c]) rmSync(run.runDir, { recursive: true, force: true });
  rmSync(join(suiteIndex, "..", "..", "self-test-suite"), { recursive: true, force: true });
} catch (err) {
  failures.push(err instanceof Error ? err.message : String(err));
  log(String(err instanceof Error ? err.stack : err));
}
log(failures.length ? `\nSelf-test FAILED: ${failures.length} expectation(s) not met` : "\nSelf-test ok");
process.exit(failures.length ? 1 : 0);

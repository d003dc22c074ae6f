// Installs the packaged VSIX into a fresh code-server, opens the fixture workspace in headless chromium and runs the UI checks.
import assert from "node:assert/strict";
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { launchBrowser } from "./browser.mjs";
import { startCheckBroker, startCheckMosquitto } from "./checkBroker.mjs";
import { checkPackage, vsixPath } from "./check-package.mjs";
import { cleanupRunDir, createRunDir, installExtension, startCodeServer } from "./codeServer.mjs";
import { repoRoot } from "./install-code-server.mjs";
import { fixtureWorkspace } from "./run-exthost.mjs";
import { activationLine, extensionErrors, extensionHostLog, extensionLogs } from "./serverLogs.mjs";
import { writeUserSettings } from "./userSettings.mjs";
import { Workbench } from "./workbench.mjs";

export const checksDir = join(repoRoot, "test", "e2e", "browser");
export const screenshotsRoot = join(repoRoot, "test-results", "e2e", "browser");
export const EXTENSION_ID = "routeros-mqtt.routeros-mqtt";
export const EXTENSION_NAME = "RouterOS MQTT";

/**
 * What a check receives.
 * @typedef {object} CheckContext
 * @property {Workbench} wb the workbench helpers (open files, run commands, read tokens, completions, hovers...)
 * @property {import("playwright-core").Page} page the raw Playwright page, for what the helpers do not cover
 * @property {typeof assert} assert node:assert/strict
 * @property {(s: string) => void} log prints under the check's name
 * @property {string} workspace absolute path of the workspace folder: a copy of test/e2e/workspace in the run folder
 *   (checks may write into it, for example .vscode/settings.json)
 * @property {string} extensionId "publisher.name"
 * @property {string} extensionName the display name shown in the UI
 * @property {() => string} hostLog the remote extension host log so far
 * @property {() => string | undefined} activationLine the host log line that activated the extension
 * @property {() => string[]} extensionErrors error entries of the host log that concern the extension
 * @property {() => { path: string, text: string }[]} extensionLogs the extension's own LogOutputChannel files
 * @property {() => Promise<import("./checkBroker.mjs").CheckBroker>} mqttBroker an MQTT broker on 127.0.0.1 (aedes),
 *   started on first call and shared by the checks of the run, closed when the suite ends
 * @property {() => ReturnType<typeof startCheckMosquitto>} mosquitto the tests' real Mosquitto (TLS listeners
 *   included), or `{ skip }` with the reason when it is not installed; started once, stopped when the suite ends
 */
/**
 * One browser check; a screenshot is taken after it, pass or fail.
 * @typedef {object} Check
 * @property {string} name
 * @property {(ctx: CheckContext) => Promise<void>} run
 * @property {number} [timeoutMs] default 60 s
 */

/**
 * Every check exported by test/e2e/browser/*.check.mjs, in file order.
 * A check module exports `checks`: an array of `{ name: string, run(ctx): Promise<void>, timeoutMs?: number }`.
 */
export async function loadChecks(dir = checksDir) {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".check.mjs"))
    .sort();
  const all = [];
  for (const file of files) {
    const mod = await import(pathToFileURL(join(dir, file)).href);
    if (!Array.isArray(mod.checks))
      throw new Error(`${relative(repoRoot, join(dir, file))} must export "checks" (an array)`);
    for (const check of mod.checks) {
      if (typeof check.name !== "string" || typeof check.run !== "function") {
        throw new Error(`${file}: every check needs a name (string) and run(ctx) (function)`);
      }
      all.push({ ...check, file });
    }
  }
  return all;
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Runs the browser checks against the packaged extension.
 * @param {{ vsix?: string, grep?: string | RegExp, log?: (s: string) => void, timeoutMs?: number, screenshotDir?: string }} [opts]
 *   grep: only the checks whose name contains this text (or matches this RegExp)
 * @returns {Promise<{ passed: number, failed: number, results: { name: string, ok: boolean, error?: string,
 *   screenshot?: string }[], screenshotDir: string, runDir: string }>}
 */
export async function runBrowserSuite(opts = {}) {
  const log = opts.log ?? ((s) => process.stdout.write(`${s}\n`));
  const vsix = opts.vsix ?? vsixPath;
  const timeoutMs = opts.timeoutMs ?? 240_000;
  const started = Date.now();
  const grep = opts.grep;
  const checks = (await loadChecks()).filter(
    (c) => !grep || (grep instanceof RegExp ? grep.test(c.name) : c.name.includes(grep)),
  );
  if (checks.length === 0)
    throw new Error(`No browser checks match "${grep}" in ${relative(repoRoot, checksDir)}`);

  const { bytes, files } = checkPackage(vsix);
  log(
    `VSIX ${relative(repoRoot, vsix)}: ${(bytes / 1024).toFixed(1)} KB, ${files.length} files, allowlist ok`,
  );

  const screenshotDir = opts.screenshotDir ?? screenshotsRoot;
  rmSync(screenshotDir, { recursive: true, force: true });
  mkdirSync(screenshotDir, { recursive: true });
  const dirs = createRunDir("browser");
  writeUserSettings(dirs);
  installExtension(dirs, vsix, log);

  let server;
  let browser;
  /** @type {Promise<import("./checkBroker.mjs").CheckBroker> | undefined} */
  let checkBroker;
  /** @type {ReturnType<typeof startCheckMosquitto> | undefined} */
  let mosquitto;
  const workspace = join(dirs.root, "workspace");
  cpSync(fixtureWorkspace, workspace, { recursive: true });
  /** @type {{ name: string, ok: boolean, error?: string, screenshot?: string }[]} */
  const results = [];
  const pageErrors = [];
  try {
    server = await startCodeServer({ dirs, log });
    browser = await launchBrowser(dirs);
    const { page } = browser;
    page.on("pageerror", (err) => pageErrors.push(err.message));
    const wb = new Workbench(page, { screenshotDir, log: (s) => log(`    ${s}`) });
    await page.goto(`${server.baseUrl}/?folder=${encodeURIComponent(workspace)}`);
    await wb.waitReady({
      extensionHostReady: () => /Eager extensions activated/.test(extensionHostLog(dirs)),
    });
    await wb.screenshot("workbench ready");
    const ctx = {
      wb,
      page,
      assert,
      log: (s) => log(`    ${s}`),
      workspace,
      extensionId: EXTENSION_ID,
      extensionName: EXTENSION_NAME,
      hostLog: () => extensionHostLog(dirs),
      activationLine: () => activationLine(extensionHostLog(dirs), EXTENSION_ID),
      extensionErrors: () => extensionErrors(extensionHostLog(dirs), EXTENSION_ID),
      extensionLogs: () => extensionLogs(dirs, EXTENSION_ID),
      mqttBroker: () => (checkBroker ??= startCheckBroker()),
      mosquitto: () => (mosquitto ??= startCheckMosquitto()),
    };
    for (const check of checks) {
      const remaining = timeoutMs - (Date.now() - started);
      if (remaining <= 0) {
        results.push({ name: check.name, ok: false, error: "skipped: the suite ran out of time" });
        log(`  ✘ ${check.name}: skipped, the suite ran out of its ${timeoutMs / 1000} s`);
        continue;
      }
      const t0 = Date.now();
      let error;
      try {
        await withTimeout(check.run(ctx), Math.min(check.timeoutMs ?? 60_000, remaining), `"${check.name}"`);
      } catch (err) {
        error = err instanceof Error ? err.message : String(err);
      }
      const shot = await wb.screenshot(check.name).catch(() => "(no screenshot)");
      const secs = ((Date.now() - t0) / 1000).toFixed(1);
      results.push({ name: check.name, ok: error === undefined, error, screenshot: shot });
      log(`  ${error === undefined ? "✔" : "✘"} ${check.name} (${secs} s) — ${relative(repoRoot, shot)}`);
      if (error !== undefined) log(`      ${error.replace(/\n/g, "\n      ")}`);
      await wb.dismiss().catch(() => {});
    }
  } finally {
    if (pageErrors.length) writeFileSync(join(screenshotDir, "page-errors.log"), pageErrors.join("\n"));
    await browser?.close();
    await server?.stop();
    await checkBroker?.then((b) => b.close()).catch(() => {});
    await mosquitto?.then((m) => m.broker?.dispose()).catch(() => {});
    const bad = results.length === 0 || results.some((r) => !r.ok);
    cleanupRunDir(dirs, { keep: bad || !!process.env.E2E_KEEP_RUNS });
  }
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  log(
    `Browser checks: ${passed} passed, ${failed} failed; screenshots in ${relative(repoRoot, screenshotDir)}/`,
  );
  if (failed > 0) log(`Logs of the failed run kept in ${dirs.root}`);
  return { passed, failed, results, screenshotDir, runDir: dirs.root };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name) => {
    const at = process.argv.indexOf(name);
    return at > 0 ? process.argv[at + 1] : undefined;
  };
  try {
    const vsix = arg("--vsix") ? resolve(arg("--vsix")) : undefined;
    if (vsix && !existsSync(vsix)) throw new Error(`--vsix ${vsix}: no such file`);
    const { failed, passed } = await runBrowserSuite({ vsix, grep: arg("--grep") });
    process.exit(failed > 0 || passed === 0 ? 1 : 0);
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}

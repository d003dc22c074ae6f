// Runs the mocha suite of out/test/e2e/suite inside code-server's real extension host and returns its exit code.
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { format } from "node:util";
import { launchBrowser } from "./browser.mjs";
import { cleanupRunDir, createRunDir, startCodeServer } from "./codeServer.mjs";
import { repoRoot } from "./install-code-server.mjs";
import { writeUserSettings } from "./userSettings.mjs";

export const suiteIndex = join(repoRoot, "out", "test", "e2e", "suite", "index.js");
export const fixtureWorkspace = join(repoRoot, "test", "e2e", "workspace");

/** The workbench URL that makes code-server load `extensionPath` in development mode and run `testsPath`. */
export function testWorkbenchUrl(baseUrl, port, { folder, extensionPath, testsPath }) {
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [
    ["extensionDevelopmentPath", remote(extensionPath)],
    ["extensionTestsPath", remote(testsPath)],
  ];
  return `${baseUrl}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** Workbench chatter and offline-only failures that say nothing about the extension (shown with E2E_VERBOSE=1). */
const NOISE = [
  /getaddrinfo ENOTFOUND (open-vsx\.org|update\.code\.visualstudio\.com)/,
  /^(Resolving|Resolved) connection token/,
  /^Creating a socket/,
  /^Updating additional builtin extensions cache/,
  /^\[Service Worker\]/,
  /^ChatSessionStore:/,
];
const verbose = !!process.env.E2E_VERBOSE;

/** One console entry of the extension host (printf-style arguments, as console.log got them) as a line. */
export function formatLogEntry(args) {
  const list = Array.isArray(args) ? args : [args];
  return format(...list).trimEnd();
}

function checkBuilt() {
  const missing = [];
  const client = join(repoRoot, "dist", "client.js");
  if (!existsSync(client)) missing.push("dist/client.js (run: node scripts/build.mjs)");
  // The suite drives the brokers through the test hooks, which only development bundles have.
  else if (!readFileSync(client, "utf8").includes("routerosMqtt test hooks"))
    missing.push("a development build of dist/client.js, with the test hooks (run: node scripts/build.mjs)");
  if (!existsSync(suiteIndex)) missing.push(`${relative(repoRoot, suiteIndex)} (run: npx tsc -p .)`);
  if (missing.length)
    throw new Error(`The extension-host suite cannot start, missing:\n  - ${missing.join("\n  - ")}`);
}

/** User settings that turn workspace trust on without prompts: an unknown folder opens in Restricted Mode. */
const RESTRICTED_MODE_SETTINGS = {
  "security.workspace.trust.enabled": true,
  "security.workspace.trust.startupPrompt": "never",
  "security.workspace.trust.banner": "never",
  "security.workspace.trust.emptyWindow": false,
};

/**
 * A copy of the fixture workspace in the run folder whose settings define what Restricted Mode must not read:
 * an auto-connect broker and a device profile path (test/e2e/suite/restricted.test.ts checks them).
 */
function untrustedWorkspace(dirs) {
  const folder = join(dirs.root, "untrusted-workspace");
  cpSync(fixtureWorkspace, folder, { recursive: true });
  mkdirSync(join(folder, ".vscode"), { recursive: true });
  const settings = {
    "routerosMqtt.brokers": [
      { name: "from-the-workspace", address: "127.0.0.1", port: 1, "auto-connect": true },
    ],
    "routerosMqtt.run.deviceProfile": "/etc/passwd",
  };
  writeFileSync(join(folder, ".vscode", "settings.json"), JSON.stringify(settings, null, 2));
  return folder;
}

/**
 * Starts code-server, opens the test workbench in headless chromium and waits for the suite to finish.
 * The run folder (.vscode-test/runs/exthost-*) is removed after a pass and kept, with its logs, after a failure.
 * @param {{ log?: (s: string) => void, timeoutMs?: number, grep?: string, folder?: string,
 *   extensionPath?: string, testsPath?: string, screenshot?: string, restricted?: boolean }} [opts]
 *   restricted: workspace trust on and an untrusted copy of the fixture workspace; only the "Restricted Mode" suite runs.
 *   extensionPath: the extension to load (default: this repository); testsPath: the compiled suite index
 *   (default: out/test/e2e/suite/index.js); screenshot: where to save a PNG of the workbench when the suite ends.
 * @returns {Promise<{ exitCode: number, runDir: string, output: string }>}
 */
export async function runExtensionHostSuite(opts = {}) {
  const log = opts.log ?? ((s) => process.stdout.write(`${s}\n`));
  const timeoutMs = opts.timeoutMs ?? 180_000;
  const extensionPath = resolve(opts.extensionPath ?? repoRoot);
  const testsPath = resolve(opts.testsPath ?? suiteIndex);
  if (!opts.extensionPath && !opts.testsPath) checkBuilt();
  const dirs = createRunDir(opts.restricted ? "exthost-restricted" : "exthost");
  writeUserSettings(dirs, opts.restricted ? RESTRICTED_MODE_SETTINGS : {});
  const folder = opts.restricted ? untrustedWorkspace(dirs) : resolve(opts.folder ?? fixtureWorkspace);
  const env = {};
  const grep = opts.restricted ? "Restricted Mode" : opts.grep;
  if (grep) env.E2E_GREP = grep;
  const lines = [];
  let server;
  let browser;
  let timer;
  let abandoned = false;
  const body = async () => {
    server = await startCodeServer({ dirs, env, log, workspaceTrust: !!opts.restricted });
    if (abandoned) return -1; // the watchdog fired during the start; `finally` below stops the server
    browser = await launchBrowser(dirs);
    const { page } = browser;
    let resolveExit;
    const finished = new Promise((r) => (resolveExit = r));
    await page.exposeFunction("codeAutomationExit", (code) => resolveExit(Number(code)));
    await page.exposeFunction("codeAutomationLog", (type, args) => {
      const line = formatLogEntry(args);
      lines.push(line);
      if (!verbose && NOISE.some((re) => re.test(line))) return;
      log(type === "error" ? `[error] ${line}` : line);
    });
    page.on("pageerror", (err) => log(`[page error] ${err.message}`));
    const url = testWorkbenchUrl(server.baseUrl, server.port, {
      folder,
      extensionPath,
      testsPath,
    });
    log(`Opening the test workbench (extension: ${extensionPath}, suite: ${relative(repoRoot, testsPath)})`);
    await page.goto(url);
    const code = await finished;
    if (opts.screenshot) {
      mkdirSync(dirname(opts.screenshot), { recursive: true });
      await page.screenshot({ path: opts.screenshot }).catch(() => {});
    }
    return code;
  };
  const timedOut = new Promise((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new Error(
            `The extension-host suite did not finish within ${timeoutMs / 1000} s (run dir ${dirs.root})`,
          ),
        ),
      timeoutMs,
    );
  });
  let exitCode = 1;
  try {
    exitCode = await Promise.race([body(), timedOut]);
    return { exitCode, runDir: dirs.root, output: lines.join("\n") };
  } catch (err) {
    abandoned = true;
    throw err;
  } finally {
    clearTimeout(timer);
    writeFileSync(join(dirs.root, "exthost-output.log"), lines.join("\n"));
    await browser?.close();
    await server?.stop();
    cleanupRunDir(dirs, { keep: exitCode !== 0 || !!process.env.E2E_KEEP_RUNS });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const grepAt = process.argv.indexOf("--grep");
  const grep = grepAt > 0 ? process.argv[grepAt + 1] : undefined;
  const restricted = process.argv.includes("--restricted");
  try {
    const screenshot = join(
      repoRoot,
      "test-results",
      "e2e",
      "exthost",
      restricted ? "restricted-mode-at-end.png" : "workbench-at-end.png",
    );
    const { exitCode, runDir } = await runExtensionHostSuite({ grep, screenshot, restricted });
    if (exitCode !== 0)
      process.stdout.write(`Extension-host suite FAILED (exit ${exitCode}); logs kept in ${runDir}\n`);
    process.exit(exitCode);
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}

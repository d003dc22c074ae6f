// Starts an isolated code-server on a free loopback port (own dirs, own process group) and always stops the whole group.
import { spawn, spawnSync } from "node:child_process";
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { createServer } from "node:net";
import { join } from "node:path";
import { codeServerBin, isInstalled, repoRoot } from "./install-code-server.mjs";

export const runsRoot = join(repoRoot, ".vscode-test", "runs");
const KEEP_RUNS = 6;

/** Kill functions of the code-server process groups still running; emptied by stop(). */
const liveGroups = new Set();
/** Private temp folders of runs not cleaned up yet (sockets live there); removed on exit and signals too. */
const liveTmpDirs = new Set();
let processEndHooked = false;

/**
 * code-server runs in its own process group, so Ctrl+C in a terminal does not reach it: on exit and on the usual
 * signals, kill every group still alive, then exit with the signal's conventional code.
 */
function hookProcessEnd() {
  if (processEndHooked) return;
  processEndHooked = true;
  const killAll = () => {
    for (const kill of liveGroups) kill();
    for (const dir of liveTmpDirs) rmSync(dir, { recursive: true, force: true });
  };
  process.on("exit", killAll);
  for (const [signal, code] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
    ["SIGHUP", 129],
  ]) {
    process.on(signal, () => {
      killAll();
      process.exit(code);
    });
  }
}

/** A port the OS says is free on 127.0.0.1 right now. */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

/**
 * Polls `check` until it returns a truthy value or the deadline passes (no fixed sleeps in callers).
 * An error with `fatal: true` thrown by `check` stops the wait at once.
 */
export async function pollUntil(check, { timeoutMs, intervalMs = 150, what }) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (err) {
      if (err && err.fatal) throw err;
      lastError = err;
    }
    if (Date.now() > deadline) {
      const why = lastError instanceof Error ? ` (last error: ${lastError.message})` : "";
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${why}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** A fresh folder for one run, with every directory code-server and the browser could write to. */
export function createRunDir(name) {
  mkdirSync(runsRoot, { recursive: true });
  pruneOldRuns();
  const stamp = new Date().toISOString().replace(/\..*$/, "").replace(/[-:]/g, "");
  const root = join(runsRoot, `${name}-${stamp}-${process.pid}`);
  const dirs = {
    root,
    userData: join(root, "user-data"),
    extensions: join(root, "extensions"),
    xdgConfig: join(root, "xdg-config"),
    xdgData: join(root, "xdg-data"),
    xdgCache: join(root, "xdg-cache"),
    browserProfile: join(root, "browser-profile"),
    // Unix socket paths are limited to 108 bytes, so the run's sockets live in a short private temp folder.
    tmp: mkdtempSync(join(tmpdir(), "rsc-e2e-")),
  };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  liveTmpDirs.add(dirs.tmp);
  hookProcessEnd();
  return dirs;
}

/** Removes the run's private temp folder and, unless `keep`, its whole folder (kept for failed runs). */
export function cleanupRunDir(dirs, { keep = false } = {}) {
  rmSync(dirs.tmp, { recursive: true, force: true });
  liveTmpDirs.delete(dirs.tmp);
  if (!keep) rmSync(dirs.root, { recursive: true, force: true });
}

function pruneOldRuns() {
  const runs = readdirSync(runsRoot).sort();
  for (const old of runs.slice(0, Math.max(0, runs.length - KEEP_RUNS))) {
    rmSync(join(runsRoot, old), { recursive: true, force: true });
  }
}

/** The environment of every process of one run: nothing goes to the home folder or the shared /tmp. */
export function isolatedEnv(dirs, extra = {}) {
  return {
    ...process.env,
    XDG_CONFIG_HOME: dirs.xdgConfig,
    XDG_DATA_HOME: dirs.xdgData,
    XDG_CACHE_HOME: dirs.xdgCache,
    XDG_RUNTIME_DIR: dirs.tmp,
    TMPDIR: dirs.tmp,
    VSCODE_CLI: undefined,
    ELECTRON_RUN_AS_NODE: undefined,
    ...extra,
  };
}

function requireInstalled() {
  if (!isInstalled()) {
    throw new Error(
      "code-server is not installed for the e2e tests. Run: node scripts/e2e/install-code-server.mjs (or npm run test:e2e)",
    );
  }
}

function baseArgs(dirs) {
  return ["--user-data-dir", dirs.userData, "--extensions-dir", dirs.extensions];
}

/** Installs a packaged extension (.vsix) into the run's own extensions folder, offline. */
export function installExtension(dirs, vsixPath, log = () => {}) {
  requireInstalled();
  if (!existsSync(vsixPath)) throw new Error(`No VSIX at ${vsixPath}: run npm run package first`);
  log(`code-server --install-extension ${vsixPath}`);
  const r = spawnSync(codeServerBin, [...baseArgs(dirs), "--install-extension", vsixPath], {
    env: isolatedEnv(dirs),
    encoding: "utf8",
    timeout: 60_000,
  });
  const output = `${r.stdout ?? ""}${r.stderr ?? ""}`;
  writeFileSync(join(dirs.root, "install-extension.log"), output);
  if (
    r.status !== 0 ||
    /not compatible|failed|error/i.test(output.replace(/getaddrinfo ENOTFOUND[^\n]*/g, ""))
  ) {
    throw new Error(
      `Installing ${vsixPath} into code-server failed (exit ${r.status ?? r.signal}):\n${output}`,
    );
  }
  return output;
}

/**
 * Starts code-server for one run and waits until /healthz answers.
 * @param {{ dirs: ReturnType<typeof createRunDir>, env?: Record<string, string>, log?: (s: string) => void, startTimeoutMs?: number, workspaceTrust?: boolean }} opts
 * @returns {Promise<{ port: number, baseUrl: string, pid: number, logFile: string, dirs: object, stop: () => Promise<void> }>}
 */
export async function startCodeServer(opts) {
  requireInstalled();
  const { dirs } = opts;
  const log = opts.log ?? (() => {});
  const port = await freePort();
  const configFile = join(dirs.root, "config.yaml");
  writeFileSync(configFile, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const logFile = join(dirs.root, "code-server.log");
  const out = createWriteStream(logFile);
  const args = [
    "--config",
    configFile,
    ...baseArgs(dirs),
    "--auth",
    "none",
    "--disable-telemetry",
    "--disable-update-check",
    // With workspaceTrust the folder opens untrusted, in Restricted Mode (the restricted extension-host run).
    ...(opts.workspaceTrust ? [] : ["--disable-workspace-trust"]),
    "--disable-getting-started-override",
    "--bind-addr",
    `127.0.0.1:${port}`,
  ];
  const child = spawn(codeServerBin, args, {
    cwd: dirs.root,
    env: isolatedEnv(dirs, opts.env),
    detached: true, // its own process group: the extension host, watcher and language server die with it
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.pipe(out, { end: false });
  child.stderr.pipe(out, { end: false });
  let exited = false;
  const exitedPromise = new Promise((r) => child.once("exit", () => r((exited = true))));
  const killGroupNow = () => {
    if (!exited && child.pid) {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  };
  // Last resort if the runner exits or is interrupted: never leave a code-server behind.
  liveGroups.add(killGroupNow);
  hookProcessEnd();

  let stopped;
  const stop = () =>
    (stopped ??= (async () => {
      liveGroups.delete(killGroupNow);
      if (!exited && child.pid) {
        try {
          process.kill(-child.pid, "SIGTERM");
        } catch {
          // already gone
        }
        const timer = setTimeout(killGroupNow, 5000);
        await exitedPromise;
        clearTimeout(timer);
        // Children that ignored SIGTERM (language server, watcher) go with the group.
        try {
          process.kill(-child.pid, "SIGKILL");
        } catch {
          // group empty
        }
      }
      out.end();
      log(`code-server on port ${port} stopped`);
    })());

  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await pollUntil(
      async () => {
        if (exited) {
          const log = readFileSync(logFile, "utf8").slice(-3000);
          throw Object.assign(new Error(`code-server exited at start; its log:\n${log}`), { fatal: true });
        }
        const res = await fetch(`${baseUrl}/healthz`);
        return res.ok;
      },
      { timeoutMs: opts.startTimeoutMs ?? 30_000, what: `code-server /healthz on ${baseUrl}` },
    );
  } catch (err) {
    await stop();
    throw err;
  }
  log(`code-server ready on ${baseUrl} (pid ${child.pid}, run dir ${dirs.root})`);
  return { port, baseUrl, pid: child.pid, logFile, dirs, stop };
}

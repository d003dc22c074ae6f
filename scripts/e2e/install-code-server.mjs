// Installs code-server 4.100.3 (VS Code 1.100.3) offline into .vscode-test/code-server/, once, with the four fixes this machine needs.
import { spawn, spawnSync } from "node:child_process";
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  copyFileSync,
} from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const CODE_SERVER_VERSION = "4.100.3";
/** The ripgrep release @vscode/ripgrep 1.15.11 wants, and the cache folder its postinstall looks in first. */
const RIPGREP_CACHE_DIR = "vscode-ripgrep-cache-1.15.11";
const RIPGREP_TARBALL = "ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
/** E2E_CODE_SERVER_DIR moves the install, e.g. to share one between checkouts. */
export const installDir = process.env.E2E_CODE_SERVER_DIR
  ? resolve(process.env.E2E_CODE_SERVER_DIR)
  : join(repoRoot, ".vscode-test", "code-server");
export const codeServerBin = join(installDir, "node_modules", ".bin", "code-server");
const markerFile = join(installDir, "installed.json");
const logFile = join(installDir, "install.log");

/** True when a previous run finished the install of this exact version. */
export function isInstalled() {
  if (!existsSync(codeServerBin) || !existsSync(markerFile)) return false;
  try {
    return JSON.parse(readFileSync(markerFile, "utf8")).version === CODE_SERVER_VERSION;
  } catch {
    return false;
  }
}

function which(cmd) {
  const r = spawnSync("sh", ["-c", `command -v ${cmd}`], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/** The prefix whose include/node holds the headers of the running Node, so native builds need no download. */
function nodeHeadersDir() {
  const prefix = dirname(dirname(process.execPath));
  return existsSync(join(prefix, "include", "node", "node.h")) ? prefix : undefined;
}

/** Checks the Debian packages the install needs and says exactly which one is missing. */
function checkPrerequisites() {
  const problems = [];
  const major = Number(process.versions.node.split(".")[0]);
  if (major !== 20 && major !== 22)
    problems.push(
      `code-server ${CODE_SERVER_VERSION} needs Node 20 or 22; this is Node ${process.versions.node}.`,
    );
  if (!which("rg"))
    problems.push("ripgrep is missing (its `rg` replaces the GitHub download): apt-get install -y ripgrep");
  if (!existsSync("/usr/include/gssapi/gssapi.h"))
    problems.push(
      "gssapi/gssapi.h is missing (the kerberos native build needs it): apt-get install -y libkrb5-dev",
    );
  if (!which("make") || !which("g++"))
    problems.push(
      "a C++ toolchain is missing (native modules are built): apt-get install -y build-essential",
    );
  if (!which("tar")) problems.push("tar is missing: apt-get install -y tar");
  if (!nodeHeadersDir() && !process.env.npm_config_nodedir) {
    problems.push(
      `no Node headers at ${join(dirname(dirname(process.execPath)), "include", "node")}: node-gyp would download ` +
        "them from nodejs.org; install the headers of this Node (NodeSource and Debian's nodejs ship them)",
    );
  }
  if (problems.length) {
    throw new Error(`Cannot install code-server ${CODE_SERVER_VERSION}:\n  - ${problems.join("\n  - ")}`);
  }
}

/** Fix 3: a tarball of Debian's rg under the name @vscode/ripgrep would download, in the folder it checks first. */
function prepareRipgrepCache(tmpDir) {
  const cache = join(tmpDir, RIPGREP_CACHE_DIR);
  mkdirSync(cache, { recursive: true });
  const tarball = join(cache, RIPGREP_TARBALL);
  if (existsSync(tarball)) return;
  const stage = join(tmpDir, "rg-stage");
  mkdirSync(stage, { recursive: true });
  copyFileSync(which("rg"), join(stage, "rg"));
  const r = spawnSync("tar", ["-czf", tarball, "-C", stage, "rg"], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`Could not pack the local rg into ${tarball}: ${r.stderr}`);
}

function runLogged(cmd, args, env, log) {
  return new Promise((resolvePromise, reject) => {
    const out = createWriteStream(logFile, { flags: "a" });
    const started = Date.now();
    const child = spawn(cmd, args, { cwd: installDir, env, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    const beat = setInterval(
      () => log(`  ... still installing (${Math.round((Date.now() - started) / 1000)} s)`),
      15000,
    );
    child.on("error", (err) => {
      clearInterval(beat);
      reject(err);
    });
    child.on("close", (code, signal) => {
      clearInterval(beat);
      out.end();
      resolvePromise({ code, signal, seconds: (Date.now() - started) / 1000 });
    });
  });
}

function logTail(lines) {
  try {
    return readFileSync(logFile, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

/**
 * Installs code-server when it is not there yet and returns the path of its launcher.
 * @param {{ log?: (s: string) => void, force?: boolean }} [opts]
 */
export async function ensureCodeServer(opts = {}) {
  const log = opts.log ?? ((s) => process.stdout.write(`${s}\n`));
  if (!opts.force && isInstalled()) {
    log(`code-server ${CODE_SERVER_VERSION} already installed in ${installDir}`);
    return codeServerBin;
  }
  checkPrerequisites();
  log(
    `Installing code-server ${CODE_SERVER_VERSION} into ${installDir} (about 80 s, 300 MB; log: ${logFile})`,
  );
  // A half-finished earlier attempt is thrown away so the install starts clean.
  rmSync(join(installDir, "node_modules"), { recursive: true, force: true });
  rmSync(markerFile, { force: true });
  mkdirSync(installDir, { recursive: true });
  writeFileSync(logFile, "");
  // Its own package.json: without it npm would walk up and install into the project's node_modules.
  writeFileSync(
    join(installDir, "package.json"),
    JSON.stringify(
      { name: "e2e-code-server", private: true, description: "Test-only VS Code, not shipped" },
      null,
      2,
    ),
  );
  const tmpDir = join(installDir, "tmp");
  prepareRipgrepCache(tmpDir);
  log("  ripgrep: using the local rg instead of the GitHub download");

  const env = {
    ...process.env,
    TMPDIR: tmpDir, // fix 3: where @vscode/ripgrep looks for its cached download
    npm_config_yes: "true", // fix 4: lets the inner `npx node-gyp` run
    npm_config_unsafe_perm: "true", // fix 1: root in CI
    // Native modules (kerberos, argon2) build against the local headers instead of downloading them. root's
    // ~/.npmrc sets nodedir on this machine; a normal user has no such setting.
    ...(nodeHeadersDir() && !process.env.npm_config_nodedir ? { npm_config_nodedir: nodeHeadersDir() } : {}),
    npm_config_audit: "false",
    npm_config_fund: "false",
    npm_config_update_notifier: "false",
  };
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const args = ["install", `code-server@${CODE_SERVER_VERSION}`, "--unsafe-perm", "--no-audit", "--no-fund"];
  log(`  npm ${args.join(" ")}`);
  const r = await runLogged(npm, args, env, log);
  if (r.code !== 0 || !existsSync(codeServerBin)) {
    throw new Error(
      `npm install of code-server ${CODE_SERVER_VERSION} failed (exit ${r.code ?? r.signal}) after ${r.seconds.toFixed(0)} s.\n` +
        `Last lines of ${logFile}:\n${logTail(25)}\n` +
        "Hints: kerberos needs libkrb5-dev; @vscode/ripgrep must find the cached tarball (TMPDIR); " +
        "only the npm registry must be reachable.",
    );
  }
  // --version writes a default config file: point XDG_* at the install folder so the home folder stays untouched.
  const isolated = { ...process.env, XDG_CONFIG_HOME: tmpDir, XDG_DATA_HOME: tmpDir, XDG_CACHE_HOME: tmpDir };
  const version = spawnSync(codeServerBin, ["--version"], { encoding: "utf8", env: isolated });
  if (
    version.status !== 0 ||
    !version.stdout.split("\n").some((l) => l.startsWith(`${CODE_SERVER_VERSION} `))
  ) {
    throw new Error(
      `code-server installed but \`code-server --version\` failed:\n${version.stdout}${version.stderr}`,
    );
  }
  writeFileSync(
    markerFile,
    JSON.stringify({ version: CODE_SERVER_VERSION, installedAt: new Date().toISOString() }),
  );
  log(`code-server ${CODE_SERVER_VERSION} installed in ${r.seconds.toFixed(0)} s`);
  return codeServerBin;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    await ensureCodeServer({ force: process.argv.includes("--force") });
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}

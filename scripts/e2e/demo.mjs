// `npm run demo`: an embedded MQTT broker, and the extension in an isolated code-server on the examples with brokers AWS, home and lab pointing at it, until Ctrl+C; `--check` proves it in chromium and stops.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { launchBrowser } from "./browser.mjs";
import { compiled as compiledBroker, startCheckBroker } from "./checkBroker.mjs";
import { cleanupRunDir, createRunDir, installExtension, startCodeServer } from "./codeServer.mjs";
import { ensureCodeServer, repoRoot } from "./install-code-server.mjs";
import { fixtureWorkspace } from "./run-exthost.mjs";
import { writeUserSettings } from "./userSettings.mjs";
import { Workbench, until } from "./workbench.mjs";

const USAGE = `npm run demo [-- options]
  --folder <dir>   the workspace to open (default: examples/)
  --port <n>       port of the embedded MQTT broker (default: a free one)
  --vsix <file>    install this packaged extension instead of loading the checkout in development mode
  --check          open the URL in headless chromium, check the brokers view and run system-telemetry.rsc,
                   save screenshots in test-results/e2e/demo/, then stop (exit code 0 when all went well)`;

/** The broker names the example scripts publish to (`:local broker "..."`), all routed to the embedded broker. */
const DEMO_BROKER_NAMES = ["AWS", "home", "lab"];
const screenshotDir = join(repoRoot, "test-results", "e2e", "demo");

const args = process.argv.slice(2);
const arg = (name) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const log = (s) => process.stdout.write(`${s}\n`);

/** examples/ when it holds .rsc files, otherwise the e2e fixture workspace; `--folder` wins. */
function pickFolder() {
  if (arg("--folder")) return resolve(arg("--folder"));
  const examples = join(repoRoot, "examples");
  if (existsSync(examples) && readdirSync(examples).some((f) => f.endsWith(".rsc"))) return examples;
  return fixtureWorkspace;
}

function runNode(script, scriptArgs, what) {
  const r = spawnSync(process.execPath, [script, ...scriptArgs], { cwd: repoRoot, stdio: "inherit" });
  if (r.status !== 0) throw new Error(`${what} failed`);
}

/** The embedded broker is the extension's own module, compiled by tsc: compile when missing or older than its source. */
function ensureCompiledBroker() {
  const source = join(repoRoot, "client", "src", "mqtt", "embeddedBroker.ts");
  if (existsSync(compiledBroker) && statSync(compiledBroker).mtimeMs >= statSync(source).mtimeMs) return;
  log(`compiling ${relative(repoRoot, source)} (npx tsc -p .)`);
  // tsc writes its output even when other files have type errors; only a missing module is fatal.
  spawnSync("npx", ["tsc", "-p", "."], { cwd: repoRoot, stdio: "ignore" });
  if (!existsSync(compiledBroker)) throw new Error(`npx tsc -p . did not produce ${compiledBroker}`);
}

/** User settings of the demo: the e2e defaults plus the brokers of the examples, auto-connecting to the broker. */
function demoSettings(port) {
  return {
    "routerosMqtt.brokers": DEMO_BROKER_NAMES.map((name) => ({
      name,
      address: "127.0.0.1",
      port,
      "auto-connect": true,
    })),
  };
}

/** `--check`: what a person would do with the URL, in headless chromium, with a screenshot of each step. */
async function checkDemo({ url, dirs, broker }) {
  const browser = await launchBrowser(dirs);
  try {
    const wb = new Workbench(browser.page, { screenshotDir, log: (s) => log(`  ${s}`) });
    await browser.page.goto(url);
    await wb.waitReady();
    await wb.openViewContainer("RouterOS MQTT");
    const items = await wb.treeItems("Brokers", {
      accept: (rows) =>
        DEMO_BROKER_NAMES.every((n) =>
          rows.some((r) => r.label === n && r.description === `127.0.0.1:${broker.port} · connected`),
        ),
      timeoutMs: 30_000,
    });
    log(`  brokers view: ${items.map((i) => `${i.label} (${i.description})`).join(", ")}`);
    await wb.screenshot("demo brokers view connected");
    await wb.openFile("system-telemetry.rsc");
    const from = broker.received().length;
    await browser.page.locator('.editor-actions .action-label[aria-label^="Run Script"]').first().click();
    const message = await until(
      () =>
        broker
          .received()
          .slice(from)
          .find((m) => m.topic === "my/test/topic"),
      { what: "system-telemetry.rsc's message at the embedded broker", timeoutMs: 30_000 },
    );
    await until(
      async () => (await wb.notifications()).some((n) => /system-telemetry\.rsc: ok/.test(n.message)),
      {
        what: "the run's result notification",
      },
    );
    await wb.screenshot("demo system telemetry run");
    JSON.parse(message.payload); // the example publishes JSON
    log(`  demo check ok; screenshots in ${relative(repoRoot, screenshotDir)}/`);
  } finally {
    await browser.close();
  }
}

async function main() {
  if (args.includes("--help")) return log(USAGE);
  const check = args.includes("--check");
  const vsix = arg("--vsix") ? resolve(arg("--vsix")) : undefined;
  if (vsix && !existsSync(vsix)) throw new Error(`--vsix ${vsix}: no such file`);
  const folder = pickFolder();
  if (!existsSync(folder)) throw new Error(`--folder ${folder}: no such folder`);
  await ensureCodeServer({ log });
  runNode("scripts/build.mjs", [], "node scripts/build.mjs");
  ensureCompiledBroker();

  const port = arg("--port") !== undefined ? Number(arg("--port")) : undefined;
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536))
    throw new Error(`--port ${arg("--port")}: expected a TCP port number (1-65535)`);
  const broker = await startCheckBroker({
    ...(port !== undefined ? { port } : {}),
    onPublish: (m) =>
      log(`[broker] ${m.clientId} → ${m.topic} (qos ${m.qos}${m.retain ? ", retained" : ""}): ${m.payload}`),
  });
  const dirs = createRunDir("demo");
  writeUserSettings(dirs, demoSettings(broker.port));
  if (vsix) installExtension(dirs, vsix, log);
  const server = await startCodeServer({ dirs, log });
  // Development mode (the default): the workbench loads this checkout as the extension; rebuild with
  // `node scripts/build.mjs --watch` and reload the window to see changes.
  const payload = [["extensionDevelopmentPath", `vscode-remote://127.0.0.1:${server.port}${repoRoot}`]];
  const url =
    `${server.baseUrl}/?folder=${encodeURIComponent(folder)}` +
    (vsix ? "" : `&payload=${encodeURIComponent(JSON.stringify(payload))}`);
  log(
    `\nEmbedded MQTT broker: ${broker.url} (brokers ${DEMO_BROKER_NAMES.join(", ")} of the examples point at it)`,
  );
  log(`Workspace: ${folder}`);
  log(
    `\nOpen this URL in a browser (loopback only; forward the port to reach it from elsewhere):\n\n  ${url}\n`,
  );

  const stopAll = async () => {
    await server.stop();
    await broker.close();
    cleanupRunDir(dirs);
  };
  if (check) {
    try {
      await checkDemo({ url, dirs, broker });
    } finally {
      await stopAll();
    }
    return;
  }
  log("Press Ctrl+C to stop.");
  // Ctrl+C: codeServer.mjs kills the server's process group and exits; the broker ends with this process.
  process.on("exit", () => {
    try {
      cleanupRunDir(dirs);
    } catch {
      // a process of the group may still be writing; the next run prunes old folders
    }
  });
}

try {
  await main();
} catch (err) {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}

// Runs a real Mosquitto for tests and benchmarks: generated config in a temp dir, loopback listeners (plain, user/password, TLS good and broken), readiness by polling, stop by PID, restart on the same ports.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { accessSync, constants, readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { promisify } from "node:util";
import { makeTestPki, type TestPki } from "./certs";
import { freePorts, portAccepts } from "./ports";
import { waitFor } from "./waitFor";

const LISTENERS = [
  "plain",
  "auth",
  "tls",
  "tlsExpired",
  "tlsNotYetValid",
  "tlsWrongHost",
  "tlsSelfSigned",
  "tlsClientCert",
  "tlsHostileSubject",
] as const;
export type ListenerName = (typeof LISTENERS)[number];

export interface MosquittoBroker {
  readonly host: "127.0.0.1";
  /** One loopback port per listener. */
  readonly ports: Readonly<Record<ListenerName, number>>;
  /** The one account of the `auth` listener. */
  readonly user: { username: string; password: string };
  readonly pki: TestPki;
  readonly dir: string;
  /** Mosquitto's log so far (for failure messages). */
  log(): string;
  running(): boolean;
  /** Stops the process (SIGTERM, then SIGKILL after 3 s; or SIGKILL at once) and waits for it to exit. */
  stop(signal?: "SIGTERM" | "SIGKILL"): Promise<void>;
  /** Freezes the process (SIGSTOP): connections stay open but nothing is answered. stop() still works. */
  freeze(): void;
  /** Starts it again with the same config and ports; resolves once every listener accepts connections. */
  start(): Promise<void>;
  /** Stops it and removes the temp dir. */
  dispose(): Promise<void>;
}

const SEARCH_DIRS = ["/usr/sbin", "/usr/local/sbin", "/sbin"];

/** Path of an executable found on PATH or in the sbin directories (where Debian puts mosquitto), or undefined. */
export function findExecutable(name: string): string | undefined {
  const dirs = [...(process.env.PATH ?? "").split(delimiter).filter(Boolean), ...SEARCH_DIRS];
  for (const dir of dirs) {
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not here.
    }
  }
  return undefined;
}

const MISSING =
  "mosquitto is not installed (apt-get install mosquitto mosquitto-clients); the real-broker tests need its `mosquitto` and `mosquitto_passwd`";

/**
 * Why real-broker tests must be skipped, or undefined when they can run. With CI=true a missing broker is not a
 * reason to skip: the tests run and fail in {@link startMosquitto} with a clear message.
 */
export function mosquittoSkipReason(): string | undefined {
  if (findExecutable("mosquitto") && findExecutable("mosquitto_passwd")) return undefined;
  if (process.env.CI === "true") return undefined;
  return `${MISSING}; skipped (set CI=true to make this a failure)`;
}

const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

export interface StartMosquittoOptions {
  /** Extra lines appended to the generated config (global settings, before the listeners). */
  extraConfig?: string[];
}

/** Starts Mosquitto with every listener on free loopback ports. Throws a clear error when it is missing or does not start. */
export async function startMosquitto(options: StartMosquittoOptions = {}): Promise<MosquittoBroker> {
  const binary = findExecutable("mosquitto");
  const passwd = findExecutable("mosquitto_passwd");
  if (!binary || !passwd) throw new Error(MISSING);
  const dir = await mkdtemp(join(tmpdir(), "rsc-mosquitto-"));
  const pki = await makeTestPki(dir);
  const user = { username: "router", password: "r0uter-Secret!" };
  await promisify(execFile)(passwd, ["-c", "-b", join(dir, "passwd"), user.username, user.password]);
  const portList = await freePorts(LISTENERS.length);
  const ports = Object.fromEntries(LISTENERS.map((name, i) => [name, portList[i] as number])) as Record<
    ListenerName,
    number
  >;
  const logFile = join(dir, "mosquitto.log");
  const tlsListener = (port: number, cert: { cert: string; key: string }, extra: string[] = []): string[] => [
    `listener ${port} 127.0.0.1`,
    "allow_anonymous true",
    `cafile ${pki.caFile}`,
    `certfile ${cert.cert}`,
    `keyfile ${cert.key}`,
    ...extra,
  ];
  const config = [
    "per_listener_settings true",
    // Started as root, mosquitto drops to user `mosquitto` before reading files in this root-only temp dir.
    ...(process.getuid?.() === 0 ? ["user root"] : []),
    `log_dest file ${logFile}`,
    "log_type error",
    "log_type warning",
    "log_type notice",
    "log_type information",
    "connection_messages true",
    "persistence false",
    ...(options.extraConfig ?? []),
    "",
    `listener ${ports.plain} 127.0.0.1`,
    "allow_anonymous true",
    "",
    `listener ${ports.auth} 127.0.0.1`,
    "allow_anonymous false",
    `password_file ${join(dir, "passwd")}`,
    "",
    ...tlsListener(ports.tls, pki.server),
    "",
    ...tlsListener(ports.tlsExpired, pki.expired),
    "",
    ...tlsListener(ports.tlsNotYetValid, pki.notYetValid),
    "",
    ...tlsListener(ports.tlsWrongHost, pki.wrongHost),
    "",
    ...tlsListener(ports.tlsSelfSigned, pki.selfSigned),
    "",
    ...tlsListener(ports.tlsClientCert, pki.server, ["require_certificate true"]),
    "",
    ...tlsListener(ports.tlsHostileSubject, pki.hostileSubject),
    "",
  ].join("\n");
  const configFile = join(dir, "mosquitto.conf");
  await writeFile(configFile, config);

  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  const log = (): string => {
    try {
      return readFileSync(logFile, "utf8");
    } catch {
      return "(no log yet)";
    }
  };

  const start = async (): Promise<void> => {
    if (child) return;
    const proc = spawn(binary, ["-c", configFile], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    proc.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child = proc;
    running.add(proc);
    exited = new Promise<void>((resolve) =>
      proc.once("exit", () => {
        running.delete(proc);
        if (child === proc) child = undefined;
        resolve();
      }),
    );
    try {
      await waitFor(
        async () => {
          if (child !== proc) throw new Error(`mosquitto exited at start: ${stderr.trim()}\n${log()}`);
          const ready = await Promise.all(Object.values(ports).map((p) => portAccepts(p)));
          return ready.every(Boolean);
        },
        { what: "mosquitto listening on all test ports", timeoutMs: 10_000, intervalMs: 25 },
      );
    } catch (error) {
      proc.kill("SIGKILL");
      throw new Error(`${(error as Error).message}\nmosquitto log:\n${log()}`);
    }
  };

  const stop = async (signal: "SIGTERM" | "SIGKILL" = "SIGTERM"): Promise<void> => {
    const proc = child;
    if (!proc) return;
    proc.kill(signal);
    const timer = setTimeout(() => proc.kill("SIGKILL"), 3000);
    await exited;
    clearTimeout(timer);
  };

  await start();
  return {
    host: "127.0.0.1",
    ports,
    user,
    pki,
    dir,
    log,
    running: () => child !== undefined,
    stop,
    freeze: () => child?.kill("SIGSTOP"),
    start,
    dispose: async () => {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

// `rsc run FILE`: runs a script against a simulated device and MQTT brokers (an embedded broker when none is given).
import { readFileSync } from "node:fs";
import {
  describeEndpoint,
  makeBrokerProfile,
  parseBrokerUrl,
  redactText,
  startEmbeddedBroker,
  isMqttError,
  type EmbeddedBroker,
  type ReceivedPublish,
} from "../../client/src/mqtt";
import {
  declaredBrokersOnly,
  failedBeside,
  formatFailure,
  runScriptIsolated,
  type BrokerResolver,
  type BrokerRoute,
  type ListeningFor,
  type PublishedMessage,
  type RunResult,
} from "../../client/src/run";
import { parseDeviceProfile, ProfileError, type DeviceProfile } from "../../server/src/interpreter";
import { brokerPasswords, PasswordPromptCancelled, type UrlBroker } from "./brokerPasswords";
import { fileErrorReason } from "./errors";
import { readHiddenLine } from "./hiddenInput";
import { UsageError } from "./usage";

export interface RunIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Calls `listener` on Ctrl+C; returns a function that stops listening. */
  onInterrupt(listener: () => void): () => void;
  /** The environment, for `RSC_PASSWORD_<NAME>` (default: none). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Reads a password without echo, for `--ask-password`; undefined on Ctrl+C. */
  askSecret?(prompt: string): Promise<string | undefined>;
}

const processIo: RunIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  onInterrupt: (listener) => {
    process.on("SIGINT", listener);
    return () => process.off("SIGINT", listener);
  },
  env: process.env,
  askSecret: (prompt) => {
    if (!process.stdin.isTTY)
      throw new UsageError("--ask-password needs a terminal on stdin; set RSC_PASSWORD_<NAME> instead");
    return readHiddenLine(prompt, process.stdin, (text) => process.stderr.write(text));
  },
};

interface RunArguments {
  readonly file: string;
  readonly brokers: ReadonlyMap<string, string>;
  readonly device: string | undefined;
  readonly timeoutSeconds: number | undefined;
  readonly verbose: boolean;
  readonly askPassword: boolean;
}

const RUN_USAGE =
  "rsc run FILE [--broker NAME=URL]... [--ask-password] [--device PROFILE.json] [--timeout SECONDS] [--verbose]";

function parseArguments(argv: readonly string[]): RunArguments {
  const files: string[] = [];
  const brokers = new Map<string, string>();
  let device: string | undefined;
  let timeoutSeconds: number | undefined;
  let verbose = false;
  let askPassword = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    const [flag, inline] =
      arg.startsWith("--") && arg.includes("=")
        ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
        : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === "") throw new UsageError(`${flag} needs a value (${RUN_USAGE})`);
      return v;
    };
    switch (flag) {
      case "--broker": {
        const spec = value();
        const eq = spec.indexOf("=");
        if (eq <= 0)
          throw new UsageError(
            `--broker takes NAME=URL, like --broker AWS=mqtt://127.0.0.1:1883 (got "${redactText(spec)}")`,
          );
        const name = spec.slice(0, eq);
        if (brokers.has(name)) throw new UsageError(`--broker ${name} is given twice`);
        brokers.set(name, spec.slice(eq + 1));
        break;
      }
      case "--device":
        device = value();
        break;
      case "--verbose":
        if (inline !== undefined) throw new UsageError("--verbose takes no value");
        verbose = true;
        break;
      case "--ask-password":
        if (inline !== undefined) throw new UsageError("--ask-password takes no value");
        askPassword = true;
        break;
      case "--timeout": {
        const text = value();
        const seconds = Number(text);
        if (!/^\d+(\.\d+)?$/.test(text) || !(seconds > 0))
          throw new UsageError(`--timeout takes a number of seconds greater than 0 (got "${text}")`);
        timeoutSeconds = seconds;
        break;
      }
      default:
        if (arg.startsWith("-") && arg !== "-")
          throw new UsageError(`unknown option ${flag} for rsc run (${RUN_USAGE})`);
        files.push(arg);
    }
  }
  if (files.length !== 1)
    throw new UsageError(
      files.length === 0
        ? `rsc run needs a FILE (${RUN_USAGE})`
        : `rsc run takes one FILE, got ${files.length}`,
    );
  if (askPassword && brokers.size === 0)
    throw new UsageError("--ask-password asks for the passwords of --broker URLs; none is given");
  return { file: files[0] as string, brokers, device, timeoutSeconds, verbose, askPassword };
}

/**
 * `--broker NAME=URL` routes: the URL's settings, the script's client id when the URL gives none, and the password
 * from the URL, `RSC_PASSWORD_<NAME>` or the `--ask-password` prompt.
 */
async function urlRoutes(args: RunArguments, io: RunIo): Promise<Map<string, BrokerRoute>> {
  const parsed = new Map<string, ReturnType<typeof parseBrokerUrl>>();
  const brokers: UrlBroker[] = [];
  for (const [name, url] of args.brokers) {
    try {
      const route = parseBrokerUrl(url, { name });
      parsed.set(name, route);
      brokers.push({
        name,
        shown: describeEndpoint(route.profile),
        username: route.profile.username,
        urlPassword: route.password,
      });
    } catch (error) {
      if (isMqttError(error)) throw new UsageError(`--broker ${name}: ${error.message}`);
      throw error;
    }
  }
  const passwords = await brokerPasswords(brokers, {
    env: io.env ?? {},
    ask: args.askPassword,
    askSecret: (prompt) => {
      if (!io.askSecret)
        throw new UsageError("--ask-password needs a terminal on stdin; set RSC_PASSWORD_<NAME> instead");
      return io.askSecret(prompt);
    },
    warn: (message) => io.stderr(`rsc run: warning: ${message}\n`),
  });
  const routes = new Map<string, BrokerRoute>();
  for (const [name, route] of parsed) {
    const password = passwords.get(name);
    routes.set(
      name,
      password === undefined ? { profile: route.profile } : { profile: route.profile, password },
    );
  }
  return routes;
}

function payloadText(payload: Buffer): string {
  return payload.toString("utf8");
}

function describeMessage(topic: string, qos: number, retain: boolean, payload: Buffer): string {
  return `${topic} (qos ${qos}, retain ${retain ? "yes" : "no"}): ${payloadText(payload)}`;
}

function loadProfile(path: string, io: RunIo): DeviceProfile | number {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    io.stderr(`rsc run: cannot read device profile ${path}: ${fileErrorReason(error)}\n`);
    return 2;
  }
  try {
    return parseDeviceProfile(text);
  } catch (error) {
    if (error instanceof ProfileError) {
      io.stderr(`rsc run: bad device profile ${path}: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

/** Waits (at most a second) for the embedded broker's clients to leave, so that every message is reported. */
async function drain(broker: EmbeddedBroker): Promise<void> {
  const deadline = Date.now() + 1000;
  while (broker.connectedClients() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
}

function exitStatus(result: RunResult, interrupted: boolean): number {
  switch (result.status) {
    case "ok":
      return failedBeside(result) ? 1 : 0;
    case "cancelled":
      return interrupted ? 130 : 1;
    default:
      return 1;
  }
}

/**
 * Runs `rsc run`; returns the exit status (0 ok, 1 script error, timeout, a failed on-message run, scheduled run
 * or `:execute` job, 2 usage, 130 interrupted while the script ran).
 */
export async function runRun(argv: readonly string[], io: RunIo = processIo): Promise<number> {
  const args = parseArguments(argv);
  let routes: Map<string, BrokerRoute>;
  try {
    routes = await urlRoutes(args, io);
  } catch (error) {
    if (!(error instanceof PasswordPromptCancelled)) throw error;
    io.stderr("rsc run: interrupted\n");
    return 130;
  }
  let text: string;
  try {
    text = readFileSync(args.file, "utf8").replace(/^\uFEFF/, "");
  } catch (error) {
    io.stderr(`rsc run: cannot read ${args.file}: ${fileErrorReason(error)}\n`);
    return 2;
  }
  const profile = args.device === undefined ? undefined : loadProfile(args.device, io);
  if (typeof profile === "number") return profile;

  let embedded: EmbeddedBroker | undefined;
  let resolve: BrokerResolver;
  if (routes.size === 0) {
    embedded = await startEmbeddedBroker({
      onPublish: (m: ReceivedPublish) =>
        io.stdout(`[broker] received ${describeMessage(m.topic, m.qos, m.retain, m.payload)}\n`),
    });
    const { host, port } = embedded;
    io.stderr(
      `rsc run: no --broker given; every broker name goes to the embedded broker at ${embedded.url}\n`,
    );
    resolve = (name, declared) => ({
      profile: makeBrokerProfile({ name, address: host, port, clientId: declared?.clientId ?? "" }),
    });
  } else {
    resolve = (name, declared) => {
      const route = routes.get(name);
      if (!route) return declaredBrokersOnly(name, declared);
      const clientId = route.profile.clientId || declared?.clientId || "";
      return { ...route, profile: { ...route.profile, clientId } };
    };
  }

  const controller = new AbortController();
  let interrupted = false;
  const stopInterrupt = io.onInterrupt(() => {
    interrupted = true;
    controller.abort(new Error("interrupted"));
  });
  try {
    const result = await runScriptIsolated(text, {
      fileName: args.file,
      output: {
        put: (line) => io.stdout(`${line}\n`),
        log: (level, message) => io.stderr(`[${level}] ${message}\n`),
      },
      ...(profile ? { device: profile } : {}),
      brokers: resolve,
      signal: controller.signal,
      ...(args.timeoutSeconds !== undefined ? { timeoutMs: args.timeoutSeconds * 1000 } : {}),
      ...(embedded
        ? {}
        : {
            onPublish: (m: PublishedMessage) =>
              io.stdout(
                `[mqtt] published to ${m.broker}: ${describeMessage(m.topic, m.qos, m.retain, m.payload)}\n`,
              ),
          }),
      onHandlerFailure: (failure) => io.stderr(`${formatFailure(failure)}\n`),
      unknownBrokerHint: (name) =>
        `; add it in the script, or route it with --broker ${name}=mqtt://HOST:PORT`,
      onListening: (listening: ListeningFor) => {
        const what = [listening.onMessage ? "on-message" : "", listening.scheduled ? "scheduled" : ""]
          .filter(Boolean)
          .join(" and ");
        io.stderr(
          args.timeoutSeconds === undefined
            ? `rsc run: the script ended; running ${what} scripts until Ctrl+C\n`
            : `rsc run: the script ended; running ${what} scripts for the rest of the ${args.timeoutSeconds} s timeout\n`,
        );
      },
      // Warnings (such as TLS without certificate verification, on every connect) always show; the rest with --verbose.
      mqttLog: (level: string, message: string) => {
        if (args.verbose || level === "warn") io.stderr(`rsc run: mqtt ${level}: ${message}\n`);
      },
    });
    if (result.listened && result.status === "ok")
      io.stderr(
        `rsc run: stopped listening after ${result.onMessageRuns} on-message run(s)${result.scheduledRuns > 0 ? ` and ${result.scheduledRuns} scheduled run(s)` : ""}\n`,
      );
    for (const failure of result.failures) {
      // The router's own words go where a router prints them, after the script's output; the position, to stderr.
      if (result.status === "error" && failure.routerText !== undefined) io.stdout(`${failure.routerText}\n`);
      io.stderr(`${formatFailure(failure)}\n`);
    }
    if (result.failedOnMessageRuns > 0)
      io.stderr(
        `rsc run: ${result.failedOnMessageRuns} of ${result.onMessageRuns} on-message run(s) failed\n`,
      );
    if (result.failedScheduledRuns > 0)
      io.stderr(
        `rsc run: ${result.failedScheduledRuns} of ${result.scheduledRuns} scheduled run(s) failed\n`,
      );
    if (result.failedExecuteJobs > 0)
      io.stderr(`rsc run: ${result.failedExecuteJobs} of ${result.executeJobs} :execute job(s) failed\n`);
    if (result.status === "cancelled" && interrupted) io.stderr("rsc run: interrupted\n");
    return exitStatus(result, interrupted);
  } finally {
    stopInterrupt();
    if (embedded) {
      await drain(embedded);
      await embedded.close();
    }
  }
}

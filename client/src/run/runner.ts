// Runs a script against a simulated device with `/iot mqtt` reaching live brokers; then serves on-message and scheduled scripts until the timeout or cancellation.
import {
  createBasicHost,
  createDevice,
  Interpreter,
  SourceText,
  type DeviceHooks,
  type DeviceProfile,
  type HostClock,
  type LogLevel,
  type RunOutcome,
  type ScriptFailure,
  type Value,
} from "../../../server/src/interpreter";
import { Code, toStr } from "../../../server/src/interpreter";
import type { LogLevel as MqttLogLevel, QoS } from "../mqtt";
import { systemClock, type Clock } from "../mqtt/clock";
import {
  BROKERS,
  brokerItem,
  declaredBroker,
  mqttCommands,
  scriptFailure,
  SUBSCRIPTIONS,
  type PublishedMessage,
} from "./mqttCommands";
import {
  declaredBrokersOnly,
  ManagedMqtt,
  type BrokerResolver,
  type DeclaredBroker,
  type MqttPort,
} from "./mqttPort";
import { OnMessageDispatcher } from "./onMessage";
import { ScheduledScripts } from "./scheduler";
import { propertyText } from "./propertyText";

/** Where a run's output goes: `:put` lines and `:log` lines with their level (display text). */
export interface RunOutput {
  put(line: string): void;
  log(level: LogLevel, message: string): void;
}

export interface RunOptions {
  /** The script's name in messages and `:jobname` (default `script.rsc`). */
  readonly fileName?: string;
  readonly output: RunOutput;
  /** The simulated device (default: the shipped hAP ax3 profile). */
  readonly device?: DeviceProfile;
  /** Where the script's broker names go (default: only brokers declared by the script or the profile). */
  readonly brokers?: BrokerResolver;
  /**
   * An MQTT side of the caller's (VS Code's connections); the run does not close it. Overrides `brokers`. A function
   * is called once with the run's view of `/iot mqtt brokers` (entries the script adds and the profile has).
   */
  readonly mqtt?: MqttPort | ((run: RunBrokers) => MqttPort);
  /** Told about every message the script published (after the broker acknowledged it for QoS 1 and 2). */
  readonly onPublish?: (message: PublishedMessage) => void;
  /** An on-message script, a scheduled script or an `:execute` job failed (`origin` says which); the run goes on. */
  readonly onHandlerFailure?: (failure: ScriptFailure, origin: HandlerOrigin) => void;
  /** Log lines of the MQTT connections (already free of secrets). */
  readonly mqttLog?: (level: MqttLogLevel, message: string) => void;
  readonly signal?: AbortSignal;
  /** Time for the whole run in ms: the script, then listening for on-message and scheduled scripts. */
  readonly timeoutMs?: number;
  /**
   * After the script ends, keep serving on-message scripts while subscriptions have them and `/system scheduler`
   * entries while one with an interval is enabled (default true).
   */
  readonly listen?: boolean;
  /** Called when the script has ended and the run starts listening (`for` says what it listens for). */
  readonly onListening?: (listening: ListeningFor) => void;
  /** Appended to "no broker named X" errors (the CLI tells how to route a name with --broker). */
  readonly unknownBrokerHint?: (name: string) => string;
  /** Time for one MQTT operation in ms (default 10 s). */
  readonly mqttDeadlineMs?: number;
  readonly clock?: HostClock;
  /** Time and timers of `/system scheduler` entries (default: real time). */
  readonly schedulerClock?: Clock;
  readonly random?: () => number;
}

/** What a listening run waits for: messages for on-message scripts, the times of scheduled scripts. */
export interface ListeningFor {
  readonly onMessage: boolean;
  readonly scheduled: boolean;
}

/** What an MQTT side given as a function learns about the run. */
export interface RunBrokers {
  /** The run's current `/iot mqtt brokers` entry of this name (added by the script or in the device profile). */
  declared(name: string): DeclaredBroker | undefined;
}

export type RunStatus = "ok" | "error" | "cancelled" | "timeout";

/** What ran beside the script: an on-message script, a `/system scheduler` entry, or an `:execute` job. */
export type HandlerOrigin = "on-message" | "scheduler" | "execute";

export interface RunResult {
  /** ok: the script ended (and listening ended by timeout or cancellation); error: it failed; timeout/cancelled: stopped while running. */
  readonly status: RunStatus;
  /** Why the script did not run or stopped: syntax errors, the run-time error, or where it was when stopped. */
  readonly failures: readonly ScriptFailure[];
  /** Failures of on-message scripts, scheduled scripts and `:execute` jobs. */
  readonly handlerFailures: readonly ScriptFailure[];
  readonly published: number;
  readonly onMessageRuns: number;
  /** On-message runs that failed: an error ended the script, or its text could not run at all. */
  readonly failedOnMessageRuns: number;
  /** Runs of `/system scheduler` entries' on-event scripts. */
  readonly scheduledRuns: number;
  /** Scheduled runs that failed: an error ended the script, or its text could not run at all. */
  readonly failedScheduledRuns: number;
  /** Background jobs started with `:execute` (all have ended when the run ends: the last ones cancelled). */
  readonly executeJobs: number;
  /** `:execute` jobs that an error ended (a job cancelled because the run ended is not one). */
  readonly failedExecuteJobs: number;
  /** True when the run listened for messages after the script. */
  readonly listened: boolean;
}

class TimeoutReason extends Error {
  override readonly name = "TimeoutReason";
}

function qosOf(value: Value | undefined): QoS {
  return value === 1n ? 1 : value === 2n ? 2 : 0;
}

function hasHandler(value: Value | undefined): boolean {
  if (value instanceof Code) return value.body.length > 0;
  return value !== undefined && toStr(value).trim() !== "";
}

/** Resolves when the signal aborts. */
function aborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));
}

function formatSeconds(ms: number): string {
  return `${+(ms / 1000).toFixed(3)} s`;
}

/** Runs one script. Never throws for anything the script or the brokers do: the result says how it ended. */
export async function runScript(text: string, options: RunOptions): Promise<RunResult> {
  const source = new SourceText(options.fileName ?? "script.rsc", text);
  const controller = new AbortController();
  const stop = (reason: unknown): void => {
    if (!controller.signal.aborted) controller.abort(reason);
  };
  const onOuterAbort = (): void => stop(options.signal?.reason);
  options.signal?.addEventListener("abort", onOuterAbort, { once: true });
  if (options.signal?.aborted) onOuterAbort();
  const timer =
    options.timeoutMs === undefined
      ? undefined
      : setTimeout(
          () => stop(new TimeoutReason(`timeout after ${formatSeconds(options.timeoutMs ?? 0)}`)),
          options.timeoutMs,
        );
  const timedOut = (): boolean => controller.signal.reason instanceof TimeoutReason;

  const device = createDevice(options.device);
  const ownMqtt = options.mqtt === undefined;
  const declared = (name: string): DeclaredBroker | undefined => {
    const item = brokerItem(device, name);
    return item ? declaredBroker(item) : undefined;
  };
  const given = options.mqtt;
  const mqtt: MqttPort =
    (typeof given === "function" ? given({ declared }) : given) ??
    new ManagedMqtt({
      resolve: options.brokers ?? declaredBrokersOnly,
      declared,
      ...(options.mqttLog ? { log: options.mqttLog } : {}),
      ...(options.unknownBrokerHint ? { unknownBrokerHint: options.unknownBrokerHint } : {}),
      ...(options.mqttDeadlineMs !== undefined ? { deadlineMs: options.mqttDeadlineMs } : {}),
    });

  let published = 0;
  const handlerFailures: ScriptFailure[] = [];
  const reportHandlerFailure = (failure: ScriptFailure, origin: HandlerOrigin): void => {
    handlerFailures.push(failure);
    options.onHandlerFailure?.(failure, origin);
  };
  const commands = mqttCommands({
    mqtt,
    device,
    onPublish: (message) => {
      published++;
      options.onPublish?.(message);
    },
  });
  const host = createBasicHost({
    device,
    put: (line) => options.output.put(line),
    log: (level, message) => options.output.log(level, message),
    commands,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.random ? { random: options.random } : {}),
  });
  const interpreter = new Interpreter(host);
  const dispatcher = new OnMessageDispatcher({
    device,
    interpreter,
    signal: controller.signal,
    now: () => host.now(),
    onFailure: (failure) => reportHandlerFailure(failure, "on-message"),
  });
  const scheduler = new ScheduledScripts({
    device,
    interpreter,
    signal: controller.signal,
    clock: options.schedulerClock ?? systemClock,
    onFailure: (failure) => reportHandlerFailure(failure, "scheduler"),
  });
  let executeJobs = 0;
  let failedExecuteJobs = 0;
  interpreter.onJobEnd((_job, outcome) => {
    executeJobs++;
    if (outcome.status !== "error") return;
    failedExecuteJobs++;
    for (const f of outcome.failures) reportHandlerFailure(f, "execute");
  });

  const subscribed = (broker: string, topic: string): boolean => {
    const menu = device.menu(SUBSCRIPTIONS);
    return (
      menu?.kind === "list" &&
      menu.items.some(
        (i) => propertyText(i.props.get("broker")) === broker && propertyText(i.props.get("topic")) === topic,
      )
    );
  };
  const hooks: DeviceHooks = {
    added: async (path, item) => {
      if (path === BROKERS) {
        mqtt.brokersChanged?.();
        if (!item.props.has("connected")) device.setState(item, "connected", false);
      }
      if (path !== SUBSCRIPTIONS) return;
      const broker = propertyText(item.props.get("broker"));
      const topic = propertyText(item.props.get("topic"));
      try {
        await mqtt.subscribe(broker, topic, qosOf(item.props.get("qos")));
      } catch (error) {
        throw scriptFailure(error);
      }
    },
    removed: async (path, item) => {
      if (path === BROKERS) mqtt.brokersChanged?.();
      try {
        if (path === SUBSCRIPTIONS) {
          const broker = propertyText(item.props.get("broker"));
          const topic = propertyText(item.props.get("topic"));
          if (!subscribed(broker, topic)) await mqtt.unsubscribe(broker, topic);
        } else if (path === BROKERS) {
          await mqtt.disconnect(propertyText(item.props.get("name")));
        }
      } catch (error) {
        throw scriptFailure(error);
      }
    },
    changed: async (path, item, names) => {
      if (path === BROKERS) mqtt.brokersChanged?.();
      if (
        path !== SUBSCRIPTIONS ||
        !item ||
        !names.some((n) => n === "topic" || n === "broker" || n === "qos")
      )
        return;
      try {
        await mqtt.subscribe(
          propertyText(item.props.get("broker")),
          propertyText(item.props.get("topic")),
          qosOf(item.props.get("qos")),
        );
      } catch (error) {
        throw scriptFailure(error);
      }
    },
  };
  const unhook = device.addHooks(hooks);
  const brokers = device.menu(BROKERS);
  if (brokers?.kind === "list")
    for (const item of brokers.items)
      if (!item.props.has("connected")) device.setState(item, "connected", false);
  const stopMessages = mqtt.onMessage((broker, topic, payload) => dispatcher.handle(broker, topic, payload));
  const stopStates = mqtt.onConnectedChange((broker, connected) => {
    const item = brokerItem(device, broker);
    if (item) device.setState(item, "connected", connected);
  });

  let outcome: RunOutcome | undefined;
  let listened = false;
  try {
    outcome = await interpreter.run(source, { name: source.name, signal: controller.signal });
    const listeningFor: ListeningFor = { onMessage: listening(device), scheduled: scheduler.repeating() };
    const ended = outcome.status === "ok" && !outcome.exited;
    if (ended && options.listen !== false && (listeningFor.onMessage || listeningFor.scheduled)) {
      listened = true;
      options.onListening?.(listeningFor);
      scheduler.start();
      await aborted(controller.signal);
    } else if (outcome.status === "ok") {
      // Entries due right away (start-time=startup, interval 0) still run once.
      if (ended) scheduler.start();
      await Promise.race([
        Promise.all([interpreter.whenIdle(), dispatcher.idle(), scheduler.idle()]),
        aborted(controller.signal),
      ]);
    }
  } finally {
    if (timer) clearTimeout(timer);
    options.signal?.removeEventListener("abort", onOuterAbort);
    stop(new Error("the run ended"));
    scheduler.stop();
    await Promise.all([interpreter.whenIdle(), dispatcher.idle(), scheduler.idle()]);
    stopMessages();
    stopStates();
    unhook();
    if (ownMqtt) await mqtt.close();
  }

  const base = {
    handlerFailures,
    published,
    onMessageRuns: dispatcher.runs,
    failedOnMessageRuns: dispatcher.failures,
    scheduledRuns: scheduler.runs,
    failedScheduledRuns: scheduler.failures,
    executeJobs,
    failedExecuteJobs,
    listened,
  };
  switch (outcome.status) {
    case "ok":
      return { status: "ok", failures: [], ...base };
    case "error":
      return { status: "error", failures: outcome.failures, ...base };
    case "cancelled": {
      const wasTimeout = timedOut();
      const message = wasTimeout
        ? `script did not finish within ${formatSeconds(options.timeoutMs ?? 0)}`
        : `script cancelled`;
      const at = outcome.at;
      const failure: ScriptFailure = at
        ? { ...at, code: wasTimeout ? "RSC4006" : "RSC4005", message }
        : {
            code: wasTimeout ? "RSC4006" : "RSC4005",
            message,
            source: source.name,
            start: 0,
            end: 0,
            line: 1,
            column: 1,
          };
      return { status: wasTimeout ? "timeout" : "cancelled", failures: [failure], ...base };
    }
  }
}

/** What failed beside the script: on-message runs, scheduled runs, `:execute` jobs. */
export type BesideCounts = Pick<
  RunResult,
  "failedOnMessageRuns" | "failedScheduledRuns" | "failedExecuteJobs"
>;

/** Runs beside the script failed: a run whose script ended ok still counts as failed (`rsc run` exits 1). */
export function failedBeside(result: BesideCounts): boolean {
  return result.failedOnMessageRuns > 0 || result.failedScheduledRuns > 0 || result.failedExecuteJobs > 0;
}

/** True while a subscription has an on-message script. */
function listening(device: ReturnType<typeof createDevice>): boolean {
  const menu = device.menu(SUBSCRIPTIONS);
  return (
    menu?.kind === "list" &&
    menu.items.some((i) => i.props.get("disabled") !== true && hasHandler(i.props.get("on-message")))
  );
}

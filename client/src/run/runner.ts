// Runs a script against a simulated device with `/iot mqtt` reaching live brokers; then serves on-message and scheduled scripts until the timeout or cancellation.
import {
  Code,
  createBasicHost,
  createDevice,
  Interpreter,
  realClock,
  SourceText,
  toStr,
  type Device,
  type RunOutcome,
  type ScriptFailure,
  type Value,
} from "../../../server/src/interpreter";
import { systemClock } from "../mqtt/clock";
import { connectDeviceToMqtt } from "./deviceMqtt";
import { BROKERS, brokerItem, declaredBroker, mqttCommands, SUBSCRIPTIONS } from "./mqttCommands";
import { declaredBrokersOnly, ManagedMqtt, type DeclaredBroker, type MqttPort } from "./mqttPort";
import { OnMessageDispatcher } from "./onMessage";
import type { HandlerOrigin, ListeningFor, RunCounts, RunOptions, RunResult } from "./runTypes";
import { ScheduledScripts } from "./scheduler";

/** The reason a run's signal aborts when its time is up (an isolated run's worker gets one from its parent too). */
export class TimeoutReason extends Error {
  override readonly name = "TimeoutReason";
}

/** The reason a run's signal aborts when it reached its memory cap (an isolated run's worker watches its heap). */
export class MemoryCapReason extends Error {
  override readonly name = "MemoryCapReason";
}

/** A run in progress: how it will end, and what it counted so far. */
export interface StartedRun {
  readonly result: Promise<RunResult>;
  counts(): RunCounts;
}

function hasHandler(value: Value | undefined): boolean {
  if (value instanceof Code) return value.body.length > 0;
  return value !== undefined && toStr(value).trim() !== "";
}

/** True while a subscription has an on-message script. */
function listening(device: Device): boolean {
  const menu = device.menu(SUBSCRIPTIONS);
  return (
    menu?.kind === "list" &&
    menu.items.some((i) => i.props.get("disabled") !== true && hasHandler(i.props.get("on-message")))
  );
}

/** Resolves when the signal aborts. */
function aborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));
}

export function formatSeconds(ms: number): string {
  return `${+(ms / 1000).toFixed(3)} s`;
}

/** Runs one script in this thread. Never throws for anything the script or the brokers do: the result says how it ended. */
export function runScript(text: string, options: RunOptions): Promise<RunResult> {
  return startRun(text, options).result;
}

/** Starts a run in this thread (what runScript does, with the counts readable while it runs). */
export function startRun(text: string, options: RunOptions): StartedRun {
  const device = createDevice(options.device);
  const declared = (name: string): DeclaredBroker | undefined => {
    const item = brokerItem(device, name);
    return item ? declaredBroker(item) : undefined;
  };
  const entries = (): DeclaredBroker[] => {
    const menu = device.menu(BROKERS);
    const found: DeclaredBroker[] = [];
    if (menu?.kind === "list")
      for (const item of menu.items) {
        try {
          found.push(declaredBroker(item));
        } catch {
          // An entry with a bad yes/no value: using it fails later with the script's error.
        }
      }
    return found;
  };
  const given = options.mqtt;
  const mqtt: MqttPort =
    (typeof given === "function" ? given({ declared, entries }) : given) ??
    new ManagedMqtt({
      resolve: options.brokers ?? declaredBrokersOnly,
      declared,
      ...(options.mqttLog ? { log: options.mqttLog } : {}),
      ...(options.unknownBrokerHint ? { unknownBrokerHint: options.unknownBrokerHint } : {}),
      ...(options.mqttDeadlineMs !== undefined ? { deadlineMs: options.mqttDeadlineMs } : {}),
    });
  return new Run(text, options, device, mqtt, given === undefined).start();
}

/** One run: the interpreter, the device, on-message dispatch and the scheduler over one MQTT side. */
class Run {
  private readonly controller = new AbortController();
  private readonly interpreter: Interpreter;
  private readonly dispatcher: OnMessageDispatcher;
  private readonly scheduler: ScheduledScripts;
  private readonly handlerFailures: ScriptFailure[] = [];
  /** Where the first script the run's signal stopped beside the main one (on-message, scheduled, `:execute`) was. */
  private stoppedAt: ScriptFailure | undefined;
  private published = 0;
  private executeJobs = 0;
  private failedExecuteJobs = 0;

  constructor(
    private readonly text: string,
    private readonly options: RunOptions,
    private readonly device: Device,
    private readonly mqtt: MqttPort,
    private readonly ownMqtt: boolean,
  ) {
    const commands = mqttCommands({
      mqtt,
      device,
      onPublish: (message) => {
        this.published++;
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
    const signal = this.controller.signal;
    this.interpreter = new Interpreter(host);
    this.dispatcher = new OnMessageDispatcher({
      device,
      interpreter: this.interpreter,
      signal,
      now: () => host.now(),
      onFailure: (failure) => this.reportHandlerFailure(failure, "on-message"),
      onStopped: (at) => (this.stoppedAt ??= at),
    });
    this.scheduler = new ScheduledScripts({
      device,
      interpreter: this.interpreter,
      signal,
      clock: options.schedulerClock ?? systemClock,
      onFailure: (failure) => this.reportHandlerFailure(failure, "scheduler"),
      onStopped: (at) => (this.stoppedAt ??= at),
    });
    this.interpreter.onJobEnd((_job, outcome) => {
      this.executeJobs++;
      if (outcome.status === "cancelled") this.stoppedAt ??= outcome.at;
      if (outcome.status !== "error") return;
      this.failedExecuteJobs++;
      for (const f of outcome.failures) this.reportHandlerFailure(f, "execute");
    });
  }

  start(): StartedRun {
    return { result: this.execute(), counts: () => this.counts() };
  }

  private reportHandlerFailure(failure: ScriptFailure, origin: HandlerOrigin): void {
    this.handlerFailures.push(failure);
    this.options.onHandlerFailure?.(failure, origin);
  }

  private stop(reason: unknown): void {
    if (!this.controller.signal.aborted) this.controller.abort(reason);
  }

  private counts(): RunCounts {
    return {
      published: this.published,
      onMessageRuns: this.dispatcher.runs,
      failedOnMessageRuns: this.dispatcher.failures,
      scheduledRuns: this.scheduler.runs,
      failedScheduledRuns: this.scheduler.failures,
      executeJobs: this.executeJobs,
      failedExecuteJobs: this.failedExecuteJobs,
    };
  }

  private async execute(): Promise<RunResult> {
    const { options, controller, interpreter, dispatcher, scheduler, device, mqtt } = this;
    const source = new SourceText(options.fileName ?? "script.rsc", this.text);
    const onOuterAbort = (): void => this.stop(options.signal?.reason);
    options.signal?.addEventListener("abort", onOuterAbort, { once: true });
    if (options.signal?.aborted) onOuterAbort();
    const timeoutMs = options.timeoutMs;
    // realClock's timers, not setTimeout: a timeout of 24.8 days or more would fire at once.
    const timer = new AbortController();
    if (timeoutMs !== undefined)
      realClock.sleep(timeoutMs, timer.signal).then(
        () => this.stop(new TimeoutReason(`timeout after ${formatSeconds(timeoutMs)}`)),
        () => undefined,
      );
    const disconnect = connectDeviceToMqtt(device, mqtt);
    const stopMessages = mqtt.onMessage((broker, topic, payload) =>
      dispatcher.handle(broker, topic, payload),
    );

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
      timer.abort();
      options.signal?.removeEventListener("abort", onOuterAbort);
      this.stop(new Error("the run ended"));
      scheduler.stop();
      await Promise.all([interpreter.whenIdle(), dispatcher.idle(), scheduler.idle()]);
      stopMessages();
      disconnect();
      if (this.ownMqtt) await mqtt.close();
    }

    const base = { ...this.counts(), handlerFailures: this.handlerFailures, listened };
    const reason: unknown = controller.signal.reason;
    // The memory cap ends the run with its error, also when a script beside the main one (which had ended) met it.
    if (reason instanceof MemoryCapReason && outcome.status !== "error") {
      const at =
        (outcome.status === "cancelled" ? outcome.at : undefined) ??
        this.stoppedAt ??
        stoppedFailure(source.name, false, undefined);
      return { status: "error", failures: [{ ...at, code: "RSC4010", message: reason.message }], ...base };
    }
    switch (outcome.status) {
      case "ok":
        return { status: "ok", failures: [], ...base };
      case "error":
        return { status: "error", failures: outcome.failures, ...base };
      case "cancelled": {
        const wasTimeout = reason instanceof TimeoutReason;
        const failure = stoppedFailure(source.name, wasTimeout, options.timeoutMs, outcome.at);
        return { status: wasTimeout ? "timeout" : "cancelled", failures: [failure], ...base };
      }
    }
  }
}

/** Why a run stopped before its end: the timeout (RSC4006) or a cancel (RSC4005), where it was when known. */
export function stoppedFailure(
  source: string,
  wasTimeout: boolean,
  timeoutMs: number | undefined,
  at?: ScriptFailure,
  detail = "",
): ScriptFailure {
  const code = wasTimeout ? "RSC4006" : "RSC4005";
  const message = `${wasTimeout ? `script did not finish within ${formatSeconds(timeoutMs ?? 0)}` : "script cancelled"}${detail}`;
  return at ? { ...at, code, message } : { code, message, source, start: 0, end: 0, line: 1, column: 1 };
}

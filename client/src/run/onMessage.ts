// Received messages: ONE subscription chosen by RouterOS's priority runs its on-message script, at most parallel-scripts-limit at a time per broker.
import type { Device, DeviceItem, Interpreter, ScriptFailure, Value } from "../../../server/src/interpreter";
import {
  bufferToBytes,
  Code,
  fromBytes,
  Id,
  ID_KEY,
  ON_MESSAGE_VARIABLES,
  toBytes,
  toStr,
} from "../../../server/src/interpreter";
import { chooseSubscriptionIndex } from "../mqtt";
import { brokerItem, SUBSCRIPTIONS } from "./mqttCommands";

export const RECEIVED = "iot/mqtt/subscriptions/recv";

/** RouterOS keeps this many received messages in `/iot mqtt subscriptions recv`. */
const RECEIVED_LIMIT = 1024;

export interface DispatcherOptions {
  readonly device: Device;
  readonly interpreter: Interpreter;
  readonly signal: AbortSignal;
  /** Wall clock for the `time` of received messages. */
  readonly now: () => number;
  /** An on-message script failed. */
  readonly onFailure: (failure: ScriptFailure, topic: string) => void;
}

interface Limiter {
  running: number;
  readonly waiting: (() => void)[];
}

function text(value: Value | undefined): string {
  return value === undefined ? "" : fromBytes(toStr(value));
}

function timestamp(ms: number): string {
  const d = new Date(ms);
  const two = (n: number): string => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

/** A failure of the runner itself while it ran an on-message script. */
function internalFailure(
  error: unknown,
  source: string,
  start: number,
  end: number,
  at: { line: number; column: number },
): ScriptFailure {
  const message = error instanceof Error ? error.message : String(error);
  return { code: "RSC4008", message: `internal error: ${message}`, source, start, end, ...at };
}

export class OnMessageDispatcher {
  private readonly limiters = new Map<string, Limiter>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly parsed = new Map<string, Code | readonly ScriptFailure[]>();
  private handled = 0;
  private failedRuns = 0;

  constructor(private readonly options: DispatcherOptions) {
    options.device.ensureList(RECEIVED);
  }

  /** How many on-message scripts ran (or started). */
  get runs(): number {
    return this.handled;
  }

  /** How many of those runs failed (an error ended the script, or it could not start). */
  get failures(): number {
    return this.failedRuns;
  }

  /** Resolves when no on-message script is running or waiting. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  handle(broker: string, topic: string, payload: Buffer): void {
    this.remember(broker, topic, payload);
    const candidates = this.subscriptions().filter((i) => text(i.props.get("broker")) === broker);
    const index = chooseSubscriptionIndex(
      topic,
      candidates.map((i) => text(i.props.get("topic"))),
    );
    const chosen = candidates[index];
    if (!chosen) return;
    let code: Code | readonly ScriptFailure[] | undefined;
    try {
      code = this.codeOf(chosen);
    } catch (error) {
      code = [internalFailure(error, "<on-message>", 0, 0, { line: 1, column: 1 })];
    }
    if (!code) return;
    if (!(code instanceof Code)) {
      // A script set by string that cannot run (syntax, command names, undeclared variables): a failed run.
      if (this.options.signal.aborted) return;
      this.handled++;
      this.failedRuns++;
      for (const failure of code) this.options.onFailure(failure, topic);
      return;
    }
    const handler = code;
    const run: Promise<void> = this.run(broker, handler, topic, payload).catch((error: unknown) => {
      this.failedRuns++;
      const at = handler.source.position(handler.start);
      this.options.onFailure(
        internalFailure(error, handler.source.name, handler.start, handler.end, at),
        topic,
      );
    });
    this.inFlight.add(run);
    void run.then(() => this.inFlight.delete(run));
  }

  private async run(broker: string, code: Code, topic: string, payload: Buffer): Promise<void> {
    const limiter = this.limiterOf(broker);
    const limit = this.limitOf(broker);
    if (limiter.running >= limit) await new Promise<void>((resolve) => limiter.waiting.push(resolve));
    limiter.running++;
    this.handled++;
    try {
      if (this.options.signal.aborted) return;
      const outcome = await this.options.interpreter.runCode(code, {
        name: "on-message",
        signal: this.options.signal,
        variables: [
          ["msgData", bufferToBytes(payload)],
          ["msgTopic", toBytes(topic)],
        ],
      });
      if (outcome.status === "error") {
        this.failedRuns++;
        for (const f of outcome.failures) this.options.onFailure(f, topic);
      }
    } finally {
      limiter.running--;
      limiter.waiting.shift()?.();
    }
  }

  private limiterOf(broker: string): Limiter {
    let limiter = this.limiters.get(broker);
    if (!limiter) {
      limiter = { running: 0, waiting: [] };
      this.limiters.set(broker, limiter);
    }
    return limiter;
  }

  /** `parallel-scripts-limit` of the broker: a number, or unlimited when `off`. */
  private limitOf(broker: string): number {
    const value = brokerItem(this.options.device, broker)?.props.get("parallel-scripts-limit");
    return typeof value === "bigint" && value > 0n ? Number(value) : Number.POSITIVE_INFINITY;
  }

  private subscriptions(): DeviceItem[] {
    const menu = this.options.device.menu(SUBSCRIPTIONS);
    if (menu?.kind !== "list") return [];
    return menu.items.filter((i) => i.props.get("disabled") !== true);
  }

  /** The subscription's on-message code; a script set by string is compiled (once) as a script of its own. */
  private codeOf(item: DeviceItem): Code | readonly ScriptFailure[] | undefined {
    const value = item.props.get("on-message");
    if (value instanceof Code) return value.body.length > 0 ? value : undefined;
    const source = value === undefined ? "" : toStr(value);
    if (source.trim() === "") return undefined;
    let code = this.parsed.get(source);
    if (!code) {
      code = this.options.interpreter.compileScript(source, "<on-message>", ON_MESSAGE_VARIABLES);
      this.parsed.set(source, code);
    }
    return code;
  }

  private remember(broker: string, topic: string, payload: Buffer): void {
    const menu = this.options.device.menu(RECEIVED);
    if (menu?.kind !== "list") return;
    if (menu.items.length >= RECEIVED_LIMIT) menu.items.shift();
    const id = menu.nextId++;
    menu.items.push({
      id,
      props: new Map<string, Value>([
        [ID_KEY, new Id(id)],
        ["broker", toBytes(broker)],
        ["topic", toBytes(topic)],
        ["data", bufferToBytes(payload)],
        ["time", timestamp(this.options.now())],
      ]),
    });
  }
}

// Received messages: ONE subscription chosen by RouterOS's priority runs its on-message script, at most parallel-scripts-limit at a time per broker.
import type { Device, DeviceItem, Interpreter, ScriptFailure, Value } from "../../../server/src/interpreter";
import {
  bufferToBytes,
  Id,
  ID_KEY,
  localTimestamp,
  ON_MESSAGE_VARIABLES,
  toBytes,
} from "../../../server/src/interpreter";
import { chooseSubscriptionIndex } from "../mqtt";
import { brokerItem, SUBSCRIPTIONS } from "./mqttCommands";
import { ScriptRuns, type RunSlot } from "./scriptRuns";
import { propertyText } from "./propertyText";

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
  readonly onFailure: (failure: ScriptFailure) => void;
  /** An on-message script was stopped by the signal, where it was. */
  readonly onStopped?: (at: ScriptFailure) => void;
}

interface Limiter {
  running: number;
  readonly waiting: (() => void)[];
}

export class OnMessageDispatcher {
  private readonly limiters = new Map<string, Limiter>();
  private readonly scripts: ScriptRuns;

  constructor(private readonly options: DispatcherOptions) {
    options.device.ensureList(RECEIVED);
    this.scripts = new ScriptRuns(options);
  }

  /** How many on-message scripts ran (or started). */
  get runs(): number {
    return this.scripts.runs;
  }

  /** How many of those runs failed (an error ended the script, or it could not start). */
  get failures(): number {
    return this.scripts.failures;
  }

  /** Resolves when no on-message script is running or waiting. */
  idle(): Promise<void> {
    return this.scripts.idle();
  }

  handle(broker: string, topic: string, payload: Buffer): void {
    this.remember(broker, topic, payload);
    const candidates = this.subscriptions().filter((i) => propertyText(i.props.get("broker")) === broker);
    const index = chooseSubscriptionIndex(
      topic,
      candidates.map((i) => propertyText(i.props.get("topic"))),
    );
    const chosen = candidates[index];
    if (!chosen) return;
    // A script set by string is compiled (once) as a script of its own, with $msgData and $msgTopic declared.
    const code = this.scripts.codeOf(chosen.props.get("on-message"), "<on-message>", ON_MESSAGE_VARIABLES);
    if (!code) return;
    const job = {
      name: "on-message",
      variables: [
        ["msgData", bufferToBytes(payload)],
        ["msgTopic", toBytes(topic)],
      ] as const,
    };
    void this.scripts.launch(code, job, this.slotOf(broker));
  }

  /** At most `parallel-scripts-limit` on-message scripts of a broker run at a time; the others wait in order. */
  private slotOf(broker: string): RunSlot {
    const limiter = this.limiterOf(broker);
    return {
      acquire: () => {
        if (limiter.running >= this.limitOf(broker))
          return new Promise<void>((resolve) => limiter.waiting.push(resolve));
        limiter.running++;
        return undefined;
      },
      // A waiting run takes the place over at once, so that no new run slips in between.
      release: () => {
        const next = limiter.waiting.shift();
        if (next) next();
        else limiter.running--;
      },
    };
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
        ["time", localTimestamp(this.options.now())],
      ]),
    });
  }
}

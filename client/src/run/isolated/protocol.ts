// What crosses between an isolated run's worker (interpreter, device) and the thread that owns the broker connections: batched, ordered messages and a small shared control block.
import type { DeviceProfile, LogLevel, ScriptFailure } from "../../../../server/src/interpreter";
import type { QoS } from "../../mqtt";
import type { DeclaredBroker, PublishRequest } from "../mqttPort";
import type { HandlerOrigin, ListeningFor, RunResult } from "../runTypes";

/** A run the parent asks a worker for (a worker serves one run at a time, and then the next). */
export interface WorkerStart {
  /** Tells this run's messages from those of an earlier run of the same worker. */
  readonly run: number;
  readonly text: string;
  readonly fileName?: string;
  readonly device?: DeviceProfile;
  readonly timeoutMs?: number;
  readonly listen?: boolean;
  /** The run's memory cap: the worker stops the script where it is past it (memoryWatch.ts). */
  readonly memoryLimitMb: number;
  /** {@link CONTROL_SLOTS} Int32 slots: {@link HANDLED}, {@link STOPPING}, {@link REPLIED}. */
  readonly control: SharedArrayBuffer;
}

/** The message of a run stopped at its memory cap (RSC4010), by the worker's watch or by the thread's hard limit. */
export function memoryCapMessage(limitMb: number): string {
  return `the script needed more than the ${limitMb} MB of memory a run may use, and was stopped`;
}

/** Control slot: batches the parent has handled (the worker waits when it is too far ahead). */
export const HANDLED = 0;
/** Control slot: set by the parent when the run is to stop (the worker no longer waits for it). */
export const STOPPING = 1;
/**
 * Control slot: replies the parent has posted, counted (and notified) after each one is in the worker's port: a
 * worker blocked until a call's reply arrives (a publish) wakes from it without a turn of its event loop.
 */
export const REPLIED = 2;
/** Int32 slots in the control block. */
export const CONTROL_SLOTS = 3;

/** Batches the worker may send before the parent has handled them; then it waits (output and publishes are paced). */
export const BATCH_WINDOW = 8;
/** Items in one batch at most. */
export const BATCH_ITEMS = 512;

/** The MQTT operations the worker asks the parent for, with their arguments. */
export type MqttCall =
  | {
      readonly op: "publish";
      readonly broker: string;
      readonly topic: string;
      readonly payload: WireBytes;
      readonly request: PublishRequest;
    }
  | { readonly op: "connect"; readonly broker: string }
  | { readonly op: "disconnect"; readonly broker: string }
  | { readonly op: "subscribe"; readonly broker: string; readonly filter: string; readonly qos: QoS }
  | { readonly op: "unsubscribe"; readonly broker: string; readonly filter: string };

/** One thing the worker tells the parent, in the order it happened. */
export type WorkerItem =
  | { readonly t: "started" }
  | { readonly t: "put"; readonly line: string }
  | { readonly t: "log"; readonly level: LogLevel; readonly message: string }
  | { readonly t: "failure"; readonly failure: ScriptFailure; readonly origin: HandlerOrigin }
  | { readonly t: "listening"; readonly listening: ListeningFor }
  /** The script's `/iot mqtt brokers` entries, after each change (the parent's port reads them by name). */
  | { readonly t: "declared"; readonly brokers: readonly DeclaredBroker[] }
  | { readonly t: "brokersChanged" }
  | { readonly t: "call"; readonly id: number; readonly call: MqttCall }
  /** A QoS 0 publish on a broker the worker knows is connected: sent without a reply. */
  | {
      readonly t: "publish0";
      readonly broker: string;
      readonly topic: string;
      readonly payload: WireBytes;
      readonly retain: boolean;
    };

/** {@link WorkerItem}s packed into one flat array (`itemWire.ts`): a batch crosses as few objects as it can. */
export type PackedItems = unknown[];
/** A run's counts (RunCounts) as numbers in a fixed order (`itemWire.ts`). */
export type PackedCounts = number[];

export interface WorkerBatch {
  readonly kind: "batch";
  readonly run: number;
  readonly items: PackedItems;
  readonly counts: PackedCounts;
  /** In the last batch: how the run ended. */
  readonly result?: RunResult;
  /** In the last batch: the worker can serve another run (it holds little memory). */
  readonly reusable?: boolean;
}

/** Why an MQTT call failed, as the script's error needs it. */
export interface CallError {
  /** `mqtt`: a failure of the MQTT layer (the script sees `failure: ...`); `unknown-broker`: no such name. */
  readonly kind: "mqtt" | "unknown-broker" | "other";
  readonly message: string;
}

/** What the parent tells the worker about the run in progress. */
export type RunNews =
  | { readonly kind: "reply"; readonly id: number; readonly error?: CallError }
  | { readonly kind: "message"; readonly broker: string; readonly topic: string; readonly payload: WireBytes }
  | { readonly kind: "connected"; readonly broker: string; readonly connected: boolean }
  | { readonly kind: "stop"; readonly reason: string };

/** What the parent tells the worker: start a run, or news of a run (news of an earlier run is dropped). */
export type ParentMessage =
  | { readonly kind: "run"; readonly start: WorkerStart }
  | { readonly kind: "news"; readonly run: number; readonly news: RunNews };

/**
 * A payload on the wire: its bytes as a latin1 string. A Buffer would be cloned with the whole memory under it (a
 * small Buffer is a view of an 8 KB pool, a received one of the socket's chunk).
 */
export type WireBytes = string;

export function toWire(payload: Buffer): WireBytes {
  return payload.toString("latin1");
}

export function fromWire(bytes: WireBytes): Buffer {
  return Buffer.from(bytes, "latin1");
}

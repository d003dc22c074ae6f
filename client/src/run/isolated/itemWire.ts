// A batch's items and counts as flat arrays of strings and numbers: cloning a nested object per item (an item, its call, its request) cost a publish more than the rest of its trip between the threads.
import type { RunCounts } from "../runTypes";
import type { MqttCall, PackedCounts, PackedItems, WorkerItem } from "./protocol";

const enum Tag {
  Started,
  Put,
  Log,
  Failure,
  Listening,
  Declared,
  BrokersChanged,
  Publish,
  Connect,
  Disconnect,
  Subscribe,
  Unsubscribe,
  Publish0,
}

/** Bits of a publish's flags. */
const RETAIN = 1;
const FORCE = 2;
const DISCONNECT_AFTER = 4;

/** Appends one item to `packed`: a tag, then the item's fields in a fixed order. */
export function packItem(packed: PackedItems, item: WorkerItem): void {
  switch (item.t) {
    case "started":
      packed.push(Tag.Started);
      return;
    case "put":
      packed.push(Tag.Put, item.line);
      return;
    case "log":
      packed.push(Tag.Log, item.level, item.message);
      return;
    case "failure":
      packed.push(Tag.Failure, item.failure, item.origin);
      return;
    case "listening":
      packed.push(Tag.Listening, item.listening);
      return;
    case "declared":
      packed.push(Tag.Declared, item.brokers);
      return;
    case "brokersChanged":
      packed.push(Tag.BrokersChanged);
      return;
    case "publish0":
      packed.push(Tag.Publish0, item.broker, item.topic, item.payload, item.retain ? RETAIN : 0);
      return;
    case "call":
      packCall(packed, item.id, item.call);
      return;
  }
}

function packCall(packed: PackedItems, id: number, call: MqttCall): void {
  switch (call.op) {
    case "publish": {
      const { qos, retain, force, disconnectAfter } = call.request;
      const flags = (retain ? RETAIN : 0) | (force ? FORCE : 0) | (disconnectAfter ? DISCONNECT_AFTER : 0);
      packed.push(Tag.Publish, id, call.broker, call.topic, call.payload, qos, flags);
      return;
    }
    case "connect":
      packed.push(Tag.Connect, id, call.broker);
      return;
    case "disconnect":
      packed.push(Tag.Disconnect, id, call.broker);
      return;
    case "subscribe":
      packed.push(Tag.Subscribe, id, call.broker, call.filter, call.qos);
      return;
    case "unsubscribe":
      packed.push(Tag.Unsubscribe, id, call.broker, call.filter);
      return;
  }
}

/** The items of `packed`, in order. */
export function unpackItems(packed: readonly unknown[]): WorkerItem[] {
  const items: WorkerItem[] = [];
  let i = 0;
  // Each field is read as the type packItem wrote; the array never comes from anywhere else.
  const next = <T>(): T => packed[i++] as T;
  while (i < packed.length) {
    const tag = next<Tag>();
    switch (tag) {
      case Tag.Started:
        items.push({ t: "started" });
        break;
      case Tag.Put:
        items.push({ t: "put", line: next() });
        break;
      case Tag.Log:
        items.push({ t: "log", level: next(), message: next() });
        break;
      case Tag.Failure:
        items.push({ t: "failure", failure: next(), origin: next() });
        break;
      case Tag.Listening:
        items.push({ t: "listening", listening: next() });
        break;
      case Tag.Declared:
        items.push({ t: "declared", brokers: next() });
        break;
      case Tag.BrokersChanged:
        items.push({ t: "brokersChanged" });
        break;
      case Tag.Publish0:
        items.push({
          t: "publish0",
          broker: next(),
          topic: next(),
          payload: next(),
          retain: next<number>() !== 0,
        });
        break;
      case Tag.Publish: {
        const id = next<number>();
        const [broker, topic, payload] = [next<string>(), next<string>(), next<string>()];
        const [qos, flags] = [next<0 | 1 | 2>(), next<number>()];
        const request = {
          qos,
          retain: (flags & RETAIN) !== 0,
          force: (flags & FORCE) !== 0,
          disconnectAfter: (flags & DISCONNECT_AFTER) !== 0,
        };
        items.push({ t: "call", id, call: { op: "publish", broker, topic, payload, request } });
        break;
      }
      case Tag.Connect:
        items.push({ t: "call", id: next(), call: { op: "connect", broker: next() } });
        break;
      case Tag.Disconnect:
        items.push({ t: "call", id: next(), call: { op: "disconnect", broker: next() } });
        break;
      case Tag.Subscribe:
        items.push({
          t: "call",
          id: next(),
          call: { op: "subscribe", broker: next(), filter: next(), qos: next() },
        });
        break;
      case Tag.Unsubscribe:
        items.push({ t: "call", id: next(), call: { op: "unsubscribe", broker: next(), filter: next() } });
        break;
      default:
        throw new Error(`a batch from the run's worker holds an unknown item (tag ${String(tag)})`);
    }
  }
  return items;
}

/** The counts in a fixed order. */
const COUNT_KEYS = [
  "published",
  "onMessageRuns",
  "failedOnMessageRuns",
  "scheduledRuns",
  "failedScheduledRuns",
  "executeJobs",
  "failedExecuteJobs",
] as const satisfies readonly (keyof RunCounts)[];

export function packCounts(counts: RunCounts): PackedCounts {
  return COUNT_KEYS.map((key) => counts[key]);
}

export function unpackCounts(packed: readonly number[]): RunCounts {
  const counts: Record<string, number> = {};
  COUNT_KEYS.forEach((key, i) => (counts[key] = packed[i] ?? 0));
  return counts as unknown as RunCounts;
}

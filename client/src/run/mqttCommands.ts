// The `/iot mqtt` commands of a run: publish, connect, disconnect, subscribe, unsubscribe, over an MqttPort.
import type { DeviceItem, HostCommand, HostCommandCall, Value } from "../../../server/src/interpreter";
import {
  bytesToBuffer,
  CancelledError,
  fromBytes,
  NOTHING,
  ScriptError,
  toStr,
} from "../../../server/src/interpreter";
import type { Device } from "../../../server/src/interpreter";
import { isMqttError, type QoS } from "../mqtt";
import { UnknownBrokerError, type DeclaredBroker, type MqttPort } from "./mqttPort";
import { propertyText } from "./propertyText";

export const BROKERS = "iot/mqtt/brokers";
export const SUBSCRIPTIONS = "iot/mqtt/subscriptions";

/** A published message, as the run reports it to its listener. */
export interface PublishedMessage {
  readonly broker: string;
  readonly topic: string;
  readonly payload: Buffer;
  readonly qos: QoS;
  readonly retain: boolean;
}

function text(value: Value | undefined): string | undefined {
  return value === undefined ? undefined : propertyText(value);
}

function flag(value: Value | undefined, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value === "boolean") return value;
  const t = toStr(value);
  if (t === "yes" || t === "true") return true;
  if (t === "no" || t === "false") return false;
  throw new ScriptError(`invalid value ${fromBytes(t)}: expected yes or no`);
}

function qosOf(value: Value | undefined): QoS {
  if (value === undefined) return 0;
  const n = toStr(value);
  if (n === "0" || n === "1" || n === "2") return Number(n) as QoS;
  throw new ScriptError(`invalid value for argument qos: ${fromBytes(n)} (qos must be 0, 1 or 2)`);
}

function required(call: HostCommandCall, name: string): string {
  const value = text(call.args.get(name));
  if (value === undefined || value === "") throw new ScriptError(`missing value for argument ${name}`);
  return value;
}

/** The `/iot mqtt brokers` item named `name`. */
export function brokerItem(device: Device, name: string): DeviceItem | undefined {
  const menu = device.menu(BROKERS);
  if (menu?.kind !== "list") return undefined;
  return menu.items.find((i) => text(i.props.get("name")) === name);
}

/** A broker item's fields as a declaration the resolver understands. */
export function declaredBroker(item: DeviceItem): DeclaredBroker {
  const get = (k: string): Value | undefined => item.props.get(k);
  const num = (k: string): number | undefined => {
    const v = get(k);
    return typeof v === "bigint" ? Number(v) : undefined;
  };
  const str = (k: string): string | undefined => {
    const v = text(get(k));
    return v === "" ? undefined : v;
  };
  const bool = (k: string): boolean | undefined => {
    const v = get(k);
    return v === undefined ? undefined : flag(v, false);
  };
  const willQos = num("will-qos");
  const declared: DeclaredBroker = {
    name: text(get("name")) ?? "",
    address: text(get("address")) ?? "",
    ...(num("port") !== undefined ? { port: num("port") } : {}),
    ...(bool("ssl") !== undefined ? { ssl: bool("ssl") } : {}),
    ...(str("username") !== undefined ? { username: str("username") } : {}),
    ...(str("password") !== undefined ? { password: str("password") } : {}),
    ...(str("client-id") !== undefined ? { clientId: str("client-id") } : {}),
    ...(num("keep-alive") !== undefined ? { keepAlive: num("keep-alive") } : {}),
    ...(str("will-topic") !== undefined ? { willTopic: str("will-topic") } : {}),
    ...(str("will-message") !== undefined ? { willMessage: str("will-message") } : {}),
    ...(willQos === 0 || willQos === 1 || willQos === 2 ? { willQos } : {}),
    ...(bool("will-retain") !== undefined ? { willRetain: bool("will-retain") } : {}),
  };
  return declared;
}

/** An MQTT failure as the script sees it: catchable, `failure: ...`, never with a secret. */
export function scriptFailure(error: unknown): Error {
  if (error instanceof ScriptError || error instanceof CancelledError) return error;
  if (error instanceof UnknownBrokerError) return new ScriptError(`failure: ${error.message}`, "RSC4004");
  if (isMqttError(error)) return new ScriptError(`failure: ${error.message}`, "RSC4004");
  return error instanceof Error ? error : new Error(String(error));
}

/** Waits for `work`, but gives up (with the run's cancellation) as soon as `signal` aborts. */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new CancelledError());
  return new Promise<T>((resolve, reject) => {
    const stopWatching = watchAbort(signal, () => reject(new CancelledError()));
    work.then(
      (v) => {
        stopWatching();
        resolve(v);
      },
      (e: unknown) => {
        stopWatching();
        reject(scriptFailure(e));
      },
    );
  });
}

/** Callbacks waiting for each signal's abort: one event listener per signal instead of one per operation. */
const abortWatchers = new WeakMap<AbortSignal, Set<() => void>>();

function watchAbort(signal: AbortSignal, callback: () => void): () => void {
  let watchers = abortWatchers.get(signal);
  if (watchers === undefined) {
    const created = new Set<() => void>();
    abortWatchers.set(signal, created);
    signal.addEventListener(
      "abort",
      () => {
        for (const watcher of [...created]) watcher();
        created.clear();
      },
      { once: true },
    );
    watchers = created;
  }
  const set = watchers;
  set.add(callback);
  return () => set.delete(callback);
}

export interface MqttCommandOptions {
  readonly mqtt: MqttPort;
  readonly device: Device;
  readonly onPublish?: (message: PublishedMessage) => void;
}

/** The host commands of `/iot mqtt` for a run. */
export function mqttCommands(options: MqttCommandOptions): Map<string, HostCommand> {
  const { mqtt, device } = options;
  const publish: HostCommand = (call) => {
    const broker = required(call, "broker");
    const topic = required(call, "topic");
    const payload = bytesToBuffer(toStr(call.args.get("message") ?? ""));
    const qos = qosOf(call.args.get("qos"));
    const retain = flag(call.args.get("retain"), false);
    const request = {
      qos,
      retain,
      force: flag(call.args.get("force"), true),
      disconnectAfter: flag(call.args.get("disconnect-after"), false),
    };
    const published = (): Value => {
      options.onPublish?.({ broker, topic, payload, qos, retain });
      return NOTHING;
    };
    // QoS 0 on a connected, idle broker completes when the packet is handed to the socket: no promise, no wait.
    if (qos === 0 && !request.disconnectAfter && mqtt.publishNow?.(broker, topic, payload, retain))
      return published();
    if (mqtt.publishBlocking) {
      if (call.signal.aborted) throw new CancelledError();
      let waiting: Promise<void> | undefined;
      try {
        waiting = mqtt.publishBlocking(broker, topic, payload, request);
      } catch (error) {
        throw scriptFailure(error);
      }
      if (waiting === undefined) return published();
      return untilAborted(waiting, call.signal).then(published);
    }
    return untilAborted(mqtt.publish(broker, topic, payload, request), call.signal).then(published);
  };
  const connect: HostCommand = async (call) => {
    await untilAborted(mqtt.connect(required(call, "broker")), call.signal);
    return NOTHING;
  };
  const disconnect: HostCommand = async (call) => {
    await untilAborted(mqtt.disconnect(required(call, "broker")), call.signal);
    return NOTHING;
  };
  const subscribe: HostCommand = async (call) => {
    const props = new Map<string, Value>([
      ["broker", required(call, "broker")],
      ["topic", required(call, "topic")],
      ["qos", BigInt(qosOf(call.args.get("qos")))],
    ]);
    await device.addItem(SUBSCRIPTIONS, props);
    return NOTHING;
  };
  const unsubscribe: HostCommand = async (call) => {
    const broker = required(call, "broker");
    const topic = required(call, "topic");
    const menu = device.menu(SUBSCRIPTIONS);
    const matching =
      menu?.kind === "list"
        ? menu.items.filter(
            (i) => text(i.props.get("broker")) === broker && text(i.props.get("topic")) === topic,
          )
        : [];
    if (matching.length === 0)
      throw new ScriptError(`failure: no subscription to ${topic} on broker ${broker}`);
    for (const item of matching) await device.removeItem(SUBSCRIPTIONS, item);
    return NOTHING;
  };
  return new Map([
    ["iot/mqtt/publish", publish],
    ["iot/mqtt/connect", connect],
    ["iot/mqtt/disconnect", disconnect],
    ["iot/mqtt/subscribe", subscribe],
    ["iot/mqtt/unsubscribe", unsubscribe],
  ]);
}

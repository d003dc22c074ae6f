// The parent's side of an isolated run's MQTT: the worker's calls and QoS 0 publishes done on the real MqttPort (the process's one owner of broker connections), its messages and connection states sent to the worker.
import { isMqttError } from "../../mqtt/errors";
import type { PublishedMessage } from "../mqttCommands";
import { UnknownBrokerError, type DeclaredBroker, type MqttPort } from "../mqttPort";
import type { RunBrokers } from "../runTypes";
import { fromWire, toWire, type CallError, type MqttCall, type RunNews, type WorkerItem } from "./protocol";

/** The worker's `/iot mqtt brokers` entries as it last sent them: what the parent's port reads by name. */
export class DeclaredBrokers implements RunBrokers {
  private byName = new Map<string, DeclaredBroker>();

  replace(entries: readonly DeclaredBroker[]): void {
    this.byName = new Map(entries.map((e) => [e.name, e]));
  }

  declared(name: string): DeclaredBroker | undefined {
    return this.byName.get(name);
  }

  entries(): readonly DeclaredBroker[] {
    return [...this.byName.values()];
  }
}

export interface MqttBridgeOptions {
  readonly port: MqttPort;
  readonly send: (message: RunNews) => void;
  /** A message the script published reached the port (acknowledged for QoS 1 and 2). */
  readonly onPublish: (message: PublishedMessage) => void;
  /** A QoS 0 publish the worker sent without a reply failed after the script went on. */
  readonly onLateFailure: (message: string) => void;
}

function callError(error: unknown): CallError {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof UnknownBrokerError) return { kind: "unknown-broker", message };
  if (isMqttError(error)) return { kind: "mqtt", message };
  return { kind: "other", message };
}

export class MqttBridge {
  private readonly stopListening: (() => void)[];

  constructor(private readonly options: MqttBridgeOptions) {
    const { port, send } = options;
    this.stopListening = [
      port.onMessage((broker, topic, payload) =>
        send({ kind: "message", broker, topic, payload: toWire(payload) }),
      ),
      port.onConnectedChange((broker, connected) => send({ kind: "connected", broker, connected })),
    ];
  }

  /** Runs a call of the worker; the reply goes back when it is done. */
  call(id: number, call: MqttCall): void {
    const { send } = this.options;
    new Promise<void>((resolve) => resolve(this.perform(call))).then(
      () => send({ kind: "reply", id }),
      (error: unknown) => send({ kind: "reply", id, error: callError(error) }),
    );
  }

  private async perform(call: MqttCall): Promise<void> {
    const { port } = this.options;
    switch (call.op) {
      case "publish": {
        const payload = fromWire(call.payload);
        await port.publish(call.broker, call.topic, payload, call.request);
        const { qos, retain } = call.request;
        this.options.onPublish({ broker: call.broker, topic: call.topic, payload, qos, retain });
        return;
      }
      case "connect":
        return port.connect(call.broker);
      case "disconnect":
        return port.disconnect(call.broker);
      case "subscribe":
        return port.subscribe(call.broker, call.filter, call.qos);
      case "unsubscribe":
        return port.unsubscribe(call.broker, call.filter);
    }
  }

  /**
   * A QoS 0 publish sent without a reply: handed to the socket at once when the port can, else published and
   * waited for (the returned promise; what the worker sent after it waits too, so that the order holds).
   */
  publishNow(item: Extract<WorkerItem, { t: "publish0" }>): Promise<void> | undefined {
    const { port } = this.options;
    const payload = fromWire(item.payload);
    const message: PublishedMessage = {
      broker: item.broker,
      topic: item.topic,
      payload,
      qos: 0,
      retain: item.retain,
    };
    if (port.publishNow?.(item.broker, item.topic, payload, item.retain)) {
      this.options.onPublish(message);
      return undefined;
    }
    const request = { qos: 0 as const, retain: item.retain, force: true, disconnectAfter: false };
    return port.publish(item.broker, item.topic, payload, request).then(
      () => this.options.onPublish(message),
      (error: unknown) =>
        this.options.onLateFailure(
          `publish to ${item.broker} (${item.topic}) failed after the script went on: ${callError(error).message}`,
        ),
    );
  }

  brokersChanged(): void {
    this.options.port.brokersChanged?.();
  }

  dispose(): void {
    for (const stop of this.stopListening) stop();
  }
}

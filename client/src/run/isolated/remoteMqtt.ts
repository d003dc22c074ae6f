// The worker's MQTT side: an MqttPort whose operations go to the parent's (the one place that owns broker connections) through the outbox, and whose messages and connection states come back from it.
import { ScriptError } from "../../../../server/src/interpreter";
import type { QoS } from "../../mqtt";
import type { MqttPort, PublishRequest } from "../mqttPort";
import type { RunBrokers } from "../runTypes";
import type { Outbox } from "./outbox";
import { fromWire, toWire, type CallError, type MqttCall, type RunNews } from "./protocol";

interface Pending {
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
}

/** A failed call as the script's command sees it (an MQTT failure is the script's catchable `failure: ...`). */
function callFailure(error: CallError): Error {
  if (error.kind === "other") return new Error(error.message);
  return new ScriptError(`failure: ${error.message}`, "RSC4004");
}

export class RemoteMqtt implements MqttPort {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly messageListeners = new Set<(broker: string, topic: string, payload: Buffer) => void>();
  private readonly connectedListeners = new Set<(broker: string, connected: boolean) => void>();
  /** The last connection state the parent told of each broker name. */
  private readonly connected = new Map<string, boolean>();
  /** Names a call reached since the broker entries last changed: QoS 0 publishes to them need no reply. */
  private readonly reached = new Set<string>();

  constructor(
    private readonly outbox: Outbox,
    private readonly run: RunBrokers,
  ) {
    this.outbox.push({ t: "declared", brokers: run.entries() });
  }

  /** A message of the parent (a reply, a received message, a connection state). */
  deliver(message: RunNews): void {
    switch (message.kind) {
      case "reply": {
        const pending = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.error) pending?.reject(callFailure(message.error));
        else pending?.resolve();
        return;
      }
      case "message": {
        const payload = fromWire(message.payload);
        for (const listener of this.messageListeners) listener(message.broker, message.topic, payload);
        return;
      }
      case "connected":
        this.connected.set(message.broker, message.connected);
        for (const listener of this.connectedListeners) listener(message.broker, message.connected);
        return;
      case "stop":
        return;
    }
  }

  private call(call: MqttCall): Promise<void> {
    const id = this.nextId++;
    return new Promise<void>((resolve, reject) => {
      this.pending.set(id, {
        resolve: () => {
          if (call.op !== "disconnect" && call.op !== "unsubscribe") this.reached.add(call.broker);
          resolve();
        },
        reject,
      });
      this.outbox.send({ t: "call", id, call });
    });
  }

  publish(broker: string, topic: string, payload: Buffer, request: PublishRequest): Promise<void> {
    return this.call({ op: "publish", broker, topic, payload: toWire(payload), request });
  }

  /** QoS 0 to a broker a call reached and that is connected: sent in order with the rest, without a reply. */
  publishNow(broker: string, topic: string, payload: Buffer, retain: boolean): boolean {
    if (!this.reached.has(broker) || this.connected.get(broker) !== true) return false;
    this.outbox.push({ t: "publish0", broker, topic, payload: toWire(payload), retain });
    return true;
  }

  connect(broker: string): Promise<void> {
    return this.call({ op: "connect", broker });
  }

  disconnect(broker: string): Promise<void> {
    return this.call({ op: "disconnect", broker });
  }

  subscribe(broker: string, filter: string, qos: QoS): Promise<void> {
    return this.call({ op: "subscribe", broker, filter, qos });
  }

  unsubscribe(broker: string, filter: string): Promise<void> {
    return this.call({ op: "unsubscribe", broker, filter });
  }

  onMessage(listener: (broker: string, topic: string, payload: Buffer) => void): () => void {
    this.messageListeners.add(listener);
    return () => this.messageListeners.delete(listener);
  }

  /** States already known are told to a new listener at once (they may arrive before the run listens). */
  onConnectedChange(listener: (broker: string, connected: boolean) => void): () => void {
    this.connectedListeners.add(listener);
    for (const [broker, connected] of this.connected) listener(broker, connected);
    return () => this.connectedListeners.delete(listener);
  }

  brokersChanged(): void {
    this.reached.clear();
    this.outbox.push({ t: "declared", brokers: this.run.entries() });
    this.outbox.push({ t: "brokersChanged" });
  }

  /** The parent closes what the run opened. */
  async close(): Promise<void> {}
}

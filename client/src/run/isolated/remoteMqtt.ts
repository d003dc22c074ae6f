// The worker's MQTT side: an MqttPort whose operations go to the parent's (the one place that owns broker connections) through the outbox, and whose messages and connection states come back from it.
import { ScriptError } from "../../../../server/src/interpreter";
import type { QoS } from "../../mqtt";
import type { MqttPort, PublishRequest } from "../mqttPort";
import type { RunBrokers } from "../runTypes";
import type { Outbox } from "./outbox";
import {
  fromWire,
  toWire,
  type CallError,
  type MqttCall,
  type ParentMessage,
  type RunNews,
} from "./protocol";
import type { WaitOutcome } from "./replyWait";

interface Pending {
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
}

/** A failed call as the script's command sees it (an MQTT failure is the script's catchable `failure: ...`). */
function callFailure(error: CallError): Error {
  if (error.kind === "other") return new Error(error.message);
  return new ScriptError(`failure: ${error.message}`, "RSC4004");
}

/** How the worker waits for a publish's reply without a turn of its event loop (`replyWait.ts`). */
export interface BlockingReplies {
  wait(id: number): WaitOutcome;
  /** Handles a message of the parent taken from the port during a wait, as its `message` event would have. */
  dispatch(message: ParentMessage): void;
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
  /** News a blocking wait took from the port is being handled: what it starts does not block (see below). */
  private handlingEarlier = false;

  constructor(
    private readonly outbox: Outbox,
    private readonly run: RunBrokers,
    private readonly replies?: BlockingReplies,
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
    const reply = this.replyTo(id, call);
    this.outbox.send({ t: "call", id, call });
    return reply;
  }

  /** The promise the reply to call `id` settles. */
  private replyTo(id: number, call: MqttCall): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.pending.set(id, {
        resolve: () => {
          this.callReached(call);
          resolve();
        },
        reject,
      });
    });
  }

  private callReached(call: MqttCall): void {
    if (call.op !== "disconnect" && call.op !== "unsubscribe") this.reached.add(call.broker);
  }

  publish(broker: string, topic: string, payload: Buffer, request: PublishRequest): Promise<void> {
    return this.call({ op: "publish", broker, topic, payload: toWire(payload), request });
  }

  /**
   * The publish, with this thread blocked until its reply (a short while at most): the reply wakes it at once, with
   * no turn of the event loop, no promise. A reply that does not come in time, or news the parent sent before it,
   * make it a promise settled after that news is handled, as the plain publish would be.
   */
  publishBlocking(
    broker: string,
    topic: string,
    payload: Buffer,
    request: PublishRequest,
  ): Promise<void> | undefined {
    const { replies } = this;
    // While news that came before a reply is handled, the reply waits: a script that news starts (on-message)
    // publishes without blocking, so that the waiting reply is not held up by its round trip.
    if (!replies || this.handlingEarlier) return this.publish(broker, topic, payload, request);
    const id = this.nextId++;
    const call: MqttCall = { op: "publish", broker, topic, payload: toWire(payload), request };
    this.outbox.send({ t: "call", id, call });
    const { reply, earlier } = replies.wait(id);
    if (reply && earlier.length === 0) {
      if (reply.error) throw callFailure(reply.error);
      this.callReached(call);
      return undefined;
    }
    const settled = this.replyTo(id, call);
    queueMicrotask(() => {
      this.handlingEarlier = true;
      try {
        for (const message of earlier) replies.dispatch(message);
      } finally {
        this.handlingEarlier = false;
      }
      if (reply) this.deliver(reply);
    });
    return settled;
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

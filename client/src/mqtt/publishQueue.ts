// A broker connection's outgoing publishes: queued while the link is down, in flight until their QoS flow ends, resent in order after a reconnect, each failing at its own deadline (one timer for all).
import type { IClientPublishOptions, MqttClient } from "mqtt";
import type { Clock, TimerHandle } from "./clock";
import type { ConnectionState } from "./connectionState";
import type { PublishOptions } from "./connectionTypes";
import { DEFAULT_OPERATION_DEADLINE_MS } from "./connectionTypes";
import { MqttError, errorParts } from "./errors";
import { publishPacketProperties } from "./messageProperties";
import type { QoS } from "./qos";

/** What the queue needs from its connection. */
export interface PublishQueueHost {
  readonly name: string;
  readonly clock: Clock;
  readonly maxQueued: number;
  state(): ConnectionState;
  /** Whether the attempt a publish went out on is still the live one and connected. */
  isLive(attempt: object): boolean;
  /** Redacts secrets out of a text. */
  clean(text: string): string;
  /** RouterOS `disconnect-after`: close the connection. */
  disconnect(): void;
}

interface PendingPublish {
  readonly seq: number;
  readonly topic: string;
  readonly payload: Buffer;
  readonly options: IClientPublishOptions & { qos: QoS };
  readonly disconnectAfter: boolean;
  readonly resolve: () => void;
  readonly reject: (error: MqttError) => void;
  /** When the deadline passes (clock time), and how long it was, for the message. */
  readonly expiresAt: number;
  readonly deadlineMs: number;
  sentOn: object | undefined;
  settled: boolean;
}

export class PublishQueue {
  private publishSeq = 0;
  private queue: PendingPublish[] = [];
  private readonly inflight = new Set<PendingPublish>();
  /**
   * One timer for every publish deadline, set for the earliest one: a timer per publish costs more than the publish
   * itself at QoS 0 rates. When it fires, every overdue publish expires and the timer moves to the next deadline.
   */
  private deadlineTimer: { handle: TimerHandle; at: number } | undefined;

  constructor(private readonly host: PublishQueueHost) {}

  /** Nothing waits for the connection. */
  get empty(): boolean {
    return this.queue.length === 0;
  }

  /** Queues a publish (the caller validated topic and state); the caller drains when connected. */
  enqueue(topic: string, payload: string | Buffer, options: PublishOptions): Promise<void> {
    const outstanding = this.queue.length + this.inflight.size;
    if (outstanding >= this.host.maxQueued) {
      return Promise.reject(
        new MqttError(
          "queue-full",
          `broker "${this.host.name}" already has ${outstanding} publishes waiting for the connection or for an acknowledgement; not queuing more`,
          { broker: this.host.name },
        ),
      );
    }
    const deadlineMs = options.deadlineMs ?? DEFAULT_OPERATION_DEADLINE_MS;
    const packetOptions: IClientPublishOptions & { qos: QoS } = {
      qos: options.qos ?? 0,
      retain: options.retain ?? false,
      ...(options.properties ? { properties: publishPacketProperties(options.properties) } : {}),
    };
    return new Promise<void>((resolve, reject) => {
      const entry: PendingPublish = {
        seq: ++this.publishSeq,
        topic,
        payload: typeof payload === "string" ? Buffer.from(payload, "utf8") : payload,
        options: packetOptions,
        disconnectAfter: options.disconnectAfter ?? false,
        resolve,
        reject,
        expiresAt: this.host.clock.now() + deadlineMs,
        deadlineMs,
        sentOn: undefined,
        settled: false,
      };
      this.queue.push(entry);
      this.armDeadline(entry.expiresAt);
    });
  }

  /** Sends what waits through the live client of `attempt`. */
  drain(attempt: object, client: MqttClient): void {
    while (this.queue.length > 0 && client.connected) {
      const entry = this.queue.shift() as PendingPublish;
      if (entry.settled) continue;
      entry.sentOn = attempt;
      this.inflight.add(entry);
      client.publish(entry.topic, entry.payload, entry.options, (error) =>
        this.publishDone(entry, attempt, error),
      );
    }
  }

  /** The link dropped: what was in flight waits again, in its original order. */
  requeueInflight(): void {
    const entries = [...this.inflight].sort((a, b) => a.seq - b.seq);
    this.inflight.clear();
    for (const entry of entries) {
      entry.sentOn = undefined;
      this.insertInQueue(entry);
    }
  }

  /** Fails every publish (disconnect on request, the connection gave up). */
  rejectAll(error: MqttError): void {
    const all = [...this.queue, ...this.inflight];
    this.queue = [];
    this.inflight.clear();
    this.clearDeadline();
    for (const entry of all) {
      if (entry.settled) continue;
      this.settle(entry);
      entry.reject(error);
    }
  }

  private publishDone(entry: PendingPublish, attempt: object, error: Error | undefined): void {
    if (entry.settled || entry.sentOn !== attempt) return;
    this.inflight.delete(entry);
    entry.sentOn = undefined;
    if (!error) {
      this.settle(entry);
      entry.resolve();
      if (entry.disconnectAfter) this.host.disconnect();
      return;
    }
    const message = errorParts(error).message;
    if (!this.host.isLive(attempt) || /connection closed|disconnecting/i.test(message)) {
      this.insertInQueue(entry);
      return;
    }
    this.settle(entry);
    entry.reject(
      new MqttError(
        "publish-failed",
        `publish to "${entry.topic}" on broker "${this.host.name}" failed: ${this.host.clean(message)}`,
        { broker: this.host.name },
      ),
    );
  }

  /** Puts an entry back in arrival order, so a resend keeps the original order. */
  private insertInQueue(entry: PendingPublish): void {
    let i = 0;
    while (i < this.queue.length && (this.queue[i]?.seq ?? 0) < entry.seq) i++;
    this.queue.splice(i, 0, entry);
  }

  /** Makes sure the deadline timer fires no later than `at`. */
  private armDeadline(at: number): void {
    if (this.deadlineTimer && this.deadlineTimer.at <= at) return;
    const clock = this.host.clock;
    if (this.deadlineTimer) clock.clearTimeout(this.deadlineTimer.handle);
    const handle = clock.setTimeout(() => this.expireOverdue(), Math.max(0, at - clock.now()));
    this.deadlineTimer = { handle, at };
  }

  private expireOverdue(): void {
    this.deadlineTimer = undefined;
    const now = this.host.clock.now();
    let next = Infinity;
    for (const entry of [...this.queue, ...this.inflight]) {
      if (entry.settled) continue;
      if (entry.expiresAt <= now) this.expire(entry);
      else next = Math.min(next, entry.expiresAt);
    }
    if (next !== Infinity) this.armDeadline(next);
  }

  private expire(entry: PendingPublish): void {
    if (entry.settled) return;
    this.settle(entry);
    const state = this.host.state();
    const why =
      state.status === "connected"
        ? "the broker did not acknowledge it"
        : state.status === "error"
          ? state.reason
          : `the broker is ${state.status}`;
    entry.reject(
      new MqttError(
        "timeout",
        `timeout: publish to "${entry.topic}" on broker "${this.host.name}" did not complete within ${entry.deadlineMs} ms (${why})`,
        { broker: this.host.name },
      ),
    );
  }

  private settle(entry: PendingPublish): void {
    entry.settled = true;
    this.inflight.delete(entry);
    const i = this.queue.indexOf(entry);
    if (i >= 0) this.queue.splice(i, 1);
  }

  private clearDeadline(): void {
    if (this.deadlineTimer) this.host.clock.clearTimeout(this.deadlineTimer.handle);
    this.deadlineTimer = undefined;
  }
}

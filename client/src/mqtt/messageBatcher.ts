// Stores incoming messages at once (cheap) and coalesces change notifications for UI consumers, so a flood never turns into one UI update per message.
import { systemClock, type Clock, type TimerHandle } from "./clock";
import type { MessageMeta, MessageStore } from "./messageStore";

/** What changed since the previous notification. */
export interface MessageBatch {
  /** Topics still held that received at least one message, in order of first change in this batch. */
  topics: string[];
  /** Topics the store had not held before this batch. */
  newTopics: string[];
  /** Messages added in this batch. */
  messages: number;
  /** Topics the store dropped since the previous batch (evicted by a cap, or cleared), not held now. */
  removed: string[];
}

export interface MessageBatcherOptions {
  store: MessageStore;
  /** Receives the coalesced changes; at most one call per interval. */
  onBatch: (batch: MessageBatch) => void;
  /** Minimum time between two notifications (default 150 ms). */
  intervalMs?: number;
  clock?: Clock;
}

export class MessageBatcher {
  readonly store: MessageStore;
  private readonly onBatch: (batch: MessageBatch) => void;
  private readonly intervalMs: number;
  private readonly clock: Clock;
  private changed = new Set<string>();
  private added = new Set<string>();
  private messages = 0;
  private timer: TimerHandle | undefined;
  private disposed = false;

  constructor(options: MessageBatcherOptions) {
    this.store = options.store;
    this.onBatch = options.onBatch;
    this.intervalMs = options.intervalMs ?? 150;
    this.clock = options.clock ?? systemClock;
    if (!(this.intervalMs > 0)) throw new RangeError(`batch interval must be > 0 ms, got ${this.intervalMs}`);
    this.store.trackRemovals();
  }

  /** Stores one message and schedules a notification if none is pending. */
  add(topic: string, payload: Buffer, meta: MessageMeta): void {
    if (this.disposed) return;
    if (!this.store.has(topic)) this.added.add(topic);
    this.store.add(topic, payload, meta);
    this.changed.add(topic);
    this.messages++;
    this.timer ??= this.clock.setTimeout(() => this.flush(), this.intervalMs);
  }

  /** Sends the pending notification now (if any). */
  flush(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    if (this.messages === 0) return;
    const batch: MessageBatch = {
      topics: [...this.changed].filter((t) => this.store.has(t)),
      newTopics: [...this.added].filter((t) => this.store.has(t)),
      messages: this.messages,
      removed: this.store.takeRemoved().filter((t) => !this.store.has(t)),
    };
    this.changed = new Set();
    this.added = new Set();
    this.messages = 0;
    this.onBatch(batch);
  }

  dispose(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.disposed = true;
  }
}

// Received messages of every broker: one bounded MessageStore and one MessageBatcher per broker, so a flood becomes a few coalesced change notifications instead of one UI update per message.
import {
  Emitter,
  MessageBatcher,
  MessageStore,
  systemClock,
  type Clock,
  type MessageBatch,
  type MessageMeta,
  type MessageStoreLimits,
} from "../mqtt";

export interface MessageHubOptions {
  limits?: Partial<MessageStoreLimits>;
  /** Minimum time between two change notifications of one broker (default 150 ms). */
  intervalMs?: number;
  clock?: Clock;
}

interface BrokerMessages {
  readonly store: MessageStore;
  readonly batcher: MessageBatcher;
}

export class MessageHub {
  private readonly brokers = new Map<string, BrokerMessages>();
  private readonly batchEmitter = new Emitter<[broker: string, batch: MessageBatch]>();
  private readonly clock: Clock;
  private limits: Partial<MessageStoreLimits>;

  /** Fires at most once per interval per broker with what changed. */
  readonly onBatch = this.batchEmitter.event;

  constructor(private readonly options: MessageHubOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.limits = options.limits ?? {};
    // Validate the limits now, so a bad setting is reported at once and not at the first message.
    new MessageStore(this.limits);
  }

  /** Stores one message of `broker` (cheap); the notification follows within the interval. */
  add(broker: string, topic: string, payload: Buffer, meta: MessageMeta): void {
    this.entry(broker).batcher.add(topic, payload, meta);
  }

  /** The store of a broker, or undefined when nothing was received or subscribed yet. */
  store(broker: string): MessageStore | undefined {
    return this.brokers.get(broker)?.store;
  }

  /** Declares the subscription filters of a broker, so the store can tell which topics each one saw. */
  setSubscriptions(broker: string, filters: readonly string[]): void {
    this.entry(broker).store.setSubscriptions(filters);
  }

  /** New limits apply to stores created from now on; existing stores are emptied and recreated. */
  setLimits(limits: Partial<MessageStoreLimits>): void {
    new MessageStore(limits);
    this.limits = limits;
    for (const name of [...this.brokers.keys()]) this.forget(name);
  }

  /** Drops a broker's messages (removed or renamed broker). */
  forget(broker: string): void {
    const entry = this.brokers.get(broker);
    if (!entry) return;
    entry.batcher.dispose();
    this.brokers.delete(broker);
  }

  /** Brokers that have a store. */
  brokerNames(): string[] {
    return [...this.brokers.keys()];
  }

  dispose(): void {
    for (const entry of this.brokers.values()) entry.batcher.dispose();
    this.brokers.clear();
    this.batchEmitter.dispose();
  }

  private entry(broker: string): BrokerMessages {
    let entry = this.brokers.get(broker);
    if (!entry) {
      const store = new MessageStore(this.limits, () => this.clock.now());
      const batcher = new MessageBatcher({
        store,
        clock: this.clock,
        ...(this.options.intervalMs !== undefined ? { intervalMs: this.options.intervalMs } : {}),
        onBatch: (batch) => this.batchEmitter.fire(broker, batch),
      });
      entry = { store, batcher };
      this.brokers.set(broker, entry);
    }
    return entry;
  }
}

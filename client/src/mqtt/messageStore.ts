// Bounded in-memory store of received MQTT messages: a ring buffer per topic, per-topic and global byte caps, visible payload truncation, counts, last values, rates and the topics seen per subscription.
import { propertiesBytes, type MessageProperties } from "./messageProperties";
import type { QoS } from "./qos";
import { RateWindow } from "./rateWindow";
import { RingBuffer } from "./ringBuffer";
import { topicMatchesFilter } from "./topics";

export interface MessageMeta {
  qos: QoS;
  retain: boolean;
  /**
   * The retain flag of a live message is the publisher's (MQTT 5, Retain As Published); without it (MQTT 3.1.1) a
   * broker flags only what it delivers from its retained store when a subscription is made. Default false.
   */
  retainAsPublished?: boolean;
  /** MQTT 5 properties (kept with the message, counted in its bytes). */
  properties?: MessageProperties;
}

export interface StoredMessage {
  /** Arrival order across the whole store, starting at 1. */
  readonly seq: number;
  readonly topic: string;
  /** The payload as stored: at most `maxPayloadBytes` long (see `truncated`). */
  readonly payload: Buffer;
  /** Length of the payload as received. */
  readonly originalLength: number;
  /** True when `payload` holds only the first `maxPayloadBytes` of the original. */
  readonly truncated: boolean;
  readonly qos: QoS;
  readonly retain: boolean;
  readonly receivedAt: number;
  /** MQTT 5 properties, when the message had any. */
  readonly properties?: MessageProperties;
}

export interface TopicSummary {
  topic: string;
  /** Messages received on this topic since it was first seen (or last cleared), including those no longer held. */
  count: number;
  /** Messages currently held in its history. */
  held: number;
  /** Bytes accounted for this topic (payloads plus bookkeeping). */
  bytes: number;
  last: StoredMessage;
  firstReceivedAt: number;
  /** Messages per second over the store's rate window. */
  ratePerSecond: number;
  /** The broker keeps a retained message for this topic, as far as the messages tell (see {@link TopicEntry.retained}). */
  retained: boolean;
  /** The last message's retain flag was the publisher's (MQTT 5): {@link retained} follows live messages too. */
  retainAsPublished: boolean;
}

export interface MessageStoreLimits {
  /** History length per topic. */
  maxMessagesPerTopic: number;
  /** Byte cap of one topic's history; its oldest messages go first, the newest always stays. */
  maxBytesPerTopic: number;
  /** Byte cap of the whole store; the least recently updated topics go first. */
  maxTotalBytes: number;
  /** Topic cap; the least recently updated topics go first. */
  maxTopics: number;
  /** Payloads longer than this are cut, with `truncated` set and `originalLength` kept. */
  maxPayloadBytes: number;
  /** Sliding window of the message rates, in seconds. */
  rateWindowSeconds: number;
}

export const DEFAULT_STORE_LIMITS: Readonly<MessageStoreLimits> = {
  maxMessagesPerTopic: 100,
  maxBytesPerTopic: 1024 * 1024,
  maxTotalBytes: 64 * 1024 * 1024,
  maxTopics: 10_000,
  maxPayloadBytes: 256 * 1024,
  rateWindowSeconds: 10,
};

export interface StoreStats {
  topics: number;
  messages: number;
  bytes: number;
  /** Messages ever added. */
  received: number;
  truncated: number;
  evictedMessages: number;
  evictedTopics: number;
}

/** Approximate memory of one message object beside its payload. */
const MESSAGE_OVERHEAD_BYTES = 96;
/** Approximate memory of one topic entry (map slot, ring buffer, rate buckets) beside its name. */
const TOPIC_OVERHEAD_BYTES = 512;

interface TopicEntry {
  readonly topic: string;
  readonly history: RingBuffer<StoredMessage>;
  readonly rate: RateWindow;
  /** The subscription filters this topic matched when first seen (or when the subscriptions changed). */
  filters: string[];
  bytes: number;
  count: number;
  firstReceivedAt: number;
  /**
   * The broker keeps a retained message: one flagged retained with a payload arrived, and since then no flagged empty
   * one (which deletes it). A message not flagged leaves the mark as it is (a broker keeps its retained message when
   * a plain one comes), except an empty one without Retain As Published: over MQTT 3.1.1 a live clear arrives
   * unflagged, so an empty message unmarks (it most likely is one). Over MQTT 3.1.1 a message retained while we
   * listen arrives unflagged too: the mark then means "delivered as retained when subscribing, not emptied since".
   */
  retained: boolean;
  /** The last message came with Retain As Published (see {@link MessageMeta.retainAsPublished}). */
  retainAsPublished: boolean;
}

export class MessageStore {
  readonly limits: Readonly<MessageStoreLimits>;
  /** Least recently updated first: re-inserted on every message. */
  private readonly entries = new Map<string, TopicEntry>();
  private readonly seenBySubscription = new Map<string, Set<string>>();
  private readonly globalRate: RateWindow;
  private totalBytes = 0;
  private messageCount = 0;
  private seq = 0;
  private truncatedCount = 0;
  private evictedMessages = 0;
  private evictedTopics = 0;
  /** Topics dropped since the last {@link takeRemoved}, when someone asked to track them. */
  private removed: Set<string> | undefined;

  constructor(
    limits: Partial<MessageStoreLimits> = {},
    private readonly now: () => number = Date.now,
  ) {
    const merged = { ...DEFAULT_STORE_LIMITS, ...limits };
    for (const [key, value] of Object.entries(merged)) {
      if (!Number.isInteger(value) || value < 1)
        throw new RangeError(`message store limit ${key} must be a whole number >= 1, got ${value}`);
    }
    if (merged.maxPayloadBytes + MESSAGE_OVERHEAD_BYTES > merged.maxBytesPerTopic) {
      throw new RangeError(
        "message store limit maxPayloadBytes must leave room for one message within maxBytesPerTopic",
      );
    }
    if (merged.maxBytesPerTopic > merged.maxTotalBytes) {
      throw new RangeError("message store limit maxBytesPerTopic must not exceed maxTotalBytes");
    }
    this.limits = merged;
    this.globalRate = new RateWindow(merged.rateWindowSeconds);
  }

  /** Stores one message (copying at most `maxPayloadBytes` of it) and applies every cap. O(1) amortised. */
  add(topic: string, payload: Buffer, meta: MessageMeta, receivedAt = this.now()): StoredMessage {
    const truncated = payload.length > this.limits.maxPayloadBytes;
    // Copy: the parser's buffer may be a slice of a much larger network chunk that we must not keep alive.
    const kept = Buffer.from(truncated ? payload.subarray(0, this.limits.maxPayloadBytes) : payload);
    const message: StoredMessage = {
      seq: ++this.seq,
      topic,
      payload: kept,
      originalLength: payload.length,
      truncated,
      qos: meta.qos,
      retain: meta.retain,
      receivedAt,
      ...(meta.properties ? { properties: meta.properties } : {}),
    };
    if (truncated) this.truncatedCount++;
    let entry = this.entries.get(topic);
    if (entry) {
      this.entries.delete(topic);
    } else {
      entry = {
        topic,
        history: new RingBuffer<StoredMessage>(this.limits.maxMessagesPerTopic),
        rate: new RateWindow(this.limits.rateWindowSeconds),
        filters: [],
        bytes: TOPIC_OVERHEAD_BYTES + topic.length * 2,
        count: 0,
        firstReceivedAt: receivedAt,
        retained: false,
        retainAsPublished: false,
      };
      this.removed?.delete(topic);
      this.totalBytes += entry.bytes;
      this.indexTopic(entry);
    }
    this.entries.set(topic, entry);
    entry.count++;
    const retainAsPublished = meta.retainAsPublished ?? false;
    if (meta.retain) entry.retained = payload.length > 0;
    else if (payload.length === 0 && !retainAsPublished) entry.retained = false;
    entry.retainAsPublished = retainAsPublished;
    entry.rate.record(receivedAt);
    this.globalRate.record(receivedAt);
    const size = messageBytes(message);
    const pushedOut = entry.history.push(message);
    entry.bytes += size;
    this.totalBytes += size;
    this.messageCount++;
    if (pushedOut) this.dropMessage(entry, pushedOut);
    while (entry.bytes > this.limits.maxBytesPerTopic && entry.history.size > 1) {
      const oldest = entry.history.shift();
      if (oldest) this.dropMessage(entry, oldest);
    }
    this.enforceGlobalCaps();
    return message;
  }

  get topicCount(): number {
    return this.entries.size;
  }

  has(topic: string): boolean {
    return this.entries.has(topic);
  }

  /** Summary of one topic, or undefined when it was never seen, cleared or evicted. */
  topic(topic: string): TopicSummary | undefined {
    const entry = this.entries.get(topic);
    return entry && this.summarize(entry, this.now());
  }

  /** Summaries of every held topic, most recently updated first. */
  topics(): TopicSummary[] {
    const now = this.now();
    return [...this.entries.values()].reverse().map((e) => this.summarize(e, now));
  }

  /** The held history of a topic, oldest first. */
  history(topic: string): StoredMessage[] {
    return this.entries.get(topic)?.history.toArray() ?? [];
  }

  last(topic: string): StoredMessage | undefined {
    return this.entries.get(topic)?.history.newest();
  }

  /** Messages per second of one topic, or of the whole store when no topic is given. */
  rate(topic?: string): number {
    const now = this.now();
    if (topic === undefined) return this.globalRate.perSecond(now);
    return this.entries.get(topic)?.rate.perSecond(now) ?? 0;
  }

  /** Declares the subscription filters whose seen topics should be tracked; topics already held are re-indexed. */
  setSubscriptions(filters: readonly string[]): void {
    this.seenBySubscription.clear();
    for (const filter of new Set(filters)) this.seenBySubscription.set(filter, new Set());
    for (const entry of this.entries.values()) this.indexTopic(entry);
  }

  /** Messages received on a held topic (as `topic().count`, without building a summary), or undefined. */
  countOf(topic: string): number | undefined {
    return this.entries.get(topic)?.count;
  }

  /** Whether the broker keeps a retained message for a held topic, as far as the messages tell (as `topic().retained`). */
  isRetained(topic: string): boolean {
    return this.entries.get(topic)?.retained ?? false;
  }

  /** The subscription filters a held topic matched (empty when none or not held). */
  filtersOf(topic: string): readonly string[] {
    return this.entries.get(topic)?.filters ?? [];
  }

  /** From now on, remembers the topics dropped (evicted or cleared) until {@link takeRemoved} hands them out. */
  trackRemovals(): void {
    this.removed ??= new Set();
  }

  /** The topics dropped since the last call (with {@link trackRemovals}), and forgets them. */
  takeRemoved(): string[] {
    if (!this.removed || this.removed.size === 0) return [];
    const out = [...this.removed];
    this.removed.clear();
    return out;
  }

  /** Held topics that matched a subscription filter, in order of first arrival. */
  topicsFor(filter: string): string[] {
    return [...(this.seenBySubscription.get(filter) ?? [])];
  }

  /** Forgets one topic: its history, count and rate. Returns false when it was not held. */
  clearTopic(topic: string): boolean {
    const entry = this.entries.get(topic);
    if (!entry) return false;
    this.removeEntry(entry);
    return true;
  }

  /** Forgets every topic matching a filter (for example `devices/router1/#`); returns how many. */
  clearMatching(filter: string): number {
    let removed = 0;
    for (const entry of [...this.entries.values()]) {
      if (topicMatchesFilter(filter, entry.topic)) {
        this.removeEntry(entry);
        removed++;
      }
    }
    return removed;
  }

  clear(): void {
    for (const entry of [...this.entries.values()]) this.removeEntry(entry);
  }

  stats(): StoreStats {
    return {
      topics: this.entries.size,
      messages: this.messageCount,
      bytes: this.totalBytes,
      received: this.seq,
      truncated: this.truncatedCount,
      evictedMessages: this.evictedMessages,
      evictedTopics: this.evictedTopics,
    };
  }

  private summarize(entry: TopicEntry, now: number): TopicSummary {
    return {
      topic: entry.topic,
      count: entry.count,
      held: entry.history.size,
      bytes: entry.bytes,
      last: entry.history.newest() as StoredMessage,
      firstReceivedAt: entry.firstReceivedAt,
      ratePerSecond: entry.rate.perSecond(now),
      retained: entry.retained,
      retainAsPublished: entry.retainAsPublished,
    };
  }

  private indexTopic(entry: TopicEntry): void {
    entry.filters = [];
    for (const [filter, seen] of this.seenBySubscription) {
      if (topicMatchesFilter(filter, entry.topic)) {
        entry.filters.push(filter);
        seen.add(entry.topic);
      }
    }
  }

  private dropMessage(entry: TopicEntry, message: StoredMessage): void {
    const size = messageBytes(message);
    entry.bytes -= size;
    this.totalBytes -= size;
    this.messageCount--;
    this.evictedMessages++;
  }

  private enforceGlobalCaps(): void {
    while (this.totalBytes > this.limits.maxTotalBytes || this.entries.size > this.limits.maxTopics) {
      const oldest = this.entries.values().next();
      if (oldest.done || this.entries.size === 1) return;
      this.evictedMessages += oldest.value.history.size;
      this.evictedTopics++;
      this.removeEntry(oldest.value);
    }
  }

  private removeEntry(entry: TopicEntry): void {
    this.entries.delete(entry.topic);
    this.removed?.add(entry.topic);
    this.totalBytes -= entry.bytes;
    this.messageCount -= entry.history.size;
    for (const filter of entry.filters) this.seenBySubscription.get(filter)?.delete(entry.topic);
  }
}

function messageBytes(message: StoredMessage): number {
  return message.payload.length + MESSAGE_OVERHEAD_BYTES + propertiesBytes(message.properties);
}

// Follows one topic of a message store for a chart: each pull turns the messages held since the last pull into points, and notices a cleared, evicted or replaced store.
import type { MessageStore } from "../mqtt";
import { SeriesSet, type ChartLimits, type SeriesPoints } from "./chartSeries";

export interface ChartUpdate {
  /** True when the points charted so far were dropped (the topic was cleared or evicted, or the store replaced). */
  reset: boolean;
  /** Points added by this pull, per series. */
  added: SeriesPoints[];
}

export class ChartFeed {
  readonly series: SeriesSet;
  private store: MessageStore | undefined;
  /** Identifies the store's entry of the topic: a new entry (after a clear or an eviction) starts over. */
  private firstReceivedAt: number | undefined;
  private lastSeq = 0;

  constructor(
    readonly topic: string,
    limits: Partial<ChartLimits> = {},
  ) {
    this.series = new SeriesSet(limits);
  }

  /** Reads what the store holds of the topic beyond the last pull. O(messages held for the topic). */
  pull(store: MessageStore | undefined): ChartUpdate {
    const summary = store?.topic(this.topic);
    let reset = false;
    if (store !== this.store || summary?.firstReceivedAt !== this.firstReceivedAt) {
      reset = this.lastSeq > 0 || this.series.size > 0;
      this.series.clear();
      this.store = store;
      this.firstReceivedAt = summary?.firstReceivedAt;
      this.lastSeq = 0;
    }
    if (!store || !summary || summary.last.seq <= this.lastSeq) return { reset, added: [] };
    const history = store.history(this.topic);
    let from = history.length;
    while (from > 0 && (history[from - 1]?.seq ?? 0) > this.lastSeq) from--;
    const mark = this.series.mark();
    for (let i = from; i < history.length; i++) {
      const message = history[i];
      if (message) this.series.add(message.receivedAt, message.payload);
    }
    this.lastSeq = summary.last.seq;
    return { reset, added: this.series.changesSince(mark) };
  }
}

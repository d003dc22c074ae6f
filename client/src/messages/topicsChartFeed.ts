// Several topics in one chart: one ChartFeed per topic, their series named after the part of the topic that tells them apart (`r1/telemetry · cpu-load`) when there is more than one.
import type { MessageStore } from "../mqtt";
import { ChartFeed, type ChartUpdate } from "./chartFeed";
import type { SeriesPoints } from "./chartSeries";

/** Topics one chart follows at most. */
export const MAX_CHART_TOPICS = 8;

export class TopicsChartFeed {
  readonly topics: readonly string[];
  private readonly feeds: ChartFeed[];
  private readonly labels: string[];

  constructor(topics: readonly string[]) {
    if (topics.length === 0) throw new RangeError("a chart needs at least one topic");
    this.topics = topics.slice(0, MAX_CHART_TOPICS);
    this.feeds = this.topics.map((t) => new ChartFeed(t));
    this.labels = distinctLabels(this.topics);
  }

  /** Reads each topic's new messages; a reset of any topic resends everything. */
  pull(store: MessageStore | undefined): ChartUpdate {
    let reset = false;
    const added: SeriesPoints[] = [];
    this.feeds.forEach((feed, i) => {
      const update = feed.pull(store);
      reset ||= update.reset;
      for (const points of update.added) added.push(this.named(points, i));
    });
    return { reset, added: reset ? [] : added };
  }

  series(): SeriesPoints[] {
    const out: SeriesPoints[] = [];
    this.feeds.forEach((feed, i) => {
      for (const points of feed.series.series()) out.push(this.named(points, i));
    });
    return out;
  }

  names(): string[] {
    return this.series().map((s) => s.name);
  }

  get leftOut(): number {
    return this.feeds.reduce((n, f) => n + f.series.leftOut, 0);
  }

  get maxPointsPerSeries(): number {
    return this.feeds[0]?.series.limits.maxPointsPerSeries ?? 0;
  }

  private named(points: SeriesPoints, feed: number): SeriesPoints {
    if (this.feeds.length === 1) return points;
    return { ...points, name: `${this.labels[feed] ?? ""} · ${points.name}` };
  }
}

/** Each topic without the levels all of them share: `routers/r1/telemetry`, `routers/r2/telemetry` → `r1/telemetry`, `r2/telemetry`. */
export function distinctLabels(topics: readonly string[]): string[] {
  if (topics.length < 2) return [...topics];
  const split = topics.map((t) => t.split("/"));
  let shared = 0;
  const first = split[0] ?? [];
  while (
    shared < first.length - 1 &&
    split.every((levels) => levels.length - 1 > shared && levels[shared] === first[shared])
  ) {
    shared++;
  }
  return split.map((levels) => levels.slice(shared).join("/"));
}

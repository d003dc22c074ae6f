// The topics one subscription saw as a tree split at `/`: per-level counts of topics, messages and retained topics, a message rate per level, the topics matching the view's filter; updated topic by topic from batches, never per message, and shown with single-child levels compacted.
import { RateWindow } from "../mqtt/rateWindow";

/** What the store says of one topic when a batch touched it. */
export interface TopicFacts {
  /** Messages received since the topic was first seen (or cleared). */
  count: number;
  /** The broker keeps a retained message for it. */
  retained: boolean;
}

/** Sums over a level and everything below it (its own topic included). */
export interface LevelStats {
  topics: number;
  messages: number;
  retained: number;
  /** Topics that match the view's filter. */
  matching: number;
  /** Messages per second over the rate window. */
  ratePerSecond: number;
}

/** One row as the view shows it: a level, or a chain of single-child levels compacted into one row. */
export interface TopicRow {
  /** The full topic name up to the row's last level: its identity, and its topic when {@link topic} is set. */
  readonly path: string;
  /** The levels the row stands for, joined by `/` (`routers` or, compacted, `site/eu/routers`). */
  readonly label: string;
  /** Set when a topic ends at the row's last level. */
  readonly topic: string | undefined;
  /** The row's last level has levels below it. */
  readonly hasChildren: boolean;
}

export interface TopicTreeOptions {
  /** Rate window in whole seconds (default 10, as the store's). */
  rateWindowSeconds?: number;
}

interface Level {
  readonly path: string;
  readonly segment: string;
  /** A topic outside the tree's prefix (the prefix's own topic): listed first. */
  readonly outside: boolean;
  readonly parent: Level | undefined;
  readonly children: Map<string, Level>;
  /** Children sorted for display; dropped when a child comes or goes. */
  sorted: Level[] | undefined;
  /** Set when a topic ends here. */
  topic: TopicState | undefined;
  topics: number;
  messages: number;
  retained: number;
  matching: number;
  /** Messages per second of everything below; made when the level first has levels below it (a topic's own rate is the store's). */
  rate: RateWindow | undefined;
}

interface TopicState {
  count: number;
  retained: boolean;
  matches: boolean;
}

/**
 * The context value of a tree row, which the manifest's menus test: `topic` or `level`, then `.retained` (its topic
 * has a retained message), `.branch` (levels below it), `.retainedBelow` (a branch with retained topics).
 */
export function rowContextValue(
  row: { topic: string | undefined; hasChildren: boolean },
  retainedTopic: boolean,
  retainedInside: boolean,
): string {
  const parts = [row.topic !== undefined ? "topic" : "level"];
  if (retainedTopic) parts.push("retained");
  if (row.hasChildren) parts.push("branch");
  if (row.hasChildren && retainedInside) parts.push("retainedBelow");
  return parts.join(".");
}

const COLLATOR = new Intl.Collator("en", { numeric: true, sensitivity: "variant" });

/**
 * The levels of a filter before its first wildcard: `routers/+/telemetry` → `routers/`. A filter without wildcards
 * names one topic, shown whole (compacted into one row): its prefix is empty.
 */
export function filterPrefix(filter: string): string {
  const levels = filter.split("/");
  const fixed = levels.findIndex((l) => l === "+" || l === "#");
  return fixed <= 0 ? "" : `${levels.slice(0, fixed).join("/")}/`;
}

export class TopicTree {
  private readonly root: Level;
  private readonly levels = new Map<string, Level>();
  private readonly rateWindowSeconds: number;
  /** Whether a topic that matches nothing is counted as matching (no filter set). */
  private filterActive = false;

  /**
   * @param prefix levels every topic of the subscription starts with (see {@link filterPrefix}); the tree starts below
   * them, so a subscription `routers/#` lists router names first. A topic outside the prefix (`routers` itself for
   * `routers/#`) is a row of its own at the top, under its full name.
   */
  constructor(
    readonly prefix = "",
    options: TopicTreeOptions = {},
  ) {
    this.rateWindowSeconds = options.rateWindowSeconds ?? 10;
    this.root = this.newLevel("", "", undefined, false);
  }

  /** Topics held in the tree. */
  get size(): number {
    return this.root.topics;
  }

  has(topic: string): boolean {
    return this.levels.get(topic)?.topic !== undefined;
  }

  /** Whether a held topic matches the view's filter (true for every topic while no filter is set). */
  matches(topic: string): boolean {
    const state = this.levels.get(topic)?.topic;
    return state !== undefined && (!this.filterActive || state.matches);
  }

  /** Records what a batch said about a topic: its count and retained mark; the difference goes up to every level. */
  update(topic: string, facts: TopicFacts, now: number, matches = true): void {
    let level = this.levels.get(topic);
    if (!level?.topic) level = this.insert(topic, matches);
    const state = level.topic as TopicState;
    const messages = facts.count - state.count;
    const retained = Number(facts.retained) - Number(state.retained);
    const matching = Number(matches) - Number(state.matches);
    state.count = facts.count;
    state.retained = facts.retained;
    state.matches = matches;
    if (messages === 0 && retained === 0 && matching === 0) return;
    for (let l: Level | undefined = level; l; l = l.parent) {
      l.messages += messages;
      l.retained += retained;
      l.matching += matching;
      if (messages > 0 && l.children.size > 0) {
        l.rate ??= new RateWindow(this.rateWindowSeconds);
        l.rate.record(now, messages);
      }
    }
  }

  /** Counts no topic as matching (a new filter, not evaluated yet): O(levels). */
  clearMatches(): void {
    this.root.matching = 0;
    for (const level of this.levels.values()) {
      level.matching = 0;
      if (level.topic) level.topic.matches = false;
    }
  }

  /** Says whether a filter is set: without one, rows are shown whatever their topics match. */
  setFilterActive(active: boolean): void {
    this.filterActive = active;
  }

  /** Drops a topic (evicted, cleared); levels left without topics go too. */
  remove(topic: string): void {
    const level = this.levels.get(topic);
    const state = level?.topic;
    if (!level || !state) return;
    level.topic = undefined;
    for (let l: Level | undefined = level; l; l = l.parent) {
      l.topics -= 1;
      l.messages -= state.count;
      l.retained -= Number(state.retained);
      l.matching -= Number(state.matches);
    }
    let l: Level | undefined = level;
    while (l && l !== this.root && l.topics === 0) {
      const parent: Level | undefined = l.parent;
      this.levels.delete(l.path);
      if (parent) {
        parent.children.delete(l.segment);
        parent.sorted = undefined;
      }
      l = parent;
    }
  }

  /** Every topic held, in no particular order. */
  topics(): string[] {
    const out: string[] = [];
    for (const level of this.levels.values()) if (level.topic) out.push(level.path);
    return out;
  }

  /** Topics at and below a row's path. */
  topicsUnder(path: string | undefined): string[] {
    const start = path === undefined ? this.root : this.levels.get(path);
    if (!start) return [];
    const out: string[] = [];
    const stack: Level[] = [start];
    for (let level = stack.pop(); level; level = stack.pop()) {
      if (level.topic) out.push(level.path);
      for (const child of level.children.values()) stack.push(child);
    }
    return out;
  }

  /** Sums of a row (its last level and everything below), or of the whole tree. */
  stats(path: string | undefined, now: number): LevelStats | undefined {
    const level = path === undefined ? this.root : this.levels.get(path);
    if (!level) return undefined;
    return {
      topics: level.topics,
      messages: level.messages,
      retained: level.retained,
      matching: level.matching,
      ratePerSecond: level.rate?.perSecond(now) ?? 0,
    };
  }

  /**
   * The rows under a row (or the top rows): children in natural order (`r2` before `r10`), each compacted with its
   * single child while neither holds a topic, when `compact` is set; with a filter set, only rows that hold a
   * matching topic.
   */
  rows(path: string | undefined, compact: boolean): TopicRow[] {
    const level = path === undefined ? this.root : this.levels.get(path);
    if (!level) return [];
    const out: TopicRow[] = [];
    for (const child of this.sortedChildren(level)) {
      if (this.filterActive && child.matching === 0) continue;
      out.push(this.row(child, compact));
    }
    return out;
  }

  /** The row a path belongs to (the path may be inside a compacted row): for revealing a topic. */
  rowOf(path: string, compact: boolean): TopicRow | undefined {
    const level = this.levels.get(path);
    return level && this.row(this.rowStart(level, compact), compact);
  }

  /** The path of the row above a row, or undefined for a top row. */
  parentRow(path: string, compact: boolean): string | undefined {
    const level = this.levels.get(path);
    if (!level) return undefined;
    const start = this.rowStart(level, compact);
    const above = start.parent;
    return above && above !== this.root ? above.path : undefined;
  }

  /** Levels from the top to a topic: the prefix is left out, a topic outside it is one level. */
  private split(topic: string): string[] {
    if (this.prefix !== "" && topic.startsWith(this.prefix))
      return topic.slice(this.prefix.length).split("/");
    if (this.prefix === "") return topic.split("/");
    return [topic];
  }

  private insert(topic: string, matches: boolean): Level {
    const segments = this.split(topic);
    const outside = this.prefix !== "" && !topic.startsWith(this.prefix);
    let level = this.root;
    for (const segment of segments) {
      const key = outside ? `\u0000${segment}` : segment;
      let child = level.children.get(key);
      if (!child) {
        // Paths are made only for new levels: most topics of a fleet share their upper levels.
        const path = outside
          ? topic
          : level === this.root
            ? `${this.prefix}${segment}`
            : `${level.path}/${segment}`;
        child = this.newLevel(path, segment, level, outside);
        level.children.set(key, child);
        level.sorted = undefined;
        this.levels.set(path, child);
      }
      level = child;
    }
    level.topic = { count: 0, retained: false, matches };
    for (let l: Level | undefined = level; l; l = l.parent) {
      l.topics += 1;
      l.matching += Number(matches);
    }
    return level;
  }

  private newLevel(path: string, segment: string, parent: Level | undefined, outside: boolean): Level {
    return {
      path,
      segment,
      outside,
      parent,
      children: new Map(),
      sorted: undefined,
      topic: undefined,
      topics: 0,
      messages: 0,
      retained: 0,
      matching: 0,
      rate: undefined,
    };
  }

  private sortedChildren(level: Level): Level[] {
    level.sorted ??= [...level.children.values()].sort(
      (a, b) => Number(b.outside) - Number(a.outside) || COLLATOR.compare(a.segment, b.segment),
    );
    return level.sorted;
  }

  /** A row from its first level: extended down through single children while compacting. */
  private row(start: Level, compact: boolean): TopicRow {
    let end = start;
    let label = segmentLabel(start.segment);
    while (compact && !end.topic && end.children.size === 1) {
      end = end.children.values().next().value as Level;
      label += `/${segmentLabel(end.segment)}`;
    }
    return {
      path: end.path,
      label,
      topic: end.topic ? end.path : undefined,
      hasChildren: end.children.size > 0,
    };
  }

  /** The first level of the row a level ends or lies in. */
  private rowStart(level: Level, compact: boolean): Level {
    let start = level;
    while (compact) {
      const parent = start.parent;
      if (!parent || parent === this.root || parent.topic || parent.children.size !== 1) break;
      start = parent;
    }
    return start;
  }
}

/** An empty level (`a//b`, a leading `/`) shown as such rather than as nothing. */
function segmentLabel(segment: string): string {
  return segment === "" ? "(empty)" : segment;
}

// The topic trees of every subscription of every broker, kept in step with the message hub: batches are noted as they come and applied when the view redraws (a topic changed many times in between costs one update), and the view's filter is evaluated only for topics that changed, against their latest message; a new filter is evaluated for every topic a slice at a time.
import type { MessageBatch } from "../mqtt";
import type { MessageHub } from "./messageHub";
import { filterPrefix, TopicTree } from "./topicTree";
import { matchesQuery, type TopicQuery } from "./topicQuery";

/** Longest time the view spends applying batches in one refresh; the rest follows at the next turn. */
export const SYNC_BUDGET_MS = 20;

interface Pending {
  changed: Set<string>;
  removed: Set<string>;
  /** Changed topics whose match the tree holds is not for the current filter (it was set since): evaluate them. */
  requery: Set<string>;
}

export class TopicTrees {
  private readonly trees = new Map<string, Map<string, TopicTree>>();
  private readonly pending = new Map<string, Pending>();
  private filter: TopicQuery | undefined;

  constructor(
    private readonly hub: MessageHub,
    private readonly now: () => number = Date.now,
  ) {}

  /** The view's filter (undefined: none). */
  get query(): TopicQuery | undefined {
    return this.filter;
  }

  /** Remembers what a batch changed; nothing is computed until the trees are read or {@link sync} runs. */
  note(broker: string, batch: MessageBatch): void {
    if (!this.trees.has(broker)) return;
    const pending = this.pendingOf(broker);
    for (const topic of batch.removed) {
      pending.changed.delete(topic);
      pending.removed.add(topic);
    }
    for (const topic of batch.topics) {
      pending.removed.delete(topic);
      pending.changed.add(topic);
    }
  }

  /**
   * The tree of a subscription as of the last {@link sync} (built from the store the first time it is read): reading
   * never applies pending batches, so a redraw costs only what it shows.
   */
  tree(broker: string, filter: string): TopicTree {
    let trees = this.trees.get(broker);
    if (!trees) {
      trees = new Map();
      this.trees.set(broker, trees);
    }
    let tree = trees.get(filter);
    if (!tree) {
      tree = new TopicTree(filterPrefix(filter));
      tree.setFilterActive(this.filter !== undefined);
      trees.set(filter, tree);
      // Built from the store as it is now, a slice at a time: what does not fit in the budget waits as pending
      // changes (applying a topic twice changes nothing), which the next sync applies.
      const store = this.hub.store(broker);
      const topics = store?.topicsFor(filter) ?? [];
      const started = performance.now();
      const now = this.now();
      let i = 0;
      for (; i < topics.length; i++) {
        this.apply(tree, broker, topics[i] as string, now);
        if (i % 256 === 255 && performance.now() - started > SYNC_BUDGET_MS) break;
      }
      if (i < topics.length - 1) {
        const pending = this.pendingOf(broker);
        for (let j = i + 1; j < topics.length; j++) pending.changed.add(topics[j] as string);
      }
    }
    return tree;
  }

  /** Whether batches (or a tree's first build) left work for {@link sync}. */
  hasPending(broker: string): boolean {
    const pending = this.pending.get(broker);
    return pending !== undefined && (pending.changed.size > 0 || pending.removed.size > 0);
  }

  /**
   * Applies what the batches of a broker changed since the last sync, for at most `budgetMs` (checked every 256
   * topics; the rest stays pending). Returns true when nothing is left.
   */
  sync(broker: string, budgetMs = Infinity): boolean {
    const pending = this.pending.get(broker);
    const trees = this.trees.get(broker);
    if (!pending || !trees) {
      this.pending.delete(broker);
      return true;
    }
    const store = this.hub.store(broker);
    const started = performance.now();
    const now = this.now();
    for (const topic of pending.removed) for (const tree of trees.values()) tree.remove(topic);
    pending.removed.clear();
    let done = 0;
    for (const topic of pending.changed) {
      pending.changed.delete(topic);
      const requery = pending.requery.delete(topic);
      for (const filter of store?.filtersOf(topic) ?? []) {
        const tree = trees.get(filter);
        if (tree) this.apply(tree, broker, topic, now, requery);
      }
      if (++done % 256 === 0 && performance.now() - started > budgetMs) return false;
    }
    this.pending.delete(broker);
    return true;
  }

  /** Forgets a broker's trees (messages cleared, subscriptions changed, broker gone); they are rebuilt when read. */
  reset(broker: string): void {
    this.trees.delete(broker);
    this.pending.delete(broker);
  }

  /**
   * Sets the view's filter. Every topic held is to be evaluated again: the trees count none as matching until it is,
   * and the evaluation runs as batches are applied, for at most `budgetMs` now (10,000 topics with a JSON field
   * take longer than a redraw may stall) and the rest at the next syncs. Returns true when nothing is left.
   */
  setQuery(query: TopicQuery | undefined, budgetMs = SYNC_BUDGET_MS): boolean {
    this.filter = query && query.terms.length > 0 ? query : undefined;
    const started = performance.now();
    let done = true;
    for (const [broker, trees] of this.trees) {
      const pending = this.pendingOf(broker);
      for (const tree of trees.values()) {
        tree.setFilterActive(this.filter !== undefined);
        // Without a filter, matches are not shown: nothing to evaluate until the next one.
        if (!this.filter) continue;
        tree.clearMatches();
        for (const topic of tree.topics()) {
          pending.changed.add(topic);
          pending.requery.add(topic);
        }
      }
      if (!this.sync(broker, Math.max(0, budgetMs - (performance.now() - started)))) done = false;
    }
    return done;
  }

  private pendingOf(broker: string): Pending {
    let pending = this.pending.get(broker);
    if (!pending) {
      pending = { changed: new Set(), removed: new Set(), requery: new Set() };
      this.pending.set(broker, pending);
    }
    return pending;
  }

  private apply(tree: TopicTree, broker: string, topic: string, now: number, requery = false): void {
    const store = this.hub.store(broker);
    const count = store?.countOf(topic);
    if (count === undefined) return;
    // A filter of topic patterns alone gives the same answer for every message of a topic.
    const matches = !this.filter
      ? true
      : !this.filter.readsPayload && !requery && tree.has(topic)
        ? tree.matches(topic)
        : this.evaluate(broker, topic, store);
    tree.update(topic, { count, retained: store?.isRetained(topic) ?? false }, now, matches);
  }

  private evaluate(broker: string, topic: string, store = this.hub.store(broker)): boolean {
    if (!this.filter) return true;
    return matchesQuery(this.filter, topic, store?.last(topic)?.payload ?? Buffer.alloc(0));
  }
}

// The Brokers view: brokers with their live state, subscriptions under them, and the topics each subscription saw as a tree split at `/` or a flat list (last value, count, rate), filtered by the view's filter, refreshed from coalesced batches, never per message.
import * as vscode from "vscode";
import { invalidView, stateView } from "../brokers/stateView";
import type { MessageHub } from "../messages/messageHub";
import { SYNC_BUDGET_MS, TopicTrees } from "../messages/topicTrees";
import type { TopicQuery } from "../messages/topicQuery";
import {
  describeEndpoint,
  topicMatchesFilter,
  type BrokerProfile,
  type ConnectionManager,
  type MessageBatch,
} from "../mqtt";
import type { BrokerEntry, BrokerRepository } from "./brokerRepository";
import { markdown, markdownFormat } from "./safeText";
import { flatTopicItem, levelItem } from "./topicItems";
import {
  NodeCache,
  type BrokerNode,
  type LevelNode,
  type SubscriptionNode,
  type TreeNode,
} from "./treeNodes";

/** Topics listed under one subscription (flat) or one tree row; the rest are summed up in a "more" row. */
export const MAX_TOPICS_SHOWN = 200;

/** How received topics are shown (settings `routerosMqtt.topics.layout` and `.compactLevels`). */
export interface TopicLayout {
  tree: boolean;
  compact: boolean;
}
/** Shortest time between two refreshes of the same subscription. */
const REFRESH_INTERVAL_MS = 300;

export interface BrokersTreeDeps {
  repository: BrokerRepository;
  manager: ConnectionManager;
  hub: MessageHub;
  /** Name of the broker profile that points at the embedded broker, when it runs. */
  embeddedBrokerName: () => string | undefined;
}

export class BrokersTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<TreeNode | undefined>();
  private readonly nodes = new NodeCache();
  private readonly dirty = new Set<TreeNode>();
  private refreshTimer: NodeJS.Timeout | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  /** The topic trees of every subscription, kept in step with the batches. */
  readonly trees: TopicTrees;
  private layout: TopicLayout = { tree: true, compact: true };

  readonly onDidChangeTreeData = this.changeEmitter.event;

  constructor(private readonly deps: BrokersTreeDeps) {
    this.trees = new TopicTrees(deps.hub);
    this.disposables.push(
      this.changeEmitter,
      deps.repository.onDidChange(() => this.refresh()),
    );
    const stateSub = deps.manager.onStateChange((name) => this.refreshBroker(name));
    const batchSub = deps.hub.onBatch((broker, batch) => this.onBatch(broker, batch));
    this.disposables.push({ dispose: () => stateSub.dispose() }, { dispose: () => batchSub.dispose() });
  }

  /** Redraws everything (the broker list changed). */
  refresh(): void {
    this.changeEmitter.fire(undefined);
  }

  /** Redraws one broker and what is under it (its topic trees are rebuilt from the store). */
  refreshBroker(name: string): void {
    this.trees.reset(name);
    if (!this.deps.repository.get(name)) return this.refresh();
    this.changeEmitter.fire(this.nodes.broker(name));
  }

  /** Tree or flat list, compacted or not; redraws everything when it changed. */
  setLayout(layout: TopicLayout): void {
    if (layout.tree === this.layout.tree && layout.compact === this.layout.compact) return;
    this.layout = layout;
    this.refresh();
  }

  get topicLayout(): TopicLayout {
    return this.layout;
  }

  /** Filters the topics shown (undefined: all) and redraws; what one slice did not evaluate follows at once. */
  setQuery(query: TopicQuery | undefined): void {
    if (!this.trees.setQuery(query, SYNC_BUDGET_MS)) {
      for (const broker of this.deps.hub.brokerNames())
        for (const sub of this.deps.manager.subscriptions(broker))
          this.dirty.add(this.nodes.subscription(broker, sub.filter, sub.qos));
      this.refreshTimer ??= setTimeout(() => this.flushDirty(), 0);
    }
    this.refresh();
  }

  /** The held topics a row stands for: its own and every one below it (a subscription: all it saw). */
  topicsOf(node: TreeNode): string[] {
    if (node.type === "level") return this.trees.tree(node.broker, node.filter).topicsUnder(node.path);
    if (node.type === "subscription") return this.trees.tree(node.broker, node.filter).topicsUnder(undefined);
    if (node.type === "topic") return [node.topic];
    return [];
  }

  /** The tree row of a level (`routers/r1`) under the first subscription whose tree has it. */
  levelNode(broker: string, path: string): LevelNode | undefined {
    for (const sub of this.deps.manager.subscriptions(broker)) {
      const row = this.trees.tree(broker, sub.filter).rowOf(path, this.layout.compact);
      if (row) return this.nodes.level(broker, sub.filter, row.path, row.topic);
    }
    return undefined;
  }

  /** The tree row (or flat row) showing a topic under the first subscription that saw it, for `TreeView.reveal`. */
  nodeOfTopic(broker: string, topic: string): TreeNode | undefined {
    const store = this.deps.hub.store(broker);
    const filter = store?.filtersOf(topic)[0];
    if (filter === undefined) return undefined;
    if (!this.layout.tree) return this.nodes.topic(broker, filter, topic);
    const row = this.trees.tree(broker, filter).rowOf(topic, this.layout.compact);
    return row && this.nodes.level(broker, filter, row.path, row.topic);
  }

  /** The node of a broker, for `TreeView.reveal`. */
  brokerNode(name: string): BrokerNode {
    return this.nodes.broker(name);
  }

  /** Forgets cached nodes of a subscription that is gone. */
  forgetSubscription(broker: string, filter: string): void {
    this.nodes.forgetSubscription(broker, filter);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    switch (node.type) {
      case "broker":
        return this.brokerItem(node);
      case "subscription": {
        const item = new vscode.TreeItem(node.filter, vscode.TreeItemCollapsibleState.Expanded);
        item.id = node.id;
        const topics = this.shownTopicCount(node.broker, node.filter);
        item.description = vscode.l10n.t("QoS {0} · {1} topic{2}", node.qos, topics, topics === 1 ? "" : "s");
        item.iconPath = new vscode.ThemeIcon("rss");
        item.contextValue = "subscription";
        item.tooltip = vscode.l10n.t(
          'Subscription "{0}" on broker "{1}" (QoS {2}); restored after every reconnect.',
          node.filter,
          node.broker,
          node.qos,
        );
        return item;
      }
      case "topic":
        return flatTopicItem(this.deps.hub, node.broker, node.topic, node.id);
      case "level":
        return this.levelTreeItem(node);
      case "more": {
        const item = new vscode.TreeItem(
          vscode.l10n.t("{0} more topics…", node.hidden),
          vscode.TreeItemCollapsibleState.None,
        );
        item.id = node.id;
        item.iconPath = new vscode.ThemeIcon("ellipsis");
        item.tooltip = vscode.l10n.t("Pick one of every topic this subscription saw");
        item.command = {
          command: "routerosMqtt.pickTopic",
          title: vscode.l10n.t("Pick a topic"),
          arguments: [node],
        };
        return item;
      }
      case "hint": {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
        item.id = node.id;
        item.iconPath = new vscode.ThemeIcon("add");
        item.command = {
          command: node.command,
          title: node.label,
          arguments: [this.nodes.broker(node.broker)],
        };
        return item;
      }
    }
  }

  getChildren(node?: TreeNode): TreeNode[] {
    if (!node) {
      const repository = this.deps.repository;
      return repository
        .entries()
        .map((e) =>
          repository.get(e.name) === e
            ? this.nodes.broker(e.name)
            : this.nodes.shadowBroker(e.name, e.scope, e.index),
        );
    }
    if (node.type === "broker") {
      if (node.shadow) return [];
      const entry = this.deps.repository.get(node.name);
      if (!entry?.profile || entry.problems.length > 0) return [];
      const subs = this.deps.manager.subscriptions(node.name);
      if (subs.length === 0) {
        return this.deps.manager.state(node.name).status === "connected"
          ? [this.nodes.hint(node.name, vscode.l10n.t("Subscribe to a topic…"), "routerosMqtt.subscribe")]
          : [];
      }
      return subs.map((s) => this.nodes.subscription(node.name, s.filter, s.qos));
    }
    if (node.type === "subscription") {
      this.catchUpLater(node);
      if (this.layout.tree) return this.levelChildren(node.broker, node.filter, undefined);
      const tree = this.trees.tree(node.broker, node.filter);
      const topics = (this.deps.hub.store(node.broker)?.topicsFor(node.filter) ?? [])
        .filter((t) => tree.matches(t))
        .sort();
      const shown = topics
        .slice(0, MAX_TOPICS_SHOWN)
        .map((t) => this.nodes.topic(node.broker, node.filter, t));
      if (topics.length <= MAX_TOPICS_SHOWN) return shown;
      return [...shown, this.nodes.more(node.broker, node.filter, topics.length - MAX_TOPICS_SHOWN)];
    }
    if (node.type === "level") return this.levelChildren(node.broker, node.filter, node.path);
    return [];
  }

  getParent(node: TreeNode): TreeNode | undefined {
    if (node.type === "broker") return undefined;
    if (node.type === "level" || (node.type === "more" && node.under !== undefined)) {
      const path = node.type === "level" ? node.path : (node.under as string);
      const tree = this.trees.tree(node.broker, node.filter);
      const above = node.type === "level" ? tree.parentRow(path, this.layout.compact) : path;
      if (above !== undefined) {
        const row = tree.rowOf(above, this.layout.compact);
        if (row) return this.nodes.level(node.broker, node.filter, row.path, row.topic);
      }
    }
    if (node.type === "topic" || node.type === "more" || node.type === "level") {
      const qos =
        this.deps.manager.subscriptions(node.broker).find((s) => s.filter === node.filter)?.qos ?? 0;
      return this.nodes.subscription(node.broker, node.filter, qos);
    }
    return this.nodes.broker(node.broker);
  }

  dispose(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    for (const d of this.disposables) d.dispose();
  }

  /** Marks the subscriptions a batch touched and redraws them at most every REFRESH_INTERVAL_MS. */
  private onBatch(broker: string, batch: MessageBatch): void {
    this.trees.note(broker, batch);
    for (const topic of batch.removed) {
      for (const sub of this.deps.manager.subscriptions(broker))
        this.nodes.forgetLevel(broker, sub.filter, topic);
    }
    const subs = this.deps.manager.subscriptions(broker);
    for (const sub of subs) {
      if (batch.topics.some((t) => topicMatchesFilter(sub.filter, t))) {
        this.dirty.add(this.nodes.subscription(broker, sub.filter, sub.qos));
      }
    }
    if (this.dirty.size > 0) this.refreshTimer ??= setTimeout(() => this.flushDirty(), REFRESH_INTERVAL_MS);
  }

  private flushDirty(): void {
    this.refreshTimer = undefined;
    const nodes = [...this.dirty];
    this.dirty.clear();
    let behind = false;
    for (const broker of new Set(nodes.map((n) => (n.type === "broker" ? n.name : n.broker)))) {
      // A slice at a time: a flood of new topics never holds the extension host for long.
      if (!this.trees.sync(broker, SYNC_BUDGET_MS)) behind = true;
    }
    for (const node of nodes) this.changeEmitter.fire(node);
    if (behind) {
      for (const node of nodes) this.dirty.add(node);
      this.refreshTimer ??= setTimeout(() => this.flushDirty(), 0);
    }
  }

  /** A tree built in slices (a broker redrawn during a flood) is completed by the next refreshes. */
  private catchUpLater(node: SubscriptionNode): void {
    if (!this.trees.hasPending(node.broker)) return;
    this.dirty.add(node);
    this.refreshTimer ??= setTimeout(() => this.flushDirty(), REFRESH_INTERVAL_MS);
  }

  /** Topics a subscription row counts: all it saw, or those matching the filter. */
  private shownTopicCount(broker: string, filter: string): number {
    const tree = this.trees.tree(broker, filter);
    const stats = tree.stats(undefined, Date.now());
    return this.trees.query ? (stats?.matching ?? 0) : (stats?.topics ?? 0);
  }

  private levelChildren(broker: string, filter: string, path: string | undefined): TreeNode[] {
    const rows = this.trees.tree(broker, filter).rows(path, this.layout.compact);
    const shown = rows
      .slice(0, MAX_TOPICS_SHOWN)
      .map((r) => this.nodes.level(broker, filter, r.path, r.topic));
    if (rows.length <= MAX_TOPICS_SHOWN) return shown;
    return [...shown, this.nodes.more(broker, filter, rows.length - MAX_TOPICS_SHOWN, path)];
  }

  private levelTreeItem(node: LevelNode): vscode.TreeItem {
    const tree = this.trees.tree(node.broker, node.filter);
    const row = tree.rowOf(node.path, this.layout.compact);
    if (!row) {
      const gone = new vscode.TreeItem(node.path, vscode.TreeItemCollapsibleState.None);
      gone.id = node.id;
      gone.description = vscode.l10n.t("no longer held");
      return gone;
    }
    node.topic = row.topic;
    const stats = tree.stats(row.path, Date.now());
    return levelItem(this.deps.hub, node.broker, row, stats, node.id, this.trees.query !== undefined);
  }

  private brokerItem(node: BrokerNode): vscode.TreeItem {
    const shadow = node.shadow;
    const entry = shadow
      ? this.deps.repository.entries().find((e) => e.scope === shadow.scope && e.index === shadow.index)
      : this.deps.repository.get(node.name);
    const item = new vscode.TreeItem(node.name || "(no name)");
    item.id = node.id;
    if (!entry) return item;
    const state = this.deps.manager.state(node.name);
    const valid = !shadow && entry.profile !== undefined && entry.problems.length === 0;
    const view = valid
      ? stateView(state)
      : shadow
        ? { ...invalidView(entry.problems), contextValue: "broker.shadow" }
        : invalidView(entry.problems);
    const embedded = this.deps.embeddedBrokerName() === node.name;
    const endpoint = entry.profile ? describeEndpoint(entry.profile).replace(/^mqtts?:\/\//, "") : "";
    const unverified = entry.profile && tlsUnverified(entry.profile) ? vscode.l10n.t("TLS unverified") : "";
    item.description = [endpoint, view.short, unverified, embedded ? vscode.l10n.t("embedded broker") : ""]
      .filter((s) => s !== "")
      .join(" · ");
    item.iconPath = new vscode.ThemeIcon(
      view.icon,
      view.color ? new vscode.ThemeColor(view.color) : undefined,
    );
    item.contextValue = view.contextValue;
    item.tooltip = brokerTooltip(entry, view.sentence, embedded);
    const hasChildren = valid && this.getChildren(node).length > 0;
    item.collapsibleState = hasChildren
      ? vscode.TreeItemCollapsibleState.Expanded
      : vscode.TreeItemCollapsibleState.None;
    return item;
  }
}

function brokerTooltip(entry: BrokerEntry, sentence: string, embedded: boolean): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  const profile = entry.profile;
  md.appendMarkdown(markdownFormat("**{0}**", entry.name || vscode.l10n.t("(no name)")));
  if (profile) md.appendMarkdown(markdown` · ${describeEndpoint(profile)}`);
  md.appendMarkdown(
    markdownFormat(
      embedded
        ? vscode.l10n.t("\n\nSaved in {0} settings · the embedded local broker\n\n")
        : vscode.l10n.t("\n\nSaved in {0} settings\n\n"),
      entry.scope,
    ),
  );
  if (profile) {
    md.appendMarkdown(
      markdownFormat(
        profile.clientId ? vscode.l10n.t("Client id: {0}") : vscode.l10n.t("Client id: random per session"),
        profile.clientId,
      ),
    );
    if (profile.username) md.appendMarkdown(markdownFormat(vscode.l10n.t(" · user {0}"), profile.username));
    if (profile.autoConnect) md.appendMarkdown(markdownFormat(vscode.l10n.t(" · auto-connect")));
    md.appendMarkdown("\n\n");
    if (tlsUnverified(profile)) {
      md.appendMarkdown(
        markdownFormat(
          vscode.l10n.t(
            "**TLS unverified**: the broker's certificate is not checked, so anyone on the network path could pose as the broker and read the password.\n\n",
          ),
        ),
      );
    }
  }
  md.appendMarkdown("---\n\n");
  for (const line of sentence.split("\n")) md.appendMarkdown(markdown`${line}\n\n`);
  return md;
}

function tlsUnverified(profile: BrokerProfile): boolean {
  return profile.ssl && !profile.tls.verifyServer;
}

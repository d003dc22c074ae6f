// The Brokers view: brokers with their live state, subscriptions under them, and the topics each subscription saw (last value, count, rate), refreshed from coalesced batches, never per message.
import * as vscode from "vscode";
import { invalidView, stateView } from "../brokers/stateView";
import type { MessageHub } from "../messages/messageHub";
import { classifyPayload, formatBytes, formatRate, payloadPreview } from "../messages/payloadFormat";
import {
  describeEndpoint,
  topicMatchesFilter,
  type BrokerProfile,
  type ConnectionManager,
  type MessageBatch,
} from "../mqtt";
import type { BrokerEntry, BrokerRepository } from "./brokerRepository";
import { markdown, markdownFormat } from "./safeText";
import { NodeCache, type BrokerNode, type TreeNode } from "./treeNodes";

/** Topics listed under one subscription; the rest are summed up in a "more" row. */
export const MAX_TOPICS_SHOWN = 200;
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

  readonly onDidChangeTreeData = this.changeEmitter.event;

  constructor(private readonly deps: BrokersTreeDeps) {
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

  /** Redraws one broker and what is under it. */
  refreshBroker(name: string): void {
    if (!this.deps.repository.get(name)) return this.refresh();
    this.changeEmitter.fire(this.nodes.broker(name));
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
        const topics = this.deps.hub.store(node.broker)?.topicsFor(node.filter).length ?? 0;
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
        return this.topicItem(node.broker, node.topic, node.id);
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
      const topics = [...(this.deps.hub.store(node.broker)?.topicsFor(node.filter) ?? [])].sort();
      const shown = topics
        .slice(0, MAX_TOPICS_SHOWN)
        .map((t) => this.nodes.topic(node.broker, node.filter, t));
      if (topics.length <= MAX_TOPICS_SHOWN) return shown;
      return [...shown, this.nodes.more(node.broker, node.filter, topics.length - MAX_TOPICS_SHOWN)];
    }
    return [];
  }

  getParent(node: TreeNode): TreeNode | undefined {
    if (node.type === "broker") return undefined;
    if (node.type === "topic" || node.type === "more") {
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
    for (const node of nodes) this.changeEmitter.fire(node);
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

  private topicItem(broker: string, topic: string, id: string): vscode.TreeItem {
    const item = new vscode.TreeItem(topic, vscode.TreeItemCollapsibleState.None);
    item.id = id;
    const summary = this.deps.hub.store(broker)?.topic(topic);
    if (!summary) {
      item.description = vscode.l10n.t("no longer held");
      return item;
    }
    const last = summary.last;
    const kind = classifyPayload(last.payload);
    const cut = last.truncated ? "✂ " : "";
    item.description = `${cut}${payloadPreview(last.payload, 48)} · ${summary.count} · ${formatRate(summary.ratePerSecond)}`;
    item.iconPath = new vscode.ThemeIcon(
      last.retain ? "pinned" : kind === "json" ? "json" : kind === "binary" ? "file-binary" : "symbol-string",
    );
    item.contextValue = last.retain ? "topic.retained" : "topic";
    const md = new vscode.MarkdownString(undefined, true);
    md.appendMarkdown(markdownFormat(vscode.l10n.t('**{0}** on broker "{1}"\n\n'), topic, broker));
    md.appendMarkdown(
      markdownFormat(
        last.retain
          ? vscode.l10n.t("Last message: {0}, QoS {1}, retained, {2} ({3})\n\n")
          : vscode.l10n.t("Last message: {0}, QoS {1}, {2} ({3})\n\n"),
        new Date(last.receivedAt).toLocaleTimeString(),
        last.qos,
        formatBytes(last.originalLength),
        kind,
      ),
    );
    if (last.truncated) {
      md.appendMarkdown(
        markdownFormat(
          vscode.l10n.t("✂ **Truncated:** {0} of {1} kept\n\n"),
          formatBytes(last.payload.length),
          formatBytes(last.originalLength),
        ),
      );
    }
    md.appendMarkdown(
      markdownFormat(
        vscode.l10n.t("{0} received, {1} held, {2}"),
        summary.count,
        summary.held,
        formatRate(summary.ratePerSecond),
      ),
    );
    item.tooltip = md;
    item.command = {
      command: "routerosMqtt.openMessage",
      title: vscode.l10n.t("Open Message"),
      arguments: [{ broker, topic }],
    };
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

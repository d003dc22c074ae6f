// Tree items of received topics: a topic row of the flat list, and a row of the topic tree (a level, a compacted chain of levels, or a topic with levels below it), with counts, rate, last value preview, retained mark and a tooltip whose outside text is escaped.
import * as vscode from "vscode";
import type { MessageHub } from "../messages/messageHub";
import { classifyPayload, formatBytes, formatRate, payloadPreview } from "../messages/payloadFormat";
import { rowContextValue, type LevelStats, type TopicRow } from "../messages/topicTree";
import type { TopicSummary } from "../mqtt";
import { markdownFormat } from "./safeText";

/** A topic row of the flat list (label: the whole topic). */
export function flatTopicItem(hub: MessageHub, broker: string, topic: string, id: string): vscode.TreeItem {
  const item = new vscode.TreeItem(topic, vscode.TreeItemCollapsibleState.None);
  item.id = id;
  const summary = hub.store(broker)?.topic(topic);
  if (!summary) {
    item.description = vscode.l10n.t("no longer held");
    return item;
  }
  describeTopic(item, broker, summary);
  item.contextValue = summary.retained ? "topic.retained" : "topic";
  return item;
}

/** A row of the topic tree. */
export function levelItem(
  hub: MessageHub,
  broker: string,
  row: TopicRow,
  stats: LevelStats | undefined,
  id: string,
  filtered: boolean,
): vscode.TreeItem {
  const item = new vscode.TreeItem(
    row.label,
    row.hasChildren ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
  );
  item.id = id;
  const summary = row.topic === undefined ? undefined : hub.store(broker)?.topic(row.topic);
  if (summary) describeTopic(item, broker, summary);
  if (row.hasChildren && stats) {
    const below = levelDescription(stats, filtered);
    item.description = summary ? `${String(item.description)} · ${below}` : below;
    if (!summary) {
      item.iconPath = new vscode.ThemeIcon(stats.retained > 0 ? "folder-library" : "folder");
      item.tooltip = levelTooltip(broker, row.path, stats);
    }
  }
  item.contextValue = rowContextValue(row, summary?.retained ?? false, (stats?.retained ?? 0) > 0);
  return item;
}

/** `12 topics · 340 msgs · 4.2/s · 3 retained`; with a filter on, `2 of 12 topics · …`. */
export function levelDescription(stats: LevelStats, filtered: boolean): string {
  const parts = [
    filtered
      ? vscode.l10n.t("{0} of {1} topics", stats.matching, stats.topics)
      : vscode.l10n.t("{0} topics", stats.topics),
    vscode.l10n.t("{0} msgs", stats.messages),
    formatRate(stats.ratePerSecond),
  ];
  if (stats.retained > 0) parts.push(vscode.l10n.t("{0} retained", stats.retained));
  return parts.join(" · ");
}

function levelTooltip(broker: string, path: string, stats: LevelStats): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(markdownFormat(vscode.l10n.t('**{0}/…** on broker "{1}"\n\n'), path, broker));
  md.appendMarkdown(
    markdownFormat(
      stats.retained > 0
        ? vscode.l10n.t("{0} topics below, {1} messages received, {2}, {3} retained")
        : vscode.l10n.t("{0} topics below, {1} messages received, {2}"),
      stats.topics,
      stats.messages,
      formatRate(stats.ratePerSecond),
      stats.retained,
    ),
  );
  return md;
}

/** Description, icon, tooltip and click of a row that is a topic. */
function describeTopic(item: vscode.TreeItem, broker: string, summary: TopicSummary): void {
  const last = summary.last;
  const topic = summary.topic;
  const kind = classifyPayload(last.payload);
  const cut = last.truncated ? "✂ " : "";
  item.description = `${cut}${payloadPreview(last.payload, 48)} · ${summary.count} · ${formatRate(summary.ratePerSecond)}`;
  item.iconPath = new vscode.ThemeIcon(
    summary.retained
      ? "pinned"
      : kind === "json"
        ? "json"
        : kind === "binary"
          ? "file-binary"
          : "symbol-string",
  );
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
  if (last.properties) {
    const props = last.properties;
    const names = [
      props.contentType !== undefined ? vscode.l10n.t("content type {0}", props.contentType) : "",
      props.userProperties ? vscode.l10n.t("{0} user properties", props.userProperties.length) : "",
      props.responseTopic !== undefined ? vscode.l10n.t("response topic {0}", props.responseTopic) : "",
    ].filter((s) => s !== "");
    if (names.length > 0)
      md.appendMarkdown(markdownFormat(vscode.l10n.t("MQTT 5: {0}\n\n"), names.join(", ")));
  }
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
  const retained = retainedSentence(summary);
  if (retained) md.appendMarkdown(markdownFormat(`\n\n${retained}`));
  item.tooltip = md;
  item.command = {
    command: "routerosMqtt.openMessage",
    title: vscode.l10n.t("Open Message"),
    arguments: [{ broker, topic }],
  };
}

/**
 * What the retained mark says. Over MQTT 5 (Retain As Published) every message brings its publisher's retain flag, so
 * the mark follows the broker; over MQTT 3.1.1 only messages delivered from the broker's retained store when
 * subscribing are flagged, so the mark says that, and a message retained later shows none.
 */
function retainedSentence(summary: TopicSummary): string | undefined {
  if (summary.retainAsPublished) {
    return summary.retained
      ? vscode.l10n.t("The broker keeps a retained message for this topic.")
      : undefined;
  }
  return summary.retained
    ? vscode.l10n.t(
        "Retained: the broker delivered a retained message for this topic when subscribing, and no empty message came since (MQTT 3.1.1 flags only those).",
      )
    : vscode.l10n.t(
        "Not marked retained. MQTT 3.1.1 flags only the retained messages delivered when subscribing: one retained since shows no mark until you subscribe again.",
      );
}

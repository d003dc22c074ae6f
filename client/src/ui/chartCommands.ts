// "Show Chart": a live chart of a topic's numbers, or of several topics in one chart (picked below a tree row), from the brokers view or from the command palette (broker and topic picked).
import * as vscode from "vscode";
import { numericFields } from "../messages/chartFields";
import { payloadPreview } from "../messages/payloadFormat";
import { MAX_CHART_TOPICS } from "../messages/topicsChartFeed";
import type { ChartPanels } from "./chartPanels";
import { showInformationMessage } from "./notify";
import { labelText } from "./safeText";
import { resolveBroker, type Services } from "./services";
import type { TreeNode } from "./treeNodes";

/** What the command returns (for tests): the chart's topics and its series so far. */
export interface ShownChart {
  broker: string;
  topic: string;
  topics: string[];
  series: string[];
}

export function registerChartCommands(services: Services, charts: ChartPanels): vscode.Disposable[] {
  const showChart = async (arg?: unknown): Promise<ShownChart | undefined> => {
    const ref = (await topicsRef(services, arg)) ?? (await pickTopic(services));
    if (!ref) return undefined;
    const store = services.hub.store(ref.broker);
    const held = ref.topics.filter((t) => store?.has(t));
    if (held.length === 0) {
      void showInformationMessage(
        vscode.l10n.t('No message of "{0}" is held: nothing to chart yet.', ref.topics.join(", ")),
      );
      return undefined;
    }
    const panel = charts.show(ref.broker, held);
    return { broker: ref.broker, topic: held[0] ?? "", topics: held, series: panel.feed.names() };
  };
  return [vscode.commands.registerCommand("routerosMqtt.showChart", showChart)];
}

/**
 * The topics an argument names: `{ broker, topic }`, `{ broker, topics }`, or a tree row with rows below it, whose
 * topics holding numbers the user picks (the first few preselected).
 */
async function topicsRef(
  services: Services,
  arg: unknown,
): Promise<{ broker: string; topics: string[] } | undefined> {
  const value = arg as { broker?: unknown; topic?: unknown; topics?: unknown; type?: unknown } | undefined;
  if (typeof value?.broker !== "string") return undefined;
  const broker = value.broker;
  if (Array.isArray(value.topics)) {
    const topics = value.topics.filter((t): t is string => typeof t === "string");
    return topics.length > 0 ? { broker, topics } : undefined;
  }
  if (value.type === "level" || value.type === "subscription") {
    const below = services.tree.topicsOf(arg as TreeNode);
    if (below.length > 1) return pickSeveral(services, broker, below);
  }
  return typeof value.topic === "string" ? { broker, topics: [value.topic] } : undefined;
}

async function pickSeveral(
  services: Services,
  broker: string,
  topics: readonly string[],
): Promise<{ broker: string; topics: string[] } | undefined> {
  const store = services.hub.store(broker);
  const items = [...topics].sort().map((topic) => {
    const last = store?.last(topic)?.payload ?? Buffer.alloc(0);
    const names = numericFields(last).map((f) => f.name);
    return {
      label: labelText(topic),
      description: names.length > 0 ? labelText(names.join(", ")) : vscode.l10n.t("no numbers"),
      detail: labelText(payloadPreview(last, 80)),
      numeric: names.length > 0,
      topic,
      picked: false,
    };
  });
  let preselected = 0;
  for (const item of items) {
    if (item.numeric && preselected < MAX_CHART_TOPICS) {
      item.picked = true;
      preselected++;
    }
  }
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t("Chart which topics of {0}? (at most {1})", broker, MAX_CHART_TOPICS),
    canPickMany: true,
    matchOnDescription: true,
  });
  if (!picked || picked.length === 0) return undefined;
  return { broker, topics: picked.slice(0, MAX_CHART_TOPICS).map((p) => p.topic) };
}

/** A broker with received messages, then one of its topics; the topics holding numbers come first. */
async function pickTopic(services: Services): Promise<{ broker: string; topics: string[] } | undefined> {
  const broker = await resolveBroker(
    services,
    undefined,
    vscode.l10n.t("Chart a topic of which broker?"),
    (name) => (services.hub.store(name)?.topicCount ?? 0) > 0,
  );
  const store = broker === undefined ? undefined : services.hub.store(broker);
  if (broker === undefined || !store) return undefined;
  const items = store.topics().map((summary) => {
    const names = numericFields(summary.last.payload).map((f) => f.name);
    return {
      label: labelText(summary.topic),
      description:
        names.length > 0 ? labelText(names.join(", ")) : vscode.l10n.t("no numbers in the last message"),
      detail: labelText(payloadPreview(summary.last.payload, 80)),
      numeric: names.length > 0,
      topic: summary.topic,
    };
  });
  items.sort((a, b) => Number(b.numeric) - Number(a.numeric));
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Chart a topic of "{0}"', broker),
    placeHolder: vscode.l10n.t("Topics received, the ones with numbers first"),
    matchOnDescription: true,
  });
  return picked && { broker, topics: [picked.topic] };
}

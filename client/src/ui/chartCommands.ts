// "Show Chart": a live chart of a topic's numbers, from a topic row of the brokers view or from the command palette (broker and topic picked).
import * as vscode from "vscode";
import { numericFields } from "../messages/chartFields";
import { payloadPreview } from "../messages/payloadFormat";
import type { ChartPanels } from "./chartPanels";
import { showInformationMessage } from "./notify";
import { labelText } from "./safeText";
import { resolveBroker, type Services } from "./services";

/** What the command returns (for tests): the chart's topic and its series so far. */
export interface ShownChart {
  broker: string;
  topic: string;
  series: string[];
}

export function registerChartCommands(services: Services, charts: ChartPanels): vscode.Disposable[] {
  const showChart = async (arg?: unknown): Promise<ShownChart | undefined> => {
    const ref = topicRef(arg) ?? (await pickTopic(services));
    if (!ref) return undefined;
    if (!services.hub.store(ref.broker)?.has(ref.topic)) {
      void showInformationMessage(
        vscode.l10n.t('No message of "{0}" is held: nothing to chart yet.', ref.topic),
      );
      return undefined;
    }
    const panel = charts.show(ref.broker, ref.topic);
    return { ...ref, series: panel.feed.series.names() };
  };
  return [vscode.commands.registerCommand("routerosMqtt.showChart", showChart)];
}

/** `{ broker, topic }` from a topic node or command arguments. */
function topicRef(arg: unknown): { broker: string; topic: string } | undefined {
  const value = arg as { broker?: unknown; topic?: unknown } | undefined;
  return typeof value?.broker === "string" && typeof value.topic === "string"
    ? { broker: value.broker, topic: value.topic }
    : undefined;
}

/** A broker with received messages, then one of its topics; the topics holding numbers come first. */
async function pickTopic(services: Services): Promise<{ broker: string; topic: string } | undefined> {
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
  return picked && { broker, topic: picked.topic };
}

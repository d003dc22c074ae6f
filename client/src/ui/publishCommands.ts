// "Publish Message": broker, topic (with per-broker history), message (typed, or the selection), QoS and retain; the result says whether the broker acknowledged it. Also runs the publishes of CodeLenses.
import * as vscode from "vscode";
import { rememberRecent, storedList } from "../messages/topicHistory";
import { formatBytes } from "../messages/payloadFormat";
import { isMessageProperties, validatePublishTopic, type MessageProperties, type QoS } from "../mqtt";
import type { PublishDraft, PublishField } from "../script/publishSites";
import { setStatusBarMessage, showErrorMessage, showWarningMessage } from "./notify";
import { askProperties } from "./publishProperties";
import { askPick, askText, BACK } from "./quickInput";
import { errorText, resolveBroker, type Services } from "./services";
import { requireTrust } from "./workspaceTrust";

const HISTORY_KEY = "routerosMqtt.topicHistory";

/** Arguments of `routerosMqtt.publish`: given values are not asked for. */
export interface PublishArgs {
  broker?: string;
  topic?: string;
  message?: string;
  qos?: QoS;
  retain?: boolean;
  /** Fields to ask even when a default exists (from a CodeLens: values the script computes). */
  ask?: PublishDraft["ask"];
  /** MQTT 5 properties (an MQTT 5 broker only); asked for when not given, unless the publish comes from a script line. */
  properties?: MessageProperties;
}

export interface PublishResult {
  ok: boolean;
  message: string;
}

export function registerPublishCommands(services: Services): vscode.Disposable[] {
  const lastMessages = new Map<string, string>();
  let lastOptions: { qos: QoS; retain: boolean } = { qos: 0, retain: false };
  let lastProperties: MessageProperties | undefined;

  const history = (broker: string): string[] =>
    storedList((services.context.globalState.get<Record<string, unknown>>(HISTORY_KEY) ?? {})[broker]);

  const remember = async (broker: string, topic: string): Promise<void> => {
    const all = { ...(services.context.globalState.get<Record<string, unknown>>(HISTORY_KEY) ?? {}) };
    const size = vscode.workspace.getConfiguration("routerosMqtt").get<number>("publish.historySize", 20);
    all[broker] = rememberRecent(history(broker), topic, size);
    await services.context.globalState.update(HISTORY_KEY, all);
  };

  const publish = async (arg?: unknown): Promise<PublishResult | undefined> => {
    if (!requireTrust(vscode.l10n.t("publishing a message"))) return undefined;
    const args: PublishArgs = isPublishArgs(arg) ? arg : {};
    const asked = new Map<PublishField, string | undefined>((args.ask ?? []).map((a) => [a.field, a.source]));
    const hint = (field: PublishField): string => {
      const source = asked.get(field);
      return source ? ` (the script computes it with ${source})` : "";
    };

    let broker = args.broker;
    if (broker !== undefined && !services.repository.get(broker)) {
      const choice = await showWarningMessage(
        vscode.l10n.t('The script publishes through broker "{0}", which is not in the brokers view.', broker),
        vscode.l10n.t("Pick Another Broker"),
        vscode.l10n.t("Import Brokers from This File"),
      );
      if (choice === vscode.l10n.t("Import Brokers from This File")) {
        await vscode.commands.executeCommand("routerosMqtt.importFromEditor");
        if (!services.repository.get(broker)) return undefined;
      } else if (choice === vscode.l10n.t("Pick Another Broker")) broker = undefined;
      else return undefined;
    }
    broker ??= await resolveBroker(
      services,
      undefined,
      vscode.l10n.t("Publish through which broker?{0}", hint("broker")),
    );
    if (broker === undefined) return undefined;

    const topic =
      args.topic ??
      (await askTopic(
        history(broker),
        vscode.l10n.t('Topic to publish to on "{0}"{1}', broker, hint("topic")),
      ));
    if (topic === undefined) return undefined;
    const topicProblem = validatePublishTopic(topic);
    if (topicProblem) {
      const message = vscode.l10n.t('Cannot publish to "{0}": {1}', topic, topicProblem.message);
      void showErrorMessage(message);
      return { ok: false, message };
    }

    const message =
      args.message ?? (await askMessage(lastMessages.get(`${broker}\u0000${topic}`), hint("message")));
    if (message === undefined) return undefined;

    // A script line without qos= or retain= means RouterOS's defaults (0, no), not the last choice made here.
    const defaults = args.ask ? { qos: 0 as QoS, retain: false } : lastOptions;
    let options = { qos: args.qos ?? defaults.qos, retain: args.retain ?? defaults.retain };
    const needOptions =
      (args.qos === undefined && args.retain === undefined && !args.ask) ||
      asked.has("qos") ||
      asked.has("retain");
    if (needOptions) {
      const chosen = await askOptions(options, hint("qos") || hint("retain"));
      if (!chosen) return undefined;
      options = chosen;
    }
    // RouterOS's /iot mqtt publish has no properties: a script line (CodeLens) publishes as the router would.
    let properties = isMessageProperties(args.properties) ? args.properties : undefined;
    const mqtt5 = services.repository.get(broker)?.profile?.protocolVersion === 5;
    if (mqtt5 && properties === undefined && !args.ask && args.message === undefined) {
      properties = await askProperties(lastProperties);
      if (properties === undefined) return undefined;
      lastProperties = properties;
    }
    const withProperties = properties && Object.keys(properties).length > 0 ? { properties } : {};
    lastOptions = options;
    lastMessages.set(`${broker}\u0000${topic}`, message);
    await remember(broker, topic);

    const bytes = Buffer.byteLength(message, "utf8");
    try {
      await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: vscode.l10n.t("Publishing to {0}", topic) },
        () => services.manager.publish(broker, topic, message, { ...options, ...withProperties }),
      );
      const ack =
        options.qos === 0
          ? "QoS 0: sent, never acknowledged"
          : options.qos === 1
            ? "QoS 1: PUBACK received"
            : "QoS 2: PUBCOMP received";
      const props = withProperties.properties
        ? `, with ${Object.keys(withProperties.properties).length} MQTT 5 properties`
        : "";
      const text = `Published ${formatBytes(bytes)} to "${topic}" on "${broker}"${options.retain ? ", retained" : ""}${props} (${ack}).`;
      services.log.info(text);
      setStatusBarMessage("$(check)", text, 6000);
      return { ok: true, message: text };
    } catch (error) {
      const text = `Publish to "${topic}" on "${broker}" failed: ${errorText(services, error)}`;
      services.log.error(text);
      void showErrorMessage(text, vscode.l10n.t("Show Log")).then((c) => {
        if (c === vscode.l10n.t("Show Log")) services.log.channel.show(true);
      });
      return { ok: false, message: text };
    }
  };

  return [
    vscode.commands.registerCommand("routerosMqtt.publish", publish),
    vscode.commands.registerCommand("routerosMqtt.publishFromBroker", (node: unknown) =>
      publish({ broker: (node as { name?: string }).name }),
    ),
  ];
}

function isPublishArgs(arg: unknown): arg is PublishArgs {
  return !!arg && typeof arg === "object" && !("type" in arg);
}

/** A topic from history or typed; wildcards are refused as RouterOS refuses them. */
async function askTopic(history: readonly string[], title: string): Promise<string | undefined> {
  const pick = vscode.window.createQuickPick<vscode.QuickPickItem & { topic: string; problem?: string }>();
  pick.title = title;
  pick.placeholder = history.length
    ? vscode.l10n.t("Type a topic or pick a recent one")
    : vscode.l10n.t("Type a topic, for example routers/home/telemetry");
  pick.ignoreFocusOut = true;
  const recent = history.map((t) => ({ label: t, description: vscode.l10n.t("recent"), topic: t }));
  pick.items = recent;
  pick.onDidChangeValue((value) => {
    if (value === "" || history.includes(value)) {
      pick.items = recent;
      return;
    }
    const problem = validatePublishTopic(value)?.message;
    pick.items = [
      {
        label: value,
        description: problem ? "" : vscode.l10n.t("new topic"),
        detail: problem ? vscode.l10n.t("$(error) {0}", problem) : undefined,
        topic: value,
        problem,
      },
      ...recent,
    ];
  });
  return new Promise((resolve) => {
    let done = false;
    pick.onDidAccept(() => {
      const chosen = pick.selectedItems[0] ?? pick.activeItems[0];
      if (!chosen || chosen.problem) return;
      done = true;
      resolve(chosen.topic);
      pick.dispose();
    });
    pick.onDidHide(() => {
      if (!done) resolve(undefined);
      pick.dispose();
    });
    pick.show();
  });
}

/** The payload: the editor's selection (several lines allowed) or a typed line. */
async function askMessage(last: string | undefined, hint: string): Promise<string | undefined> {
  const editor = vscode.window.activeTextEditor;
  const selection =
    editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection) : undefined;
  if (selection !== undefined) {
    const lines = selection.split(/\r\n|\r|\n/).length;
    const choice = await askPick<"selection" | "type">({
      title: vscode.l10n.t("Message{0}", hint),
      items: [
        {
          label: vscode.l10n.t("$(selection) The selection"),
          description: vscode.l10n.t(
            "{0} line{1}, {2}",
            lines,
            lines === 1 ? "" : "s",
            formatBytes(Buffer.byteLength(selection)),
          ),
          value: "selection",
        },
        { label: vscode.l10n.t("$(edit) Type a message…"), value: "type" },
      ],
    });
    if (choice === undefined || choice === BACK) return undefined;
    if (choice === "selection") return selection;
  }
  const typed = await askText({
    title: vscode.l10n.t("Message{0}", hint),
    prompt: vscode.l10n.t("Payload (one line; select text in an editor to publish several lines)"),
    value: last ?? "",
  });
  return typed === BACK ? undefined : typed;
}

async function askOptions(
  current: { qos: QoS; retain: boolean },
  hint: string,
): Promise<{ qos: QoS; retain: boolean } | undefined> {
  const items = ([0, 1, 2] as const).flatMap((qos) =>
    [false, true].map((retain) => ({
      label: vscode.l10n.t("QoS {0}{1}", qos, retain ? " · retained" : ""),
      description:
        qos === 0
          ? vscode.l10n.t("at most once")
          : qos === 1
            ? vscode.l10n.t("at least once (PUBACK)")
            : vscode.l10n.t("exactly once (PUBCOMP)"),
      detail: retain ? vscode.l10n.t("the broker keeps it for future subscribers") : undefined,
      value: { qos, retain },
    })),
  );
  const active = items.find((i) => i.value.qos === current.qos && i.value.retain === current.retain)?.value;
  const chosen = await askPick({
    title: vscode.l10n.t("QoS and retain{0}", hint),
    items,
    ...(active ? { active } : {}),
  });
  return chosen === BACK ? undefined : chosen;
}

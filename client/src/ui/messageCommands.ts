// Commands on subscriptions and received messages: subscribe, unsubscribe, open, diff with previous, history, copy payload, clear a retained topic or subtree (with confirmation), clear held messages.
import * as vscode from "vscode";
import { payloadPreview, payloadText } from "../messages/payloadFormat";
import { validateTopicFilter, type QoS } from "../mqtt";
import { isIssued } from "./issuedArgs";
import type { MessageDocuments } from "./messageDocuments";
import { askModalWarning, setStatusBarMessage, showErrorMessage, showInformationMessage } from "./notify";
import { askPick, askText, BACK } from "./quickInput";
import { labelText } from "./safeText";
import { errorText, resolveBroker, type Services } from "./services";
import { requireTrust, restrictedModeText } from "./workspaceTrust";

/** `{ broker, topic }` from a topic node or command arguments. */
function topicRef(arg: unknown): { broker: string; topic: string } | undefined {
  const value = arg as { broker?: unknown; topic?: unknown } | undefined;
  return typeof value?.broker === "string" && typeof value.topic === "string"
    ? { broker: value.broker, topic: value.topic }
    : undefined;
}

/** `{ broker, filter }` from a subscription node or command arguments. */
function filterRef(arg: unknown): { broker: string; filter: string } | undefined {
  const value = arg as { broker?: unknown; filter?: unknown } | undefined;
  return typeof value?.broker === "string" && typeof value.filter === "string"
    ? { broker: value.broker, filter: value.filter }
    : undefined;
}

export function registerMessageCommands(
  services: Services,
  documents: MessageDocuments,
): vscode.Disposable[] {
  const { manager, hub } = services;

  /** Tells the store which filters to index and redraws the broker. */
  const syncSubscriptions = (broker: string): void => {
    hub.setSubscriptions(
      broker,
      manager.subscriptions(broker).map((s) => s.filter),
    );
    services.tree.refreshBroker(broker);
  };

  const subscribe = async (arg?: unknown): Promise<{ ok: boolean; message: string; granted?: QoS }> => {
    if (!requireTrust(vscode.l10n.t("subscribing to a topic")))
      return { ok: false, message: restrictedModeText(vscode.l10n.t("subscribing to a topic")) };
    const given = arg as { filter?: unknown; qos?: unknown } | undefined;
    const broker = await resolveBroker(services, arg, vscode.l10n.t("Subscribe on which broker?"));
    if (broker === undefined) return { ok: false, message: "no broker" };
    let filter = typeof given?.filter === "string" ? given.filter : undefined;
    if (filter === undefined) {
      const typed = await askText({
        title: vscode.l10n.t('Subscribe on "{0}"', broker),
        prompt: vscode.l10n.t(
          "Topic filter: + matches one level, # every level below (for example routers/+/telemetry or #)",
        ),
        placeholder: "#",
        validate: (v) => (v === "" ? undefined : validateTopicFilter(v)?.message),
      });
      if (typed === undefined || typed === BACK) return { ok: false, message: "cancelled" };
      filter = typed === "" ? "#" : typed;
    }
    let qos: QoS | undefined =
      given?.qos === 0 || given?.qos === 1 || given?.qos === 2 ? given.qos : undefined;
    if (qos === undefined) {
      const picked = await askPick<QoS>({
        title: vscode.l10n.t('Subscribe to "{0}"', filter),
        placeholder: vscode.l10n.t("Highest QoS to receive messages with"),
        items: [
          { label: vscode.l10n.t("QoS 0"), description: vscode.l10n.t("at most once"), value: 0 },
          { label: vscode.l10n.t("QoS 1"), description: vscode.l10n.t("at least once"), value: 1 },
          { label: vscode.l10n.t("QoS 2"), description: vscode.l10n.t("exactly once"), value: 2 },
        ],
      });
      if (picked === undefined || picked === BACK) return { ok: false, message: "cancelled" };
      qos = picked;
    }
    hub.setSubscriptions(broker, [...manager.subscriptions(broker).map((s) => s.filter), filter]);
    try {
      const granted = await manager.subscribe(broker, filter, qos);
      await services.subscriptions.remember(broker, filter, qos);
      if (services.view.visible) {
        // A broker that had no children was drawn as a leaf: open it so the new subscription shows.
        services.tree.refreshBroker(broker);
        void Promise.resolve(
          services.view.reveal(services.tree.brokerNode(broker), {
            expand: true,
            select: false,
            focus: false,
          }),
        ).catch(() => {});
      }
      const note = granted < qos ? ` (the broker granted QoS ${granted} only)` : "";
      setStatusBarMessage("$(rss)", vscode.l10n.t("Subscribed to {0} on {1}{2}", filter, broker, note), 5000);
      return { ok: true, message: `subscribed to "${filter}"${note}`, granted };
    } catch (error) {
      const message = vscode.l10n.t(
        'Subscribing to "{0}" on "{1}" failed: {2}',
        filter,
        broker,
        errorText(services, error),
      );
      services.log.error(message);
      void showErrorMessage(message);
      return { ok: false, message };
    } finally {
      syncSubscriptions(broker);
    }
  };

  const unsubscribe = async (arg?: unknown): Promise<boolean> => {
    const ref = filterRef(arg);
    if (!ref) return false;
    try {
      await manager.unsubscribe(ref.broker, ref.filter);
    } catch (error) {
      services.log.warn(
        `unsubscribing from "${ref.filter}" on "${ref.broker}": ${errorText(services, error)}`,
      );
    }
    await services.subscriptions.forget(ref.broker, ref.filter);
    services.tree.forgetSubscription(ref.broker, ref.filter);
    syncSubscriptions(ref.broker);
    return true;
  };

  const openMessage = async (arg?: unknown): Promise<string | undefined> => {
    const ref = topicRef(arg);
    if (!ref) return undefined;
    const seq = (arg as { seq?: unknown }).seq;
    const doc = await documents.open(ref.broker, ref.topic, typeof seq === "number" ? seq : undefined);
    return doc?.getText();
  };

  const diffWithPrevious = async (arg?: unknown): Promise<boolean> => {
    const ref = topicRef(arg);
    return ref ? documents.diffWithPrevious(ref.broker, ref.topic) : false;
  };

  const showHistory = async (arg?: unknown): Promise<void> => {
    const ref = topicRef(arg);
    if (!ref) return;
    const history = [...(hub.store(ref.broker)?.history(ref.topic) ?? [])].reverse();
    const picked = await vscode.window.showQuickPick(
      history.map((m) => ({
        label: `#${m.seq} · ${new Date(m.receivedAt).toLocaleTimeString()}`,
        description: `${m.retain ? "$(pinned) " : ""}${m.truncated ? "✂ " : ""}${labelText(payloadPreview(m.payload, 80))}`,
        seq: m.seq,
      })),
      {
        title: vscode.l10n.t("Messages held for {0}", ref.topic),
        placeHolder: vscode.l10n.t("{0} held, newest first", history.length),
      },
    );
    if (picked) await documents.open(ref.broker, ref.topic, picked.seq);
  };

  const pickTopic = async (arg?: unknown): Promise<void> => {
    const ref = filterRef(arg);
    const store = ref && hub.store(ref.broker);
    if (!ref || !store) return;
    // A "more" row of the topic tree stands for the rows below one level.
    const under = (arg as { under?: unknown }).under;
    const topics =
      typeof under === "string"
        ? services.tree.trees.tree(ref.broker, ref.filter).topicsUnder(under)
        : store.topicsFor(ref.filter);
    const picked = await vscode.window.showQuickPick(
      topics.sort().map((topic) => ({
        label: labelText(topic),
        description: labelText(payloadPreview(store.last(topic)?.payload ?? Buffer.alloc(0), 60)),
        topic,
      })),
      { title: vscode.l10n.t("Topics seen by {0}", ref.filter), matchOnDescription: true },
    );
    if (picked) await documents.open(ref.broker, picked.topic);
  };

  const copyPayload = async (arg?: unknown): Promise<string | undefined> => {
    const ref = topicRef(arg);
    const last = ref && hub.store(ref.broker)?.last(ref.topic);
    if (!last) return undefined;
    const text = payloadText(last.payload);
    const copied = text ?? last.payload.toString("hex");
    await vscode.env.clipboard.writeText(copied);
    setStatusBarMessage(
      "$(check)",
      vscode.l10n.t(
        "Copied the payload{0}{1}",
        text === undefined ? " as hex (it is binary)" : "",
        last.truncated ? " (truncated)" : "",
      ),
      4000,
    );
    return copied;
  };

  /** Publishes empty retained messages (the MQTT way to delete retained ones) after one modal confirmation, always. */
  const clearRetained = async (broker: string, topics: readonly string[]): Promise<number> => {
    if (topics.length === 0) {
      void showInformationMessage(vscode.l10n.t("No retained message is known under this subscription."));
      return 0;
    }
    const what =
      topics.length === 1
        ? `the retained message of "${topics[0] ?? ""}"`
        : `${topics.length} retained messages`;
    const choice = await askModalWarning(
      vscode.l10n.t('Clear {0} on broker "{1}"?', what, broker),
      vscode.l10n.t(
        "An empty retained message is published to each topic: the broker deletes what it kept, and every subscriber receives the empty message.",
      ),
      vscode.l10n.t("Clear"),
    );
    if (choice !== vscode.l10n.t("Clear")) return 0;
    let cleared = 0;
    for (const topic of topics) {
      try {
        await manager.publish(broker, topic, Buffer.alloc(0), { qos: 1, retain: true, force: false });
        cleared++;
      } catch (error) {
        services.log.error(
          `clearing the retained message of "${topic}" failed: ${errorText(services, error)}`,
        );
      }
    }
    setStatusBarMessage(
      "$(check)",
      vscode.l10n.t("Cleared {0} retained message{1}", cleared, cleared === 1 ? "" : "s"),
      5000,
    );
    return cleared;
  };

  const clearRetainedTopic = async (arg?: unknown): Promise<number> => {
    const ref = isIssued(arg) ? topicRef(arg) : undefined;
    if (!ref || !requireTrust("clearing a retained message")) return 0;
    return clearRetained(ref.broker, [ref.topic]);
  };

  const clearRetainedUnder = async (arg?: unknown): Promise<number> => {
    const ref = isIssued(arg) ? filterRef(arg) : undefined;
    const store = ref && hub.store(ref.broker);
    if (!ref || !store || !requireTrust("clearing retained messages")) return 0;
    const retained = store.topicsFor(ref.filter).filter((t) => store.isRetained(t));
    return clearRetained(ref.broker, retained);
  };

  const clearHeld = (arg?: unknown): void => {
    const ref = filterRef(arg);
    if (!ref) return;
    hub.store(ref.broker)?.clearMatching(ref.filter);
    services.tree.forgetSubscription(ref.broker, ref.filter);
    syncSubscriptions(ref.broker);
  };

  return [
    vscode.commands.registerCommand("routerosMqtt.subscribe", subscribe),
    vscode.commands.registerCommand("routerosMqtt.unsubscribe", unsubscribe),
    vscode.commands.registerCommand("routerosMqtt.openMessage", openMessage),
    vscode.commands.registerCommand("routerosMqtt.diffWithPrevious", diffWithPrevious),
    vscode.commands.registerCommand("routerosMqtt.showHistory", showHistory),
    vscode.commands.registerCommand("routerosMqtt.pickTopic", pickTopic),
    vscode.commands.registerCommand("routerosMqtt.copyPayload", copyPayload),
    vscode.commands.registerCommand("routerosMqtt.clearRetained", clearRetainedTopic),
    vscode.commands.registerCommand("routerosMqtt.clearRetainedUnder", clearRetainedUnder),
    vscode.commands.registerCommand("routerosMqtt.clearMessages", clearHeld),
  ];
}

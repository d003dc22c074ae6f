// Commands on received topics beyond one message: filter the view, jump to a topic, export a history, pick a payload decoder, clear the retained messages below a tree row (confirmed, on the view's own rows only), switch tree and list.
import * as vscode from "vscode";
import { EXPORT_FORMATS, exportHistory, type ExportFormat } from "../messages/historyExport";
import { DECODERS, isDecoderName, type DecoderName } from "../messages/payloadDecoders";
import { payloadPreview } from "../messages/payloadFormat";
import { parseTopicQuery } from "../messages/topicQuery";
import { refusePlainArguments } from "./brokerCommands";
import { isIssued } from "./issuedArgs";
import type { MessageDocuments } from "./messageDocuments";
import { askModalWarning, setStatusBarMessage, showInformationMessage } from "./notify";
import { askPick, askText, BACK } from "./quickInput";
import { labelText } from "./safeText";
import { errorText, type Services } from "./services";
import type { TreeNode } from "./treeNodes";
import { requireTrust } from "./workspaceTrust";

const FILTER_CONTEXT = "routerosMqtt.topicFilterActive";
const LAYOUT_CONTEXT = "routerosMqtt.topicLayout";

/** What Export History returns (for tests): the format, where it went, the text and the notes. */
export interface ExportOutcome {
  format: ExportFormat;
  destination: "editor" | "file";
  text: string;
  notes: string[];
  uri?: string;
}

/** The broker and topics a row or `{ broker, topic }` / `{ broker, topics }` stands for. */
function topicsOf(services: Services, arg: unknown): { broker: string; topics: string[] } | undefined {
  const value = arg as { broker?: unknown; topic?: unknown; topics?: unknown; type?: unknown } | undefined;
  if (typeof value?.broker !== "string") return undefined;
  const broker = value.broker;
  if (value.type === "level" || value.type === "subscription") {
    return { broker, topics: services.tree.topicsOf(arg as TreeNode) };
  }
  if (Array.isArray(value.topics)) {
    return { broker, topics: value.topics.filter((t): t is string => typeof t === "string") };
  }
  return typeof value.topic === "string" ? { broker, topics: [value.topic] } : undefined;
}

/** Publishes an empty retained message to each topic after one modal confirmation (or none when `confirmed`). */
export async function clearRetainedTopics(
  services: Services,
  broker: string,
  topics: readonly string[],
  what: string,
  confirmed = false,
): Promise<number> {
  if (topics.length === 0) {
    void showInformationMessage(vscode.l10n.t("No retained message is known below {0}.", what));
    return 0;
  }
  if (!confirmed) {
    const sample = topics.slice(0, 5).join("\n") + (topics.length > 5 ? "\n…" : "");
    const choice = await askModalWarning(
      vscode.l10n.t('Clear {0} retained messages below {1} on broker "{2}"?', topics.length, what, broker),
      vscode.l10n.t(
        "An empty retained message is published to each topic: the broker deletes what it kept, and every subscriber receives the empty message.\n\n{0}",
        sample,
      ),
      "Clear",
    );
    if (choice !== "Clear") return 0;
  }
  let cleared = 0;
  for (const topic of topics) {
    try {
      await services.manager.publish(broker, topic, Buffer.alloc(0), { qos: 1, retain: true, force: false });
      cleared++;
    } catch (error) {
      services.log.error(`clearing the retained message of "${topic}" failed: ${errorText(services, error)}`);
    }
  }
  setStatusBarMessage("$(check)", vscode.l10n.t("Cleared {0} retained messages", cleared), 5000);
  return cleared;
}

/** The retained topics below a tree row (its own included). */
export function retainedBelow(services: Services, node: TreeNode): string[] {
  const store = "broker" in node ? services.hub.store(node.broker) : undefined;
  return services.tree.topicsOf(node).filter((t) => store?.topic(t)?.retained === true);
}

/** Resolves at the tree's next change, or after `ms` when none comes. */
function nextTreeChange(services: Services, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    const listener = services.tree.onDidChangeTreeData(done);
    function done(): void {
      clearTimeout(timer);
      listener.dispose();
      resolve();
    }
  });
}

/**
 * Reveals and selects a topic's row. A reveal that meets the view in the middle of a refresh (a filter filling in,
 * a batch of messages) is refused by VS Code: the row is looked up again after the tree's next change, three tries.
 */
async function revealTopic(services: Services, broker: string, topic: string): Promise<boolean> {
  for (let attempt = 1; attempt <= 3; attempt++) {
    const node = services.tree.nodeOfTopic(broker, topic);
    if (!node) return false;
    try {
      await services.view.reveal(node, { select: true, focus: true, expand: true });
      return true;
    } catch (error) {
      services.log.warn(
        `revealing topic "${topic}" (try ${attempt} of 3) failed: ${errorText(services, error)}`,
      );
      await nextTreeChange(services, 1000);
    }
  }
  return false;
}

export interface TopicCommands {
  disposables: vscode.Disposable[];
  /** Export History to a file chosen beforehand: the test hooks' way past the save dialog. */
  exportToFile(arg: unknown, uri: vscode.Uri): Promise<ExportOutcome | undefined>;
  /** Clear Retained Messages Below after its confirmation: for the test hooks. */
  clearBelowConfirmed(node: TreeNode): Promise<number>;
}

export function registerTopicCommands(services: Services, documents: MessageDocuments): TopicCommands {
  const { hub, tree, view } = services;

  const applyFilter = (source: string): { ok: boolean; message: string } => {
    const parsed = parseTopicQuery(source);
    if (!parsed.ok) return { ok: false, message: parsed.message };
    const active = parsed.query.terms.length > 0;
    tree.setQuery(active ? parsed.query : undefined);
    view.description = active ? vscode.l10n.t("filter: {0}", source.trim()) : undefined;
    void vscode.commands.executeCommand("setContext", FILTER_CONTEXT, active);
    return { ok: true, message: active ? `filter "${source.trim()}"` : "no filter" };
  };

  const filterTopics = async (arg?: unknown): Promise<{ ok: boolean; message: string } | undefined> => {
    if (typeof arg === "string") return applyFilter(arg);
    const typed = await askText({
      title: vscode.l10n.t("Filter Topics"),
      prompt: vscode.l10n.t(
        'Topic pattern (routers/+/telemetry), "text" in payloads, JSON fields (cpu-load > 80, uptime > 1d, name ~ ether); all must hold. Empty: no filter.',
      ),
      placeholder: "routers/+/telemetry cpu-load > 80",
      value: tree.trees.query?.source ?? "",
      validate: (value) => {
        const parsed = parseTopicQuery(value);
        return parsed.ok ? undefined : `${parsed.message} (at character ${parsed.offset + 1})`;
      },
    });
    if (typed === undefined || typed === BACK) return undefined;
    return applyFilter(typed);
  };

  const goToTopic = async (arg?: unknown): Promise<string | undefined> => {
    const given = arg as { broker?: unknown; topic?: unknown } | undefined;
    let target: { broker: string; topic: string } | undefined =
      typeof given?.broker === "string" && typeof given.topic === "string"
        ? { broker: given.broker, topic: given.topic }
        : undefined;
    if (!target) {
      const items: Array<vscode.QuickPickItem & { broker: string; topic: string }> = [];
      for (const broker of hub.brokerNames()) {
        for (const summary of hub.store(broker)?.topics() ?? []) {
          items.push({
            label: labelText(summary.topic),
            description: labelText(`${broker} · ${payloadPreview(summary.last.payload, 60)}`),
            broker,
            topic: summary.topic,
          });
        }
      }
      items.sort((a, b) => a.topic.localeCompare(b.topic));
      if (items.length === 0) {
        void showInformationMessage(vscode.l10n.t("No topic has been received yet."));
        return undefined;
      }
      const picked = await vscode.window.showQuickPick(items, {
        title: vscode.l10n.t("Go to Topic"),
        placeHolder: vscode.l10n.t("Type part of a topic name"),
        matchOnDescription: true,
      });
      if (!picked) return undefined;
      target = { broker: picked.broker, topic: picked.topic };
    }
    if (!(await revealTopic(services, target.broker, target.topic))) {
      void showInformationMessage(
        vscode.l10n.t(
          'Topic "{0}" of broker "{1}" could not be shown in the brokers view.',
          target.topic,
          target.broker,
        ),
      );
      return undefined;
    }
    return target.topic;
  };

  const exportTopicHistory = async (
    arg?: unknown,
    saveTarget?: vscode.Uri,
  ): Promise<ExportOutcome | undefined> => {
    const ref = topicsOf(services, arg);
    const store = ref && hub.store(ref.broker);
    if (!ref || !store || ref.topics.length === 0) return undefined;
    const given = arg as { format?: unknown; destination?: unknown } | undefined;
    let format = EXPORT_FORMATS.find((f) => f === given?.format);
    if (!format) {
      const picked = await askPick<ExportFormat>({
        title: vscode.l10n.t("Export the history of {0} topics", ref.topics.length),
        placeholder: vscode.l10n.t("Format of the export"),
        items: [
          { label: "NDJSON", description: vscode.l10n.t("one JSON record per line"), value: "ndjson" },
          { label: "JSON", description: vscode.l10n.t("one array of records"), value: "json" },
          { label: "CSV", description: vscode.l10n.t("one column per JSON field"), value: "csv" },
        ],
      });
      if (picked === undefined || picked === BACK) return undefined;
      format = picked;
    }
    let destination: "editor" | "file" | undefined =
      given?.destination === "file" ? "file" : given?.destination === "editor" ? "editor" : undefined;
    if (!destination) {
      const picked = await askPick<"editor" | "file">({
        title: vscode.l10n.t("Export to"),
        placeholder: vscode.l10n.t("Where the export goes"),
        items: [
          { label: vscode.l10n.t("New Editor"), value: "editor" },
          { label: vscode.l10n.t("File…"), value: "file" },
        ],
      });
      if (picked === undefined || picked === BACK) return undefined;
      destination = picked;
    }
    const messages = ref.topics.flatMap((t) => store.history(t));
    const { text, notes } = exportHistory(messages, format, {
      decoderOf: (topic) => services.decoders.of(ref.broker, topic),
    });
    const language = format === "csv" ? "csv" : format === "json" ? "json" : "jsonl";
    let uri: vscode.Uri | undefined;
    if (destination === "editor") {
      // CSV and JSON Lines have a language only with some extensions installed.
      const known = await vscode.languages.getLanguages();
      const doc = await vscode.workspace.openTextDocument({
        content: text,
        language: known.includes(language) ? language : "plaintext",
      });
      await vscode.window.showTextDocument(doc, { preview: false });
    } else {
      const base = (ref.topics.length === 1 ? (ref.topics[0] ?? "topic") : `${ref.broker}-topics`).replace(
        /[^A-Za-z0-9._-]+/g,
        "_",
      );
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      const fileName = `${base}.${format}`;
      // The user's choice, never a path from the arguments: a command link could carry one to overwrite.
      uri =
        saveTarget ??
        (await vscode.window.showSaveDialog({
          ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, fileName) } : {}),
          filters: { [format.toUpperCase()]: [format] },
        }));
      if (!uri) return undefined;
      await vscode.workspace.fs.writeFile(uri, Buffer.from(text, "utf8"));
    }
    const count = messages.length;
    setStatusBarMessage(
      "$(export)",
      (count === 1
        ? vscode.l10n.t("Exported 1 message as {0}", format.toUpperCase())
        : vscode.l10n.t("Exported {0} messages as {1}", count, format.toUpperCase())) +
        (notes.length > 0 ? ` (${notes.join("; ")})` : ""),
      6000,
    );
    return { format, destination, text, notes, ...(uri ? { uri: uri.toString() } : {}) };
  };

  const chooseDecoder = async (arg?: unknown): Promise<DecoderName | undefined> => {
    const value = arg as { broker?: unknown; topic?: unknown; decoder?: unknown } | undefined;
    if (typeof value?.broker !== "string" || typeof value.topic !== "string") return undefined;
    const { broker, topic } = value as { broker: string; topic: string };
    let decoder = isDecoderName(value.decoder) ? value.decoder : undefined;
    if (!decoder) {
      const current = services.decoders.of(broker, topic);
      const descriptions: Record<DecoderName, string> = {
        auto: vscode.l10n.t("detect: JSON, text, base64 holding JSON or CBOR, CBOR, else hex"),
        text: vscode.l10n.t("UTF-8 text as it is"),
        json: vscode.l10n.t("pretty-printed, with where it breaks"),
        hex: vscode.l10n.t("hex dump"),
        base64: vscode.l10n.t("base64 decoded, then shown as what it holds"),
        cbor: vscode.l10n.t("CBOR decoded to JSON"),
      };
      const picked = await askPick<DecoderName>({
        title: vscode.l10n.t("Decode the payloads of {0} as", topic),
        placeholder: vscode.l10n.t("Decoder of this topic (remembered)"),
        items: DECODERS.map((d) => ({
          label: d === current ? `$(check) ${d}` : d,
          description: descriptions[d],
          value: d,
        })),
      });
      if (picked === undefined || picked === BACK) return undefined;
      decoder = picked;
    }
    await services.decoders.set(broker, topic, decoder);
    if (hub.store(broker)?.has(topic)) await documents.open(broker, topic);
    return decoder;
  };

  const clearRetainedSubtree = async (arg?: unknown): Promise<number> => {
    if (!isIssued(arg)) {
      refusePlainArguments(services, "Clear Retained Messages Below");
      return 0;
    }
    const node = arg as TreeNode;
    if (node.type !== "level" && node.type !== "subscription") return 0;
    if (!requireTrust(vscode.l10n.t("clearing retained messages"))) return 0;
    const what = node.type === "level" ? `${node.path}/#` : node.filter;
    return clearRetainedTopics(services, node.broker, retainedBelow(services, node), what);
  };

  const setLayout = async (layout: "tree" | "flat"): Promise<void> => {
    await vscode.workspace
      .getConfiguration("routerosMqtt.topics")
      .update("layout", layout, vscode.ConfigurationTarget.Global);
  };

  void vscode.commands.executeCommand("setContext", LAYOUT_CONTEXT, tree.topicLayout.tree ? "tree" : "flat");
  const disposables = [
    vscode.commands.registerCommand("routerosMqtt.filterTopics", filterTopics),
    vscode.commands.registerCommand("routerosMqtt.clearTopicFilter", () => applyFilter("")),
    vscode.commands.registerCommand("routerosMqtt.goToTopic", goToTopic),
    vscode.commands.registerCommand("routerosMqtt.exportHistory", (arg?: unknown) => exportTopicHistory(arg)),
    vscode.commands.registerCommand("routerosMqtt.chooseDecoder", chooseDecoder),
    vscode.commands.registerCommand("routerosMqtt.clearRetainedBelow", clearRetainedSubtree),
    vscode.commands.registerCommand("routerosMqtt.showTopicsAsTree", () => setLayout("tree")),
    vscode.commands.registerCommand("routerosMqtt.showTopicsAsList", () => setLayout("flat")),
  ];
  return {
    disposables,
    exportToFile: (arg, uri) => exportTopicHistory({ ...(arg as object), destination: "file" }, uri),
    clearBelowConfirmed: (node) => {
      if (node.type !== "level" && node.type !== "subscription") return Promise.resolve(0);
      const what = node.type === "level" ? `${node.path}/#` : node.filter;
      return clearRetainedTopics(services, node.broker, retainedBelow(services, node), what, true);
    },
  };
}

/** Keeps the layout context key in step with the setting (for the title bar's tree/list button). */
export function setLayoutContext(tree: boolean): void {
  void vscode.commands.executeCommand("setContext", LAYOUT_CONTEXT, tree ? "tree" : "flat");
}

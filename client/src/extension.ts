// Activation entry point of the VS Code extension: wires the brokers (settings + keychain), the one connection manager, the message hub, the brokers view, commands, CodeLens and the language client.
import * as vscode from "vscode";
import { validateBrokerProfile } from "./brokers/profileValidation";
import { MessageHub } from "./messages/messageHub";
import { loadCborDecoder } from "./messages/payloadDecoders";
import { ConnectionManager, redactText, type MessageStoreLimits } from "./mqtt";
import type { RouterOsMqttApi } from "./ui/api";
import { registerBrokerCommands } from "./ui/brokerCommands";
import { registerChartCommands } from "./ui/chartCommands";
import { registerExampleCommand } from "./ui/exampleCommand";
import { chartMediaRoot } from "./ui/chartHtml";
import { ChartPanels } from "./ui/chartPanels";
import { BrokerRepository } from "./ui/brokerRepository";
import { BrokersTreeProvider, type TopicLayout } from "./ui/brokersTree";
import { DecoderChoices } from "./ui/decoderChoices";
import { registerImportCommands } from "./ui/importCommands";
import { RouterOsLanguageClient } from "./ui/languageClient";
import { LocalBrokerController, registerLocalBrokerCommands } from "./ui/localBroker";
import { createExtensionLog } from "./ui/log";
import { registerMessageCommands } from "./ui/messageCommands";
import { MessageDocuments } from "./ui/messageDocuments";
import { showInformationMessage } from "./ui/notify";
import { PublishCodeLensProvider } from "./ui/publishCodeLens";
import { registerPublishCommands } from "./ui/publishCommands";
import { registerRscTasks } from "./ui/rscTasks";
import type { ScriptRunApi } from "./ui/run/runRecord";
import { registerScriptRuns } from "./ui/run/runCommands";
import { showError, warnIfUnverifiedTls, type Services } from "./ui/services";
import { migrateRenamedSettings } from "./ui/settingsMigration";
import { BrokerStatusBar } from "./ui/statusBar";
import { SubscriptionMemory } from "./ui/subscriptionMemory";
import { createTestHooks } from "./ui/testHooks";
import { registerTopicCommands, setLayoutContext } from "./ui/topicCommands";
import { treeSnapshot } from "./ui/treeSnapshot";
import { trackWalkthroughContext } from "./ui/walkthrough";
import { ConnectionGate, restrictedModeText } from "./ui/workspaceTrust";

/** Set by scripts/build.mjs: true in development bundles, false in the packaged extension (which then has no test hooks). */
declare const ROUTEROS_MQTT_TEST_HOOKS: boolean;

/** Work to finish before the extension host exits: closing connections, stopping the server and the local broker. */
let shutdown: (() => Promise<void>) | undefined;

export function activate(context: vscode.ExtensionContext): RouterOsMqttApi & ScriptRunApi {
  // The manager's redactor knows every secret used; until it exists the built-in patterns apply.
  const redactor: { redact: (text: string) => string } = { redact: (text) => redactText(text) };
  const log = createExtensionLog((text) => redactor.redact(text));
  const repository = new BrokerRepository(context.secrets, (m) => log.info(m));
  const gate = new ConnectionGate(repository, context.workspaceState, (m) => log.info(m));
  const connections = new ConnectionManager({
    secrets: repository.secrets,
    log: log.write,
    validateProfile: validateBrokerProfile,
    admit: gate.admit,
  });
  redactor.redact = (text) => connections.redact(text);
  const hub = new MessageHub({ limits: messageLimits((m) => log.warn(m)) });
  const localBroker = new LocalBrokerController(repository, (m) => log.info(m));
  const tree = new BrokersTreeProvider({
    repository,
    manager: connections,
    hub,
    embeddedBrokerName: () => localBroker.profileName(),
  });
  tree.setLayout(topicLayout());
  void loadCborDecoder().catch((error: unknown) =>
    log.warn(`the CBOR decoder did not load: ${error instanceof Error ? error.message : String(error)}`),
  );
  const decoders = new DecoderChoices(context.globalState);
  const view = vscode.window.createTreeView("routerosMqtt.brokers", {
    treeDataProvider: tree,
    showCollapseAll: true,
  });
  const subscriptions = new SubscriptionMemory(context.globalState, connections, (m) => log.warn(m));
  const services: Services = {
    context,
    repository,
    manager: connections,
    hub,
    tree,
    view,
    log,
    subscriptions,
    localBroker,
    gate,
    decoders,
  };
  const documents = new MessageDocuments(hub, (broker, topic) => decoders.of(broker, topic));
  const topicCommands = registerTopicCommands(services, documents);
  const charts = new ChartPanels({
    hub,
    repository,
    onTreeChange: tree.onDidChangeTreeData,
    mediaRoot: chartMediaRoot(context.extensionUri),
  });
  const scriptRuns = registerScriptRuns(services);
  const languageClient = new RouterOsLanguageClient(context, (m) => log.warn(m));
  let namesSent: readonly string[] = [];

  const messageSub = connections.onMessage((name, topic, payload, info) =>
    hub.add(name, topic, payload, {
      qos: info.qos,
      retain: info.retain,
      retainAsPublished: info.retainAsPublished,
      ...(info.properties ? { properties: info.properties } : {}),
    }),
  );
  const stateSub = connections.onStateChange((name, state) => {
    updateBadge();
    if (state.status !== "connected") return;
    void subscriptions.restore(name).then(() => {
      hub.setSubscriptions(
        name,
        connections.subscriptions(name).map((s) => s.filter),
      );
      tree.refreshBroker(name);
    });
  });

  let autoConnectNames = new Set<string>();
  const syncProfiles = (): void => {
    const profiles = repository.validProfiles();
    try {
      connections.setProfiles(profiles);
      // A broker that just became auto-connect (added, imported or edited) connects now; one the user
      // disconnected by hand stays down until its settings change.
      const nowAuto = new Set(profiles.filter((p) => p.autoConnect).map((p) => p.name));
      for (const name of nowAuto) {
        if (!autoConnectNames.has(name) && connections.state(name).status === "disconnected") {
          const profile = profiles.find((p) => p.name === name);
          connections.connect(name).then(
            () => profile && warnIfUnverifiedTls(services, profile),
            () => {},
          );
        }
      }
      autoConnectNames = nowAuto;
    } catch (error) {
      log.error(
        `could not apply the broker settings: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    const names = repository.names();
    for (const stale of hub.brokerNames()) if (!names.includes(stale)) hub.forget(stale);
    namesSent = names;
    languageClient.setBrokerNames(names);
    updateBadge();
  };

  const updateBadge = (): void => {
    const failing = repository
      .validProfiles()
      .filter((p) => connections.state(p.name).status === "error").length;
    const invalid = repository.entries().filter((e) => e.problems.length > 0 && !e.hidden).length;
    const count = failing + invalid;
    view.badge =
      count > 0
        ? {
            value: count,
            tooltip: vscode.l10n.t("{0} broker{1} need attention", count, count === 1 ? "" : "s"),
          }
        : undefined;
  };

  for (const disposable of [
    log.channel,
    repository,
    view,
    tree,
    documents,
    charts,
    languageClient,
    localBroker,
    new BrokerStatusBar(repository, connections),
    { dispose: () => messageSub.dispose() },
    { dispose: () => stateSub.dispose() },
    { dispose: () => hub.dispose() },
    repository.onDidChange(syncProfiles),
    localBroker.onDidChange(() => tree.refresh()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration("routerosMqtt.topics")) {
        const layout = topicLayout();
        tree.setLayout(layout);
        setLayoutContext(layout.tree);
      }
      if (!e.affectsConfiguration("routerosMqtt.messages")) return;
      hub.setLimits(messageLimits((m) => log.warn(m)));
      for (const profile of repository.validProfiles()) {
        hub.setSubscriptions(
          profile.name,
          connections.subscriptions(profile.name).map((s) => s.filter),
        );
      }
      tree.refresh();
    }),
    vscode.languages.registerCodeLensProvider({ language: "routeros" }, new PublishCodeLensProvider()),
    registerRscTasks(context),
    registerExampleCommand(services),
    migrateRenamedSettings((m) => log.info(m)),
    ...trackWalkthroughContext(services, {
      onDidChange: scriptRuns.onDidChange,
      lastRun: () => scriptRuns.api.lastRun(),
    }),
    ...registerBrokerCommands(services),
    ...registerImportCommands(services),
    ...registerPublishCommands(services),
    ...registerMessageCommands(services, documents),
    ...registerChartCommands(services, charts),
    ...topicCommands.disposables,
    ...scriptRuns.disposables,
    ...registerLocalBrokerCommands(
      localBroker,
      (name) => connections.connect(name),
      (name) => connections.disconnect(name),
      (prefix, error) => showError(services, prefix, error),
    ),
    vscode.commands.registerCommand("routerosMqtt.showLog", () => log.channel.show()),
    vscode.commands.registerCommand("routerosMqtt.showSyntaxTree", async () => {
      const editor = vscode.window.activeTextEditor;
      if (editor?.document.languageId !== "routeros") {
        void showInformationMessage(vscode.l10n.t("Open a RouterOS script to see its syntax tree."));
        return undefined;
      }
      try {
        const tree = await languageClient.syntaxTree(editor.document.uri);
        const doc = await vscode.workspace.openTextDocument({ content: tree, language: "plaintext" });
        await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true });
        return tree;
      } catch (error) {
        showError(services, vscode.l10n.t("Could not get the syntax tree: "), error);
        return undefined;
      }
    }),
    vscode.commands.registerCommand("routerosMqtt.refresh", () => tree.refresh()),
  ])
    context.subscriptions.push(disposable);

  // Restricted Mode: the view says why nothing connects; once trusted, every auto-connect broker connects.
  const showTrust = (): void => {
    view.message = vscode.workspace.isTrusted
      ? undefined
      : restrictedModeText(vscode.l10n.t("connecting to brokers"));
  };
  showTrust();
  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      showTrust();
      autoConnectNames = new Set();
      syncProfiles();
    }),
  );

  syncProfiles();
  log.info(
    `activated; ${repository.validProfiles().length} broker(s) configured${vscode.workspace.isTrusted ? "" : "; Restricted Mode: nothing connects, runs or imports until the workspace is trusted"}`,
  );

  shutdown = async () => {
    await scriptRuns.stop();
    await Promise.allSettled([connections.dispose(), localBroker.stop()]);
  };

  return {
    brokerStatus: (name) => (repository.get(name) ? connections.state(name).status : undefined),
    brokers: () => repository.entries().map((e) => ({ name: e.name, scope: e.scope, problems: e.problems })),
    lastMessage: (broker, topic) => {
      const last = hub.store(broker)?.last(topic);
      return (
        last && {
          payload: last.payload.toString("utf8"),
          qos: last.qos,
          retain: last.retain,
          truncated: last.truncated,
        }
      );
    },
    topicStats: (broker, topic) => {
      const summary = hub.store(broker)?.topic(topic);
      return summary && { count: summary.count, held: summary.held };
    },
    hasSecret: async (name, kind) => {
      const owner = repository.ownerOf(name);
      return owner ? repository.secrets.has(owner, kind) : false;
    },
    treeSnapshot: () => treeSnapshot(tree),
    treeSelection: () => view.selection.map((node) => node.id),
    brokerNamesForLanguageServer: () => namesSent,
    chart: (broker, topic) => charts.view(broker, topic),
    ...(ROUTEROS_MQTT_TEST_HOOKS && context.extensionMode === vscode.ExtensionMode.Test
      ? { testing: createTestHooks(services, topicCommands) }
      : {}),
    ...scriptRuns.api,
  };
}

export async function deactivate(): Promise<void> {
  const finish = shutdown;
  shutdown = undefined;
  await finish?.();
}

/** How received topics are shown: `routerosMqtt.topics.layout` (tree or flat) and `.compactLevels`. */
function topicLayout(): TopicLayout {
  const config = vscode.workspace.getConfiguration("routerosMqtt.topics");
  return {
    tree: config.get<string>("layout", "tree") !== "flat",
    compact: config.get<boolean>("compactLevels", true),
  };
}

/** Store limits from settings; bad values fall back to the defaults with a log line. */
function messageLimits(warn: (message: string) => void): Partial<MessageStoreLimits> {
  const config = vscode.workspace.getConfiguration("routerosMqtt.messages");
  const limits: Partial<MessageStoreLimits> = {
    maxMessagesPerTopic: config.get<number>("maxPerTopic", 100),
    maxPayloadBytes: config.get<number>("maxPayloadKB", 256) * 1024,
    maxBytesPerTopic: Math.max(config.get<number>("maxPayloadKB", 256) * 1024 * 4, 1024 * 1024),
    maxTotalBytes: config.get<number>("maxTotalMB", 64) * 1024 * 1024,
  };
  try {
    new MessageHub({ limits }).dispose();
    return limits;
  } catch (error) {
    warn(`routerosMqtt.messages settings ignored: ${error instanceof Error ? error.message : String(error)}`);
    return {};
  }
}

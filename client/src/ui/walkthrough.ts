// Context keys that follow what really happened, for the walkthrough's completion events and for menus: a broker
// exists, a RouterOS script is open, a subscription exists, a run published and ended well, a message arrived,
// a chart opened; and whether the local broker runs.
import * as vscode from "vscode";
import type { Services } from "./services";

/** The context keys the walkthrough steps complete on (`onContext:<key>` in package.json). */
export const WALKTHROUGH_KEYS = {
  hasBroker: "routerosMqtt.walkthrough.hasBroker",
  scriptOpen: "routerosMqtt.walkthrough.scriptOpen",
  subscribed: "routerosMqtt.walkthrough.subscribed",
  scriptRan: "routerosMqtt.walkthrough.scriptRan",
  messageReceived: "routerosMqtt.walkthrough.messageReceived",
  chartShown: "routerosMqtt.walkthrough.chartShown",
} as const;

export const LOCAL_BROKER_RUNNING_KEY = "routerosMqtt.localBrokerRunning";

/** The chart webview's view type (tabs show it with a prefix). */
const CHART_VIEW_TYPE = "routerosMqtt.chart";

/** What a run reports when it changes: enough to tell a run that published and ended well. */
export interface RunEvents {
  readonly onDidChange: vscode.Event<void>;
  lastRun(): { readonly state: string; readonly published: readonly unknown[] } | undefined;
}

type Key = (typeof WALKTHROUGH_KEYS)[keyof typeof WALKTHROUGH_KEYS];

/** Sets the keys now and whenever their facts change; a walkthrough key, once set, stays set for the session. */
export function trackWalkthroughContext(services: Services, runs: RunEvents): vscode.Disposable[] {
  const done = new Set<Key>();
  const mark = (key: Key): void => {
    if (done.has(key)) return;
    done.add(key);
    void vscode.commands.executeCommand("setContext", key, true);
  };
  const { repository, manager, localBroker, tree } = services;

  const checkBrokers = (): void => {
    if (done.has(WALKTHROUGH_KEYS.hasBroker)) return;
    if (repository.names().length > 0) mark(WALKTHROUGH_KEYS.hasBroker);
  };
  const checkEditor = (editor: vscode.TextEditor | undefined): void => {
    if (editor?.document.languageId === "routeros") mark(WALKTHROUGH_KEYS.scriptOpen);
  };
  const checkSubscriptions = (): void => {
    if (done.has(WALKTHROUGH_KEYS.subscribed)) return;
    if (repository.names().some((name) => manager.subscriptions(name).length > 0))
      mark(WALKTHROUGH_KEYS.subscribed);
  };
  const checkRun = (): void => {
    const run = runs.lastRun();
    if (run?.state === "ok" && run.published.length > 0) mark(WALKTHROUGH_KEYS.scriptRan);
  };
  const checkTabs = (tabs: readonly vscode.Tab[]): void => {
    if (done.has(WALKTHROUGH_KEYS.chartShown)) return;
    const isChart = (tab: vscode.Tab): boolean =>
      tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(CHART_VIEW_TYPE);
    if (tabs.some(isChart)) mark(WALKTHROUGH_KEYS.chartShown);
  };
  const setLocalBroker = (): void => {
    void vscode.commands.executeCommand(
      "setContext",
      LOCAL_BROKER_RUNNING_KEY,
      localBroker.running !== undefined,
    );
  };

  checkBrokers();
  checkEditor(vscode.window.activeTextEditor);
  setLocalBroker();
  // Per message, so it stops listening after the first one.
  let messages: { dispose(): void } | undefined = manager.onMessage(() => {
    mark(WALKTHROUGH_KEYS.messageReceived);
    const listener = messages;
    messages = undefined;
    queueMicrotask(() => listener?.dispose());
  });
  return [
    repository.onDidChange(checkBrokers),
    localBroker.onDidChange(() => {
      setLocalBroker();
      checkBrokers();
    }),
    vscode.window.onDidChangeActiveTextEditor(checkEditor),
    tree.onDidChangeTreeData(checkSubscriptions),
    runs.onDidChange(checkRun),
    // A webview tab may first open with an unknown input and get its view type in a later change: look at all tabs.
    vscode.window.tabGroups.onDidChangeTabs(() =>
      checkTabs(vscode.window.tabGroups.all.flatMap((g) => g.tabs)),
    ),
    { dispose: () => messages?.dispose() },
  ];
}

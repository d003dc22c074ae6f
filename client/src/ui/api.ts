// What `activate` returns: a small read-only view of the extension's state, for extension-host tests and other extensions.
import type { BrokerScope } from "../brokers/secretKeys";
import type { ConnectionStatus } from "../mqtt";
import type { ChartView } from "./chartPanel";

export interface ReceivedMessageView {
  payload: string;
  qos: number;
  retain: boolean;
  truncated: boolean;
}

export interface RouterOsMqttApi {
  /** The connection status of a broker, or undefined for an unknown name. */
  brokerStatus(name: string): ConnectionStatus | undefined;
  /** Broker names in view order, with their problems when their settings are not usable. */
  brokers(): Array<{ name: string; scope: "user" | "workspace"; problems: readonly string[] }>;
  /** The newest held message of a topic. */
  lastMessage(broker: string, topic: string): ReceivedMessageView | undefined;
  /** Messages received on a topic since it was first seen, and how many are held (bounded by the settings). */
  topicStats(broker: string, topic: string): { count: number; held: number } | undefined;
  /** Whether SecretStorage holds a secret for the broker (the value is never exposed). */
  hasSecret(name: string, kind: "password" | "passphrase"): Promise<boolean>;
  /** The labels and descriptions of the brokers tree, depth first, indented two spaces per level. */
  treeSnapshot(): string[];
  /** Ids of the brokers view's selected rows (a row's id ends with its topic path). */
  treeSelection(): string[];
  /** The broker names last handed to the language client for `routeros/brokerNames` (sent once the server runs). */
  brokerNamesForLanguageServer(): readonly string[];
  /** The open chart of a topic (series, points, what its webview last drew), or undefined when none is open. */
  chart(broker: string, topic: string | readonly string[]): ChartView | undefined;
  /**
   * What the broker forms and confirmations end in, without them: only in a development build run by extension
   * tests (never in the packaged extension), because no command acts on such arguments (SECURITY.md).
   */
  readonly testing?: BrokerTestHooks;
}

/** See {@link RouterOsMqttApi.testing}. */
export interface BrokerTestHooks {
  /** A settings entry (RouterOS property names) plus secrets; resolves with its name. */
  addBroker(args: {
    broker: Record<string, unknown>;
    scope?: BrokerScope;
    password?: string;
    passphrase?: string;
  }): Promise<string>;
  /** Changes settings keys of a broker (a new `name` renames it); resolves with its name. */
  editBroker(name: string, changes: Record<string, unknown>): Promise<string>;
  removeBroker(name: string): Promise<void>;
  setPassword(name: string, password: string): Promise<void>;
  /** "Copy as RouterOS Command with Password" after its confirmation. */
  copyWithPassword(name: string): Promise<string>;
  /** Imports every broker of a script or export that does not exist yet. */
  importText(
    text: string,
    scope?: BrokerScope,
  ): Promise<{ added: string[]; replaced: string[]; skipped: string[] }>;
  /** "Clear Retained Message" after its confirmation. */
  clearRetained(broker: string, topic: string): Promise<void>;
  /** "Clear Retained Messages Below" on the tree row of `path` (a topic or a level) after its confirmation; resolves with how many. */
  clearRetainedBelow(broker: string, path: string): Promise<number>;
  /** "Export History" to a file chosen beforehand (past the save dialog). */
  exportToFile(
    args: { broker: string; topic?: string; topics?: string[]; format: "ndjson" | "json" | "csv" },
    path: string,
  ): Promise<{ text: string; notes: string[]; uri?: string } | undefined>;
}

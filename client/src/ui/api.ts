// What `activate` returns: a small read-only view of the extension's state, for extension-host tests and other extensions.
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
  /** The broker names last handed to the language client for `routeros/brokerNames` (sent once the server runs). */
  brokerNamesForLanguageServer(): readonly string[];
  /** The open chart of a topic (series, points, what its webview last drew), or undefined when none is open. */
  chart(broker: string, topic: string): ChartView | undefined;
}

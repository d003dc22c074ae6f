// Custom LSP messages between the VS Code client and the RouterOS language server, typed once and imported by both sides.
import { NotificationType } from "vscode-languageserver-protocol";

/** Parameters of {@link BrokerNamesNotification}. */
export interface BrokerNamesParams {
  /** Every broker name of the editor's brokers view, in view order, without duplicates. */
  readonly names: readonly string[];
}

/**
 * `routeros/brokerNames`, client → server: the broker names configured in the editor (the brokers view mirrors the
 * router's `/iot mqtt brokers`). Sent once the server is ready and again after every change; the server offers them
 * for `broker=` completion. Each notification replaces the previous list.
 */
export const BrokerNamesNotification = new NotificationType<BrokerNamesParams>("routeros/brokerNames");

// The custom messages between the VS Code client and the RouterOS language server (namespaced `routeros/...`).
// Shared by both sides: the client imports these types, so this file depends on the protocol package only.
import { NotificationType, RequestType } from "vscode-languageserver-protocol";

/** Parameters of `routeros/brokerNames`. */
export interface BrokerNamesParams {
  /** Every broker name the client knows (its brokers view), replacing what it sent before. */
  readonly names: readonly string[];
}

/**
 * Client → server, whenever the brokers view changes (and once after start): the names offered after `broker=`
 * besides the brokers defined in open documents. The server keeps only the last list. Names only: never secrets.
 */
export const BrokerNamesNotification = new NotificationType<BrokerNamesParams>("routeros/brokerNames");

/** Parameters of `routeros/syntaxTree`. */
export interface SyntaxTreeParams {
  readonly textDocument: { readonly uri: string };
}

/**
 * Client → server, from the debug command "RouterOS: Show Syntax Tree": the parser's tree of an open document as
 * indented text (the format of the parser's snapshot tests), errors last. Empty for a document the server does not
 * have open.
 */
export const SyntaxTreeRequest = new RequestType<SyntaxTreeParams, string, void>("routeros/syntaxTree");

// The extension's long-lived parts in one object handed to command modules, plus the helpers they share: finding the broker a command is about and reporting errors in words.
import * as vscode from "vscode";
import {
  describeState,
  errorParts,
  unverifiedTlsWarning,
  type BrokerProfile,
  type ConnectionManager,
} from "../mqtt";
import type { MessageHub } from "../messages/messageHub";
import type { BrokerRepository } from "./brokerRepository";
import type { BrokersTreeProvider } from "./brokersTree";
import type { DecoderChoices } from "./decoderChoices";
import type { LocalBrokerController } from "./localBroker";
import type { ExtensionLog } from "./log";
import type { SubscriptionMemory } from "./subscriptionMemory";
import type { TreeNode } from "./treeNodes";
import type { ConnectionGate } from "./workspaceTrust";
import { showErrorMessage, showInformationMessage, showWarningMessage } from "./notify";
import { askPick, BACK } from "./quickInput";
import { labelText } from "./safeText";

export interface Services {
  readonly context: vscode.ExtensionContext;
  readonly repository: BrokerRepository;
  readonly manager: ConnectionManager;
  readonly hub: MessageHub;
  readonly tree: BrokersTreeProvider;
  readonly view: vscode.TreeView<TreeNode>;
  readonly log: ExtensionLog;
  readonly subscriptions: SubscriptionMemory;
  readonly localBroker: LocalBrokerController;
  /** Restricted Mode and the question before a workspace's broker first connects. */
  readonly gate: ConnectionGate;
  /** The payload decoder picked per topic. */
  readonly decoders: DecoderChoices;
}

/** The broker a command argument names: a tree node, `{ name }`, `{ broker }` or a plain string. */
export function brokerNameOf(arg: unknown): string | undefined {
  if (typeof arg === "string") return arg;
  if (!arg || typeof arg !== "object") return undefined;
  const value = arg as { type?: unknown; name?: unknown; broker?: unknown };
  if (value.type === "broker" && typeof value.name === "string") return value.name;
  if (typeof value.broker === "string") return value.broker;
  if (typeof value.name === "string") return value.name;
  return undefined;
}

/** The broker named by `arg`, or one the user picks (undefined when none or dismissed). */
export async function resolveBroker(
  services: Services,
  arg: unknown,
  placeholder: string,
  accept: (name: string) => boolean = () => true,
): Promise<string | undefined> {
  const named = brokerNameOf(arg);
  if (named !== undefined) {
    if (services.repository.get(named)) return named;
    void showErrorMessage(vscode.l10n.t('There is no broker named "{0}" in the brokers view.', named));
    return undefined;
  }
  const names = services.repository.names().filter(accept);
  if (names.length === 0) {
    void showInformationMessage(vscode.l10n.t("No broker fits; add one in the RouterOS MQTT view first."));
    return undefined;
  }
  if (names.length === 1) return names[0];
  const picked = await askPick({
    title: placeholder,
    placeholder,
    items: names.map((name) => ({
      label: labelText(name),
      description: labelText(describeState(services.manager.state(name))),
      value: name,
    })),
  });
  return picked === BACK ? undefined : picked;
}

/** An error's sentence, redacted once more for safety. */
export function errorText(services: Services, error: unknown): string {
  return services.manager.redact(errorParts(error).message);
}

/** Shows an error with "Show Log" and returns its text (commands return it to callers such as tests). */
export function showError(services: Services, prefix: string, error: unknown): string {
  const text = `${prefix}${errorText(services, error)}`;
  services.log.error(text);
  void showErrorMessage(text, vscode.l10n.t("Show Log")).then((choice) => {
    if (choice === vscode.l10n.t("Show Log")) services.log.channel.show(true);
  });
  return text;
}

/** After a connect (by hand, test or auto-connect) of a broker whose certificate is not checked: a warning every time. */
export function warnIfUnverifiedTls(services: Services, profile: BrokerProfile): void {
  if (!profile.ssl || profile.tls.verifyServer) return;
  const text = unverifiedTlsWarning(profile);
  void showWarningMessage(
    `${text.charAt(0).toUpperCase()}${text.slice(1)}.`,
    vscode.l10n.t("Edit Broker"),
  ).then((choice) => {
    if (choice === vscode.l10n.t("Edit Broker") && services.repository.get(profile.name)) {
      void vscode.commands.executeCommand("routerosMqtt.editBroker", services.tree.brokerNode(profile.name));
    }
  });
}

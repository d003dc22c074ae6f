// Commands on brokers: add, edit, duplicate, remove, connect, disconnect, test, set password, copy as RouterOS command. Those that change a broker or reveal a secret act only on a node of the brokers view or on the user's pick, never on plain arguments a command link could carry; connect, disconnect and test also take a broker name.
import * as vscode from "vscode";
import { brokerAddCommand, brokersExport } from "../brokers/brokerCommand";
import type { BrokerScope } from "../brokers/secretKeys";
import { validateBrokerField } from "../brokers/profileValidation";
import { describeEndpoint } from "../mqtt";
import { runBrokerEdit, type BrokerEdit } from "./brokerEdit";
import { runBrokerForm } from "./brokerForm";
import { isIssued } from "./issuedArgs";
import { askModalWarning, setStatusBarMessage, showErrorMessage, showInformationMessage } from "./notify";
import { askText, BACK } from "./quickInput";
import { requireTrust, restrictedModeText } from "./workspaceTrust";
import {
  brokerNameOf,
  errorText,
  resolveBroker,
  showError,
  warnIfUnverifiedTls,
  type Services,
} from "./services";

export interface CommandResult {
  ok: boolean;
  message: string;
}

/** Saves an edit: settings, then secrets; a renamed broker keeps its subscriptions and, when it was up, its connection. */
export async function applyBrokerEdit(services: Services, name: string, edit: BrokerEdit): Promise<void> {
  const { repository, manager } = services;
  // A renamed broker is a new connection to the manager: one that was up comes back up under its new name.
  const wasUp = ["connected", "connecting", "reconnecting"].includes(manager.state(name).status);
  await repository.update(name, edit.profile, edit.scope);
  const owner = repository.ownerIn(edit.scope, edit.profile.name);
  if (edit.password !== undefined) await repository.secrets.set(owner, "password", edit.password);
  if (edit.passphrase !== undefined) await repository.secrets.set(owner, "passphrase", edit.passphrase);
  if (edit.profile.name !== name) {
    services.hub.forget(name);
    await services.subscriptions.rename(name, edit.profile.name);
    if (wasUp && manager.state(edit.profile.name).status === "disconnected") {
      manager.connect(edit.profile.name).catch(() => {});
    }
  }
}

/** Deletes a broker: its settings entry, its secrets, its held messages and remembered subscriptions. */
export async function deleteBroker(services: Services, name: string): Promise<void> {
  await services.repository.remove(name);
  services.hub.forget(name);
  await services.subscriptions.forget(name);
}

/**
 * The broker a command that changes brokers or reveals secrets is about: the brokers-view node it was invoked on,
 * or (without arguments, from the command palette) the user's pick. Anything else, such as a name or `{ name }`
 * from a command link or a keybinding, is refused: the command does nothing.
 */
async function viewBroker(
  services: Services,
  arg: unknown,
  placeholder: string,
): Promise<string | undefined> {
  if (arg === undefined) return resolveBroker(services, undefined, placeholder);
  const fromView = isIssued(arg) ? brokerNameOf(arg) : undefined;
  if (fromView === undefined) {
    refusePlainArguments(services, placeholder);
    return undefined;
  }
  return resolveBroker(services, fromView, placeholder);
}

/** Logs that a command ignored arguments that did not come from the extension itself. */
export function refusePlainArguments(services: Services, what: string): void {
  services.log.warn(
    `${what}: refused arguments that did not come from the brokers view (a command link or keybinding cannot change brokers or read secrets)`,
  );
}

export function registerBrokerCommands(services: Services): vscode.Disposable[] {
  const { repository, manager } = services;
  const register = (id: string, run: (...args: unknown[]) => unknown): vscode.Disposable =>
    vscode.commands.registerCommand(id, run);
  const editButton = (name: string): void => {
    if (repository.get(name))
      void vscode.commands.executeCommand("routerosMqtt.editBroker", services.tree.brokerNode(name));
  };

  const addBroker = async (arg?: unknown): Promise<string | undefined> => {
    // `{ prefill: { name } }` (the script runner's "Add Broker" for a missing name) only starts the form with that name.
    const prefill = (arg as { prefill?: { name?: unknown } } | undefined)?.prefill;
    const name = typeof prefill?.name === "string" ? prefill.name : undefined;
    if (
      arg !== undefined &&
      !isIssued(arg) &&
      (name === undefined || Object.keys(arg as object).length !== 1)
    ) {
      refusePlainArguments(services, vscode.l10n.t("Add Broker"));
      return undefined;
    }
    const draft = await runBrokerForm(repository, undefined, name === undefined ? undefined : { name });
    if (!draft) return undefined;
    try {
      await repository.add(draft.profile, draft.scope, {
        password: draft.password,
        passphrase: draft.passphrase,
      });
    } catch (error) {
      showError(services, vscode.l10n.t("Could not add the broker: "), error);
      return undefined;
    }
    void showInformationMessage(
      vscode.l10n.t('Added broker "{0}" ({1}).', draft.profile.name, describeEndpoint(draft.profile)),
      vscode.l10n.t("Connect"),
      vscode.l10n.t("Test Connection"),
    ).then((choice) => {
      if (choice === vscode.l10n.t("Connect"))
        void vscode.commands.executeCommand("routerosMqtt.connect", draft.profile.name);
      if (choice === vscode.l10n.t("Test Connection"))
        void vscode.commands.executeCommand("routerosMqtt.testConnection", draft.profile.name);
    });
    return draft.profile.name;
  };

  const editBroker = async (arg?: unknown): Promise<string | undefined> => {
    const name = await viewBroker(services, arg, vscode.l10n.t("Edit which broker?"));
    if (name === undefined) return undefined;
    const entry = repository.get(name);
    if (!entry?.profile) {
      await openSettingsJson(entry?.scope ?? "user");
      return undefined;
    }
    const edit = await runBrokerEdit(repository, entry, entry.profile);
    if (!edit) return undefined;
    try {
      await applyBrokerEdit(services, name, edit);
    } catch (error) {
      showError(services, vscode.l10n.t('Could not save broker "{0}": ', name), error);
      return undefined;
    }
    return edit.profile.name;
  };

  const duplicateBroker = async (arg?: unknown): Promise<string | undefined> => {
    const name = await viewBroker(services, arg, vscode.l10n.t("Duplicate which broker?"));
    if (name === undefined) return undefined;
    const newName = await askText({
      title: vscode.l10n.t('Duplicate Broker "{0}"', name),
      prompt: vscode.l10n.t("Name of the copy (its password is copied too)"),
      value: freeName(services, `${name}-copy`),
      validate: (v) =>
        validateBrokerField("name", v) ??
        (repository.get(v) ? `a broker named "${v}" already exists` : undefined),
    });
    if (newName === undefined || newName === BACK) return undefined;
    await repository.duplicate(name, newName);
    return newName;
  };

  const removeBroker = async (arg?: unknown): Promise<boolean> => {
    const name = await viewBroker(services, arg, vscode.l10n.t("Remove which broker?"));
    if (name === undefined) return false;
    const choice = await askModalWarning(
      vscode.l10n.t('Remove broker "{0}"?', name),
      vscode.l10n.t("Its settings entry is deleted and its password is removed from the keychain."),
      vscode.l10n.t("Remove"),
    );
    if (choice !== vscode.l10n.t("Remove")) return false;
    await deleteBroker(services, name);
    return true;
  };

  const connect = async (arg?: unknown): Promise<CommandResult> => {
    if (!requireTrust(vscode.l10n.t("connecting to a broker")))
      return { ok: false, message: restrictedModeText(vscode.l10n.t("connecting to a broker")) };
    const name = await resolveBroker(services, arg, vscode.l10n.t("Connect which broker?"));
    if (name === undefined) return { ok: false, message: "no broker" };
    const entry = repository.get(name);
    if (!entry?.profile || entry.problems.length > 0) {
      const message = vscode.l10n.t(
        'Broker "{0}" cannot connect until its settings are fixed: {1}',
        name,
        entry?.problems.join("; ") ?? "",
      );
      void showErrorMessage(message, vscode.l10n.t("Edit Broker")).then((c) => {
        if (c === vscode.l10n.t("Edit Broker")) editButton(name);
      });
      return { ok: false, message };
    }
    try {
      await services.gate.reconsider(entry.profile);
      await manager.connect(name);
      warnIfUnverifiedTls(services, entry.profile);
      return { ok: true, message: `connected to "${name}"` };
    } catch (error) {
      const message = errorText(services, error);
      services.log.error(message);
      void showErrorMessage(message, vscode.l10n.t("Show Log"), vscode.l10n.t("Edit Broker")).then((c) => {
        if (c === vscode.l10n.t("Show Log")) services.log.channel.show(true);
        if (c === vscode.l10n.t("Edit Broker")) editButton(name);
      });
      return { ok: false, message };
    }
  };

  const disconnect = async (arg?: unknown): Promise<void> => {
    const name = await resolveBroker(
      services,
      arg,
      vscode.l10n.t("Disconnect which broker?"),
      (n) => manager.state(n).status !== "disconnected",
    );
    if (name !== undefined) await manager.disconnect(name);
  };

  const testConnection = async (arg?: unknown): Promise<CommandResult> => {
    if (!requireTrust(vscode.l10n.t("testing a broker connection")))
      return { ok: false, message: restrictedModeText(vscode.l10n.t("testing a broker connection")) };
    const name = await resolveBroker(services, arg, vscode.l10n.t("Test which broker?"));
    const profile = name === undefined ? undefined : repository.get(name)?.profile;
    if (!name || !profile) return { ok: false, message: "no broker" };
    const result = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t('Testing the connection to "{0}"…', name),
      },
      () => manager.test(profile),
    );
    if (result.ok) {
      const tls = result.tls ? `, ${result.tls.protocol ?? "TLS"} ${result.tls.cipher ?? ""}`.trimEnd() : "";
      const message = vscode.l10n.t(
        'Broker "{0}" accepted the connection in {1} ms (test client id {2}{3}).',
        name,
        Math.round(result.elapsedMs),
        result.clientId,
        tls,
      );
      void showInformationMessage(message);
      warnIfUnverifiedTls(services, profile);
      return { ok: true, message };
    }
    const message = errorText(services, result.error);
    services.log.error(`test of broker "${name}" failed: ${message}`);
    if (result.error.detail) services.log.info(services.manager.redact(result.error.detail));
    void showErrorMessage(
      vscode.l10n.t('Test of broker "{0}" failed: {1}', name, message),
      vscode.l10n.t("Show Details"),
    ).then((c) => {
      if (c === vscode.l10n.t("Show Details")) services.log.channel.show(true);
    });
    return { ok: false, message };
  };

  const setPassword = async (arg?: unknown): Promise<void> => {
    const name = await viewBroker(services, arg, vscode.l10n.t("Set the password of which broker?"));
    const owner = name === undefined ? undefined : repository.ownerOf(name);
    if (!name || !owner) return;
    const password = await askText({
      title: vscode.l10n.t('Password of "{0}"', name),
      password: true,
      prompt: vscode.l10n.t("Kept in the OS keychain; empty removes it"),
    });
    if (password === undefined || password === BACK) return;
    await repository.secrets.set(owner, "password", password);
    void showInformationMessage(
      password ? `Saved the password of "${name}" in the keychain.` : `Removed the password of "${name}".`,
    );
  };

  const copyAsCommand = async (arg: unknown, withPassword: boolean): Promise<string | undefined> => {
    // Without the password nothing secret is copied: a broker name is enough. With it, only the view or a pick.
    const name = withPassword
      ? await viewBroker(services, arg, vscode.l10n.t("Copy which broker with its password?"))
      : await resolveBroker(services, arg, vscode.l10n.t("Copy which broker?"));
    const profile = name === undefined ? undefined : repository.get(name)?.profile;
    if (!name || !profile) return undefined;
    let password: string | undefined;
    if (withPassword) {
      const choice = await askModalWarning(
        vscode.l10n.t('Copy broker "{0}" with its password in plain text?', name),
        vscode.l10n.t("The clipboard can be read by other applications. Paste it only into the router."),
        vscode.l10n.t("Copy with Password"),
      );
      if (choice !== vscode.l10n.t("Copy with Password")) return undefined;
      password = await repository.secrets.getPassword(name);
    }
    const text = brokerAddCommand(profile, password !== undefined ? { password } : {});
    await vscode.env.clipboard.writeText(text);
    setStatusBarMessage(
      "$(check)",
      vscode.l10n.t(
        "Copied /iot mqtt brokers add name={0}…{1}",
        profile.name,
        password !== undefined ? " (with password)" : "",
      ),
      4000,
    );
    return text;
  };

  const copyAllAsExport = async (): Promise<string> => {
    const text = brokersExport(repository.validProfiles());
    await vscode.env.clipboard.writeText(text);
    setStatusBarMessage(
      "$(check)",
      vscode.l10n.t("Copied {0} brokers as a RouterOS export", repository.validProfiles().length),
      4000,
    );
    return text;
  };

  return [
    register("routerosMqtt.addBroker", addBroker),
    register("routerosMqtt.editBroker", editBroker),
    register("routerosMqtt.duplicateBroker", duplicateBroker),
    register("routerosMqtt.removeBroker", removeBroker),
    register("routerosMqtt.connect", connect),
    register("routerosMqtt.disconnect", disconnect),
    register("routerosMqtt.testConnection", testConnection),
    register("routerosMqtt.setPassword", setPassword),
    register("routerosMqtt.copyAsCommand", (arg) => copyAsCommand(arg, false)),
    register("routerosMqtt.copyAsCommandWithPassword", (arg) => copyAsCommand(arg, true)),
    register("routerosMqtt.copyAllAsExport", copyAllAsExport),
    register("routerosMqtt.openBrokerSettings", (arg) => openSettingsJson(entryScope(services, arg))),
  ];
}

function freeName(services: Services, base: string): string {
  let candidate = base;
  for (let i = 2; services.repository.get(candidate); i++) candidate = `${base}-${i}`;
  return candidate;
}

function entryScope(services: Services, arg: unknown): BrokerScope {
  const name = brokerNameOf(arg);
  return (name !== undefined ? services.repository.get(name)?.scope : undefined) ?? "user";
}

async function openSettingsJson(scope: BrokerScope): Promise<void> {
  await vscode.commands.executeCommand(
    scope === "user" ? "workbench.action.openSettingsJson" : "workbench.action.openWorkspaceSettingsFile",
  );
}

// Commands on brokers: add, edit, duplicate, remove, connect, disconnect, test, set password, copy as RouterOS command. Each also takes arguments instead of asking, for scripts and tests.
import * as vscode from "vscode";
import { brokerAddCommand, brokersExport } from "../brokers/brokerCommand";
import { profileToSettings, settingsToProfile } from "../brokers/brokerSettings";
import type { BrokerScope } from "../brokers/secretKeys";
import { validateBrokerField } from "../brokers/profileValidation";
import { describeEndpoint } from "../mqtt";
import { runBrokerEdit, runBrokerForm, type BrokerEdit } from "./brokerForm";
import { askText, BACK } from "./quickInput";
import { brokerNameOf, errorText, resolveBroker, showError, type Services } from "./services";

/** Arguments of `routerosMqtt.addBroker` that skip the form: a settings entry plus secrets and scope. */
export interface AddBrokerArgs {
  broker: Record<string, unknown>;
  scope?: BrokerScope;
  password?: string;
  passphrase?: string;
}

/** Arguments of `routerosMqtt.editBroker` that skip the form: settings keys to change. */
export interface EditBrokerArgs {
  name: string;
  changes?: Record<string, unknown>;
  scope?: BrokerScope;
  password?: string;
  passphrase?: string;
}

export interface CommandResult {
  ok: boolean;
  message: string;
}

export function registerBrokerCommands(services: Services): vscode.Disposable[] {
  const { repository, manager } = services;
  const register = (id: string, run: (...args: unknown[]) => unknown): vscode.Disposable =>
    vscode.commands.registerCommand(id, run);

  const addBroker = async (arg?: unknown): Promise<string | undefined> => {
    if (isAddArgs(arg)) {
      const read = settingsToProfile(arg.broker, "the new broker");
      if (!read.profile || read.problems.length > 0) {
        throw new Error(read.problems.map((p) => p.message).join("; ") || "the broker has no name");
      }
      await repository.add(read.profile, arg.scope ?? "user", {
        password: arg.password,
        passphrase: arg.passphrase,
      });
      return read.profile.name;
    }
    // `{ prefill: { name } }` (the script runner's "Add Broker" for a missing name) starts the form with that name.
    const prefill = (arg as { prefill?: { name?: unknown } } | undefined)?.prefill;
    const name = typeof prefill?.name === "string" ? prefill.name : undefined;
    const draft = await runBrokerForm(repository, undefined, name === undefined ? undefined : { name });
    if (!draft) return undefined;
    try {
      await repository.add(draft.profile, draft.scope, {
        password: draft.password,
        passphrase: draft.passphrase,
      });
    } catch (error) {
      showError(services, "Could not add the broker: ", error);
      return undefined;
    }
    void vscode.window
      .showInformationMessage(
        `Added broker "${draft.profile.name}" (${describeEndpoint(draft.profile)}).`,
        "Connect",
        "Test Connection",
      )
      .then((choice) => {
        if (choice === "Connect")
          void vscode.commands.executeCommand("routerosMqtt.connect", draft.profile.name);
        if (choice === "Test Connection")
          void vscode.commands.executeCommand("routerosMqtt.testConnection", draft.profile.name);
      });
    return draft.profile.name;
  };

  const applyEdit = async (name: string, edit: BrokerEdit): Promise<void> => {
    // A renamed broker is a new connection to the manager: one that was up comes back up under its new name.
    const wasUp = ["connected", "connecting", "reconnecting"].includes(services.manager.state(name).status);
    await repository.update(name, edit.profile, edit.scope);
    const owner = repository.ownerIn(edit.scope, edit.profile.name);
    if (edit.password !== undefined) await repository.secrets.set(owner, "password", edit.password);
    if (edit.passphrase !== undefined) await repository.secrets.set(owner, "passphrase", edit.passphrase);
    if (edit.profile.name !== name) {
      services.hub.forget(name);
      await services.subscriptions.rename(name, edit.profile.name);
      if (wasUp && services.manager.state(edit.profile.name).status === "disconnected") {
        services.manager.connect(edit.profile.name).catch(() => {});
      }
    }
  };

  const editBroker = async (arg?: unknown): Promise<string | undefined> => {
    if (isEditArgs(arg)) {
      const entry = repository.get(arg.name);
      if (!entry?.profile) throw new Error(`no usable broker named "${arg.name}"`);
      const merged = { ...profileToSettings(entry.profile), ...(arg.changes ?? {}) };
      const read = settingsToProfile(merged, `broker "${arg.name}"`);
      if (!read.profile || read.problems.length > 0)
        throw new Error(read.problems.map((p) => p.message).join("; "));
      const edit: BrokerEdit = { profile: read.profile, scope: arg.scope ?? entry.scope };
      if (arg.password !== undefined) edit.password = arg.password;
      if (arg.passphrase !== undefined) edit.passphrase = arg.passphrase;
      await applyEdit(arg.name, edit);
      return read.profile.name;
    }
    const name = await resolveBroker(services, arg, "Edit which broker?");
    if (name === undefined) return undefined;
    const entry = repository.get(name);
    if (!entry?.profile) {
      await openSettingsJson(entry?.scope ?? "user");
      return undefined;
    }
    const edit = await runBrokerEdit(repository, entry, entry.profile);
    if (!edit) return undefined;
    try {
      await applyEdit(name, edit);
    } catch (error) {
      showError(services, `Could not save broker "${name}": `, error);
      return undefined;
    }
    return edit.profile.name;
  };

  const duplicateBroker = async (arg?: unknown): Promise<string | undefined> => {
    const name = await resolveBroker(services, arg, "Duplicate which broker?");
    if (name === undefined) return undefined;
    const given = (arg as { newName?: unknown } | undefined)?.newName;
    const newName =
      typeof given === "string"
        ? given
        : await askText({
            title: `Duplicate Broker "${name}"`,
            prompt: "Name of the copy (its password is copied too)",
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
    const name = await resolveBroker(services, arg, "Remove which broker?");
    if (name === undefined) return false;
    if ((arg as { confirmed?: unknown } | undefined)?.confirmed !== true) {
      const choice = await vscode.window.showWarningMessage(
        `Remove broker "${name}"?`,
        {
          modal: true,
          detail: "Its settings entry is deleted and its password is removed from the keychain.",
        },
        "Remove",
      );
      if (choice !== "Remove") return false;
    }
    await repository.remove(name);
    services.hub.forget(name);
    await services.subscriptions.forget(name);
    return true;
  };

  const connect = async (arg?: unknown): Promise<CommandResult> => {
    const name = await resolveBroker(services, arg, "Connect which broker?");
    if (name === undefined) return { ok: false, message: "no broker" };
    const entry = repository.get(name);
    if (!entry?.profile || entry.problems.length > 0) {
      const message = `Broker "${name}" cannot connect until its settings are fixed: ${entry?.problems.join("; ") ?? ""}`;
      void vscode.window.showErrorMessage(message, "Edit Broker").then((c) => {
        if (c === "Edit Broker") void vscode.commands.executeCommand("routerosMqtt.editBroker", name);
      });
      return { ok: false, message };
    }
    try {
      await manager.connect(name);
      return { ok: true, message: `connected to "${name}"` };
    } catch (error) {
      const message = errorText(services, error);
      services.log.error(message);
      const buttons = ["Show Log", "Edit Broker"];
      void vscode.window.showErrorMessage(message, ...buttons).then((c) => {
        if (c === "Show Log") services.log.channel.show(true);
        if (c === "Edit Broker") void vscode.commands.executeCommand("routerosMqtt.editBroker", name);
      });
      return { ok: false, message };
    }
  };

  const disconnect = async (arg?: unknown): Promise<void> => {
    const name = await resolveBroker(
      services,
      arg,
      "Disconnect which broker?",
      (n) => manager.state(n).status !== "disconnected",
    );
    if (name !== undefined) await manager.disconnect(name);
  };

  const testConnection = async (arg?: unknown): Promise<CommandResult> => {
    const name = await resolveBroker(services, arg, "Test which broker?");
    const profile = name === undefined ? undefined : repository.get(name)?.profile;
    if (!name || !profile) return { ok: false, message: "no broker" };
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Testing the connection to "${name}"…` },
      () => manager.test(profile),
    );
    if (result.ok) {
      const tls = result.tls ? `, ${result.tls.protocol ?? "TLS"} ${result.tls.cipher ?? ""}`.trimEnd() : "";
      const message = `Broker "${name}" accepted the connection in ${Math.round(result.elapsedMs)} ms (test client id ${result.clientId}${tls}).`;
      void vscode.window.showInformationMessage(message);
      return { ok: true, message };
    }
    const message = errorText(services, result.error);
    services.log.error(`test of broker "${name}" failed: ${message}`);
    if (result.error.detail) services.log.info(services.manager.redact(result.error.detail));
    void vscode.window
      .showErrorMessage(`Test of broker "${name}" failed: ${message}`, "Show Details")
      .then((c) => {
        if (c === "Show Details") services.log.channel.show(true);
      });
    return { ok: false, message };
  };

  const setPassword = async (arg?: unknown): Promise<void> => {
    const name = await resolveBroker(services, arg, "Set the password of which broker?");
    const owner = name === undefined ? undefined : repository.ownerOf(name);
    if (!name || !owner) return;
    const given = (arg as { password?: unknown } | undefined)?.password;
    const password =
      typeof given === "string"
        ? given
        : await askText({
            title: `Password of "${name}"`,
            password: true,
            prompt: "Kept in the OS keychain; empty removes it",
          });
    if (password === undefined || password === BACK) return;
    await repository.secrets.set(owner, "password", password);
    void vscode.window.showInformationMessage(
      password ? `Saved the password of "${name}" in the keychain.` : `Removed the password of "${name}".`,
    );
  };

  const copyAsCommand = async (arg?: unknown, withPassword = false): Promise<string | undefined> => {
    const name = await resolveBroker(services, arg, "Copy which broker?");
    const profile = name === undefined ? undefined : repository.get(name)?.profile;
    if (!name || !profile) return undefined;
    let password: string | undefined;
    if (withPassword || (arg as { includePassword?: unknown } | undefined)?.includePassword === true) {
      if ((arg as { confirmed?: unknown } | undefined)?.confirmed !== true) {
        const choice = await vscode.window.showWarningMessage(
          `Copy broker "${name}" with its password in plain text?`,
          {
            modal: true,
            detail: "The clipboard can be read by other applications. Paste it only into the router.",
          },
          "Copy with Password",
        );
        if (choice !== "Copy with Password") return undefined;
      }
      password = await repository.secrets.getPassword(name);
    }
    const text = brokerAddCommand(profile, password !== undefined ? { password } : {});
    await vscode.env.clipboard.writeText(text);
    void vscode.window.setStatusBarMessage(
      `$(check) Copied /iot mqtt brokers add name=${profile.name}…${password !== undefined ? " (with password)" : ""}`,
      4000,
    );
    return text;
  };

  const copyAllAsExport = async (): Promise<string> => {
    const text = brokersExport(repository.validProfiles());
    await vscode.env.clipboard.writeText(text);
    void vscode.window.setStatusBarMessage(
      `$(check) Copied ${repository.validProfiles().length} brokers as a RouterOS export`,
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

function isAddArgs(arg: unknown): arg is AddBrokerArgs {
  return !!arg && typeof arg === "object" && typeof (arg as { broker?: unknown }).broker === "object";
}

function isEditArgs(arg: unknown): arg is EditBrokerArgs {
  if (!arg || typeof arg !== "object" || (arg as { type?: unknown }).type === "broker") return false;
  const value = arg as EditBrokerArgs;
  return (
    typeof value.name === "string" &&
    (value.changes !== undefined ||
      value.password !== undefined ||
      value.scope !== undefined ||
      value.passphrase !== undefined)
  );
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

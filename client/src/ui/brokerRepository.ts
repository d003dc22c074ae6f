// Broker profiles in settings (`routerosMqtt.brokers`, user or workspace scope) with their secrets in SecretStorage: reads, merges and validates both scopes, and writes changes back, moving secrets along.
import * as vscode from "vscode";
import {
  profileToSettings,
  settingsToProfile,
  type BrokerSettingsEntry,
  type PlaintextSecrets,
} from "../brokers/brokerSettings";
import { workspaceIdOf, type BrokerScope, type SecretOwner } from "../brokers/secretKeys";
import type { BrokerProfile } from "../mqtt";
import { BrokerSecrets } from "./brokerSecrets";
import { showInformationMessage } from "./notify";

export const CONFIG_SECTION = "routerosMqtt";
export const BROKERS_KEY = "brokers";

/** One broker of the merged list. */
export interface BrokerEntry {
  /** The name as written (may be empty for a broken entry). */
  readonly name: string;
  readonly scope: BrokerScope;
  /** Position in its scope's array. */
  readonly index: number;
  /** Undefined when the entry has no usable name. */
  readonly profile: BrokerProfile | undefined;
  /** Problems that keep it from connecting; empty for a valid broker. */
  readonly problems: readonly string[];
  /** A workspace broker of the same name hides this user broker. */
  readonly hidden: boolean;
  readonly raw: unknown;
}

const SCOPE_LABEL: Record<BrokerScope, string> = { user: "user settings", workspace: "workspace settings" };

export class BrokerRepository implements vscode.Disposable {
  private list: BrokerEntry[] = [];
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];
  private migrating = false;

  /** Fires after the list changed (settings edited here or by hand). */
  readonly onDidChange = this.changeEmitter.event;
  readonly secrets: BrokerSecrets;

  constructor(
    storage: vscode.SecretStorage,
    private readonly log: (message: string) => void,
  ) {
    this.secrets = new BrokerSecrets(storage, (name) => this.ownerOf(name));
    this.reload();
    this.disposables.push(
      this.changeEmitter,
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${CONFIG_SECTION}.${BROKERS_KEY}`)) this.reloadAndNotify();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.reloadAndNotify()),
    );
  }

  /** Every entry of both scopes, user first; a workspace broker hides a user broker of the same name. */
  entries(): readonly BrokerEntry[] {
    return this.list;
  }

  get(name: string): BrokerEntry | undefined {
    return this.list.find((e) => e.name === name && !isHidden(e));
  }

  /** Profiles that may connect: valid, uniquely named, not hidden. */
  validProfiles(): BrokerProfile[] {
    return this.list.flatMap((e) => (e.profile && e.problems.length === 0 ? [e.profile] : []));
  }

  /** Names the language server offers for `broker=`: every usable name. */
  names(): string[] {
    return [...new Set(this.list.filter((e) => e.profile && !isHidden(e)).map((e) => e.name))];
  }

  /** Whether a workspace is open, so brokers can be saved in workspace settings. */
  hasWorkspace(): boolean {
    return workspaceId() !== undefined;
  }

  ownerOf(name: string): SecretOwner | undefined {
    const entry = this.get(name);
    return entry ? ownerFor(entry.scope, name) : undefined;
  }

  /** The secret owner a broker would have in a scope. */
  ownerIn(scope: BrokerScope, name: string): SecretOwner {
    return ownerFor(scope, name);
  }

  /** Adds a broker (the name must be free) and stores its secrets. */
  async add(
    profile: BrokerProfile,
    scope: BrokerScope,
    secrets: { password?: string | undefined; passphrase?: string | undefined } = {},
  ): Promise<void> {
    if (this.get(profile.name)) throw new Error(`a broker named "${profile.name}" already exists`);
    if (scope === "workspace" && !this.hasWorkspace()) {
      throw new Error("no workspace is open: save the broker in user settings");
    }
    const owner = ownerFor(scope, profile.name);
    if (secrets.password !== undefined) await this.secrets.set(owner, "password", secrets.password);
    if (secrets.passphrase !== undefined) await this.secrets.set(owner, "passphrase", secrets.passphrase);
    const list = this.scopeArray(scope);
    list.push(profileToSettings(profile));
    await this.write(scope, list);
  }

  /** Replaces the broker `name` with `profile` in its scope (or moves it to `scope`); secrets follow a rename or move. */
  async update(name: string, profile: BrokerProfile, scope?: BrokerScope): Promise<void> {
    const entry = this.get(name);
    if (!entry) throw new Error(`no broker named "${name}"`);
    const target = scope ?? entry.scope;
    if (profile.name !== name && this.get(profile.name)) {
      throw new Error(`a broker named "${profile.name}" already exists`);
    }
    const previous = isObject(entry.raw) ? entry.raw : {};
    const written = profileToSettings(profile, previous);
    const oldOwner = ownerFor(entry.scope, name);
    const newOwner = ownerFor(target, profile.name);
    // Copy first, so the broker never exists without its secrets; delete the old keys once settings are written.
    await this.secrets.transfer(oldOwner, newOwner, "copy");
    if (target === entry.scope) {
      const list = this.scopeArray(entry.scope);
      list[entry.index] = written;
      await this.write(entry.scope, list);
    } else {
      const into = this.scopeArray(target);
      into.push(written);
      await this.write(target, into);
      const from = this.scopeArray(entry.scope);
      from.splice(entry.index, 1);
      await this.write(entry.scope, from);
    }
    if (secretKeyChanged(oldOwner, newOwner)) await this.secrets.deleteAll(oldOwner);
  }

  /** Adds a copy of a broker under a new name, with copies of its secrets. */
  async duplicate(name: string, newName: string): Promise<void> {
    const entry = this.get(name);
    if (!entry?.profile) throw new Error(`no usable broker named "${name}"`);
    if (this.get(newName)) throw new Error(`a broker named "${newName}" already exists`);
    await this.secrets.transfer(ownerFor(entry.scope, name), ownerFor(entry.scope, newName), "copy");
    const list = this.scopeArray(entry.scope);
    const previous = isObject(entry.raw) ? entry.raw : {};
    list.splice(entry.index + 1, 0, profileToSettings({ ...entry.profile, name: newName }, previous));
    await this.write(entry.scope, list);
  }

  /** Removes a broker from its settings and deletes its secrets. */
  async remove(name: string): Promise<void> {
    const entry = this.get(name) ?? this.list.find((e) => e.name === name);
    if (!entry) throw new Error(`no broker named "${name}"`);
    const list = this.scopeArray(entry.scope);
    list.splice(entry.index, 1);
    await this.write(entry.scope, list);
    if (!this.list.some((e) => e.name === name && e.scope === entry.scope)) {
      await this.secrets.deleteAll(ownerFor(entry.scope, name));
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private reloadAndNotify(): void {
    this.reload();
    this.changeEmitter.fire();
  }

  private reload(): void {
    const inspected = vscode.workspace.getConfiguration(CONFIG_SECTION).inspect<unknown>(BROKERS_KEY);
    const entries: BrokerEntry[] = [];
    const toMigrate: Array<{ scope: BrokerScope; index: number; name: string; secrets: PlaintextSecrets }> =
      [];
    const scopes: Array<[BrokerScope, unknown]> = [
      ["user", inspected?.globalValue],
      ["workspace", inspected?.workspaceValue],
    ];
    for (const [scope, value] of scopes) {
      if (value === undefined) continue;
      if (!Array.isArray(value)) {
        this.log(`routerosMqtt.brokers in ${SCOPE_LABEL[scope]} is not a list; it is ignored`);
        continue;
      }
      const seen = new Set<string>();
      value.forEach((raw, index) => {
        const read = settingsToProfile(raw, `${SCOPE_LABEL[scope]}, broker ${index + 1}`);
        const name = read.profile?.name ?? (isObject(raw) && typeof raw.name === "string" ? raw.name : "");
        const problems = read.problems.map((p) => p.message);
        if (read.profile && seen.has(name)) {
          problems.push(`${SCOPE_LABEL[scope]}: another broker above is also named "${name}"`);
        }
        seen.add(name);
        if (read.plaintextSecrets.password !== undefined || read.plaintextSecrets.passphrase !== undefined) {
          if (read.profile) toMigrate.push({ scope, index, name, secrets: read.plaintextSecrets });
        }
        entries.push({ name, scope, index, profile: read.profile, problems, hidden: false, raw });
      });
    }
    const workspaceNames = new Set(
      entries.filter((e) => e.scope === "workspace" && e.profile).map((e) => e.name),
    );
    this.list = entries.map((e) =>
      e.scope === "user" && e.profile && workspaceNames.has(e.name)
        ? {
            ...e,
            hidden: true,
            problems: [...e.problems, `hidden by the workspace broker named "${e.name}"`],
          }
        : e,
    );
    if (toMigrate.length > 0 && !this.migrating) void this.migratePlaintextSecrets(toMigrate);
  }

  /** Secrets typed into settings.json go to SecretStorage and leave the settings file. */
  private async migratePlaintextSecrets(
    items: Array<{ scope: BrokerScope; index: number; name: string; secrets: PlaintextSecrets }>,
  ): Promise<void> {
    this.migrating = true;
    try {
      for (const scope of ["user", "workspace"] as const) {
        const mine = items.filter((i) => i.scope === scope);
        if (mine.length === 0) continue;
        const list = this.scopeArray(scope);
        for (const item of mine) {
          const owner = ownerFor(scope, item.name);
          if (item.secrets.password !== undefined)
            await this.secrets.set(owner, "password", item.secrets.password);
          if (item.secrets.passphrase !== undefined) {
            await this.secrets.set(owner, "passphrase", item.secrets.passphrase);
          }
          const entry = list[item.index];
          if (isObject(entry)) {
            delete entry.password;
            delete entry.passphrase;
          }
          this.log(`moved the secrets of broker "${item.name}" from ${SCOPE_LABEL[scope]} to the keychain`);
        }
        await this.write(scope, list);
      }
      void showInformationMessage(
        vscode.l10n.t(
          "RouterOS MQTT moved {0} found in settings.json to the keychain (SecretStorage).",
          items.length === 1 ? "a password" : "passwords",
        ),
      );
    } catch (error) {
      this.log(
        `could not move secrets out of settings: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      this.migrating = false;
    }
  }

  /** A fresh copy of one scope's raw array. */
  private scopeArray(scope: BrokerScope): unknown[] {
    const inspected = vscode.workspace.getConfiguration(CONFIG_SECTION).inspect<unknown>(BROKERS_KEY);
    const value = scope === "user" ? inspected?.globalValue : inspected?.workspaceValue;
    return Array.isArray(value) ? (JSON.parse(JSON.stringify(value)) as unknown[]) : [];
  }

  private async write(scope: BrokerScope, list: unknown[]): Promise<void> {
    if (scope === "workspace" && !this.hasWorkspace()) {
      throw new Error("no workspace is open: save the broker in user settings");
    }
    const target =
      scope === "user" ? vscode.ConfigurationTarget.Global : vscode.ConfigurationTarget.Workspace;
    await vscode.workspace.getConfiguration(CONFIG_SECTION).update(BROKERS_KEY, list, target);
    this.reloadAndNotify();
  }
}

function isHidden(entry: BrokerEntry): boolean {
  return entry.hidden;
}

function secretKeyChanged(a: SecretOwner, b: SecretOwner): boolean {
  return a.scope !== b.scope || a.name !== b.name || a.workspaceId !== b.workspaceId;
}

function isObject(value: unknown): value is BrokerSettingsEntry {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function workspaceId(): string | undefined {
  const uri = vscode.workspace.workspaceFile ?? vscode.workspace.workspaceFolders?.[0]?.uri;
  return uri ? workspaceIdOf(uri.toString()) : undefined;
}

function ownerFor(scope: BrokerScope, name: string): SecretOwner {
  if (scope === "user") return { scope, name };
  const id = workspaceId();
  return id === undefined ? { scope: "user", name } : { scope, name, workspaceId: id };
}

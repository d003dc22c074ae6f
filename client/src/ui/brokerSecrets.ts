// Broker passwords and key passphrases in VS Code's SecretStorage (the OS keychain): the connection manager's SecretProvider, plus set, move, copy and delete by owner.
import type * as vscode from "vscode";
import { secretKey, secretTransfers, type SecretKind, type SecretOwner } from "../brokers/secretKeys";
import type { SecretProvider } from "../mqtt";

export class BrokerSecrets implements SecretProvider {
  /**
   * @param ownerOf finds the owner (scope, workspace) of a broker by name; secrets of unknown brokers are undefined.
   */
  constructor(
    private readonly storage: vscode.SecretStorage,
    private readonly ownerOf: (name: string) => SecretOwner | undefined,
  ) {}

  getPassword(name: string): Promise<string | undefined> {
    return this.read(name, "password");
  }

  getPassphrase(name: string): Promise<string | undefined> {
    return this.read(name, "passphrase");
  }

  async get(owner: SecretOwner, kind: SecretKind): Promise<string | undefined> {
    return (await this.storage.get(secretKey(owner, kind))) || undefined;
  }

  /** Stores a secret; an empty or undefined value deletes it. */
  async set(owner: SecretOwner, kind: SecretKind, value: string | undefined): Promise<void> {
    const key = secretKey(owner, kind);
    if (value === undefined || value === "") await this.storage.delete(key);
    else await this.storage.store(key, value);
  }

  async has(owner: SecretOwner, kind: SecretKind): Promise<boolean> {
    return (await this.get(owner, kind)) !== undefined;
  }

  /** Carries both secrets to a new owner: `move` for a rename or scope change, `copy` for a duplicate. */
  async transfer(from: SecretOwner, to: SecretOwner, mode: "move" | "copy"): Promise<void> {
    for (const step of secretTransfers(from, to, mode)) {
      const value = await this.storage.get(step.from);
      if (value) await this.storage.store(step.to, value);
      else await this.storage.delete(step.to);
      if (step.deleteSource) await this.storage.delete(step.from);
    }
  }

  async deleteAll(owner: SecretOwner): Promise<void> {
    await this.set(owner, "password", undefined);
    await this.set(owner, "passphrase", undefined);
  }

  private async read(name: string, kind: SecretKind): Promise<string | undefined> {
    const owner = this.ownerOf(name);
    return owner ? this.get(owner, kind) : undefined;
  }
}

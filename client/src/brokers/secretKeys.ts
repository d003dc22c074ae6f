// Names of the SecretStorage entries that hold a broker's password and key passphrase, and which entries move or copy when a broker is renamed, duplicated or moved between user and workspace settings.
import { createHash } from "node:crypto";

export type SecretKind = "password" | "passphrase";
export const SECRET_KINDS: readonly SecretKind[] = ["password", "passphrase"];

/** Where a broker's settings live: user settings are shared by every window, workspace settings by one workspace. */
export type BrokerScope = "user" | "workspace";

/** The broker a secret belongs to. Workspace brokers are told apart by a workspace id (see {@link workspaceIdOf}). */
export interface SecretOwner {
  readonly scope: BrokerScope;
  readonly name: string;
  /** Required for the workspace scope. */
  readonly workspaceId?: string;
}

const PREFIX = "routerosMqtt.v1";

/**
 * The SecretStorage key of one secret: `routerosMqtt.v1/user/<name>/password` or
 * `routerosMqtt.v1/workspace/<workspace id>/<name>/passphrase`. The name is URI-encoded so that no name can
 * collide with another broker's key (a `/` in a name stays inside its segment).
 */
export function secretKey(owner: SecretOwner, kind: SecretKind): string {
  const name = encodeURIComponent(owner.name);
  if (owner.scope === "user") return `${PREFIX}/user/${name}/${kind}`;
  if (!owner.workspaceId) throw new Error(`the workspace broker "${owner.name}" has no workspace id`);
  return `${PREFIX}/workspace/${encodeURIComponent(owner.workspaceId)}/${name}/${kind}`;
}

/** A short, stable id for a workspace (its .code-workspace file or first folder), for workspace-scoped keys. */
export function workspaceIdOf(workspaceUri: string): string {
  return createHash("sha256").update(workspaceUri).digest("hex").slice(0, 16);
}

/** One SecretStorage operation of a transfer: copy `from` to `to`, then delete `from` when moving. */
export interface SecretTransfer {
  readonly kind: SecretKind;
  readonly from: string;
  readonly to: string;
  readonly deleteSource: boolean;
}

/**
 * The operations that carry a broker's secrets to a new owner: a rename or a move between scopes moves them
 * (the old keys are deleted), a duplicate copies them. Nothing to do when the keys are the same.
 */
export function secretTransfers(from: SecretOwner, to: SecretOwner, mode: "move" | "copy"): SecretTransfer[] {
  const out: SecretTransfer[] = [];
  for (const kind of SECRET_KINDS) {
    const source = secretKey(from, kind);
    const target = secretKey(to, kind);
    if (source === target) continue;
    out.push({ kind, from: source, to: target, deleteSource: mode === "move" });
  }
  return out;
}

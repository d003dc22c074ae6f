// Moves values of renamed settings to their new keys (in every scope where the user set them), at activation and
// whenever an old key is written again: `routerosLanguageServer.trace.server` is now `routerosMqtt.trace.server`.
import * as vscode from "vscode";

/** Old key → new key. The old keys stay contributed (deprecated) so that they can be read and removed. */
export const RENAMED_SETTINGS: Readonly<Record<string, string>> = {
  "routerosLanguageServer.trace.server": "routerosMqtt.trace.server",
};

const SCOPES = [
  ["globalValue", vscode.ConfigurationTarget.Global],
  ["workspaceValue", vscode.ConfigurationTarget.Workspace],
  ["workspaceFolderValue", vscode.ConfigurationTarget.WorkspaceFolder],
] as const;

/** Moves one old key's values; a value already set under the new key in the same scope wins. */
async function migrate(oldKey: string, newKey: string, log: (message: string) => void): Promise<void> {
  const config = vscode.workspace.getConfiguration();
  const old = config.inspect(oldKey);
  const current = config.inspect(newKey);
  if (!old) return;
  for (const [field, target] of SCOPES) {
    const value = old[field];
    if (value === undefined) continue;
    if (target === vscode.ConfigurationTarget.WorkspaceFolder) continue; // window-scoped: never per folder
    if (current?.[field] === undefined) await config.update(newKey, value, target);
    await config.update(oldKey, undefined, target);
    log(`moved the setting ${oldKey} to ${newKey}`);
  }
}

/** Migrates now and on later writes of an old key; failures are logged, never thrown. */
export function migrateRenamedSettings(log: (message: string) => void): vscode.Disposable {
  const run = (keys: readonly string[]): void => {
    for (const oldKey of keys) {
      const newKey = RENAMED_SETTINGS[oldKey];
      if (newKey === undefined) continue;
      migrate(oldKey, newKey, log).catch((error: unknown) =>
        log(
          `could not move the setting ${oldKey}: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
    }
  };
  run(Object.keys(RENAMED_SETTINGS));
  return vscode.workspace.onDidChangeConfiguration((e) =>
    run(Object.keys(RENAMED_SETTINGS).filter((key) => e.affectsConfiguration(key))),
  );
}

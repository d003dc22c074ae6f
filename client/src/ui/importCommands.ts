// Import brokers from a .rsc file, a RouterOS export, the active editor or the clipboard: shows what the parser found and lets the user pick; passwords found go to the keychain.
import { readFile } from "node:fs/promises";
import * as vscode from "vscode";
import { findBrokersInScript, type FoundBroker } from "../brokers/importBrokers";
import type { BrokerScope } from "../brokers/secretKeys";
import { describeEndpoint } from "../mqtt";
import { scopeItems } from "./brokerForm";
import { askPick, BACK } from "./quickInput";
import { showError, type Services } from "./services";

/** Arguments that skip the dialogs: the text, where to save, and optionally which names to take. */
export interface ImportArgs {
  text: string;
  scope?: BrokerScope;
  names?: string[];
  /** Replace brokers that already exist (default false: they are skipped). */
  replace?: boolean;
}

export interface ImportSummary {
  added: string[];
  replaced: string[];
  skipped: string[];
}

export function registerImportCommands(services: Services): vscode.Disposable[] {
  const fromText = async (
    text: string,
    source: string,
    args?: ImportArgs,
  ): Promise<ImportSummary | undefined> => {
    const scan = findBrokersInScript(text);
    const usable = scan.brokers.filter(
      (b): b is FoundBroker & { profile: NonNullable<FoundBroker["profile"]> } => !!b.profile,
    );
    if (usable.length === 0) {
      const why = scan.syntaxErrors > 0 ? ` (the text has ${scan.syntaxErrors} syntax errors)` : "";
      const message = `No "/iot mqtt brokers add" command with a name was found in ${source}${why}.`;
      if (!args) void vscode.window.showWarningMessage(message);
      return args ? { added: [], replaced: [], skipped: [] } : undefined;
    }
    let chosen: typeof usable;
    if (args) {
      chosen = args.names ? usable.filter((b) => args.names?.includes(b.profile.name)) : usable;
    } else {
      const picked = await vscode.window.showQuickPick(
        usable.map((b) => {
          const exists = services.repository.get(b.profile.name) !== undefined;
          const notes = [
            exists ? "$(warning) a broker with this name exists: it will be replaced" : "",
            b.password !== undefined ? "$(key) password included: it goes to the keychain" : "",
            ...b.problems.map((p) => `$(info) ${p}`),
          ].filter((n) => n !== "");
          return {
            label: b.profile.name,
            description: `${describeEndpoint(b.profile)} · line ${b.line + 1}`,
            detail: notes.join("  ") || undefined,
            picked: !exists,
            broker: b,
          };
        }),
        {
          canPickMany: true,
          title: `Import Brokers from ${source}`,
          placeHolder: `${usable.length} broker${usable.length === 1 ? "" : "s"} found${scan.ignored.length ? `; ${scan.ignored.length} other broker commands ignored` : ""}`,
          ignoreFocusOut: true,
        },
      );
      if (!picked || picked.length === 0) return undefined;
      chosen = picked.map((p) => p.broker);
    }
    let scope: BrokerScope = args?.scope ?? "user";
    if (!args && services.repository.hasWorkspace()) {
      const answer = await askPick<BrokerScope>({
        title: "Save the imported brokers in",
        items: scopeItems(),
        active: "workspace",
      });
      if (answer === undefined || answer === BACK) return undefined;
      scope = answer;
    }
    const summary: ImportSummary = { added: [], replaced: [], skipped: [] };
    for (const found of chosen) {
      const name = found.profile.name;
      try {
        const exists = services.repository.get(name) !== undefined;
        if (exists && args && !args.replace) {
          summary.skipped.push(name);
          continue;
        }
        if (exists) {
          await services.repository.update(name, found.profile, scope);
          if (found.password !== undefined) {
            await services.repository.secrets.set(
              services.repository.ownerIn(scope, name),
              "password",
              found.password,
            );
          }
          summary.replaced.push(name);
        } else {
          await services.repository.add(found.profile, scope, { password: found.password });
          summary.added.push(name);
        }
      } catch (error) {
        showError(services, `Could not import broker "${name}": `, error);
        summary.skipped.push(name);
      }
    }
    if (!args) {
      const parts = [
        summary.added.length ? `added ${summary.added.join(", ")}` : "",
        summary.replaced.length ? `replaced ${summary.replaced.join(", ")}` : "",
      ].filter((p) => p !== "");
      void vscode.window.showInformationMessage(`Imported brokers: ${parts.join("; ") || "none"}.`);
    }
    return summary;
  };

  const importFromFile = async (arg?: unknown): Promise<ImportSummary | undefined> => {
    if (isImportArgs(arg)) return fromText(arg.text, "the given text", arg);
    const uri =
      arg instanceof vscode.Uri
        ? arg
        : (
            await vscode.window.showOpenDialog({
              title: "Import Brokers from a RouterOS Script or Export",
              canSelectMany: false,
              filters: { "RouterOS scripts and exports": ["rsc", "txt", "backup.rsc"], "All files": ["*"] },
            })
          )?.[0];
    if (!uri) return undefined;
    let text: string;
    try {
      text =
        uri.scheme === "file"
          ? await readFile(uri.fsPath, "utf8")
          : new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch (error) {
      showError(services, `Could not read ${uri.fsPath}: `, error);
      return undefined;
    }
    return fromText(text, vscode.workspace.asRelativePath(uri));
  };

  const importFromClipboard = async (): Promise<ImportSummary | undefined> =>
    fromText(await vscode.env.clipboard.readText(), "the clipboard");

  const importFromEditor = async (): Promise<ImportSummary | undefined> => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      void vscode.window.showInformationMessage("Open a RouterOS script or export first.");
      return undefined;
    }
    const selection = editor.selection;
    const text = selection.isEmpty ? editor.document.getText() : editor.document.getText(selection);
    return fromText(
      text,
      selection.isEmpty ? vscode.workspace.asRelativePath(editor.document.uri) : "the selection",
    );
  };

  return [
    vscode.commands.registerCommand("routerosMqtt.importFromFile", importFromFile),
    vscode.commands.registerCommand("routerosMqtt.importFromClipboard", importFromClipboard),
    vscode.commands.registerCommand("routerosMqtt.importFromEditor", importFromEditor),
  ];
}

function isImportArgs(arg: unknown): arg is ImportArgs {
  return !!arg && typeof arg === "object" && typeof (arg as { text?: unknown }).text === "string";
}

// Import brokers from a .rsc file, a RouterOS export, the active editor or the clipboard: shows what the parser found and lets the user pick (always: no command argument skips the dialogs); passwords found go to the keychain.
import { readFile } from "node:fs/promises";
import * as vscode from "vscode";
import { findBrokersInScript, type FoundBroker } from "../brokers/importBrokers";
import type { BrokerScope } from "../brokers/secretKeys";
import { describeEndpoint } from "../mqtt";
import { scopeItems } from "./brokerForm";
import { showInformationMessage, showWarningMessage } from "./notify";
import { askPick, BACK } from "./quickInput";
import { labelText } from "./safeText";
import { refusePlainArguments } from "./brokerCommands";
import { showError, type Services } from "./services";
import { requireTrust } from "./workspaceTrust";

export interface ImportSummary {
  added: string[];
  replaced: string[];
  skipped: string[];
}

type UsableBroker = FoundBroker & { profile: NonNullable<FoundBroker["profile"]> };

/** The `/iot mqtt brokers add` commands of a text that name a broker. */
export function importableBrokers(text: string): {
  usable: UsableBroker[];
  syntaxErrors: number;
  ignored: number;
} {
  const scan = findBrokersInScript(text);
  return {
    usable: scan.brokers.filter((b): b is UsableBroker => !!b.profile),
    syntaxErrors: scan.syntaxErrors,
    ignored: scan.ignored.length,
  };
}

/**
 * Saves found brokers in `scope`: new ones are added; existing ones are replaced when `replace` holds for them,
 * else skipped. Passwords found go to the keychain.
 */
export async function saveImportedBrokers(
  services: Services,
  chosen: readonly UsableBroker[],
  scope: BrokerScope,
  replace: (name: string) => boolean,
): Promise<ImportSummary> {
  const summary: ImportSummary = { added: [], replaced: [], skipped: [] };
  for (const found of chosen) {
    const name = found.profile.name;
    try {
      const exists = services.repository.get(name) !== undefined;
      if (exists && !replace(name)) {
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
      showError(services, vscode.l10n.t('Could not import broker "{0}": ', name), error);
      summary.skipped.push(name);
    }
  }
  return summary;
}

export function registerImportCommands(services: Services): vscode.Disposable[] {
  /** Shows what a text holds, lets the user pick and choose where to save; every step asks. */
  const fromText = async (text: string, source: string): Promise<ImportSummary | undefined> => {
    if (!requireTrust(vscode.l10n.t("importing brokers"))) return undefined;
    const scan = importableBrokers(text);
    if (scan.usable.length === 0) {
      const why = scan.syntaxErrors > 0 ? ` (the text has ${scan.syntaxErrors} syntax errors)` : "";
      void showWarningMessage(
        vscode.l10n.t('No "/iot mqtt brokers add" command with a name was found in {0}{1}.', source, why),
      );
      return undefined;
    }
    const picked = await vscode.window.showQuickPick(
      scan.usable.map((b) => {
        const exists = services.repository.get(b.profile.name) !== undefined;
        const notes = [
          exists ? "$(warning) a broker with this name exists: it will be replaced" : "",
          b.password !== undefined ? "$(key) password included: it goes to the keychain" : "",
          ...b.problems.map((p) => `$(info) ${labelText(p)}`),
        ].filter((n) => n !== "");
        return {
          label: labelText(b.profile.name),
          description: vscode.l10n.t("{0} · line {1}", labelText(describeEndpoint(b.profile)), b.line + 1),
          detail: notes.join("  ") || undefined,
          picked: !exists,
          broker: b,
        };
      }),
      {
        canPickMany: true,
        title: vscode.l10n.t("Import Brokers from {0}", source),
        placeHolder: vscode.l10n.t(
          "{0} broker{1} found{2}",
          scan.usable.length,
          scan.usable.length === 1 ? "" : "s",
          scan.ignored ? `; ${scan.ignored} other broker commands ignored` : "",
        ),
        ignoreFocusOut: true,
      },
    );
    if (!picked || picked.length === 0) return undefined;
    let scope: BrokerScope = "user";
    if (services.repository.hasWorkspace()) {
      const answer = await askPick<BrokerScope>({
        title: vscode.l10n.t("Save the imported brokers in"),
        items: scopeItems(),
        active: "workspace",
      });
      if (answer === undefined || answer === BACK) return undefined;
      scope = answer;
    }
    const summary = await saveImportedBrokers(
      services,
      picked.map((p) => p.broker),
      scope,
      () => true,
    );
    const parts = [
      summary.added.length ? vscode.l10n.t("added {0}", summary.added.join(", ")) : "",
      summary.replaced.length ? vscode.l10n.t("replaced {0}", summary.replaced.join(", ")) : "",
    ].filter((p) => p !== "");
    void showInformationMessage(vscode.l10n.t("Imported brokers: {0}.", parts.join("; ") || "none"));
    return summary;
  };

  /** A file the user picks (command arguments are ignored: a command link must not choose what is read). */
  const importFromFile = async (arg?: unknown): Promise<ImportSummary | undefined> => {
    if (arg !== undefined) {
      refusePlainArguments(services, vscode.l10n.t("Import Brokers from File"));
      return undefined;
    }
    if (!requireTrust(vscode.l10n.t("importing brokers"))) return undefined;
    const uri = (
      await vscode.window.showOpenDialog({
        title: vscode.l10n.t("Import Brokers from a RouterOS Script or Export"),
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
      showError(services, vscode.l10n.t("Could not read {0}: ", uri.fsPath), error);
      return undefined;
    }
    return fromText(text, vscode.workspace.asRelativePath(uri));
  };

  const importFromClipboard = async (): Promise<ImportSummary | undefined> =>
    fromText(await vscode.env.clipboard.readText(), vscode.l10n.t("the clipboard"));

  const importFromEditor = async (): Promise<ImportSummary | undefined> => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      void showInformationMessage(vscode.l10n.t("Open a RouterOS script or export first."));
      return undefined;
    }
    const selection = editor.selection;
    const text = selection.isEmpty ? editor.document.getText() : editor.document.getText(selection);
    return fromText(
      text,
      selection.isEmpty
        ? vscode.workspace.asRelativePath(editor.document.uri)
        : vscode.l10n.t("the selection"),
    );
  };

  return [
    vscode.commands.registerCommand("routerosMqtt.importFromFile", importFromFile),
    vscode.commands.registerCommand("routerosMqtt.importFromClipboard", importFromClipboard),
    vscode.commands.registerCommand("routerosMqtt.importFromEditor", importFromEditor),
  ];
}

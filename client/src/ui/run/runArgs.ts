// What a Run Script command is asked for (vscode side): its arguments, the document it runs, and the run settings (arguments win over settings).
import { basename } from "node:path";
import * as vscode from "vscode";
import { showInformationMessage } from "../notify";

/** What to do with a broker name neither the brokers view nor the script knows. */
export type UnknownBrokerChoice = "ask" | "local" | "fail";

/** Arguments of `routerosMqtt.runScript` (all optional; the editor title passes a Uri instead). */
export interface RunScriptArgs {
  /** The script (default: the active editor's). */
  uri?: vscode.Uri | string;
  /** ask (default): an error offering to add the broker or to run on the local broker; local: use the local embedded broker for them; fail: just the error. */
  unknownBrokers?: UnknownBrokerChoice;
  /** Overrides `routerosMqtt.run.timeoutSeconds`. */
  timeoutSeconds?: number;
  /** Overrides `routerosMqtt.run.deviceProfile`. */
  deviceProfile?: string;
}

const DEFAULT_TIMEOUT_SECONDS = 60;

export function argsOf(arg: unknown): RunScriptArgs {
  if (arg instanceof vscode.Uri) return { uri: arg };
  if (typeof arg === "string") return { uri: arg };
  return arg && typeof arg === "object" ? arg : {};
}

export function isRouterOs(document: vscode.TextDocument): boolean {
  return document.languageId === "routeros" || document.uri.path.toLowerCase().endsWith(".rsc");
}

/** The name a document runs under: its file name, or the untitled editor's title. */
export function scriptName(document: vscode.TextDocument): string {
  return document.isUntitled ? basename(document.uri.path) : basename(document.fileName);
}

/** The document a run is asked for (the active editor's by default); undefined, with a word to the user, when it is not a RouterOS script. */
export async function documentOf(args: RunScriptArgs): Promise<vscode.TextDocument | undefined> {
  const given = args.uri;
  let document: vscode.TextDocument | undefined;
  if (given !== undefined) {
    const uri = typeof given === "string" ? vscode.Uri.parse(given) : given;
    document =
      vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) ??
      (await vscode.workspace.openTextDocument(uri));
  } else {
    document = vscode.window.activeTextEditor?.document;
  }
  if (!document || !isRouterOs(document)) {
    void showInformationMessage(vscode.l10n.t("Open a RouterOS script (.rsc) to run it."));
    return undefined;
  }
  return document;
}

/** The run's time limit and device profile setting (arguments win over settings); bad values are logged. */
export function runSettings(
  document: vscode.TextDocument,
  args: RunScriptArgs,
  warn: (message: string) => void,
): { timeout: number; profile: string } {
  const config = vscode.workspace.getConfiguration("routerosMqtt.run", document.uri);
  const given = args.timeoutSeconds ?? config.get<unknown>("timeoutSeconds", DEFAULT_TIMEOUT_SECONDS);
  let timeout = DEFAULT_TIMEOUT_SECONDS;
  if (typeof given === "number" && Number.isFinite(given) && given >= 0) timeout = given;
  else
    warn(
      `routerosMqtt.run.timeoutSeconds must be a number of seconds (0: until stopped), got ${JSON.stringify(given)}; using ${DEFAULT_TIMEOUT_SECONDS}`,
    );
  const profile = args.deviceProfile ?? config.get<unknown>("deviceProfile", "");
  return { timeout, profile: typeof profile === "string" ? profile : "" };
}

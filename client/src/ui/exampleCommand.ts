// "Open the Telemetry Example": MikroTik's system-telemetry script (shipped in examples/) in a new untitled editor,
// its broker set to one the user has (the local broker when it runs), ready for Run Script.
import * as vscode from "vscode";
import { escapeRouterOsString } from "../brokers/routerosQuote";
import type { Services } from "./services";

const EXAMPLE_NAME = "system-telemetry.rsc";
const EXAMPLE = `examples/${EXAMPLE_NAME}`;
/** The example's configuration line naming its broker. */
const BROKER_LINE = /^:local broker "[^"\r\n]*"$/m;

/** The broker the example should publish to: the running local broker, else a connected one, else the first. */
function chosenBroker(services: Services): string | undefined {
  const local = services.localBroker.profileName();
  if (local !== undefined) return local;
  const names = services.repository.names();
  return names.find((n) => services.manager.state(n).status === "connected") ?? names[0];
}

/** The example's text with its broker line pointing at `broker` (unchanged when there is none). */
export function exampleText(text: string, broker: string | undefined): string {
  if (broker === undefined) return text;
  return text.replace(BROKER_LINE, () => `:local broker "${escapeRouterOsString(broker)}"`);
}

export function registerExampleCommand(services: Services): vscode.Disposable {
  return vscode.commands.registerCommand("routerosMqtt.openExample", async () => {
    // An untitled editor named like the example: the tab and the run read "system-telemetry.rsc".
    const target = vscode.Uri.from({ scheme: "untitled", path: EXAMPLE_NAME });
    const document = await vscode.workspace.openTextDocument(target);
    if (document.getText() === "") {
      const bytes = await vscode.workspace.fs.readFile(
        vscode.Uri.joinPath(services.context.extensionUri, EXAMPLE),
      );
      const edit = new vscode.WorkspaceEdit();
      edit.insert(
        target,
        new vscode.Position(0, 0),
        exampleText(new TextDecoder().decode(bytes), chosenBroker(services)),
      );
      await vscode.workspace.applyEdit(edit);
    }
    if (document.languageId !== "routeros")
      await vscode.languages.setTextDocumentLanguage(document, "routeros");
    // From the walkthrough (no text editor active) it opens beside it, so both stay in sight.
    const beside = vscode.window.activeTextEditor === undefined;
    await vscode.window.showTextDocument(
      document,
      beside ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active,
    );
    return document.uri.toString();
  });
}

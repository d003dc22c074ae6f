// "Open the Telemetry Example": MikroTik's system-telemetry script (shipped in examples/) in a new untitled editor,
// its broker set to one the user has (the local broker when it runs), ready for Run Script.
import * as vscode from "vscode";
import { escapeRouterOsString } from "../brokers/routerosQuote";
import type { Services } from "./services";

const EXAMPLE = "examples/system-telemetry.rsc";
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
    const uri = vscode.Uri.joinPath(services.context.extensionUri, EXAMPLE);
    const bytes = await vscode.workspace.fs.readFile(uri);
    const content = exampleText(new TextDecoder().decode(bytes), chosenBroker(services));
    const document = await vscode.workspace.openTextDocument({ language: "routeros", content });
    // From the walkthrough (no text editor active) it opens beside it, so both stay in sight.
    const beside = vscode.window.activeTextEditor === undefined;
    await vscode.window.showTextDocument(
      document,
      beside ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active,
    );
    return document.uri.toString();
  });
}

// Extension-host tests of the first-minutes features: snippets in completion, the telemetry example opened for
// the walkthrough, and the renamed trace setting moved to its new key.
import assert from "node:assert/strict";
import * as vscode from "vscode";
import { ourExtension, waitFor } from "./helpers";

const OLD_TRACE = "routerosLanguageServer.trace.server";
const NEW_TRACE = "routerosMqtt.trace.server";

suite("first minutes", () => {
  suiteSetup(async () => {
    await ourExtension().activate();
  });

  teardown(async () => {
    await vscode.commands.executeCommand("workbench.action.closeAllEditors");
  });

  test("snippets: completion offers the /iot mqtt snippets in a RouterOS file", async () => {
    const document = await vscode.workspace.openTextDocument({ language: "routeros", content: "mqtt-" });
    await vscode.window.showTextDocument(document);
    const list = await waitFor(
      async () => {
        const result = await vscode.commands.executeCommand<vscode.CompletionList>(
          "vscode.executeCompletionItemProvider",
          document.uri,
          new vscode.Position(0, 5),
        );
        const snippets = result.items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet);
        return snippets.length > 0 && snippets;
      },
      { what: "snippet completions" },
    );
    const labels = list.map((i) => (typeof i.label === "string" ? i.label : i.label.label));
    for (const prefix of ["mqtt-broker", "mqtt-publish-json", "mqtt-on-message", "mqtt-scheduler"])
      assert.ok(labels.includes(prefix), `${prefix} in ${labels.join(", ")}`);
  });

  test("Open the Telemetry Example: MikroTik's script in an untitled RouterOS editor, broker set to one of ours", async () => {
    const uri = await vscode.commands.executeCommand<string>("routerosMqtt.openExample");
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
    assert.ok(document, "the example is open");
    assert.equal(document.languageId, "routeros");
    assert.ok(document.isUntitled);
    assert.match(document.getText(), /\/iot mqtt publish broker=\$broker topic=\$topic message=\$message/);
    assert.match(document.getText(), /^:local broker "[^"]+"$/m);
    assert.equal(vscode.window.activeTextEditor?.document, document);
  });

  test("a value of the old trace setting moves to routerosMqtt.trace.server", async () => {
    const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration();
    try {
      await config().update(OLD_TRACE, "messages", vscode.ConfigurationTarget.Global);
      await waitFor(
        () =>
          config().inspect(NEW_TRACE)?.globalValue === "messages" &&
          config().inspect(OLD_TRACE)?.globalValue === undefined,
        { what: `${OLD_TRACE} moved to ${NEW_TRACE}` },
      );
    } finally {
      await config().update(NEW_TRACE, undefined, vscode.ConfigurationTarget.Global);
      await config().update(OLD_TRACE, undefined, vscode.ConfigurationTarget.Global);
    }
  });
});

// CodeLens at the top of a RouterOS script: "▶ Run script", or "■ Stop script" while that script runs.
import * as vscode from "vscode";
import type { ScriptRunController } from "./scriptRunController";

export class RunCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[];
  readonly onDidChangeCodeLenses = this.changeEmitter.event;

  constructor(private readonly runs: ScriptRunController) {
    this.subscriptions = [
      this.changeEmitter,
      runs.onDidChange(() => this.changeEmitter.fire()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration("routerosMqtt.run.codeLens")) this.changeEmitter.fire();
      }),
    ];
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!vscode.workspace.getConfiguration("routerosMqtt.run", document.uri).get<boolean>("codeLens", true))
      return [];
    const top = new vscode.Range(0, 0, 0, 0);
    if (this.runs.runningUri()?.toString() === document.uri.toString()) {
      return [
        new vscode.CodeLens(top, {
          title: this.runs.listening()
            ? vscode.l10n.t("■ Stop script (on-message scripts running)")
            : vscode.l10n.t("■ Stop script"),
          command: "routerosMqtt.stopScript",
          tooltip: vscode.l10n.t("Stop the running script and its on-message subscriptions"),
        }),
      ];
    }
    return [
      new vscode.CodeLens(top, {
        title: vscode.l10n.t("▶ Run script"),
        command: "routerosMqtt.runScript",
        arguments: [{ uri: document.uri }],
        tooltip: vscode.l10n.t(
          "Run this script (saved or not) against a simulated router; /iot mqtt reaches the brokers of the brokers view",
        ),
      }),
    ];
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}

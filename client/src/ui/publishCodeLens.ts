// CodeLens "Publish" above each `/iot mqtt publish` line of a RouterOS script: sends its literal values and asks only for what the script computes.
import * as vscode from "vscode";
import { findPublishSites, publishDraft, publishLensTitle } from "../script/publishSites";
import type { PublishArgs } from "./publishCommands";

export class PublishCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  private readonly configSub: vscode.Disposable;
  readonly onDidChangeCodeLenses = this.changeEmitter.event;

  constructor() {
    this.configSub = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration("routerosMqtt.codeLens.publish")) this.changeEmitter.fire();
    });
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!vscode.workspace.getConfiguration("routerosMqtt").get<boolean>("codeLens.publish", true)) return [];
    return findPublishSites(document.getText()).map((site) => {
      const range = new vscode.Range(site.line, 0, site.line, 0);
      if (site.problems.length > 0) {
        return new vscode.CodeLens(range, { title: publishLensTitle(site), command: "" });
      }
      const draft = publishDraft(site);
      const args: PublishArgs = { ask: draft.ask };
      if (draft.broker !== undefined) args.broker = draft.broker;
      if (draft.topic !== undefined) args.topic = draft.topic;
      if (draft.message !== undefined) args.message = draft.message;
      if (draft.qos !== undefined) args.qos = draft.qos;
      if (draft.retain !== undefined) args.retain = draft.retain;
      return new vscode.CodeLens(range, {
        title: publishLensTitle(site),
        command: "routerosMqtt.publish",
        arguments: [args],
        tooltip: vscode.l10n.t("Publish this message now through the editor's connection to the broker"),
      });
    });
  }

  dispose(): void {
    this.configSub.dispose();
    this.changeEmitter.dispose();
  }
}

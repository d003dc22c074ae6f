// The status bar item with the overall broker state (`$(plug) 2/3 brokers`); a click opens the brokers view.
import * as vscode from "vscode";
import { statusBarText } from "../brokers/stateView";
import { describeState, type ConnectionManager } from "../mqtt";
import type { BrokerRepository } from "./brokerRepository";
import { markdown, markdownFormat } from "./safeText";

export class BrokerStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(
    "routerosMqtt.status",
    vscode.StatusBarAlignment.Left,
    10,
  );
  private readonly disposables: vscode.Disposable[] = [this.item];

  constructor(
    private readonly repository: BrokerRepository,
    private readonly manager: ConnectionManager,
  ) {
    this.item.name = "RouterOS MQTT Brokers";
    this.item.command = "routerosMqtt.brokers.focus";
    this.disposables.push(repository.onDidChange(() => this.update()));
    const sub = manager.onStateChange(() => this.update());
    this.disposables.push({ dispose: () => sub.dispose() });
    this.update();
  }

  update(): void {
    const names = this.repository.validProfiles().map((p) => p.name);
    if (names.length === 0) {
      this.item.hide();
      return;
    }
    const states = names.map((n) => this.manager.state(n));
    this.item.text = statusBarText(states);
    const md = new vscode.MarkdownString(undefined, true);
    md.appendMarkdown(markdownFormat(vscode.l10n.t("**RouterOS MQTT brokers**\n\n")));
    for (const name of names)
      md.appendMarkdown(markdown`- ${name}: ${describeState(this.manager.state(name))}\n`);
    this.item.tooltip = md;
    this.item.backgroundColor = states.some((s) => s.status === "error")
      ? new vscode.ThemeColor("statusBarItem.warningBackground")
      : undefined;
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

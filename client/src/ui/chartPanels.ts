// The open topic charts: one panel per broker and topic, fed from the message hub's batches; listens only while a chart is open, and closes a chart whose broker is gone.
import type * as vscode from "vscode";
import type { MessageHub } from "../messages/messageHub";
import type { MessageBatch } from "../mqtt";
import type { BrokerRepository } from "./brokerRepository";
import { ChartPanel, type ChartView } from "./chartPanel";

export interface ChartPanelsDeps {
  hub: MessageHub;
  repository: BrokerRepository;
  /** Fires when the brokers view redraws: after a broker is removed or messages are cleared. */
  onTreeChange: vscode.Event<unknown>;
  mediaRoot: vscode.Uri;
}

const SEP = "\u0000";

export class ChartPanels implements vscode.Disposable {
  private readonly panels = new Map<string, ChartPanel>();
  private listeners: vscode.Disposable[] = [];

  constructor(private readonly deps: ChartPanelsDeps) {}

  /** Reveals the chart of a topic (or of several in one chart), opening it when there is none. */
  show(broker: string, topics: string | readonly string[]): ChartPanel {
    const list = typeof topics === "string" ? [topics] : topics;
    const key = [broker, ...list].join(SEP);
    const open = this.panels.get(key);
    if (open) {
      open.reveal();
      return open;
    }
    const panel = new ChartPanel(broker, list, this.deps.hub, this.deps.mediaRoot, () => {
      this.panels.delete(key);
      if (this.panels.size === 0) this.stopListening();
    });
    this.panels.set(key, panel);
    if (this.listeners.length === 0) this.startListening();
    return panel;
  }

  view(broker: string, topics: string | readonly string[]): ChartView | undefined {
    const list = typeof topics === "string" ? [topics] : topics;
    return this.panels.get([broker, ...list].join(SEP))?.view();
  }

  get openCount(): number {
    return this.panels.size;
  }

  dispose(): void {
    for (const panel of [...this.panels.values()]) panel.dispose();
    this.stopListening();
  }

  private startListening(): void {
    const batches = this.deps.hub.onBatch((broker, batch) => this.onBatch(broker, batch));
    this.listeners = [{ dispose: () => batches.dispose() }, this.deps.onTreeChange(() => this.recheck())];
  }

  private stopListening(): void {
    for (const d of this.listeners) d.dispose();
    this.listeners = [];
  }

  private onBatch(broker: string, batch: MessageBatch): void {
    let changed: Set<string> | undefined;
    for (const panel of this.panels.values()) {
      if (panel.broker !== broker) continue;
      changed ??= new Set(batch.topics);
      if (panel.topics.some((t) => changed?.has(t))) panel.update();
    }
  }

  /** A removed (or renamed) broker closes its charts; a cleared topic or store empties them. */
  private recheck(): void {
    for (const panel of [...this.panels.values()]) {
      if (!this.deps.repository.get(panel.broker)) panel.dispose();
      else panel.update();
    }
  }
}

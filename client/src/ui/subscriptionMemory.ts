// Remembers each broker's subscriptions across sessions (globalState) and restores them the first time the broker connects again.
import type * as vscode from "vscode";
import type { ConnectionManager, QoS } from "../mqtt";

const KEY = "routerosMqtt.subscriptions";

type Stored = Record<string, Array<{ filter: string; qos: QoS }>>;

export class SubscriptionMemory {
  constructor(
    private readonly state: vscode.Memento,
    private readonly manager: ConnectionManager,
    private readonly log: (message: string) => void,
  ) {}

  /** Remembered filters of a broker. */
  get(broker: string): Array<{ filter: string; qos: QoS }> {
    return this.read()[broker] ?? [];
  }

  async remember(broker: string, filter: string, qos: QoS): Promise<void> {
    const all = this.read();
    const list = (all[broker] ?? []).filter((s) => s.filter !== filter);
    all[broker] = [...list, { filter, qos }];
    await this.state.update(KEY, all);
  }

  async forget(broker: string, filter?: string): Promise<void> {
    const all = this.read();
    if (filter === undefined) delete all[broker];
    else all[broker] = (all[broker] ?? []).filter((s) => s.filter !== filter);
    await this.state.update(KEY, all);
  }

  async rename(from: string, to: string): Promise<void> {
    const all = this.read();
    const list = all[from];
    if (!list) return;
    delete all[from];
    all[to] = list;
    await this.state.update(KEY, all);
  }

  /** Subscribes remembered filters the connection does not have yet (call when a broker becomes connected). */
  async restore(broker: string): Promise<void> {
    const live = new Set(this.manager.subscriptions(broker).map((s) => s.filter));
    for (const { filter, qos } of this.get(broker)) {
      if (live.has(filter)) continue;
      try {
        await this.manager.subscribe(broker, filter, qos, { force: false });
      } catch (error) {
        this.log(`could not restore the subscription "${filter}" on broker "${broker}": ${String(error)}`);
      }
    }
  }

  private read(): Stored {
    const value = this.state.get<unknown>(KEY);
    if (!value || typeof value !== "object" || Array.isArray(value)) return {};
    const out: Stored = {};
    for (const [broker, list] of Object.entries(value as Record<string, unknown>)) {
      if (!Array.isArray(list)) continue;
      out[broker] = list.flatMap((s: unknown) => {
        const item = s as { filter?: unknown; qos?: unknown };
        return typeof item.filter === "string" && (item.qos === 0 || item.qos === 1 || item.qos === 2)
          ? [{ filter: item.filter, qos: item.qos }]
          : [];
      });
    }
    return out;
  }
}

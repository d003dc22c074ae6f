// The MQTT side of a run in VS Code (no vscode import): broker names of the brokers view go through the extension's ONE connection manager, brokers the script adds itself get a connection of the run's own.
import { MqttError, topicMatchesFilter, type ConnectionManager, type LogLevel, type QoS } from "../../mqtt";
import {
  declaredBrokersOnly,
  ManagedMqtt,
  UnknownBrokerError,
  type DeclaredBroker,
  type MqttPort,
  type PublishRequest,
  type RunBrokers,
} from "../../run";

export interface ViewBrokerPortOptions {
  /** The extension's connection manager (the brokers view's connections). */
  readonly manager: ConnectionManager;
  /** Whether the brokers view has a usable broker of this name. */
  readonly inView: (name: string) => boolean;
  /** Why the view's broker of this name cannot be used (its settings have problems), if it has such a broker. */
  readonly viewProblem?: (name: string) => string | undefined;
  /** The view broker that uses this (non-empty) client id, if one does. */
  readonly clientIdOwner: (clientId: string) => string | undefined;
  /** The view broker every other name goes to (the local embedded broker), when the user chose so. */
  readonly fallback?: string;
  /** Time for one publish, subscribe or connect (default 10 s). */
  readonly deadlineMs?: number;
  /** Log lines of the run's own connections (already redacted). */
  readonly log?: (level: LogLevel, message: string) => void;
  /** The run added (or failed to add) or removed a subscription of a view broker: the view redraws that broker. */
  readonly onViewSubscriptionsChanged?: (broker: string, filter: string, subscribed: boolean) => void;
  /** A script name was resolved (once per name): to a view broker, the fallback, or a connection of the run's own. */
  readonly onRoute?: (name: string, route: Route) => void;
}

/** Where a script's broker name went, as {@link ViewBrokerPortOptions.onRoute} tells it. */
export type Route =
  | { readonly kind: "view"; readonly broker: string }
  | { readonly kind: "fallback"; readonly broker: string }
  | { readonly kind: "own"; readonly endpoint: string };

/** Where a script's broker name goes. */
type Target = { readonly kind: "view"; readonly broker: string } | { readonly kind: "own" };

interface RunSubscription {
  /** The broker name as the script wrote it. */
  readonly name: string;
  /** The view broker it reaches. */
  readonly broker: string;
  readonly filter: string;
}

export class ViewBrokerPort implements MqttPort {
  private readonly targets = new Map<string, Target>();
  private readonly unknown = new Set<string>();
  private readonly subscriptions: RunSubscription[] = [];
  /** `broker\0filter` of view subscriptions this run created (removed again at the end). */
  private readonly created = new Set<string>();
  private own: ManagedMqtt | undefined;
  private readonly ownListeners = {
    message: new Set<(broker: string, topic: string, payload: Buffer) => void>(),
    connected: new Set<(broker: string, connected: boolean) => void>(),
  };
  private readonly deadlineMs: number;
  private run: RunBrokers = { declared: () => undefined, entries: () => [] };

  constructor(private readonly options: ViewBrokerPortOptions) {
    this.deadlineMs = options.deadlineMs ?? 10_000;
  }

  /** Learns the run's `/iot mqtt brokers` entries; pass as `mqtt: (run) => port.attach(run)` to runScript. */
  attach(run: RunBrokers): this {
    this.run = run;
    return this;
  }

  /** The run's entry of a name that is not a view broker (added by the script, or in the device profile). */
  private declared(name: string): DeclaredBroker | undefined {
    const entry = this.run.declared(name);
    return entry && entry.address !== "" ? entry : undefined;
  }

  /** Broker names the script used that nobody knows (neither the view, the script nor the profile). */
  unknownBrokers(): string[] {
    return [...this.unknown];
  }

  /** Which view broker a script name reached, or "own" for a broker the script declares; undefined when unused. */
  routeOf(name: string): string | undefined {
    const target = this.targets.get(name);
    return target === undefined ? undefined : target.kind === "view" ? target.broker : "own";
  }

  private target(name: string): Target {
    const known = this.targets.get(name);
    if (known) return known;
    const { fallback } = this.options;
    const problem = this.options.viewProblem?.(name);
    if (problem !== undefined)
      throw new MqttError(
        "invalid-profile",
        `broker "${name}" of the brokers view cannot connect until its settings are fixed: ${problem}`,
        { broker: name },
      );
    let target: Target;
    let route: Route;
    const declared = this.declared(name);
    if (this.options.inView(name)) {
      target = { kind: "view", broker: name };
      route = target;
    } else if (declared) {
      target = this.ownTarget(name, declared);
      route = {
        kind: "own",
        endpoint: `${declared.address}:${declared.port ?? (declared.ssl ? 8883 : 1883)}`,
      };
    } else if (fallback !== undefined && this.options.inView(fallback)) {
      target = { kind: "view", broker: fallback };
      route = { kind: "fallback", broker: fallback };
    } else {
      this.unknown.add(name);
      throw new UnknownBrokerError(
        `no broker named "${name}" in the brokers view, and the script does not add one with /iot mqtt brokers add`,
      );
    }
    this.targets.set(name, target);
    this.options.onRoute?.(name, route);
    return target;
  }

  /** A broker the script declares: its own connection, unless its client id is one a view broker uses. */
  private ownTarget(name: string, declared: DeclaredBroker): Target {
    const clientId = declared.clientId ?? "";
    const owner = clientId === "" ? undefined : this.options.clientIdOwner(clientId);
    if (owner !== undefined)
      throw new MqttError(
        "client-id-conflict",
        `broker "${name}" of the script uses client-id "${clientId}", like broker "${owner}" of the brokers view; two connections with one client id would kick each other off`,
        { broker: name },
      );
    return { kind: "own" };
  }

  private ownMqtt(): ManagedMqtt {
    if (!this.own) {
      const own = new ManagedMqtt({
        resolve: declaredBrokersOnly,
        declared: (name) => this.declared(name),
        deadlineMs: this.deadlineMs,
        ...(this.options.log ? { log: this.options.log } : {}),
      });
      own.onMessage((broker, topic, payload) => {
        for (const listener of this.ownListeners.message) listener(broker, topic, payload);
      });
      own.onConnectedChange((broker, connected) => {
        for (const listener of this.ownListeners.connected) listener(broker, connected);
      });
      this.own = own;
    }
    return this.own;
  }

  async publish(name: string, topic: string, payload: Buffer, request: PublishRequest): Promise<void> {
    const target = this.target(name);
    if (target.kind === "own") return this.ownMqtt().publish(name, topic, payload, request);
    await this.options.manager.publish(target.broker, topic, payload, {
      qos: request.qos,
      retain: request.retain,
      force: request.force,
      disconnectAfter: request.disconnectAfter,
      deadlineMs: this.deadlineMs,
    });
  }

  async connect(name: string): Promise<void> {
    const target = this.target(name);
    if (target.kind === "own") return this.ownMqtt().connect(name);
    await this.options.manager.connect(target.broker, { deadlineMs: this.deadlineMs });
  }

  async disconnect(name: string): Promise<void> {
    const target = this.targets.get(name);
    if (!target) return;
    if (target.kind === "own") return this.own?.disconnect(name);
    await this.options.manager.disconnect(target.broker);
  }

  async subscribe(name: string, filter: string, qos: QoS): Promise<void> {
    const target = this.target(name);
    if (target.kind === "own") return this.ownMqtt().subscribe(name, filter, qos);
    const { manager } = this.options;
    const key = `${target.broker}\0${filter}`;
    const existed = manager.subscriptions(target.broker).some((s) => s.filter === filter);
    if (!existed) this.created.add(key);
    const record: RunSubscription = { name, broker: target.broker, filter };
    this.subscriptions.push(record);
    try {
      await manager.subscribe(target.broker, filter, qos, { deadlineMs: this.deadlineMs });
    } catch (error) {
      this.subscriptions.splice(this.subscriptions.indexOf(record), 1);
      await this.release(target.broker, filter).catch(() => {});
      throw error;
    }
    this.options.onViewSubscriptionsChanged?.(target.broker, filter, true);
  }

  async unsubscribe(name: string, filter: string): Promise<void> {
    const target = this.targets.get(name);
    if (!target) return;
    if (target.kind === "own") return this.own?.unsubscribe(name, filter);
    const index = this.subscriptions.findIndex((s) => s.name === name && s.filter === filter);
    if (index >= 0) this.subscriptions.splice(index, 1);
    await this.release(target.broker, filter);
  }

  /** Removes a view subscription the run created once no subscription of the run needs it. */
  private async release(broker: string, filter: string): Promise<void> {
    const key = `${broker}\0${filter}`;
    if (!this.created.has(key)) return;
    if (this.subscriptions.some((s) => s.broker === broker && s.filter === filter)) return;
    this.created.delete(key);
    try {
      await this.options.manager.unsubscribe(broker, filter, { deadlineMs: this.deadlineMs });
    } finally {
      this.options.onViewSubscriptionsChanged?.(broker, filter, false);
    }
  }

  onMessage(listener: (broker: string, topic: string, payload: Buffer) => void): () => void {
    const viewSub = this.options.manager.onMessage((broker, topic, payload) => {
      const names = new Set<string>();
      for (const s of this.subscriptions) {
        if (s.broker === broker && topicMatchesFilter(s.filter, topic)) names.add(s.name);
      }
      for (const name of names) listener(name, topic, payload);
    });
    this.ownListeners.message.add(listener);
    return () => {
      viewSub.dispose();
      this.ownListeners.message.delete(listener);
    };
  }

  onConnectedChange(listener: (broker: string, connected: boolean) => void): () => void {
    const { manager, inView } = this.options;
    /** The script names that reach a view broker: its own name, and names routed to it. */
    const namesOf = (broker: string): Set<string> => {
      const names = new Set<string>(inView(broker) ? [broker] : []);
      for (const [name, target] of this.targets)
        if (target.kind === "view" && target.broker === broker) names.add(name);
      return names;
    };
    const viewSub = manager.onStateChange((broker, state) => {
      for (const name of namesOf(broker)) listener(name, state.status === "connected");
    });
    // The view's connections live on between runs: a run starts knowing which are up.
    for (const [broker, state] of manager.states())
      if (state.status === "connected") for (const name of namesOf(broker)) listener(name, true);
    this.ownListeners.connected.add(listener);
    return () => {
      viewSub.dispose();
      this.ownListeners.connected.delete(listener);
    };
  }

  brokersChanged(): void {
    this.own?.brokersChanged();
  }

  /** Removes the view subscriptions the run created and closes the run's own connections; never throws. */
  async close(): Promise<void> {
    this.subscriptions.length = 0;
    const created = [...this.created].map((key) => key.split("\0") as [string, string]);
    await Promise.allSettled(created.map(([broker, filter]) => this.release(broker, filter)));
    const own = this.own;
    this.own = undefined;
    await own?.close();
  }
}

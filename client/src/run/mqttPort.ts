// What a script run needs from MQTT, and its implementation over a ConnectionManager that resolves each broker name the script uses.
import {
  ConnectionManager,
  makeBrokerProfile,
  type BrokerProfile,
  type ConnectionManagerOptions,
  type LogLevel,
  type QoS,
} from "../mqtt";

/** The fields of a script's `/iot mqtt brokers` entry (added by the script or in the device profile). */
export interface DeclaredBroker {
  readonly name: string;
  readonly address: string;
  readonly port?: number;
  readonly ssl?: boolean;
  readonly username?: string;
  readonly password?: string;
  readonly clientId?: string;
  readonly keepAlive?: number;
  readonly willTopic?: string;
  readonly willMessage?: string;
  readonly willQos?: QoS;
  readonly willRetain?: boolean;
}

/** Where a broker name goes: a profile (its `name` is the script's broker name) and its password. */
export interface BrokerRoute {
  readonly profile: BrokerProfile;
  readonly password?: string;
}

/**
 * Chooses the broker a script's broker name reaches. `declared` is the script's own `/iot mqtt brokers` entry for
 * that name, when there is one. Undefined: the script names a broker that does not exist.
 */
export type BrokerResolver = (name: string, declared: DeclaredBroker | undefined) => BrokerRoute | undefined;

export interface PublishRequest {
  readonly qos: QoS;
  readonly retain: boolean;
  /** RouterOS `force` (default yes): connect first when not connected. */
  readonly force: boolean;
  readonly disconnectAfter: boolean;
}

/** The MQTT side of a run. The VS Code side may implement it over its own connections. */
export interface MqttPort {
  publish(broker: string, topic: string, payload: Buffer, request: PublishRequest): Promise<void>;
  /** Optional fast path for QoS 0: sends at once and returns true, or returns false to use `publish`. */
  publishNow?(broker: string, topic: string, payload: Buffer, retain: boolean): boolean;
  /**
   * Optional fast path for a publish that waits (QoS 1 and 2, or QoS 0 before the broker is reached): the same
   * publish, completed before it returns when that is quick (undefined; a failure is thrown), else its promise.
   */
  publishBlocking?(
    broker: string,
    topic: string,
    payload: Buffer,
    request: PublishRequest,
  ): Promise<void> | undefined;
  connect(broker: string): Promise<void>;
  disconnect(broker: string): Promise<void>;
  subscribe(broker: string, filter: string, qos: QoS): Promise<void>;
  unsubscribe(broker: string, filter: string): Promise<void>;
  /** Every message received on a subscription of the run. Returns a function that stops listening. */
  onMessage(listener: (broker: string, topic: string, payload: Buffer) => void): () => void;
  /** Connection state changes (for the brokers' `connected` property). */
  onConnectedChange(listener: (broker: string, connected: boolean) => void): () => void;
  /** The script added, changed or removed a `/iot mqtt brokers` entry: resolve names again on next use. */
  brokersChanged?(): void;
  /** Closes what the run opened. */
  close(): Promise<void>;
}

/** A broker entry as a connection profile (RouterOS defaults for what it does not say). */
export function profileFromDeclared(declared: DeclaredBroker): BrokerRoute {
  const profile = makeBrokerProfile({
    name: declared.name,
    address: declared.address,
    port: declared.port ?? (declared.ssl ? 8883 : 1883),
    ssl: declared.ssl ?? false,
    username: declared.username ?? "",
    clientId: declared.clientId ?? "",
    keepAlive: declared.keepAlive ?? 60,
    willTopic: declared.willTopic ?? "",
    willMessage: declared.willMessage ?? "",
    willQos: declared.willQos ?? 0,
    willRetain: declared.willRetain ?? false,
  });
  return declared.password ? { profile, password: declared.password } : { profile };
}

/** The default resolver: a broker exists when the script (or the device profile) declares it. */
export const declaredBrokersOnly: BrokerResolver = (_name, declared) =>
  declared ? profileFromDeclared(declared) : undefined;

export class UnknownBrokerError extends Error {
  override readonly name = "UnknownBrokerError";
}

export interface ManagedMqttOptions {
  readonly resolve: BrokerResolver;
  /** The script's current entry for a broker name. */
  readonly declared: (name: string) => DeclaredBroker | undefined;
  readonly log?: (level: LogLevel, message: string) => void;
  /** Time for one publish, subscribe or connect (default 10 s). */
  readonly deadlineMs?: number;
  /** Appended to "no broker named X" (the CLI says how to route a name with --broker). */
  readonly unknownBrokerHint?: (name: string) => string;
  /** Extra connection manager options (tests). */
  readonly manager?: Partial<ConnectionManagerOptions>;
}

/** MQTT for one run: a ConnectionManager of its own, with a profile per broker name the script uses. */
export class ManagedMqtt implements MqttPort {
  private readonly manager: ConnectionManager;
  private readonly routes = new Map<string, BrokerRoute>();
  /** Names resolved since the broker entries last changed (resolving on every publish would cost time). */
  private readonly fresh = new Set<string>();
  private readonly deadlineMs: number;

  constructor(private readonly options: ManagedMqttOptions) {
    this.deadlineMs = options.deadlineMs ?? 10_000;
    this.manager = new ConnectionManager({
      secrets: {
        getPassword: (name) => this.routes.get(name)?.password,
        getPassphrase: () => undefined,
      },
      log: options.log ?? (() => {}),
      ...options.manager,
    });
  }

  /** Resolves the name (again, in case the script changed the entry) and updates the manager's profiles. */
  private ensure(name: string): string {
    if (this.fresh.has(name)) return name;
    const route = this.options.resolve(name, this.options.declared(name));
    if (!route)
      throw new UnknownBrokerError(
        `no broker named "${name}" in /iot mqtt brokers${this.options.unknownBrokerHint?.(name) ?? ""}`,
      );
    const profile = { ...route.profile, name };
    const known = this.routes.get(name);
    if (
      !known ||
      JSON.stringify(known.profile) !== JSON.stringify(profile) ||
      known.password !== route.password
    ) {
      this.routes.set(name, { ...route, profile });
      this.manager.setProfiles([...this.routes.values()].map((r) => r.profile));
    }
    this.fresh.add(name);
    return name;
  }

  brokersChanged(): void {
    this.fresh.clear();
  }

  publishNow(broker: string, topic: string, payload: Buffer, retain: boolean): boolean {
    return this.fresh.has(broker) && this.manager.publishNow(broker, topic, payload, retain);
  }

  async publish(broker: string, topic: string, payload: Buffer, request: PublishRequest): Promise<void> {
    await this.manager.publish(this.ensure(broker), topic, payload, {
      qos: request.qos,
      retain: request.retain,
      force: request.force,
      disconnectAfter: request.disconnectAfter,
      deadlineMs: this.deadlineMs,
    });
  }

  async connect(broker: string): Promise<void> {
    await this.manager.connect(this.ensure(broker), { deadlineMs: this.deadlineMs });
  }

  async disconnect(broker: string): Promise<void> {
    if (this.routes.has(broker)) await this.manager.disconnect(broker);
  }

  async subscribe(broker: string, filter: string, qos: QoS): Promise<void> {
    await this.manager.subscribe(this.ensure(broker), filter, qos, { deadlineMs: this.deadlineMs });
  }

  async unsubscribe(broker: string, filter: string): Promise<void> {
    if (this.routes.has(broker))
      await this.manager.unsubscribe(broker, filter, { deadlineMs: this.deadlineMs });
  }

  onMessage(listener: (broker: string, topic: string, payload: Buffer) => void): () => void {
    const subscription = this.manager.onMessage((name, topic, payload) => listener(name, topic, payload));
    return () => subscription.dispose();
  }

  onConnectedChange(listener: (broker: string, connected: boolean) => void): () => void {
    const subscription = this.manager.onStateChange((name, state) =>
      listener(name, state.status === "connected"),
    );
    return () => subscription.dispose();
  }

  async close(): Promise<void> {
    await this.manager.dispose();
  }
}

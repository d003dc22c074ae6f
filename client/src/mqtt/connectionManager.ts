// The one owner of broker connections in a process (two connections with one client id kick each other off): profiles in, states and messages out, every operation with a deadline.
import * as mqtt from "mqtt";
import { randomBytes } from "node:crypto";
import { resolveBackoff, type BackoffOptions } from "./backoff";
import { BrokerConnection } from "./brokerConnection";
import type {
  BrokerConnectionDeps,
  Log,
  LogLevel,
  MessageInfo,
  PublishOptions,
  SubscribeOptions,
  TlsSessionInfo,
} from "./connectionTypes";
import {
  describeEndpoint,
  type BrokerProfile,
  type MqttConnectOptions,
  type ProfileValidator,
  type SecretProvider,
} from "./brokerProfile";
import { systemClock, type Clock } from "./clock";
import { DISCONNECTED, type ConnectionState } from "./connectionState";
import { Emitter, type Disposable } from "./emitter";
import { MqttError, errorParts } from "./errors";
import { DEFAULT_KICK_LOOP, type KickLoopOptions } from "./kickLoop";
import type { QoS } from "./qos";
import { pacedStreamBuilder } from "./pacedStream";
import { SecretRedactor } from "./redact";
import type { TlsProbeResult, TlsProbeTarget } from "./tlsDiagnosis";

export interface ConnectionManagerOptions {
  /** Passwords and key passphrases, asked for at every connect attempt (so a changed secret applies at once). */
  secrets: SecretProvider;
  /** Receives every log line, already redacted. */
  log?: Log;
  clock?: Clock;
  /** Jitter source in [0, 1). */
  random?: () => number;
  /** Reconnect backoff for auto-connect profiles (default 1 s doubling to 30 s, ±20 % jitter, no attempt limit). */
  backoff?: Partial<BackoffOptions>;
  /** Time for one attempt from socket to CONNACK (default 4 s, so every failure is reported within 5 s). */
  connectTimeoutMs?: number;
  /** Client-id kick-loop detection (default: 3 drops within 5 s of CONNACK in a row). */
  kickLoop?: Partial<KickLoopOptions>;
  /** Publishes outstanding per broker, waiting for the connection or for their ack (default 1000); more are refused with `queue-full`. */
  maxQueuedPublishes?: number;
  /** Value validation from the language schema; a profile with problems does not connect. */
  validateProfile?: ProfileValidator;
  /** Creates the `mqtt` client (tests replace it). The default paces reads so floods cannot stall the event loop. */
  createClient?: (options: MqttConnectOptions) => mqtt.MqttClient;
  /** TLS diagnostic probe (tests replace it). */
  probeTls?: (target: TlsProbeTarget) => Promise<TlsProbeResult | undefined>;
  /**
   * Asked before a broker starts connecting (connect, a forced publish or subscribe, auto-connect, a changed profile,
   * "test connection"), not before the reconnects of a connection it let through; throws (an MqttError of kind
   * `not-allowed`) to refuse. The editor asks about workspace trust and about brokers a workspace defines here.
   */
  admit?: (profile: BrokerProfile) => void | Promise<void>;
}

/** What "test connection" reports. */
export type ConnectionTestResult =
  | { ok: true; elapsedMs: number; clientId: string; tls: TlsSessionInfo | undefined }
  | { ok: false; elapsedMs: number; error: MqttError };

export class ConnectionManager {
  private readonly connections = new Map<string, BrokerConnection>();
  private readonly stateEmitter: Emitter<[name: string, state: ConnectionState]>;
  private readonly messageEmitter: Emitter<[name: string, topic: string, payload: Buffer, info: MessageInfo]>;
  private readonly redactor = new SecretRedactor();
  private readonly baseDeps: Omit<BrokerConnectionDeps, "onState" | "onMessage">;
  private readonly admit: (profile: BrokerProfile) => void | Promise<void>;
  private disposed = false;

  /** Fires on every state change of every broker. */
  readonly onStateChange: (listener: (name: string, state: ConnectionState) => void) => Disposable;
  /** Fires for every received message (store and batch it; do not do heavy work here). */
  readonly onMessage: (
    listener: (name: string, topic: string, payload: Buffer, info: MessageInfo) => void,
  ) => Disposable;

  constructor(options: ConnectionManagerOptions) {
    const userLog = options.log ?? (() => {});
    const log: Log = (level, message) => {
      try {
        userLog(level, this.redactor.redact(message));
      } catch {
        // A failing logger must not break connections.
      }
    };
    const onListenerError = (error: unknown): void =>
      log("error", `an MQTT event listener threw: ${errorParts(error).message}`);
    this.stateEmitter = new Emitter(onListenerError);
    this.messageEmitter = new Emitter(onListenerError);
    this.onStateChange = this.stateEmitter.event;
    this.onMessage = this.messageEmitter.event;
    const connectTimeoutMs = options.connectTimeoutMs ?? 4000;
    if (!(connectTimeoutMs > 0))
      throw new RangeError(`connectTimeoutMs must be > 0, got ${connectTimeoutMs}`);
    this.baseDeps = {
      secrets: options.secrets,
      log,
      redactor: this.redactor,
      clock: options.clock ?? systemClock,
      random: options.random ?? Math.random,
      backoff: resolveBackoff(options.backoff),
      connectTimeoutMs,
      kickLoop: { ...DEFAULT_KICK_LOOP, ...options.kickLoop },
      maxQueuedPublishes: options.maxQueuedPublishes ?? 1000,
      validateProfile: options.validateProfile,
      createClient: options.createClient ?? ((o) => new mqtt.MqttClient(pacedStreamBuilder(o), o)),
      probe: options.probeTls,
    };
    this.admit = options.admit ?? (() => {});
  }

  /**
   * Replaces the set of profiles. Removed brokers are disconnected; a changed profile of a live or wanted
   * connection is reconnected with the new settings; others take effect at the next connect.
   */
  setProfiles(profiles: readonly BrokerProfile[]): void {
    this.assertAlive();
    const names = new Set<string>();
    for (const profile of profiles) {
      if (names.has(profile.name))
        throw new MqttError("invalid-profile", `two brokers are named "${profile.name}"`);
      names.add(profile.name);
    }
    for (const [name, connection] of this.connections) {
      if (!names.has(name)) {
        this.connections.delete(name);
        void connection.dispose();
      }
    }
    for (const profile of profiles) {
      const existing = this.connections.get(profile.name);
      if (!existing) {
        this.connections.set(profile.name, this.createConnection(profile));
        continue;
      }
      if (JSON.stringify(existing.profile) === JSON.stringify(profile)) continue;
      const restart = existing.isWanted || existing.state.status === "connected";
      existing.updateProfile(profile);
      if (restart) {
        this.baseDeps.log("info", `broker "${profile.name}" changed; reconnecting with the new settings`);
        void existing
          .disconnect()
          .then(() => this.admit(existing.profile))
          .then(() => existing.connect())
          .catch((error: unknown) => this.logRefusal(profile.name, error));
      }
    }
  }

  /** The current profiles, in insertion order. */
  profiles(): BrokerProfile[] {
    return [...this.connections.values()].map((c) => c.profile);
  }

  /** Starts every profile with auto-connect=yes; failures show up as states. */
  connectAutoConnectBrokers(): void {
    for (const connection of this.connections.values()) {
      if (connection.profile.autoConnect && connection.state.status === "disconnected") {
        void this.admitted(connection)
          .then(() => connection.connect())
          .catch((error: unknown) => this.logRefusal(connection.name, error));
      }
    }
  }

  /** Connects a broker; resolves once connected (subscriptions restored), rejects with a typed error. */
  connect(name: string, options: { deadlineMs?: number } = {}): Promise<void> {
    return this.withConnection(name, async (c) => {
      await this.admitted(c);
      return c.connect(options.deadlineMs);
    });
  }

  /** Disconnects a broker and stops reconnecting it. */
  disconnect(name: string): Promise<void> {
    return this.withConnection(name, (c) => c.disconnect());
  }

  /**
   * "Test connection": connects once with this profile (saved or not), reports, and closes. Uses the client id
   * with a `-test-xxxx` suffix so it never kicks a live session (the router's, or this editor's) off the broker.
   */
  async test(profile: BrokerProfile, options: { deadlineMs?: number } = {}): Promise<ConnectionTestResult> {
    this.assertAlive();
    const suffix = randomBytes(2).toString("hex");
    const probe = new BrokerConnection(
      { ...profile, autoConnect: false, clientId: `${profile.clientId || "rsc"}-test-${suffix}` },
      {
        ...this.baseDeps,
        onState: (state) => {
          if (state.status === "connecting") this.warnIfUnverified(profile);
        },
        onMessage: () => {},
      },
    );
    const clock = this.baseDeps.clock;
    const started = clock.now();
    try {
      await this.admit(profile);
      await probe.connect(options.deadlineMs);
      const state = probe.state;
      return {
        ok: true,
        elapsedMs: clock.now() - started,
        clientId: state.status === "connected" ? state.clientId : "",
        tls: probe.tlsInfo(),
      };
    } catch (error) {
      const typed =
        error instanceof MqttError
          ? error
          : new MqttError("unknown", this.redactor.redact(errorParts(error).message), {
              broker: profile.name,
            });
      return { ok: false, elapsedMs: clock.now() - started, error: typed };
    } finally {
      await probe.dispose();
    }
  }

  /** Publishes; resolves when the QoS flow completes. See {@link PublishOptions} for force and deadlines. */
  /** A QoS 0 publish sent at once when the broker is connected and idle; false means use `publish`. */
  publishNow(name: string, topic: string, payload: Buffer, retain: boolean): boolean {
    if (this.disposed) return false;
    return this.connections.get(name)?.publishNow(topic, payload, retain) ?? false;
  }

  publish(
    name: string,
    topic: string,
    payload: string | Buffer,
    options: PublishOptions = {},
  ): Promise<void> {
    return this.withConnection(name, async (c) => {
      if (options.force !== false) await this.admitted(c);
      return c.publish(topic, payload, options);
    });
  }

  /** Subscribes (restored after reconnects); resolves with the granted QoS. */
  subscribe(name: string, filter: string, qos: QoS = 0, options: SubscribeOptions = {}): Promise<QoS> {
    return this.withConnection(name, async (c) => {
      if (options.force !== false) await this.admitted(c);
      return c.subscribe(filter, qos, options);
    });
  }

  unsubscribe(name: string, filter: string, options: { deadlineMs?: number } = {}): Promise<void> {
    return this.withConnection(name, (c) => c.unsubscribe(filter, options));
  }

  /** The subscriptions of a broker (restored after every reconnect). */
  subscriptions(name: string): Array<{ filter: string; qos: QoS }> {
    return this.connections.get(name)?.subscriptions() ?? [];
  }

  /** The state of a broker; `disconnected` for unknown names. */
  state(name: string): ConnectionState {
    return this.connections.get(name)?.state ?? DISCONNECTED;
  }

  /** Every broker's state. */
  states(): Map<string, ConnectionState> {
    return new Map([...this.connections].map(([name, c]) => [name, c.state]));
  }

  /** Redacts a text against the built-in patterns and every secret this manager has used. */
  redact(text: string): string {
    return this.redactor.redact(text);
  }

  /** Closes every connection; the manager cannot be used afterwards. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    const all = [...this.connections.values()];
    this.connections.clear();
    await Promise.all(all.map((c) => c.dispose()));
    this.stateEmitter.dispose();
    this.messageEmitter.dispose();
  }

  private createConnection(profile: BrokerProfile): BrokerConnection {
    const name = profile.name;
    const connection: BrokerConnection = new BrokerConnection(profile, {
      ...this.baseDeps,
      onState: (state) => {
        if (state.status === "connecting") this.warnIfUnverified(connection.profile);
        this.stateEmitter.fire(name, state);
      },
      onMessage: (topic, payload, info) => this.messageEmitter.fire(name, topic, payload, info),
    });
    return connection;
  }

  /** Asks {@link ConnectionManagerOptions.admit} unless the connection is up or on its way (it was let through). */
  private async admitted(connection: BrokerConnection): Promise<void> {
    const status = connection.state.status;
    if (status === "connected" || status === "connecting" || status === "reconnecting") return;
    await this.admit(connection.profile);
  }

  private logRefusal(name: string, error: unknown): void {
    if (error instanceof MqttError && error.kind === "not-allowed") {
      this.baseDeps.log("info", `broker "${name}" does not connect: ${error.message}`);
    }
  }

  /** Every connection attempt without certificate verification says so in the log (the CLI prints warnings). */
  private warnIfUnverified(profile: BrokerProfile): void {
    if (!profile.ssl || profile.tls.verifyServer) return;
    this.baseDeps.log("warn", unverifiedTlsWarning(profile));
  }

  private withConnection<T>(name: string, run: (connection: BrokerConnection) => Promise<T>): Promise<T> {
    if (this.disposed) return Promise.reject(new MqttError("disposed", "the connection manager was closed"));
    const connection = this.connections.get(name);
    if (!connection) {
      const known = [...this.connections.keys()];
      const list = known.length
        ? `; known brokers: ${known.map((n) => `"${n}"`).join(", ")}`
        : "; no brokers are configured";
      return Promise.reject(
        new MqttError("unknown-broker", `no broker named "${name}"${list}`, { broker: name }),
      );
    }
    return run(connection);
  }

  private assertAlive(): void {
    if (this.disposed) throw new MqttError("disposed", "the connection manager was closed");
  }
}

/** The sentence every connect of a broker with certificate verification off repeats (log, CLI, notification). */
export function unverifiedTlsWarning(profile: BrokerProfile): string {
  return `broker "${profile.name}" (${describeEndpoint(profile)}): TLS certificate verification is off, so anyone on the network path can pose as the broker and read what is sent, the password included; turn verification on, with the broker's CA file if it is self-signed`;
}

export type { LogLevel, Log, MessageInfo, PublishOptions, SubscribeOptions, TlsSessionInfo };

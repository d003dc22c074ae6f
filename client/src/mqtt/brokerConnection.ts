// One broker's connection and its state machine: attempts with deadlines, reconnect with backoff, kick-loop detection, restored subscriptions, and publishes that survive reconnects until their own deadline.
import type { IConnackPacket, IDisconnectPacket, IPublishPacket, ISubscriptionGrant, MqttClient } from "mqtt";
import type { TLSSocket } from "node:tls";
import { backoffDelay, type BackoffOptions } from "./backoff";
import {
  describeEndpoint,
  randomClientId,
  toMqttOptions,
  type BrokerProfile,
  type MqttConnectOptions,
  type ProfileValidator,
  type SecretProvider,
} from "./brokerProfile";
import type { Clock, TimerHandle } from "./clock";
import {
  closedBeforeConnackError,
  connectTimeout,
  describeConnectFailure,
  type AttemptTlsMaterial,
} from "./connectFailure";
import { DISCONNECTED, type ConnectionState } from "./connectionState";
import { withDeadline } from "./deadline";
import { MqttError, errorParts } from "./errors";
import { KickLoopDetector, kickLoopMessage, type KickLoopOptions } from "./kickLoop";
import type { QoS } from "./qos";
import type { SecretRedactor } from "./redact";
import {
  summarizePeerCertificate,
  type CertificateSummary,
  type TlsProbeResult,
  type TlsProbeTarget,
} from "./tlsDiagnosis";
import { validatePublishTopic, validateTopicFilter } from "./topics";

export type LogLevel = "debug" | "info" | "warn" | "error";
export type Log = (level: LogLevel, message: string) => void;

/** How a message arrived. */
export interface MessageInfo {
  qos: QoS;
  retain: boolean;
  dup: boolean;
}

export interface PublishOptions {
  qos?: QoS;
  retain?: boolean;
  /** Time for the whole publish, including connecting or waiting for a reconnect (default 10 s). */
  deadlineMs?: number;
  /** RouterOS `force` (default yes): connect first when not connected; with no, fail unless connected. */
  force?: boolean;
  /** RouterOS `disconnect-after`: close the connection once this message is sent. */
  disconnectAfter?: boolean;
}

export interface SubscribeOptions {
  /** Time for connecting (with force) plus the SUBACK (default 10 s). */
  deadlineMs?: number;
  /** RouterOS `force` (default yes): connect first when not connected. */
  force?: boolean;
}

/** TLS facts of a live connection, for "test connection". */
export interface TlsSessionInfo {
  protocol: string | undefined;
  cipher: string | undefined;
  server: CertificateSummary | undefined;
}

export interface BrokerConnectionDeps {
  secrets: SecretProvider;
  /** Receives already-redacted messages. */
  log: Log;
  redactor: SecretRedactor;
  clock: Clock;
  random: () => number;
  backoff: BackoffOptions;
  /** Time for one attempt, from opening the socket to CONNACK. */
  connectTimeoutMs: number;
  kickLoop: KickLoopOptions;
  /** Publishes outstanding per broker (waiting for the connection plus awaiting their ack). */
  maxQueuedPublishes: number;
  validateProfile: ProfileValidator | undefined;
  createClient: (options: MqttConnectOptions) => MqttClient;
  probe: ((target: TlsProbeTarget) => Promise<TlsProbeResult | undefined>) | undefined;
  onState: (state: ConnectionState) => void;
  onMessage: (topic: string, payload: Buffer, info: MessageInfo) => void;
}

export const DEFAULT_OPERATION_DEADLINE_MS = 10_000;

interface Attempt {
  readonly seq: number;
  client: MqttClient | undefined;
  phase: "opening" | "restoring" | "up" | "closed";
  connackAt: number;
  lastError: unknown;
  guard: TimerHandle | undefined;
  disconnectReason: number | undefined;
  tls: AttemptTlsMaterial | undefined;
}

interface PendingPublish {
  readonly seq: number;
  readonly topic: string;
  readonly payload: Buffer;
  readonly qos: QoS;
  readonly retain: boolean;
  readonly disconnectAfter: boolean;
  readonly resolve: () => void;
  readonly reject: (error: MqttError) => void;
  /** When the deadline passes (clock time), and how long it was, for the message. */
  readonly expiresAt: number;
  readonly deadlineMs: number;
  sentOn: Attempt | undefined;
  settled: boolean;
}

interface Waiter {
  resolve: () => void;
  reject: (error: MqttError) => void;
}

const MQTT5_SESSION_TAKEN_OVER = 142;

export class BrokerConnection {
  private currentState: ConnectionState = DISCONNECTED;
  private current: Attempt | undefined;
  private seqCounter = 0;
  private publishSeq = 0;
  /** The user asked for the connection (connect, forced publish/subscribe) and has not disconnected since. */
  private wanted = false;
  /** Failed attempts in a row, for the backoff. */
  private failures = 0;
  private retryTimer: TimerHandle | undefined;
  private readonly waiters = new Set<Waiter>();
  private readonly subscriptionQos = new Map<string, QoS>();
  private queue: PendingPublish[] = [];
  private readonly inflight = new Set<PendingPublish>();
  /**
   * One timer for every publish deadline, set for the earliest one: a timer per publish costs more than the publish
   * itself at QoS 0 rates. When it fires, every overdue publish expires and the timer moves to the next deadline.
   */
  private deadlineTimer: { handle: TimerHandle; at: number } | undefined;
  private readonly kick: KickLoopDetector;
  private readonly fallbackClientId = randomClientId();
  private disposed = false;

  constructor(
    private profileValue: BrokerProfile,
    private readonly deps: BrokerConnectionDeps,
  ) {
    this.kick = new KickLoopDetector(deps.kickLoop);
  }

  get name(): string {
    return this.profileValue.name;
  }

  get profile(): BrokerProfile {
    return this.profileValue;
  }

  get state(): ConnectionState {
    return this.currentState;
  }

  /** Whether the user wants this connection up (used when a profile changes). */
  get isWanted(): boolean {
    return this.wanted;
  }

  /** Filters to restore after a reconnect, with their requested QoS. */
  subscriptions(): Array<{ filter: string; qos: QoS }> {
    return [...this.subscriptionQos].map(([filter, qos]) => ({ filter, qos }));
  }

  /** Replaces the profile; the next attempt uses it. The manager restarts live connections itself. */
  updateProfile(profile: BrokerProfile): void {
    this.profileValue = profile;
  }

  /** Connects (or waits for the attempt in progress); rejects with the attempt's error or a timeout at the deadline. */
  connect(deadlineMs = this.deps.connectTimeoutMs + 2000): Promise<void> {
    if (this.disposed) return Promise.reject(this.disposedError());
    this.wanted = true;
    if (this.currentState.status === "connected") return Promise.resolve();
    let waiter!: Waiter;
    const connected = new Promise<void>((resolve, reject) => {
      waiter = { resolve, reject };
      this.waiters.add(waiter);
    });
    if (!this.current) this.startAttempt();
    return withDeadline(connected, deadlineMs, this.deps.clock, () => {
      this.waiters.delete(waiter);
      const error = connectTimeout(
        this.name,
        describeEndpoint(this.profileValue),
        this.profileValue,
        deadlineMs,
      );
      if (!this.profileValue.autoConnect && this.currentState.status !== "connected") this.abandon(error);
      return error;
    });
  }

  /** Closes the connection on request: stops reconnecting and cancels waiting operations. */
  async disconnect(): Promise<void> {
    this.wanted = false;
    this.clearRetry();
    const attempt = this.current;
    this.current = undefined;
    this.seqCounter++;
    const cancelled = new MqttError("cancelled", `broker "${this.name}" was disconnected on request`, {
      broker: this.name,
    });
    this.rejectWaiters(cancelled);
    this.rejectAllPublishes(cancelled);
    if (attempt) await this.closeAttempt(attempt, true);
    if (this.currentState.status !== "disconnected") this.setState(DISCONNECTED);
  }

  async dispose(): Promise<void> {
    await this.disconnect();
    this.disposed = true;
  }

  /**
   * QoS 0 without waiting: hands the packet to the connected client right away and returns true, when nothing is
   * queued before it and the socket is not pushing back. Otherwise returns false and sends nothing: use `publish`,
   * which queues, waits and reports errors. QoS 0 is fire and forget, so "handed to the socket" is its completion.
   */
  publishNow(topic: string, payload: Buffer, retain: boolean): boolean {
    const attempt = this.current;
    const client = attempt?.client;
    if (this.disposed || !attempt || !client || attempt.phase !== "up" || !client.connected) return false;
    if (this.queue.length > 0 || this.currentState.status !== "connected") return false;
    if (client.stream.writableNeedDrain || validatePublishTopic(topic) !== undefined) return false;
    client.publish(topic, payload, { qos: 0, retain });
    return true;
  }

  /** Publishes and resolves when the QoS flow completes (written for QoS 0, PUBACK for 1, PUBCOMP for 2). */
  publish(topic: string, payload: string | Buffer, options: PublishOptions = {}): Promise<void> {
    if (this.disposed) return Promise.reject(this.disposedError());
    const problem = validatePublishTopic(topic);
    if (problem) {
      return Promise.reject(
        new MqttError(
          "invalid-topic",
          `cannot publish to "${topic}": ${problem.message} (at character ${problem.offset + 1})`,
          {
            broker: this.name,
          },
        ),
      );
    }
    const force = options.force ?? true;
    const status = this.currentState.status;
    if (status !== "connected" && !force) {
      return Promise.reject(
        new MqttError(
          "not-connected",
          `broker "${this.name}" is not connected (${status}); publish with force=yes to connect first`,
          {
            broker: this.name,
          },
        ),
      );
    }
    const outstanding = this.queue.length + this.inflight.size;
    if (outstanding >= this.deps.maxQueuedPublishes) {
      return Promise.reject(
        new MqttError(
          "queue-full",
          `broker "${this.name}" already has ${outstanding} publishes waiting for the connection or for an acknowledgement; not queuing more`,
          { broker: this.name },
        ),
      );
    }
    const deadlineMs = options.deadlineMs ?? DEFAULT_OPERATION_DEADLINE_MS;
    const done = new Promise<void>((resolve, reject) => {
      const entry: PendingPublish = {
        seq: ++this.publishSeq,
        topic,
        payload: typeof payload === "string" ? Buffer.from(payload, "utf8") : payload,
        qos: options.qos ?? 0,
        retain: options.retain ?? false,
        disconnectAfter: options.disconnectAfter ?? false,
        resolve,
        reject,
        expiresAt: this.deps.clock.now() + deadlineMs,
        deadlineMs,
        sentOn: undefined,
        settled: false,
      };
      this.queue.push(entry);
      this.armDeadline(entry.expiresAt);
    });
    if (status !== "connected") this.ensureConnecting();
    else this.drain();
    return done;
  }

  /** Subscribes and resolves with the QoS the broker granted; the filter is restored after every reconnect. */
  async subscribe(filter: string, qos: QoS = 0, options: SubscribeOptions = {}): Promise<QoS> {
    if (this.disposed) throw this.disposedError();
    const problem = validateTopicFilter(filter);
    if (problem) {
      throw new MqttError(
        "invalid-topic",
        `cannot subscribe to "${filter}": ${problem.message} (at character ${problem.offset + 1})`,
        {
          broker: this.name,
        },
      );
    }
    const deadlineMs = options.deadlineMs ?? DEFAULT_OPERATION_DEADLINE_MS;
    const started = this.deps.clock.now();
    if (this.currentState.status !== "connected") {
      if (!(options.force ?? true)) {
        throw new MqttError(
          "not-connected",
          `broker "${this.name}" is not connected; subscribe with force=yes to connect first`,
          {
            broker: this.name,
          },
        );
      }
      await this.connect(deadlineMs);
    }
    const attempt = this.current;
    if (!attempt?.client || attempt.phase !== "up") {
      throw new MqttError(
        "not-connected",
        `broker "${this.name}" lost its connection while subscribing to "${filter}"`,
        {
          broker: this.name,
        },
      );
    }
    const had = this.subscriptionQos.get(filter);
    this.subscriptionQos.set(filter, qos);
    try {
      const remaining = Math.max(1, deadlineMs - (this.deps.clock.now() - started));
      const granted = await this.sendSubscriptions(attempt, [[filter, qos]], remaining);
      const result = granted.get(filter);
      if (result === undefined) throw this.subscribeRefused(filter);
      return result;
    } catch (error) {
      if (had === undefined) this.subscriptionQos.delete(filter);
      else this.subscriptionQos.set(filter, had);
      throw error;
    }
  }

  /** Drops a subscription (and stops restoring it); sends UNSUBSCRIBE when connected. */
  async unsubscribe(filter: string, options: { deadlineMs?: number } = {}): Promise<void> {
    this.subscriptionQos.delete(filter);
    const attempt = this.current;
    const client = attempt?.client;
    if (!client || attempt.phase !== "up") return;
    const deadlineMs = options.deadlineMs ?? DEFAULT_OPERATION_DEADLINE_MS;
    const sent = new Promise<void>((resolve, reject) => {
      client.unsubscribe(filter, (error) => (error ? reject(error) : resolve()));
    });
    try {
      await withDeadline(
        sent,
        deadlineMs,
        this.deps.clock,
        () =>
          new MqttError(
            "timeout",
            `unsubscribe from "${filter}" on broker "${this.name}" got no answer within ${deadlineMs} ms`,
            { broker: this.name },
          ),
      );
    } catch (error) {
      if (error instanceof MqttError) throw error;
      throw new MqttError(
        "subscribe-failed",
        `unsubscribe from "${filter}" on broker "${this.name}" failed: ${this.clean(errorParts(error).message)}`,
        {
          broker: this.name,
        },
      );
    }
  }

  /** Protocol, cipher and server certificate of the live TLS session, if any. */
  tlsInfo(): TlsSessionInfo | undefined {
    const raw = this.current?.client?.stream as
      (Partial<TLSSocket> & { socket?: Partial<TLSSocket> }) | undefined;
    const stream = raw?.socket ?? raw;
    if (!stream || typeof stream.getPeerCertificate !== "function") return undefined;
    const peer = stream.getPeerCertificate();
    return {
      protocol: stream.getProtocol?.() ?? undefined,
      cipher: stream.getCipher?.().name,
      server: peer && Object.keys(peer).length ? summarizePeerCertificate(peer) : undefined,
    };
  }

  // ---- attempts ----------------------------------------------------------------------------------------------

  /** Starts an attempt unless one is running or a retry is already scheduled (a publish must not defeat the backoff). */
  private ensureConnecting(): void {
    this.wanted = true;
    if (this.current || this.retryTimer !== undefined) return;
    this.startAttempt();
  }

  private startAttempt(): void {
    this.clearRetry();
    const attempt: Attempt = {
      seq: ++this.seqCounter,
      client: undefined,
      phase: "opening",
      connackAt: 0,
      lastError: undefined,
      guard: undefined,
      disconnectReason: undefined,
      tls: undefined,
    };
    this.current = attempt;
    this.setState({ status: "connecting", attempt: this.failures + 1 });
    void this.openAttempt(attempt);
  }

  private async openAttempt(attempt: Attempt): Promise<void> {
    const profile = this.profileValue;
    try {
      const problems = this.deps.validateProfile?.(profile) ?? [];
      if (problems.length > 0) {
        throw new MqttError(
          "invalid-profile",
          `broker "${profile.name}" cannot connect: ${problems.map((p) => `${p.property}: ${p.message}`).join("; ")}`,
          { broker: profile.name },
        );
      }
      const options = await toMqttOptions(profile, this.deps.secrets, {
        fallbackClientId: this.fallbackClientId,
        connectTimeoutMs: this.deps.connectTimeoutMs,
      });
      if (typeof options.password === "string") this.deps.redactor.add(options.password);
      this.deps.redactor.add(options.passphrase);
      if (attempt !== this.current) return;
      if (profile.ssl && profile.certificate && !profile.tls.certFile) {
        this.log(
          "warn",
          `broker "${profile.name}" names client certificate "${profile.certificate}" but the editor has no certificate file for it; connecting without a client certificate`,
        );
      }
      if (profile.ssl) {
        attempt.tls = {
          ca: options.ca as Buffer | undefined,
          cert: options.cert as Buffer | undefined,
          key: options.key as Buffer | undefined,
          passphrase: options.passphrase,
        };
      }
      this.log(
        "info",
        `connecting to broker "${profile.name}" at ${describeEndpoint(profile)} as ${options.clientId ?? "?"}`,
      );
      const client = this.deps.createClient(options);
      attempt.client = client;
      attempt.guard = this.deps.clock.setTimeout(
        () =>
          this.attemptFailed(
            attempt,
            connectTimeout(profile.name, describeEndpoint(profile), profile, this.deps.connectTimeoutMs),
          ),
        this.deps.connectTimeoutMs + 250,
      );
      client.on("connect", (connack: IConnackPacket) => void this.onConnack(attempt, connack));
      client.on("error", (error: Error) => this.onClientError(attempt, error));
      client.on("close", () => this.onClose(attempt));
      client.on("disconnect", (packet: IDisconnectPacket) => {
        attempt.disconnectReason = packet.reasonCode;
      });
      client.on("message", (topic: string, payload: Buffer, packet: IPublishPacket) => {
        if (attempt !== this.current) return;
        this.deps.onMessage(topic, payload, { qos: packet.qos, retain: packet.retain, dup: packet.dup });
      });
    } catch (error) {
      this.attemptFailed(attempt, error);
    }
  }

  private onClientError(attempt: Attempt, error: Error): void {
    if (attempt !== this.current) return;
    attempt.lastError = error;
    if (attempt.phase === "opening") this.attemptFailed(attempt, error);
    else this.log("debug", `broker "${this.name}": ${this.clean(error.message)}`);
  }

  private onClose(attempt: Attempt): void {
    if (attempt !== this.current || attempt.phase === "closed") return;
    if (attempt.phase === "opening") {
      this.attemptFailed(attempt, attempt.lastError ?? closedBeforeConnackError());
      return;
    }
    this.connectionLost(attempt);
  }

  /** A failed attempt: classify (probing TLS if needed), then retry with backoff or stop. */
  private attemptFailed(attempt: Attempt, error: unknown): void {
    if (attempt !== this.current || attempt.phase === "closed") return;
    attempt.phase = "closed";
    this.kick.reset();
    void this.closeAttempt(attempt, false);
    const profile = this.profileValue;
    void describeConnectFailure(error, {
      profile,
      tls: attempt.tls,
      secrets: [],
      now: new Date(this.deps.clock.now()),
      probe: this.deps.probe,
      connectTimeoutMs: this.deps.connectTimeoutMs,
    })
      .catch(
        (e: unknown) =>
          new MqttError("unknown", `connecting to broker "${profile.name}" failed: ${errorParts(e).message}`),
      )
      .then((described) => {
        if (attempt !== this.current) return;
        this.current = undefined;
        this.failed(this.cleanError(described));
      });
  }

  private async onConnack(attempt: Attempt, connack: IConnackPacket): Promise<void> {
    if (attempt !== this.current || attempt.phase !== "opening" || !attempt.client) return;
    if (attempt.guard !== undefined) this.deps.clock.clearTimeout(attempt.guard);
    attempt.phase = "restoring";
    attempt.connackAt = this.deps.clock.now();
    const clientId = attempt.client.options.clientId ?? "";
    this.log(
      "info",
      `connected to broker "${this.name}" as ${clientId}${connack.sessionPresent ? " (session present)" : ""}`,
    );
    if (this.subscriptionQos.size > 0) {
      try {
        await this.sendSubscriptions(attempt, [...this.subscriptionQos], this.deps.connectTimeoutMs);
      } catch (error) {
        if (attempt !== this.current) return;
        this.log(
          "warn",
          `broker "${this.name}": restoring subscriptions failed: ${this.clean(errorParts(error).message)}`,
        );
      }
    }
    if (attempt !== this.current || attempt.phase !== "restoring") return;
    attempt.phase = "up";
    this.setState({ status: "connected", since: attempt.connackAt, clientId });
    for (const waiter of [...this.waiters]) waiter.resolve();
    this.waiters.clear();
    this.drain();
  }

  /** Subscribes a batch; resolves with the granted QoS of each accepted filter, dropping refused ones (with a log line). */
  private async sendSubscriptions(
    attempt: Attempt,
    filters: Array<[string, QoS]>,
    deadlineMs: number,
  ): Promise<Map<string, QoS>> {
    const client = attempt.client;
    if (!client)
      throw new MqttError("not-connected", `broker "${this.name}" is not connected`, { broker: this.name });
    const request = Object.fromEntries(filters.map(([filter, qos]) => [filter, { qos }]));
    const sent = new Promise<ISubscriptionGrant[]>((resolve, reject) => {
      client.subscribe(request, (error, granted) => (error ? reject(error) : resolve(granted ?? [])));
    });
    let grants: ISubscriptionGrant[];
    try {
      grants = await withDeadline(
        sent,
        deadlineMs,
        this.deps.clock,
        () =>
          new MqttError(
            "timeout",
            `broker "${this.name}" did not acknowledge the subscription to ${filters.map(([f]) => `"${f}"`).join(", ")} within ${deadlineMs} ms`,
            {
              broker: this.name,
            },
          ),
      );
    } catch (error) {
      if (error instanceof MqttError) throw error;
      throw new MqttError(
        "subscribe-failed",
        `subscribing on broker "${this.name}" failed: ${this.clean(errorParts(error).message)}`,
        {
          broker: this.name,
        },
      );
    }
    const out = new Map<string, QoS>();
    for (const grant of grants) {
      if (grant.qos === 0 || grant.qos === 1 || grant.qos === 2) out.set(grant.topic, grant.qos);
      else {
        this.subscriptionQos.delete(grant.topic);
        this.log("warn", this.subscribeRefused(grant.topic).message);
      }
    }
    return out;
  }

  private subscribeRefused(filter: string): MqttError {
    return new MqttError(
      "subscribe-failed",
      `broker "${this.name}" refused the subscription to "${filter}" (not authorised, or the filter is not allowed)`,
      {
        broker: this.name,
      },
    );
  }

  /** The broker closed a session it had accepted. */
  private connectionLost(attempt: Attempt): void {
    attempt.phase = "closed";
    this.current = undefined;
    void this.closeAttempt(attempt, false);
    this.requeueInflight();
    const lived = this.deps.clock.now() - attempt.connackAt;
    const clientId = attempt.client?.options.clientId ?? "";
    const { windowMs } = this.deps.kickLoop;
    let error: MqttError;
    if (attempt.disconnectReason === MQTT5_SESSION_TAKEN_OVER || this.kick.recordDrop(lived)) {
      const kicks = attempt.disconnectReason === MQTT5_SESSION_TAKEN_OVER ? 1 : this.kick.count;
      error = new MqttError("client-id-conflict", kickLoopMessage(this.name, clientId, kicks, windowMs), {
        broker: this.name,
        ...(attempt.disconnectReason !== undefined ? { code: attempt.disconnectReason } : {}),
      });
      this.wanted = false;
    } else {
      const cause = attempt.lastError ? `: ${this.clean(errorParts(attempt.lastError).message)}` : "";
      const hint = this.kick.lastDropWasQuick
        ? ` ${Math.round(lived)} ms after accepting it; if another client (the router?) uses client-id "${clientId}", they kick each other off`
        : "";
      error = new MqttError("connection-lost", `broker "${this.name}" closed the connection${hint}${cause}`, {
        broker: this.name,
      });
      if (lived > windowMs) this.failures = 0;
    }
    this.log("warn", error.message);
    this.failed(error);
  }

  /** After a failed attempt or a lost connection: schedule a retry, or stop in the error state. */
  private failed(error: MqttError): void {
    this.failures++;
    this.rejectWaiters(error);
    const { maxAttempts } = this.deps.backoff;
    if (this.wanted && this.profileValue.autoConnect && error.transient && !this.disposed) {
      if (this.failures < maxAttempts) {
        this.scheduleRetry(error);
        return;
      }
      error = new MqttError(error.kind, `gave up after ${this.failures} attempts: ${error.message}`, {
        broker: this.name,
        ...(error.code !== undefined ? { code: error.code } : {}),
        transient: false,
      });
    }
    this.wanted = false;
    this.rejectAllPublishes(error);
    this.setState({ status: "error", reason: error.message, error });
    this.log("error", error.message);
  }

  private scheduleRetry(lastError: MqttError): void {
    const delay = backoffDelay(this.failures, this.deps.backoff, this.deps.random);
    const nextTryAt = this.deps.clock.now() + delay;
    this.retryTimer = this.deps.clock.setTimeout(() => {
      this.retryTimer = undefined;
      if (this.wanted && !this.current) this.startAttempt();
    }, delay);
    this.setState({ status: "reconnecting", attempt: this.failures, nextTryAt, lastError });
    this.log("info", `broker "${this.name}": retry ${this.failures} in ${delay} ms (${lastError.message})`);
  }

  /** Gives up the attempt in progress (connect deadline passed without auto-connect). */
  private abandon(error: MqttError): void {
    const attempt = this.current;
    if (!attempt) return;
    attempt.phase = "closed";
    this.current = undefined;
    void this.closeAttempt(attempt, false);
    this.failed(error);
  }

  private async closeAttempt(attempt: Attempt, graceful: boolean): Promise<void> {
    attempt.phase = "closed";
    if (attempt.guard !== undefined) this.deps.clock.clearTimeout(attempt.guard);
    const client = attempt.client;
    if (!client) return;
    // Keep an error listener: a late socket error on a discarded client must not become an uncaught exception.
    client.removeAllListeners("message");
    if (graceful && client.connected) {
      try {
        await withDeadline(
          client.endAsync(false),
          2000,
          this.deps.clock,
          () => new Error("graceful close timed out"),
        );
        return;
      } catch {
        // Fall through to the forced close.
      }
    }
    client.end(true);
  }

  // ---- publishes -------------------------------------------------------------------------------------------

  private drain(): void {
    const attempt = this.current;
    const client = attempt?.client;
    if (!attempt || !client || attempt.phase !== "up") return;
    while (this.queue.length > 0 && client.connected) {
      const entry = this.queue.shift() as PendingPublish;
      if (entry.settled) continue;
      entry.sentOn = attempt;
      this.inflight.add(entry);
      client.publish(entry.topic, entry.payload, { qos: entry.qos, retain: entry.retain }, (error) =>
        this.publishDone(entry, attempt, error),
      );
    }
  }

  private publishDone(entry: PendingPublish, attempt: Attempt, error: Error | undefined): void {
    if (entry.settled || entry.sentOn !== attempt) return;
    this.inflight.delete(entry);
    entry.sentOn = undefined;
    if (!error) {
      this.settle(entry);
      entry.resolve();
      if (entry.disconnectAfter) void this.disconnect();
      return;
    }
    const message = errorParts(error).message;
    const linkGone =
      attempt !== this.current ||
      !attempt.client?.connected ||
      /connection closed|disconnecting/i.test(message);
    if (linkGone) {
      this.insertInQueue(entry);
      return;
    }
    this.settle(entry);
    entry.reject(
      new MqttError(
        "publish-failed",
        `publish to "${entry.topic}" on broker "${this.name}" failed: ${this.clean(message)}`,
        {
          broker: this.name,
        },
      ),
    );
  }

  private requeueInflight(): void {
    const entries = [...this.inflight].sort((a, b) => a.seq - b.seq);
    this.inflight.clear();
    for (const entry of entries) {
      entry.sentOn = undefined;
      this.insertInQueue(entry);
    }
  }

  /** Puts an entry back in arrival order, so a resend keeps the original order. */
  private insertInQueue(entry: PendingPublish): void {
    let i = 0;
    while (i < this.queue.length && (this.queue[i]?.seq ?? 0) < entry.seq) i++;
    this.queue.splice(i, 0, entry);
  }

  /** Makes sure the deadline timer fires no later than `at`. */
  private armDeadline(at: number): void {
    if (this.deadlineTimer && this.deadlineTimer.at <= at) return;
    if (this.deadlineTimer) this.deps.clock.clearTimeout(this.deadlineTimer.handle);
    const handle = this.deps.clock.setTimeout(
      () => this.expireOverduePublishes(),
      Math.max(0, at - this.deps.clock.now()),
    );
    this.deadlineTimer = { handle, at };
  }

  private expireOverduePublishes(): void {
    this.deadlineTimer = undefined;
    const now = this.deps.clock.now();
    let next = Infinity;
    for (const entry of [...this.queue, ...this.inflight]) {
      if (entry.settled) continue;
      if (entry.expiresAt <= now) this.expirePublish(entry);
      else next = Math.min(next, entry.expiresAt);
    }
    if (next !== Infinity) this.armDeadline(next);
  }

  private expirePublish(entry: PendingPublish): void {
    if (entry.settled) return;
    const deadlineMs = entry.deadlineMs;
    this.settle(entry);
    const state = this.currentState;
    const why =
      state.status === "connected"
        ? "the broker did not acknowledge it"
        : state.status === "error"
          ? state.reason
          : `the broker is ${state.status}`;
    entry.reject(
      new MqttError(
        "timeout",
        `timeout: publish to "${entry.topic}" on broker "${this.name}" did not complete within ${deadlineMs} ms (${why})`,
        {
          broker: this.name,
        },
      ),
    );
  }

  private settle(entry: PendingPublish): void {
    entry.settled = true;
    this.inflight.delete(entry);
    const i = this.queue.indexOf(entry);
    if (i >= 0) this.queue.splice(i, 1);
  }

  /** Stops the deadline timer (nothing is pending any more: the connection is closing or disposed). */
  private clearDeadline(): void {
    if (this.deadlineTimer) this.deps.clock.clearTimeout(this.deadlineTimer.handle);
    this.deadlineTimer = undefined;
  }

  private rejectAllPublishes(error: MqttError): void {
    const all = [...this.queue, ...this.inflight];
    this.queue = [];
    this.inflight.clear();
    this.clearDeadline();
    for (const entry of all) {
      if (entry.settled) continue;
      this.settle(entry);
      entry.reject(error);
    }
  }

  // ---- helpers ---------------------------------------------------------------------------------------------

  private rejectWaiters(error: MqttError): void {
    const waiters = [...this.waiters];
    this.waiters.clear();
    for (const waiter of waiters) waiter.reject(error);
  }

  private clearRetry(): void {
    if (this.retryTimer !== undefined) this.deps.clock.clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  private setState(state: ConnectionState): void {
    this.currentState = state;
    this.deps.onState(state);
  }

  private disposedError(): MqttError {
    return new MqttError("disposed", `the connection to broker "${this.name}" was closed for good`, {
      broker: this.name,
    });
  }

  private clean(text: string): string {
    return this.deps.redactor.redact(text);
  }

  /** Re-creates an error with its texts redacted against every secret seen so far. */
  private cleanError(error: MqttError): MqttError {
    const message = this.clean(error.message);
    const detail = error.detail === undefined ? undefined : this.clean(error.detail);
    if (message === error.message && detail === error.detail) return error;
    return new MqttError(error.kind, message, {
      ...(error.broker !== undefined ? { broker: error.broker } : {}),
      ...(error.code !== undefined ? { code: error.code } : {}),
      ...(detail !== undefined ? { detail } : {}),
      transient: error.transient,
    });
  }

  private log(level: LogLevel, message: string): void {
    this.deps.log(level, this.clean(message));
  }
}

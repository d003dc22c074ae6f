// One broker's connection and its state machine: attempts with deadlines, reconnect with backoff, kick-loop detection, restored subscriptions, and publishes that survive reconnects until their own deadline.
import type { IConnackPacket, IDisconnectPacket, IPublishPacket, MqttClient } from "mqtt";
import { backoffDelay } from "./backoff";
import { describeEndpoint, randomClientId, type BrokerProfile } from "./brokerProfile";
import type { TimerHandle } from "./clock";
import {
  closedBeforeConnackError,
  connectTimeout,
  describeConnectFailure,
  type AttemptTlsMaterial,
} from "./connectFailure";
import { DISCONNECTED, type ConnectionState } from "./connectionState";
import {
  DEFAULT_OPERATION_DEADLINE_MS,
  type BrokerConnectionDeps,
  type LogLevel,
  type PublishOptions,
  type SubscribeOptions,
  type TlsSessionInfo,
} from "./connectionTypes";
import { withDeadline } from "./deadline";
import { MqttError, errorParts, redactedError } from "./errors";
import { KickLoopDetector } from "./kickLoop";
import { attemptOptions, closeClient, lostConnectionError } from "./attemptParts";
import { readPacketProperties } from "./messageProperties";
import { PublishQueue } from "./publishQueue";
import type { QoS } from "./qos";
import {
  clientTlsInfo,
  requestSubscriptions,
  requestUnsubscribe,
  subscribeRefused,
  type RequestContext,
} from "./subscriptionRequests";
import { filterRefusal, publishRefusal } from "./operationChecks";
import { validatePublishTopic } from "./topics";

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

interface Waiter {
  resolve: () => void;
  reject: (error: MqttError) => void;
}

const MQTT5_SESSION_TAKEN_OVER = 142;

export class BrokerConnection {
  private currentState: ConnectionState = DISCONNECTED;
  private current: Attempt | undefined;
  private seqCounter = 0;
  /** The user asked for the connection (connect, forced publish/subscribe) and has not disconnected since. */
  private wanted = false;
  /** Failed attempts in a row, for the backoff. */
  private failures = 0;
  private retryTimer: TimerHandle | undefined;
  private readonly waiters = new Set<Waiter>();
  private readonly subscriptionQos = new Map<string, QoS>();
  private readonly publishes: PublishQueue;
  private readonly requests: RequestContext;
  private readonly kick: KickLoopDetector;
  private readonly fallbackClientId = randomClientId();
  private disposed = false;

  constructor(
    private profileValue: BrokerProfile,
    private readonly deps: BrokerConnectionDeps,
  ) {
    this.kick = new KickLoopDetector(deps.kickLoop);
    // A connection keeps its name: the manager makes a new connection for a renamed broker.
    this.requests = { name: profileValue.name, clock: deps.clock, clean: (text) => this.clean(text) };
    this.publishes = new PublishQueue({
      name: profileValue.name,
      clock: deps.clock,
      maxQueued: deps.maxQueuedPublishes,
      state: () => this.currentState,
      isLive: (attempt) => attempt === this.current && this.current.client?.connected === true,
      clean: (text) => this.clean(text),
      disconnect: () => void this.disconnect(),
    });
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
    this.publishes.rejectAll(cancelled);
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
    if (!this.publishes.empty || this.currentState.status !== "connected") return false;
    if (client.stream.writableNeedDrain || validatePublishTopic(topic) !== undefined) return false;
    client.publish(topic, payload, { qos: 0, retain });
    return true;
  }

  /** Publishes and resolves when the QoS flow completes (written for QoS 0, PUBACK for 1, PUBCOMP for 2). */
  publish(topic: string, payload: string | Buffer, options: PublishOptions = {}): Promise<void> {
    if (this.disposed) return Promise.reject(this.disposedError());
    const status = this.currentState.status;
    const refusal = publishRefusal(this.name, topic, options, status, this.profileValue.protocolVersion);
    if (refusal) return Promise.reject(refusal);
    const done = this.publishes.enqueue(topic, payload, options);
    if (status !== "connected") this.ensureConnecting();
    else this.drain();
    return done;
  }

  /** Subscribes and resolves with the QoS the broker granted; the filter is restored after every reconnect. */
  async subscribe(filter: string, qos: QoS = 0, options: SubscribeOptions = {}): Promise<QoS> {
    if (this.disposed) throw this.disposedError();
    const refusal = filterRefusal(this.name, filter);
    if (refusal) throw refusal;
    const deadlineMs = options.deadlineMs ?? DEFAULT_OPERATION_DEADLINE_MS;
    const started = this.deps.clock.now();
    if (this.currentState.status !== "connected") {
      if (!(options.force ?? true)) {
        const text = `broker "${this.name}" is not connected; subscribe with force=yes to connect first`;
        throw new MqttError("not-connected", text, { broker: this.name });
      }
      await this.connect(deadlineMs);
    }
    const attempt = this.current;
    if (!attempt?.client || attempt.phase !== "up") {
      const text = `broker "${this.name}" lost its connection while subscribing to "${filter}"`;
      throw new MqttError("not-connected", text, { broker: this.name });
    }
    const had = this.subscriptionQos.get(filter);
    this.subscriptionQos.set(filter, qos);
    try {
      const remaining = Math.max(1, deadlineMs - (this.deps.clock.now() - started));
      const granted = await this.sendSubscriptions(attempt, [[filter, qos]], remaining);
      const result = granted.get(filter);
      if (result === undefined) throw subscribeRefused(this.name, filter);
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
    await requestUnsubscribe(
      this.requests,
      client,
      filter,
      options.deadlineMs ?? DEFAULT_OPERATION_DEADLINE_MS,
    );
  }

  /** Protocol, cipher and server certificate of the live TLS session, if any. */
  tlsInfo(): TlsSessionInfo | undefined {
    return clientTlsInfo(this.current?.client);
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
      const { options, tls } = await attemptOptions(profile, this.deps, this.fallbackClientId, (level, m) =>
        this.log(level, m),
      );
      if (attempt !== this.current) return;
      attempt.tls = tls;
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
        const properties = readPacketProperties(packet.properties);
        this.deps.onMessage(topic, payload, {
          qos: packet.qos,
          retain: packet.retain,
          dup: packet.dup,
          ...(properties ? { properties } : {}),
        });
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
        this.failed(redactedError(described, (text) => this.clean(text)));
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
    const { granted, refused } = await requestSubscriptions(this.requests, client, filters, deadlineMs);
    for (const filter of refused) {
      this.subscriptionQos.delete(filter);
      this.log("warn", subscribeRefused(this.name, filter).message);
    }
    return granted;
  }

  /** The broker closed a session it had accepted. */
  private connectionLost(attempt: Attempt): void {
    attempt.phase = "closed";
    this.current = undefined;
    void this.closeAttempt(attempt, false);
    this.publishes.requeueInflight();
    const lived = this.deps.clock.now() - attempt.connackAt;
    const clientId = attempt.client?.options.clientId ?? "";
    const taken = attempt.disconnectReason === MQTT5_SESSION_TAKEN_OVER;
    const kicked = taken || this.kick.recordDrop(lived);
    const error = lostConnectionError({
      name: this.name,
      clientId,
      kicks: kicked ? (taken ? 1 : this.kick.count) : undefined,
      windowMs: this.deps.kickLoop.windowMs,
      disconnectReason: attempt.disconnectReason,
      livedMs: lived,
      quickDrop: this.kick.lastDropWasQuick,
      cause: attempt.lastError ? this.clean(errorParts(attempt.lastError).message) : undefined,
    });
    if (kicked) this.wanted = false;
    else if (lived > this.deps.kickLoop.windowMs) this.failures = 0;
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
    this.publishes.rejectAll(error);
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
    if (attempt.client) await closeClient(attempt.client, graceful, this.deps.clock);
  }

  private drain(): void {
    const attempt = this.current;
    const client = attempt?.client;
    if (!attempt || !client || attempt.phase !== "up") return;
    this.publishes.drain(attempt, client);
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

  private log(level: LogLevel, message: string): void {
    this.deps.log(level, this.clean(message));
  }
}

// A broker connection's attempts, the state machine under brokerConnection.ts: a client opened with a deadline, subscriptions restored on CONNACK, and after a failed attempt or a lost session a retry with backoff, the kick-loop check, or the error state.
import type { IConnackPacket, IDisconnectPacket, IPublishPacket, MqttClient } from "mqtt";
import { attemptOptions, closeClient, lostConnectionError } from "./attemptParts";
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
import type { BrokerConnectionDeps, LogLevel } from "./connectionTypes";
import { MqttError, errorParts, redactedError } from "./errors";
import { KickLoopDetector } from "./kickLoop";
import { readPacketProperties } from "./messageProperties";
import { PublishQueue } from "./publishQueue";
import type { QoS } from "./qos";
import { requestSubscriptions, subscribeRefused, type RequestContext } from "./subscriptionRequests";

/** One try at a session: its client, how far it got, and what it learnt on the way. */
export interface Attempt {
  readonly seq: number;
  client: MqttClient | undefined;
  phase: "opening" | "restoring" | "up" | "closed";
  connackAt: number;
  lastError: unknown;
  guard: TimerHandle | undefined;
  disconnectReason: number | undefined;
  tls: AttemptTlsMaterial | undefined;
}

/** A `connect()` waiting for the session to be up. */
export interface Waiter {
  resolve: () => void;
  reject: (error: MqttError) => void;
}

const MQTT5_SESSION_TAKEN_OVER = 142;

/** The attempts of one broker's connection; BrokerConnection adds what its users ask of it. */
export abstract class ConnectionAttempts {
  protected currentState: ConnectionState = DISCONNECTED;
  protected current: Attempt | undefined;
  protected seqCounter = 0;
  /** The user asked for the connection (connect, forced publish/subscribe) and has not disconnected since. */
  protected wanted = false;
  /** Failed attempts in a row, for the backoff. */
  private failures = 0;
  private retryTimer: TimerHandle | undefined;
  protected readonly waiters = new Set<Waiter>();
  protected readonly subscriptionQos = new Map<string, QoS>();
  protected readonly publishes: PublishQueue;
  protected readonly requests: RequestContext;
  private readonly kick: KickLoopDetector;
  private readonly fallbackClientId = randomClientId();
  protected disposed = false;

  constructor(
    protected profileValue: BrokerProfile,
    protected readonly deps: BrokerConnectionDeps,
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

  /** Closes the connection on request: stops reconnecting and cancels waiting operations. */
  abstract disconnect(): Promise<void>;

  get name(): string {
    return this.profileValue.name;
  }

  // ---- attempts ----------------------------------------------------------------------------------------------

  /** Starts an attempt unless one is running or a retry is already scheduled (a publish must not defeat the backoff). */
  protected ensureConnecting(): void {
    this.wanted = true;
    if (this.current || this.retryTimer !== undefined) return;
    this.startAttempt();
  }

  protected startAttempt(): void {
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
          retainAsPublished: profile.protocolVersion === 5,
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
  protected async sendSubscriptions(
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
  protected abandon(error: MqttError): void {
    const attempt = this.current;
    if (!attempt) return;
    attempt.phase = "closed";
    this.current = undefined;
    void this.closeAttempt(attempt, false);
    this.failed(error);
  }

  protected async closeAttempt(attempt: Attempt, graceful: boolean): Promise<void> {
    attempt.phase = "closed";
    if (attempt.guard !== undefined) this.deps.clock.clearTimeout(attempt.guard);
    if (attempt.client) await closeClient(attempt.client, graceful, this.deps.clock);
  }

  protected drain(): void {
    const attempt = this.current;
    const client = attempt?.client;
    if (!attempt || !client || attempt.phase !== "up") return;
    this.publishes.drain(attempt, client);
  }

  // ---- helpers ---------------------------------------------------------------------------------------------

  protected rejectWaiters(error: MqttError): void {
    const waiters = [...this.waiters];
    this.waiters.clear();
    for (const waiter of waiters) waiter.reject(error);
  }

  protected clearRetry(): void {
    if (this.retryTimer !== undefined) this.deps.clock.clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  protected setState(state: ConnectionState): void {
    this.currentState = state;
    this.deps.onState(state);
  }

  private clean(text: string): string {
    return this.deps.redactor.redact(text);
  }

  private log(level: LogLevel, message: string): void {
    this.deps.log(level, this.clean(message));
  }
}

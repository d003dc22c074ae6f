// One broker's connection as its users see it: connect and disconnect on request, publishes that survive reconnects until their own deadline, subscriptions restored after every reconnect (the attempts behind it: connectionAttempts.ts).
import { describeEndpoint, type BrokerProfile } from "./brokerProfile";
import { connectTimeout } from "./connectFailure";
import { ConnectionAttempts, type Waiter } from "./connectionAttempts";
import { DISCONNECTED, type ConnectionState } from "./connectionState";
import {
  DEFAULT_OPERATION_DEADLINE_MS,
  type PublishOptions,
  type SubscribeOptions,
  type TlsSessionInfo,
} from "./connectionTypes";
import { withDeadline } from "./deadline";
import { MqttError } from "./errors";
import { filterRefusal, publishRefusal } from "./operationChecks";
import type { QoS } from "./qos";
import { clientTlsInfo, requestUnsubscribe, subscribeRefused } from "./subscriptionRequests";
import { validatePublishTopic } from "./topics";

/** One broker's connection; the ConnectionManager owns one per broker. */
export class BrokerConnection extends ConnectionAttempts {
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
  override async disconnect(): Promise<void> {
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

  private disposedError(): MqttError {
    return new MqttError("disposed", `the connection to broker "${this.name}" was closed for good`, {
      broker: this.name,
    });
  }
}

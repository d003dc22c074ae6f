// The types a broker connection shares with its parts and its owner: how messages arrive, publish and subscribe options, what a connection needs from outside.
import type { MqttClient } from "mqtt";
import type { BackoffOptions } from "./backoff";
import type { MqttConnectOptions, ProfileValidator, SecretProvider } from "./brokerProfile";
import type { Clock } from "./clock";
import type { ConnectionState } from "./connectionState";
import type { KickLoopOptions } from "./kickLoop";
import type { MessageProperties } from "./messageProperties";
import type { QoS } from "./qos";
import type { SecretRedactor } from "./redact";
import type { CertificateSummary, TlsProbeResult, TlsProbeTarget } from "./tlsDiagnosis";

export type LogLevel = "debug" | "info" | "warn" | "error";
export type Log = (level: LogLevel, message: string) => void;

/** How a message arrived. */
export interface MessageInfo {
  qos: QoS;
  retain: boolean;
  /**
   * The retain flag is the publisher's even for a live message: the connection speaks MQTT 5 and subscribed with
   * Retain As Published. Otherwise (MQTT 3.1.1) only messages the broker delivers from its retained store when a
   * subscription is made carry it.
   */
  retainAsPublished: boolean;
  dup: boolean;
  /** MQTT 5 properties of the PUBLISH packet, when the connection speaks MQTT 5 and the packet has some. */
  properties?: MessageProperties;
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
  /** MQTT 5 properties (user properties, content type...); refused on an MQTT 3.1.1 broker. */
  properties?: MessageProperties;
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

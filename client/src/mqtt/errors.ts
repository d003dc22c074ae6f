// Typed errors of the MQTT layer: a stable `kind` for code, a human sentence for people, and never a secret in either.

export type MqttErrorKind =
  /** A broker URL (CLI `--broker`) that cannot be parsed. */
  | "invalid-url"
  /** The profile cannot be used as it is (no address, a client certificate without its key...). */
  | "invalid-profile"
  /** No profile with that broker name. */
  | "unknown-broker"
  /** A CA, client certificate or key file could not be read. */
  | "file-unreadable"
  /** The client key could not be decrypted with the passphrase (or needs one). */
  | "bad-passphrase"
  | "connection-refused"
  | "host-unreachable"
  | "dns"
  | "timeout"
  /** Bad username or password, or not authorised. */
  | "auth"
  /** Any other CONNACK refusal: protocol version, identifier rejected, server unavailable. */
  | "broker-rejected"
  | "tls-untrusted"
  | "tls-hostname"
  | "tls-expired"
  | "tls-not-yet-valid"
  /** Any other TLS failure: not a TLS port, client certificate refused, protocol mismatch. */
  | "tls-handshake"
  /** The broker closed the connection before accepting it, without saying why. */
  | "closed-before-connack"
  | "connection-lost"
  /** Another client with the same client id keeps taking the session over. */
  | "client-id-conflict"
  | "not-connected"
  | "queue-full"
  | "invalid-topic"
  | "publish-failed"
  | "subscribe-failed"
  /** The editor did not let this broker connect (Restricted Mode, or the user declined a broker a workspace defines). */
  | "not-allowed"
  /** The operation was abandoned because the broker was disconnected or removed on request. */
  | "cancelled"
  | "disposed"
  | "unknown";

/** Kinds worth retrying with backoff when the profile asks to stay connected; the others need a change by the user. */
const TRANSIENT_KINDS: ReadonlySet<MqttErrorKind> = new Set<MqttErrorKind>([
  "connection-refused",
  "host-unreachable",
  "dns",
  "timeout",
  "closed-before-connack",
  "connection-lost",
  "unknown",
]);

export interface MqttErrorInit {
  /** The broker profile name, when the error is about one broker. */
  broker?: string;
  /** The low-level code (errno such as ECONNREFUSED, OpenSSL code, MQTT reason code), for logs and tests. */
  code?: string | number;
  /** Extra lines for a details view (certificate chain, hints). Must already be free of secrets. */
  detail?: string;
  /** Override the default transient/permanent classification of the kind. */
  transient?: boolean;
}

export class MqttError extends Error {
  override readonly name = "MqttError";
  readonly kind: MqttErrorKind;
  readonly broker: string | undefined;
  readonly code: string | number | undefined;
  readonly detail: string | undefined;
  /** True when retrying later may succeed without any change by the user. */
  readonly transient: boolean;

  constructor(kind: MqttErrorKind, message: string, init: MqttErrorInit = {}) {
    super(message);
    this.kind = kind;
    this.broker = init.broker;
    this.code = init.code;
    this.detail = init.detail;
    this.transient = init.transient ?? TRANSIENT_KINDS.has(kind);
  }

  toJSON(): {
    kind: MqttErrorKind;
    message: string;
    broker?: string;
    code?: string | number;
    detail?: string;
  } {
    return {
      kind: this.kind,
      message: this.message,
      ...(this.broker !== undefined ? { broker: this.broker } : {}),
      ...(this.code !== undefined ? { code: this.code } : {}),
      ...(this.detail !== undefined ? { detail: this.detail } : {}),
    };
  }
}

export function isMqttError(value: unknown): value is MqttError {
  return value instanceof MqttError;
}

/** Reads `code` and `message` from anything thrown, without trusting its shape. */
export function errorParts(error: unknown): { code: string | undefined; message: string } {
  if (error && typeof error === "object") {
    const code = (error as { code?: unknown }).code;
    const message = (error as { message?: unknown }).message;
    return {
      code: typeof code === "string" || typeof code === "number" ? String(code) : undefined,
      message: typeof message === "string" ? message : Object.prototype.toString.call(error),
    };
  }
  return { code: undefined, message: String(error) };
}

/** The same error with its texts passed through `redact` (the same object when nothing changed). */
export function redactedError(error: MqttError, redact: (text: string) => string): MqttError {
  const message = redact(error.message);
  const detail = error.detail === undefined ? undefined : redact(error.detail);
  if (message === error.message && detail === error.detail) return error;
  return new MqttError(error.kind, message, {
    ...(error.broker !== undefined ? { broker: error.broker } : {}),
    ...(error.code !== undefined ? { code: error.code } : {}),
    ...(detail !== undefined ? { detail } : {}),
    transient: error.transient,
  });
}

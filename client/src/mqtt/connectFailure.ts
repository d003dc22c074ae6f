// Turns whatever a failed connect attempt produced (socket errno, CONNACK refusal, TLS error, timeout) into one typed MqttError with a sentence a network engineer can act on.
import { ReasonCodes } from "mqtt";
import type { PeerCertificate } from "node:tls";
import { describeEndpoint, type BrokerProfile } from "./brokerProfile";
import { MqttError, errorParts } from "./errors";
import { redactText } from "./redact";
import {
  explainTlsFailure,
  isCertificateVerificationError,
  probeTls,
  summarizePeerCertificate,
  type TlsProbeResult,
  type TlsProbeTarget,
} from "./tlsDiagnosis";

/** The TLS material of the failed attempt, so the probe is judged by the server exactly like it. */
export interface AttemptTlsMaterial {
  ca?: Buffer | string | undefined;
  cert?: Buffer | string | undefined;
  key?: Buffer | string | undefined;
  passphrase?: string | undefined;
}

/** The code of the error a connection produces when the broker closes it before CONNACK without any error. */
export const CLOSED_BEFORE_CONNACK = "CLOSED_BEFORE_CONNACK";

export function closedBeforeConnackError(): Error {
  return Object.assign(new Error("the broker closed the connection before CONNACK"), {
    code: CLOSED_BEFORE_CONNACK,
  });
}

export interface FailureContext {
  profile: BrokerProfile;
  tls?: AttemptTlsMaterial | undefined;
  secrets: Iterable<string>;
  now: Date;
  /** Replaceable for tests; defaults to {@link probeTls}. */
  probe?: (target: TlsProbeTarget) => Promise<TlsProbeResult | undefined>;
  probeTimeoutMs?: number;
  /** The attempt's CONNACK timeout, to say how long was waited. */
  connectTimeoutMs?: number;
}

const AUTH_CODES = new Set([4, 5, 134, 135, 140]);
const TRANSIENT_REFUSALS = new Set([3, 136, 137, 139, 151, 159]);

/** Classifies a connect failure; TLS verification failures run a short probe to name the certificate at fault. */
export async function describeConnectFailure(error: unknown, ctx: FailureContext): Promise<MqttError> {
  if (error instanceof MqttError) return error;
  const { profile } = ctx;
  const broker = profile.name;
  const endpoint = describeEndpoint(profile);
  const hostPort = `${profile.address}:${profile.port}`;
  const { code, message } = errorParts(error);
  const raw = redactText(message, ctx.secrets);
  const reasonCode =
    typeof (error as { code?: unknown } | undefined)?.code === "number" ? Number(code) : undefined;

  /** A fresh TLS handshake with the broker, to see what it sends and what it refuses. */
  const probe = (extra: Pick<TlsProbeTarget, "alertWaitMs"> = {}) =>
    (ctx.probe ?? probeTls)({
      host: profile.address,
      port: profile.port,
      servername: profile.tls.servername,
      ...ctx.tls,
      ...extra,
      timeoutMs: ctx.probeTimeoutMs ?? 2000,
    });

  if (reasonCode !== undefined) return connackRefusal(reasonCode, broker, endpoint, profile);
  if (isCertificateVerificationError(code)) {
    const result = await probe();
    const errorCert = (error as { cert?: PeerCertificate }).cert;
    return explainTlsFailure(code, raw, {
      broker,
      endpoint,
      expectedHost: profile.tls.servername ?? profile.address,
      trustSource: profile.tls.caFile ? `the CA file ${profile.tls.caFile}` : "Node's built-in CA list",
      chain: result?.chain,
      errorCertificate:
        errorCert && typeof errorCert === "object" && errorCert.subject
          ? summarizePeerCertificate(errorCert)
          : undefined,
      now: ctx.now,
    });
  }
  const dropped = code === "ECONNRESET" || code === "EPIPE" || code === CLOSED_BEFORE_CONNACK;
  if (profile.ssl && (dropped || isTlsLayerMessage(message, code))) {
    // A TLS 1.3 server sends its alert (say, "certificate required") after the handshake; if the CONNECT we sent
    // meanwhile draws a reset, the alert is lost. A probe that sends nothing after the handshake reads it.
    const result = await probe({ alertWaitMs: 300 });
    const failure = result?.failure ?? (isTlsLayerMessage(message, code) ? raw : undefined);
    if (failure !== undefined) {
      return explainTlsFailure(undefined, redactText(failure, ctx.secrets), {
        broker,
        endpoint,
        expectedHost: profile.address,
        trustSource: "",
        chain: undefined,
        missingClientCertificate:
          profile.certificate && !profile.tls.certFile ? profile.certificate : undefined,
        now: ctx.now,
      });
    }
  }
  const opts = { broker, code };
  switch (code) {
    case "ECONNREFUSED":
      return new MqttError(
        "connection-refused",
        `connection refused by ${hostPort} (broker "${broker}"): nothing listens on that port, or a firewall rejects it`,
        opts,
      );
    case "EHOSTUNREACH":
    case "ENETUNREACH":
    case "EHOSTDOWN":
    case "ENETDOWN":
      return new MqttError(
        "host-unreachable",
        `host ${profile.address} is unreachable (broker "${broker}"): no route to it from this computer (${code})`,
        opts,
      );
    case "ENOTFOUND":
      return new MqttError(
        "dns",
        `DNS: the host name "${profile.address}" of broker "${broker}" was not found`,
        opts,
      );
    case "EAI_AGAIN":
      return new MqttError(
        "dns",
        `DNS: looking up "${profile.address}" (broker "${broker}") failed for now; is a DNS server reachable?`,
        opts,
      );
    case "ETIMEDOUT":
      return new MqttError("timeout", `timeout: no answer from ${hostPort} (broker "${broker}")`, opts);
    case "ECONNRESET":
    case "EPIPE":
    case CLOSED_BEFORE_CONNACK:
      return closedBeforeConnack(
        broker,
        endpoint,
        profile,
        code === CLOSED_BEFORE_CONNACK ? undefined : code,
      );
  }
  if (/connack timeout/i.test(message)) {
    return connectTimeout(broker, endpoint, profile, ctx.connectTimeoutMs);
  }
  return new MqttError("unknown", `connecting to broker "${broker}" (${endpoint}) failed: ${raw}`, opts);
}

function isTlsLayerMessage(message: string, code: string | undefined): boolean {
  return (
    (code !== undefined && (code.startsWith("ERR_SSL_") || code.startsWith("ERR_TLS_"))) ||
    /ssl|tls|handshake|alert/i.test(message)
  );
}

function connackRefusal(rc: number, broker: string, endpoint: string, profile: BrokerProfile): MqttError {
  const said = (ReasonCodes as Record<number, string | undefined>)[rc] ?? `reason code ${rc}`;
  const opts = { broker, code: rc };
  if (AUTH_CODES.has(rc)) {
    const who = profile.username ? "the user name and password" : "no user name";
    return new MqttError(
      "auth",
      `broker "${broker}" (${endpoint}) refused the login: ${said.toLowerCase()}. Check ${who === "no user name" ? "whether it needs a user name and password" : who}.`,
      opts,
    );
  }
  if (rc === 1 || rc === 132) {
    return new MqttError(
      "broker-rejected",
      `broker "${broker}" (${endpoint}) does not accept MQTT ${profile.protocolVersion === 5 ? "5" : "3.1.1"}: ${said.toLowerCase()}`,
      opts,
    );
  }
  if (rc === 2 || rc === 133) {
    return new MqttError(
      "broker-rejected",
      `broker "${broker}" (${endpoint}) rejected the client id "${profile.clientId || "(generated)"}": ${said.toLowerCase()}`,
      opts,
    );
  }
  return new MqttError(
    "broker-rejected",
    `broker "${broker}" (${endpoint}) refused the connection: ${said.toLowerCase()}`,
    {
      ...opts,
      transient: TRANSIENT_REFUSALS.has(rc),
    },
  );
}

/** The broker (or something on the way) closed the socket before CONNACK and said nothing. */
export function closedBeforeConnack(
  broker: string,
  endpoint: string,
  profile: BrokerProfile,
  code?: string,
): MqttError {
  const hint = profile.ssl
    ? "is this port really TLS, and does the broker accept this client certificate?"
    : "is this an MQTT port, and does it expect TLS (ssl=yes)?";
  return new MqttError(
    "closed-before-connack",
    `broker "${broker}" (${endpoint}) closed the connection before accepting it; ${hint}`,
    { broker, ...(code ? { code } : {}) },
  );
}

/** No CONNACK in time. */
export function connectTimeout(
  broker: string,
  endpoint: string,
  profile: BrokerProfile,
  ms?: number,
): MqttError {
  const within = ms !== undefined ? ` within ${ms} ms` : "";
  const hint = profile.ssl ? "" : " If this port expects TLS, set ssl=yes.";
  return new MqttError(
    "timeout",
    `timeout: broker "${broker}" (${endpoint}) did not accept the connection${within}.${hint}`,
    { broker, code: "ETIMEDOUT" },
  );
}

// Explains TLS failures in words: a one-off probe with verification off reads the broker's certificate chain (Node's own errors destroy the socket first), then says WHICH certificate failed and WHY.
import * as tls from "node:tls";
import { isIP } from "node:net";
import { MqttError, type MqttErrorKind } from "./errors";

export interface CertificateSummary {
  /** Distinguished name, for example `CN=localhost, O=Lab`. */
  subject: string;
  issuer: string;
  validFrom: Date;
  validTo: Date;
  /** `DNS:name` and `IP:address` entries. */
  altNames: string[];
  fingerprint256: string;
  selfSigned: boolean;
}

export interface TlsProbeResult {
  /** The peer's chain as the server sent it, leaf first (empty when the handshake failed before it). */
  chain: CertificateSummary[];
  /** OpenSSL's verdict with the given CA, for example `CERT_HAS_EXPIRED`. */
  authorizationError: string | undefined;
  /** The error that ended the handshake, or an alert the server sent right after it (TLS 1.3 sends "certificate required" then). */
  failure: string | undefined;
}

export interface TlsProbeTarget {
  host: string;
  port: number;
  servername?: string | undefined;
  ca?: Buffer | string | undefined;
  /** The same client certificate as the failed attempt, so the server judges the probe the same way. */
  cert?: Buffer | string | undefined;
  key?: Buffer | string | undefined;
  passphrase?: string | undefined;
  /** After the handshake, wait this long for an alert (default 0: return at once). */
  alertWaitMs?: number;
  timeoutMs?: number;
}

/**
 * Connects once without verification, reads the peer chain and closes. Sends nothing after the handshake, so an
 * alert the server sends is never lost to a connection reset. Resolves undefined when nothing happens in time.
 */
export function probeTls(target: TlsProbeTarget): Promise<TlsProbeResult | undefined> {
  return new Promise((resolve) => {
    let settled = false;
    let result: TlsProbeResult | undefined;
    let alertTimer: NodeJS.Timeout | undefined;
    const servername = target.servername ?? (isIP(target.host) === 0 ? target.host : undefined);
    const socket = tls.connect({
      host: target.host,
      port: target.port,
      rejectUnauthorized: false,
      ...(servername ? { servername } : {}),
      ...(target.ca ? { ca: target.ca } : {}),
      ...(target.cert ? { cert: target.cert } : {}),
      ...(target.key ? { key: target.key } : {}),
      ...(target.passphrase ? { passphrase: target.passphrase } : {}),
    });
    const finish = (): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (alertTimer) clearTimeout(alertTimer);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(finish, target.timeoutMs ?? 2000);
    socket.once("secureConnect", () => {
      const authorizationError = socket.authorizationError;
      result = {
        chain: peerChain(socket.getPeerCertificate(true)),
        authorizationError: authorizationError
          ? String((authorizationError as { code?: string }).code ?? authorizationError)
          : undefined,
        failure: undefined,
      };
      if (!target.alertWaitMs) finish();
      else alertTimer = setTimeout(finish, target.alertWaitMs);
    });
    socket.once("error", (error: Error) => {
      result = {
        chain: result?.chain ?? [],
        authorizationError: result?.authorizationError,
        failure: error.message,
      };
      finish();
    });
    socket.once("close", () => {
      result ??= {
        chain: [],
        authorizationError: undefined,
        failure: "connection closed during the TLS handshake",
      };
      finish();
    });
  });
}

function peerChain(leaf: tls.DetailedPeerCertificate): CertificateSummary[] {
  const chain: CertificateSummary[] = [];
  const seen = new Set<string>();
  let cert: tls.DetailedPeerCertificate | undefined = leaf;
  while (cert && Object.keys(cert).length > 0 && !seen.has(cert.fingerprint256)) {
    seen.add(cert.fingerprint256);
    chain.push(summarizePeerCertificate(cert));
    cert = cert.issuerCertificate;
  }
  return chain;
}

/** Summarises Node's legacy certificate object (from `getPeerCertificate` or a TLS error's `cert`). */
export function summarizePeerCertificate(cert: tls.PeerCertificate): CertificateSummary {
  const subject = formatName(cert.subject);
  const issuer = formatName(cert.issuer);
  return {
    subject,
    issuer,
    validFrom: new Date(cert.valid_from),
    validTo: new Date(cert.valid_to),
    altNames: (cert.subjectaltname ?? "")
      .split(",")
      .map((s) => s.trim().replace(/^IP Address:/, "IP:"))
      .filter((s) => s !== ""),
    fingerprint256: cert.fingerprint256,
    selfSigned: subject === issuer,
  };
}

function formatName(name: tls.Certificate | undefined): string {
  if (!name) return "(no name)";
  const order = ["CN", "O", "OU", "L", "ST", "C"];
  const keys = Object.keys(name).sort((a, b) => rank(order, a) - rank(order, b));
  const parts = keys.map((k) => {
    const value = (name as unknown as Record<string, string | string[]>)[k];
    return `${k}=${Array.isArray(value) ? value.join("+") : value}`;
  });
  return parts.length ? parts.join(", ") : "(no name)";
}

function rank(order: string[], key: string): number {
  const i = order.indexOf(key);
  return i < 0 ? order.length : i;
}

const UNTRUSTED_CODES = new Set([
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "CERT_UNTRUSTED",
  "CERT_SIGNATURE_FAILURE",
  "CERT_CHAIN_TOO_LONG",
  "INVALID_CA",
  "CERT_REJECTED",
]);

/** True for the error codes this module explains (OpenSSL verification and Node's host-name check). */
export function isCertificateVerificationError(code: string | undefined): boolean {
  return (
    code !== undefined &&
    (UNTRUSTED_CODES.has(code) ||
      code === "CERT_HAS_EXPIRED" ||
      code === "CERT_NOT_YET_VALID" ||
      code === "ERR_TLS_CERT_ALTNAME_INVALID")
  );
}

export interface TlsFailureContext {
  broker: string;
  /** `mqtts://host:port` */
  endpoint: string;
  /** The name or address the certificate must match. */
  expectedHost: string;
  /** Where trust came from: `the CA file /x/ca.pem` or `Node's built-in CA list`. */
  trustSource: string;
  /** The chain read by {@link probeTls}, when the probe succeeded. */
  chain: CertificateSummary[] | undefined;
  /** The certificate attached to Node's host-name error, if any. */
  errorCertificate?: CertificateSummary | undefined;
  /** The profile names a router client certificate but no certificate file is set. */
  missingClientCertificate?: string | undefined;
  now: Date;
}

/** Builds the typed error for a TLS failure from its code and what the probe saw. */
export function explainTlsFailure(
  code: string | undefined,
  rawMessage: string,
  ctx: TlsFailureContext,
): MqttError {
  const chain = ctx.chain ?? (ctx.errorCertificate ? [ctx.errorCertificate] : []);
  const leaf = chain[0] ?? ctx.errorCertificate;
  const where = `broker "${ctx.broker}" (${ctx.endpoint})`;
  const detail = chain.length
    ? chain.map((c, i) => `${i === 0 ? "server" : `chain[${i}]`}: ${describeCertificate(c)}`).join("\n")
    : undefined;
  const make = (kind: MqttErrorKind, message: string): MqttError =>
    new MqttError(kind, `TLS: ${message}`, { broker: ctx.broker, code, ...(detail ? { detail } : {}) });
  const leafName = leaf ? `"${leaf.subject}"` : "of the broker";

  if (code === "CERT_HAS_EXPIRED") {
    const expired = chain.find((c) => c.validTo.getTime() < ctx.now.getTime()) ?? leaf;
    const which =
      expired === leaf
        ? `the server certificate ${leafName}`
        : `the CA certificate "${expired?.subject}" in the chain`;
    const validity = expired
      ? ` expired on ${day(expired.validTo)} (valid ${day(expired.validFrom)} to ${day(expired.validTo)}), issued by "${expired.issuer}"`
      : " has expired";
    return make("tls-expired", `${which} of ${where}${validity}. Renew the certificate on the broker.`);
  }
  if (code === "CERT_NOT_YET_VALID") {
    const future = chain.find((c) => c.validFrom.getTime() > ctx.now.getTime()) ?? leaf;
    const which =
      future === leaf
        ? `the server certificate ${leafName}`
        : `the CA certificate "${future?.subject}" in the chain`;
    const validity = future
      ? ` is not valid before ${day(future.validFrom)} (valid ${day(future.validFrom)} to ${day(future.validTo)})`
      : " is not valid yet";
    return make(
      "tls-not-yet-valid",
      `${which} of ${where}${validity}; this computer's clock says ${day(ctx.now)}. Check both clocks.`,
    );
  }
  if (code === "ERR_TLS_CERT_ALTNAME_INVALID") {
    const names =
      leaf && leaf.altNames.length
        ? leaf.altNames.join(", ")
        : leaf
          ? `only CN in ${leaf.subject}`
          : "other names";
    const hint = isIP(ctx.expectedHost)
      ? "Connect by one of those names, or set the TLS server name to one of them."
      : "Connect by one of those names, or ask for a certificate that lists this one.";
    return make(
      "tls-hostname",
      `the server certificate ${leafName} of ${where} is for ${names}, not for ${ctx.expectedHost}. ${hint}`,
    );
  }
  if (code && UNTRUSTED_CODES.has(code)) {
    let why: string;
    if (leaf?.selfSigned) why = `is self-signed and is not in ${ctx.trustSource}`;
    else {
      const root = chain[chain.length - 1];
      const issuer = root?.selfSigned ? root.subject : (root?.issuer ?? leaf?.issuer ?? "an unknown CA");
      why = `was issued by "${issuer}", which is not in ${ctx.trustSource}`;
    }
    const fix = ` Set the broker's CA file to the certificate of that CA${ctx.trustSource.startsWith("the CA file") ? " instead" : ""}, or turn off server verification for a lab broker.`;
    return make(
      "tls-untrusted",
      `the server certificate ${leafName} of ${where} is not trusted: it ${why}.${fix}`,
    );
  }
  return make("tls-handshake", `${where}: ${handshakeReason(rawMessage, ctx)}`);
}

function handshakeReason(raw: string, ctx: TlsFailureContext): string {
  const text = raw.toLowerCase();
  if (
    text.includes("wrong version number") ||
    text.includes("packet length too long") ||
    text.includes("unknown protocol")
  ) {
    return "the handshake failed because the port does not speak TLS; is ssl=yes right for this port?";
  }
  if (
    text.includes("econnreset") ||
    text.includes("closed during the tls handshake") ||
    text.includes("socket disconnected before secure")
  ) {
    return "the broker dropped the connection during the TLS handshake; is ssl=yes right for this port?";
  }
  if (
    text.includes("certificate required") ||
    (text.includes("handshake failure") && ctx.missingClientCertificate !== undefined)
  ) {
    const hint = ctx.missingClientCertificate
      ? `; the profile names client certificate "${ctx.missingClientCertificate}" but no certificate file and key file are set`
      : "; set the client certificate file and key file";
    return `the broker asks for a client certificate${hint}`;
  }
  if (
    text.includes("unknown ca") ||
    text.includes("bad certificate") ||
    text.includes("certificate unknown")
  ) {
    return "the broker refused the client certificate (it does not trust its issuer, or the certificate is wrong)";
  }
  if (text.includes("certificate expired") || text.includes("certificate revoked")) {
    return "the broker refused the client certificate: it is expired or revoked";
  }
  if (
    text.includes("handshake failure") ||
    text.includes("no protocols available") ||
    text.includes("unsupported protocol")
  ) {
    return "the handshake failed: this computer and the broker share no TLS version or cipher";
  }
  return `the handshake failed: ${raw}`;
}

/** One line per certificate: subject, issuer, validity, names. */
export function describeCertificate(c: CertificateSummary): string {
  const names = c.altNames.length ? `; names ${c.altNames.join(", ")}` : "";
  return `"${c.subject}" issued by "${c.issuer}", valid ${day(c.validFrom)} to ${day(c.validTo)}${names}; SHA-256 ${c.fingerprint256}`;
}

function day(d: Date): string {
  return Number.isNaN(d.getTime())
    ? "(unknown date)"
    : d
        .toISOString()
        .replace("T", " ")
        .replace(/:\d\d\.\d{3}Z$/, " UTC");
}

// Parses the CLI's broker URLs (`mqtt://user:pass@host:port`, `mqtts://...?ca=file`) into a secret-free profile plus the secrets, with errors that say what is wrong.
import { makeBrokerProfile, staticSecrets, type BrokerProfile, type SecretProvider } from "./brokerProfile";
import { MqttError } from "./errors";
import { redactText } from "./redact";

export interface ParsedBrokerUrl {
  profile: BrokerProfile;
  /** The password from the URL, if any; never part of the profile. */
  password: string | undefined;
  /** A SecretProvider answering for this profile's name. */
  secrets: SecretProvider;
}

/** Query parameters accepted after `?`, named like RouterOS properties where one exists. */
export const BROKER_URL_PARAMETERS = [
  "client-id",
  "keep-alive",
  "auto-connect",
  "ca",
  "cert",
  "key",
  "verify",
  "servername",
  "protocol-version",
] as const;

/**
 * `mqtt://[user[:password]@]host[:port][?client-id=x&keep-alive=60&ca=ca.pem&cert=c.pem&key=k.pem&verify=no]`;
 * `mqtts://` turns on TLS (default port 8883). The profile is named `options.name` or `host:port`.
 * Throws an MqttError of kind "invalid-url" whose message shows the URL with its password masked.
 */
export function parseBrokerUrl(url: string, options: { name?: string } = {}): ParsedBrokerUrl {
  const shown = maskUrlCredentials(url);
  const fail = (why: string): never => {
    throw new MqttError("invalid-url", `broker URL "${shown}": ${why}`);
  };
  const trimmed = url.trim();
  const schemeMatch = /^([a-z][a-z0-9+.-]*):\/\//i.exec(trimmed);
  if (!schemeMatch) fail("must start with mqtt:// or mqtts:// (for example mqtt://192.168.88.1:1883)");
  const scheme = (schemeMatch?.[1] ?? "").toLowerCase();
  if (scheme !== "mqtt" && scheme !== "mqtts") {
    const hint = scheme === "ws" || scheme === "wss" ? " (RouterOS does not speak MQTT over WebSocket)" : "";
    fail(`unsupported scheme "${scheme}://"; use mqtt:// or mqtts://${hint}`);
  }
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return fail(
      "is not a valid URL (check the host name, port and any special characters in user or password)",
    );
  }
  const address = parsed.hostname.replace(/^\[(.*)\]$/, "$1").toLowerCase();
  if (address === "") fail("has no host name or address after ://");
  if (parsed.pathname !== "" && parsed.pathname !== "/") {
    fail(`unexpected path "${parsed.pathname}"; a broker URL ends after host:port`);
  }
  if (parsed.hash !== "") fail(`unexpected fragment "${parsed.hash}"`);
  const ssl = scheme === "mqtts";
  const port = parsed.port === "" ? (ssl ? 8883 : 1883) : Number(parsed.port);
  if (port === 0) fail("port 0 is not a broker port");
  const username = decode(parsed.username, "user name", fail);
  const password = parsed.password === "" ? undefined : decode(parsed.password, "password", fail);
  const name = options.name ?? `${address}:${port}`;
  const fields: Partial<BrokerProfile> & Pick<BrokerProfile, "name" | "address"> = {
    name,
    address,
    port,
    ssl,
    username,
  };
  const tls: BrokerProfile["tls"] = { verifyServer: true };
  for (const [key, value] of parsed.searchParams) {
    switch (key) {
      case "client-id":
        fields.clientId = value;
        break;
      case "keep-alive":
        fields.keepAlive = wholeNumber(key, value, fail);
        break;
      case "auto-connect":
        fields.autoConnect = yesNo(key, value, fail);
        break;
      case "ca":
        tls.caFile = value;
        break;
      case "cert":
        tls.certFile = value;
        break;
      case "key":
        tls.keyFile = value;
        break;
      case "verify":
        tls.verifyServer = yesNo(key, value, fail);
        break;
      case "servername":
        tls.servername = value;
        break;
      case "protocol-version": {
        if (value !== "4" && value !== "5")
          fail(`protocol-version must be 4 (MQTT 3.1.1) or 5, got "${value}"`);
        fields.protocolVersion = value === "5" ? 5 : 4;
        break;
      }
      default:
        fail(`unknown parameter "${key}"; known: ${BROKER_URL_PARAMETERS.join(", ")}`);
    }
  }
  if (!ssl && (tls.caFile || tls.certFile || tls.keyFile)) fail("ca, cert and key need mqtts://");
  const profile = makeBrokerProfile({ ...fields, tls });
  return { profile, password, secrets: staticSecrets({ [name]: { password } }) };
}

/** The URL with everything between `user:` and the last `@` of the authority masked, even when it does not parse. */
export function maskUrlCredentials(url: string): string {
  const start = url.indexOf("://");
  if (start < 0) return redactText(url);
  const authorityStart = start + 3;
  const at = url.lastIndexOf("@");
  if (at < authorityStart) return redactText(url);
  const userinfo = url.slice(authorityStart, at);
  const colon = userinfo.indexOf(":");
  const masked = colon < 0 ? userinfo : `${userinfo.slice(0, colon)}:***`;
  return redactText(url.slice(0, authorityStart) + masked + url.slice(at));
}

function decode(text: string, what: string, fail: (why: string) => never): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return fail(`the ${what} has a bad %-escape`);
  }
}

function wholeNumber(key: string, value: string, fail: (why: string) => never): number {
  if (!/^\d+$/.test(value)) fail(`${key} must be a whole number, got "${value}"`);
  return Number(value);
}

function yesNo(key: string, value: string, fail: (why: string) => never): boolean {
  const v = value.toLowerCase();
  if (v === "yes" || v === "true" || v === "1") return true;
  if (v === "no" || v === "false" || v === "0") return false;
  return fail(`${key} must be yes or no, got "${value}"`);
}

// A broker profile mirrors one RouterOS 7.24 `/iot mqtt brokers` entry plus what an editor keeps outside the router (TLS files); it holds no secrets, which a SecretProvider supplies at connect time.
import { X509Certificate, createPrivateKey, randomBytes, type KeyObject } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { IClientOptions } from "mqtt";
import { MqttError, errorParts } from "./errors";
import type { QoS } from "./qos";

/** TLS settings an editor needs; on the router they live in `/certificate` and system settings. */
export interface BrokerTlsSettings {
  /** PEM file of the CA certificate(s) to trust; undefined trusts Node's built-in CA list (the Mozilla store). */
  caFile?: string;
  /** Check the server certificate and host name (default true). */
  verifyServer: boolean;
  /** PEM client certificate presented to the broker: the editor's copy of the router's `certificate`. */
  certFile?: string;
  /** PEM private key of the client certificate, possibly encrypted (passphrase from the SecretProvider). */
  keyFile?: string;
  /** Name for SNI and the host-name check when it differs from `address` (for example when connecting by IP). */
  servername?: string;
}

export interface BrokerProfile {
  /** `name`: the label publish/subscribe/connect use. */
  name: string;
  /** `address`: IP address or host name. */
  address: string;
  /** `port` (default 1883). */
  port: number;
  /** `ssl` (default no). */
  ssl: boolean;
  /** `certificate`: name of the client certificate in the router's store ("" = none). */
  certificate: string;
  /** `client-id` ("" = a random id chosen once per process and broker). */
  clientId: string;
  /** `username` ("" = none). */
  username: string;
  /** `keep-alive` in seconds (default 60). */
  keepAlive: number;
  /** `auto-connect` (default no): keep the connection up, reconnecting whenever it drops. */
  autoConnect: boolean;
  /** `parallel-scripts-limit` (default off): bound on concurrent on-message scripts, used by the script runner. */
  parallelScriptsLimit: number | "off";
  /** `will-topic` ("" = no last will). */
  willTopic: string;
  /** `will-message`. */
  willMessage: string;
  /** `will-qos` (default 0). */
  willQos: QoS;
  /** `will-retain` (default no). */
  willRetain: boolean;
  /** Editor-side TLS settings. */
  tls: BrokerTlsSettings;
  /** MQTT protocol version: 4 = 3.1.1 (what RouterOS speaks, the default) or 5. */
  protocolVersion: 4 | 5;
}

/** The RouterOS property name of each profile field that exists on the router. */
export const ROUTEROS_PROPERTY_NAMES = {
  name: "name",
  address: "address",
  port: "port",
  ssl: "ssl",
  certificate: "certificate",
  clientId: "client-id",
  username: "username",
  keepAlive: "keep-alive",
  autoConnect: "auto-connect",
  parallelScriptsLimit: "parallel-scripts-limit",
  willTopic: "will-topic",
  willMessage: "will-message",
  willQos: "will-qos",
  willRetain: "will-retain",
} as const satisfies Partial<Record<keyof BrokerProfile, string>>;

/** RouterOS defaults of `/iot mqtt brokers add`, plus the editor's own defaults. */
export const BROKER_PROFILE_DEFAULTS: Readonly<Omit<BrokerProfile, "name" | "address">> = {
  port: 1883,
  ssl: false,
  certificate: "",
  clientId: "",
  username: "",
  keepAlive: 60,
  autoConnect: false,
  parallelScriptsLimit: "off",
  willTopic: "",
  willMessage: "",
  willQos: 0,
  willRetain: false,
  tls: { verifyServer: true },
  protocolVersion: 4,
};

/** Fills RouterOS defaults into a partial profile. Does not validate values: see {@link ProfileValidator}. */
export function makeBrokerProfile(
  fields: Pick<BrokerProfile, "name" | "address"> & Partial<BrokerProfile>,
): BrokerProfile {
  return {
    ...BROKER_PROFILE_DEFAULTS,
    ...fields,
    tls: { ...BROKER_PROFILE_DEFAULTS.tls, ...fields.tls },
  };
}

/** One value problem of a profile, named by its RouterOS property (or editor setting). */
export interface ProfileProblem {
  property: string;
  message: string;
}

/**
 * The seam for value validation. Ranges and formats (port, keep-alive 30..64800, parallel-scripts-limit...) come
 * from the language schema (`server/src/schema/validateValue`), not from a second copy here: the editor passes a
 * validator built on it to the ConnectionManager, which refuses to connect a profile with problems.
 */
export type ProfileValidator = (profile: BrokerProfile) => readonly ProfileProblem[];

/** Where passwords and key passphrases come from (VS Code SecretStorage, a CLI URL, a test). */
export interface SecretProvider {
  getPassword(brokerName: string): Promise<string | undefined> | string | undefined;
  getPassphrase(brokerName: string): Promise<string | undefined> | string | undefined;
}

/** A SecretProvider over a fixed map of broker name to secrets. */
export function staticSecrets(
  secrets: Readonly<Record<string, { password?: string; passphrase?: string }>> = {},
): SecretProvider {
  return {
    getPassword: (name) => secrets[name]?.password,
    getPassphrase: (name) => secrets[name]?.passphrase,
  };
}

/** The `mqtt` package's options plus the TLS fields it passes to `tls.connect` untyped. */
export type MqttConnectOptions = IClientOptions & { passphrase?: string };

export interface ToMqttOptionsExtras {
  /** Client id to use when the profile's is empty (keep it stable across reconnects). */
  fallbackClientId?: string;
  /** Replaces the profile's client id (used by "test connection" so it does not kick a live session). */
  clientIdOverride?: string;
  /** Time to wait for CONNACK (default 10 s). */
  connectTimeoutMs?: number;
  /** File reader, for tests. */
  readFile?: (path: string) => Promise<Buffer>;
}

/** A random client id in the style RouterOS users recognise as the editor's. */
export function randomClientId(prefix = "rsc"): string {
  return `${prefix}-${randomBytes(4).toString("hex")}`;
}

/** Short, secret-free description of where a profile connects, for logs and messages. */
export function describeEndpoint(profile: BrokerProfile): string {
  const host = profile.address.includes(":") ? `[${profile.address}]` : profile.address;
  return `${profile.ssl ? "mqtts" : "mqtt"}://${host}:${profile.port}`;
}

/**
 * Builds the `mqtt` connect options for one attempt: MQTT 3.1.1 unless the profile says 5, clean session, keep-alive,
 * last will, TLS material read from files, `reconnectPeriod: 0` (the ConnectionManager owns reconnect) and
 * `queueQoSZero: false`. Always a fresh object: the `mqtt` package mutates what it is given.
 * Rejects with an MqttError naming the file or setting that is wrong; never includes a secret.
 */
export async function toMqttOptions(
  profile: BrokerProfile,
  secrets: SecretProvider,
  extras: ToMqttOptionsExtras = {},
): Promise<MqttConnectOptions> {
  const broker = profile.name;
  if (profile.address.trim() === "") {
    throw new MqttError("invalid-profile", `broker "${broker}" has no address`, { broker });
  }
  const password = await secrets.getPassword(broker);
  const options: MqttConnectOptions = {
    protocol: profile.ssl ? "mqtts" : "mqtt",
    host: profile.address,
    port: profile.port,
    protocolVersion: profile.protocolVersion,
    clean: true,
    clientId: extras.clientIdOverride ?? (profile.clientId || extras.fallbackClientId || randomClientId()),
    keepalive: profile.keepAlive,
    reconnectPeriod: 0,
    connectTimeout: extras.connectTimeoutMs ?? 10_000,
    queueQoSZero: false,
    resubscribe: false,
    // Silences the package's debug output (DEBUG=mqttjs*), which prints packets and options verbatim.
    log: () => {},
  };
  if (profile.username !== "") options.username = profile.username;
  if (password) options.password = password;
  if (profile.willTopic !== "") {
    options.will = {
      topic: profile.willTopic,
      payload: Buffer.from(profile.willMessage, "utf8"),
      qos: profile.willQos,
      retain: profile.willRetain,
    };
  }
  if (profile.ssl)
    Object.assign(options, await tlsOptions(profile, secrets, extras.readFile ?? ((p) => readFile(p))));
  return options;
}

async function tlsOptions(
  profile: BrokerProfile,
  secrets: SecretProvider,
  read: (path: string) => Promise<Buffer>,
): Promise<Partial<MqttConnectOptions>> {
  const broker = profile.name;
  const { tls } = profile;
  const out: Partial<MqttConnectOptions> = { rejectUnauthorized: tls.verifyServer };
  if (tls.servername) out.servername = tls.servername;
  if (tls.caFile) {
    const ca = await readTlsFile(read, tls.caFile, "CA file", broker);
    if (!ca.toString("latin1").includes("-----BEGIN CERTIFICATE-----")) {
      throw new MqttError(
        "file-unreadable",
        `the CA file ${tls.caFile} of broker "${broker}" holds no PEM certificate`,
        {
          broker,
        },
      );
    }
    out.ca = ca;
  }
  if (tls.certFile || tls.keyFile) {
    if (!tls.certFile || !tls.keyFile) {
      const missing = tls.certFile ? "key file" : "certificate file";
      throw new MqttError(
        "invalid-profile",
        `broker "${broker}" has a client ${tls.certFile ? "certificate" : "key"} file but no client ${missing}; set both or neither`,
        { broker },
      );
    }
    const certPem = await readTlsFile(read, tls.certFile, "client certificate file", broker);
    const keyPem = await readTlsFile(read, tls.keyFile, "client key file", broker);
    const passphrase = await secrets.getPassphrase(broker);
    const key = parsePrivateKey(keyPem, passphrase, tls.keyFile, broker);
    checkKeyMatchesCertificate(certPem, key, tls.certFile, tls.keyFile, broker);
    out.cert = certPem;
    out.key = keyPem;
    if (passphrase) out.passphrase = passphrase;
  }
  return out;
}

async function readTlsFile(
  read: (path: string) => Promise<Buffer>,
  path: string,
  what: string,
  broker: string,
) {
  try {
    return await read(path);
  } catch (error) {
    const { code } = errorParts(error);
    const why =
      code === "ENOENT"
        ? "no such file"
        : code === "EACCES" || code === "EPERM"
          ? "permission denied"
          : code === "EISDIR"
            ? "it is a directory"
            : (code ?? "read failed");
    throw new MqttError("file-unreadable", `cannot read the ${what} ${path} of broker "${broker}": ${why}`, {
      broker,
      code,
    });
  }
}

function parsePrivateKey(
  pem: Buffer,
  passphrase: string | undefined,
  path: string,
  broker: string,
): KeyObject {
  const encrypted = /ENCRYPTED/.test(pem.toString("latin1"));
  try {
    return createPrivateKey({
      key: pem,
      format: "pem",
      ...(passphrase ? { passphrase } : { passphrase: "" }),
    });
  } catch {
    if (encrypted && !passphrase) {
      throw new MqttError(
        "bad-passphrase",
        `the client key file ${path} of broker "${broker}" is encrypted: set its passphrase`,
        {
          broker,
        },
      );
    }
    if (encrypted) {
      throw new MqttError(
        "bad-passphrase",
        `the passphrase does not decrypt the client key file ${path} of broker "${broker}"`,
        {
          broker,
        },
      );
    }
    throw new MqttError(
      "file-unreadable",
      `the client key file ${path} of broker "${broker}" holds no readable PEM private key`,
      {
        broker,
      },
    );
  }
}

function checkKeyMatchesCertificate(
  certPem: Buffer,
  key: KeyObject,
  certPath: string,
  keyPath: string,
  broker: string,
): void {
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(certPem);
  } catch {
    throw new MqttError(
      "file-unreadable",
      `the client certificate file ${certPath} of broker "${broker}" holds no PEM certificate`,
      {
        broker,
      },
    );
  }
  if (!cert.checkPrivateKey(key)) {
    throw new MqttError(
      "invalid-profile",
      `the client key file ${keyPath} does not belong to the certificate ${certPath} (broker "${broker}")`,
      {
        broker,
      },
    );
  }
}

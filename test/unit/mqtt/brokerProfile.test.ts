// Profiles to `mqtt` options: RouterOS defaults, last will, TLS material from files, and a clear error naming each unreadable or mismatched file.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  BROKER_PROFILE_DEFAULTS,
  makeBrokerProfile,
  staticSecrets,
  toMqttOptions,
  type BrokerProfile,
} from "../../../client/src/mqtt/brokerProfile";
import { MqttError, type MqttErrorKind } from "../../../client/src/mqtt/errors";
import { makeTestPki, type TestPki } from "../../support/certs";

let dir: string;
let pki: TestPki;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), "rsc-profile-"));
  pki = await makeTestPki(dir);
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

test("RouterOS defaults of /iot mqtt brokers", () => {
  assert.deepEqual(BROKER_PROFILE_DEFAULTS, {
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
  });
});

const OPTION_CASES: Array<
  [fields: Partial<BrokerProfile>, secrets: { password?: string }, expected: Record<string, unknown>]
> = [
  [
    {},
    {},
    {
      protocol: "mqtt",
      host: "10.0.0.1",
      port: 1883,
      protocolVersion: 4,
      clean: true,
      keepalive: 60,
      reconnectPeriod: 0,
      queueQoSZero: false,
      resubscribe: false,
      clientId: "fallback-id",
      username: undefined,
      password: undefined,
      will: undefined,
    },
  ],
  [
    { clientId: "router-editor", keepAlive: 120, protocolVersion: 5 },
    {},
    { clientId: "router-editor", keepalive: 120, protocolVersion: 5 },
  ],
  [{ username: "tb-token" }, { password: "pw-123" }, { username: "tb-token", password: "pw-123" }],
  [
    { willTopic: "routers/r1/status", willMessage: "offline", willQos: 1, willRetain: true },
    {},
    { will: { topic: "routers/r1/status", payload: Buffer.from("offline"), qos: 1, retain: true } },
  ],
  [{ ssl: true, port: 8883 }, {}, { protocol: "mqtts", port: 8883, rejectUnauthorized: true, ca: undefined }],
  [
    { ssl: true, tls: { verifyServer: false, servername: "broker.lan" } },
    {},
    { rejectUnauthorized: false, servername: "broker.lan" },
  ],
];

test("toMqttOptions maps every profile field", async () => {
  for (const [fields, secrets, expected] of OPTION_CASES) {
    const profile = makeBrokerProfile({ name: "b", address: "10.0.0.1", ...fields });
    const options = await toMqttOptions(profile, staticSecrets({ b: secrets }), {
      fallbackClientId: "fallback-id",
    });
    for (const [key, value] of Object.entries(expected)) {
      assert.deepEqual((options as Record<string, unknown>)[key], value, `${JSON.stringify(fields)}: ${key}`);
    }
  }
});

test("TLS files are read; CA, client certificate, key and passphrase reach the options", async () => {
  const profile = makeBrokerProfile({
    name: "b",
    address: "localhost",
    ssl: true,
    tls: {
      verifyServer: true,
      caFile: pki.caFile,
      certFile: pki.clientEncrypted.cert,
      keyFile: pki.clientEncrypted.key,
    },
  });
  const options = await toMqttOptions(profile, staticSecrets({ b: { passphrase: pki.clientPassphrase } }));
  assert.ok(Buffer.isBuffer(options.ca) && options.ca.toString().includes("BEGIN CERTIFICATE"));
  assert.ok(Buffer.isBuffer(options.cert) && Buffer.isBuffer(options.key));
  assert.equal(options.passphrase, pki.clientPassphrase);
});

test("each unusable TLS setting fails with the file and the reason", async () => {
  type LazyTls = Partial<Record<"caFile" | "certFile" | "keyFile", string | (() => string)>>;
  const cases: Array<[tls: LazyTls, passphrase: string | undefined, kind: MqttErrorKind, message: RegExp]> = [
    [
      { caFile: "/no/such/ca.pem" },
      undefined,
      "file-unreadable",
      /cannot read the CA file \/no\/such\/ca.pem of broker "b": no such file/,
    ],
    [{ caFile: "/" }, undefined, "file-unreadable", /CA file \/ of broker "b": it is a directory/],
    [
      { caFile: () => pki.client.key },
      undefined,
      "file-unreadable",
      /CA file .*client.key of broker "b" holds no PEM certificate/,
    ],
    [
      { certFile: () => pki.client.cert },
      undefined,
      "invalid-profile",
      /no client key file; set both or neither/,
    ],
    [{ keyFile: () => pki.client.key }, undefined, "invalid-profile", /no client certificate file/],
    [
      { certFile: () => pki.client.cert, keyFile: "/no/key.pem" },
      undefined,
      "file-unreadable",
      /cannot read the client key file \/no\/key.pem/,
    ],
    [
      { certFile: () => pki.client.cert, keyFile: () => pki.server.key },
      undefined,
      "invalid-profile",
      /server.key does not belong to the certificate .*client.crt/,
    ],
    [
      { certFile: () => pki.client.key, keyFile: () => pki.client.key },
      undefined,
      "file-unreadable",
      /client certificate file .* holds no PEM certificate/,
    ],
    [
      { certFile: () => pki.client.cert, keyFile: () => pki.caFile },
      undefined,
      "file-unreadable",
      /client key file .*ca.crt .* holds no readable PEM private key/,
    ],
    [
      { certFile: () => pki.clientEncrypted.cert, keyFile: () => pki.clientEncrypted.key },
      undefined,
      "bad-passphrase",
      /is encrypted: set its passphrase/,
    ],
    [
      { certFile: () => pki.clientEncrypted.cert, keyFile: () => pki.clientEncrypted.key },
      "wrong-passphrase",
      "bad-passphrase",
      /passphrase does not decrypt the client key file/,
    ],
  ];
  for (const [lazyTls, passphrase, kind, message] of cases) {
    const tls = Object.fromEntries(
      Object.entries(lazyTls).map(([k, v]) => [k, typeof v === "function" ? v() : v]),
    );
    const profile = makeBrokerProfile({
      name: "b",
      address: "localhost",
      ssl: true,
      tls: { verifyServer: true, ...tls },
    });
    await assert.rejects(toMqttOptions(profile, staticSecrets({ b: { passphrase } })), (e: unknown) => {
      assert.ok(e instanceof MqttError, String(e));
      assert.equal(e.kind, kind, e.message);
      assert.match(e.message, message);
      if (passphrase) assert.ok(!e.message.includes(passphrase));
      return true;
    });
  }
});

test("a profile without an address is refused", async () => {
  await assert.rejects(
    toMqttOptions(makeBrokerProfile({ name: "b", address: " " }), staticSecrets()),
    /broker "b" has no address/,
  );
});

// Tries hard to leak secrets: wrong passwords, URLs with credentials, TLS failures with an encrypted client key, library errors that quote the password. Nothing may reach logs, errors, details or states.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { EventEmitter } from "node:events";
import { inspect } from "node:util";
import type { MqttClient } from "mqtt";
import { makeBrokerProfile } from "../../../client/src/mqtt/brokerProfile";
import { parseBrokerUrl } from "../../../client/src/mqtt/brokerUrl";
import { startEmbeddedBroker, type EmbeddedBroker } from "../../../client/src/mqtt/embeddedBroker";
import { mosquittoSkipReason, startMosquitto, type MosquittoBroker } from "../../support/mosquitto";
import { createHarness, type Harness } from "../../support/mqttHarness";

const PASSWORD = "Leak-Me-P4ss!w0rd";
const PASSPHRASE_WRONG = "Leak-Me-Passphrase-2";
const SECRETS = [PASSWORD, encodeURIComponent(PASSWORD), PASSPHRASE_WRONG];

let aedes: EmbeddedBroker;
before(async () => {
  aedes = await startEmbeddedBroker({ users: { router: "the-right-one" } });
});
after(async () => {
  await aedes.close();
});

/** Everything a user or a log file could ever see from the harness and the given errors. */
function everythingVisible(h: Harness, extra: unknown[]): string {
  const states = [...h.states.values()].flat();
  return [
    ...h.logs,
    JSON.stringify(states),
    inspect(states, { depth: 10 }),
    ...extra.map((e) => `${JSON.stringify(e)}\n${inspect(e, { depth: 10 })}\n${String(e)}`),
  ].join("\n");
}

function assertNoSecret(text: string): void {
  for (const secret of SECRETS)
    assert.ok(!text.includes(secret), `secret ${JSON.stringify(secret)} leaked in:\n${text}`);
}

test("wrong password via a broker URL with credentials: no trace of the password", async () => {
  const parsed = parseBrokerUrl(`mqtt://router:${encodeURIComponent(PASSWORD)}@127.0.0.1:${aedes.port}`, {
    name: "url",
  });
  assert.equal(parsed.password, PASSWORD);
  const h = createHarness([parsed.profile], { url: { password: PASSWORD } });
  const errors: unknown[] = [];
  try {
    await h.manager.connect("url").catch((e: unknown) => errors.push(e));
    await h.manager
      .publish("url", "x/y", PASSWORD.length.toString(), { force: false })
      .catch((e: unknown) => errors.push(e));
    errors.push(await h.manager.test(parsed.profile));
    assert.equal(errors.length, 3);
    assertNoSecret(everythingVisible(h, errors));
  } finally {
    await h.dispose();
  }
  try {
    parseBrokerUrl(`mqtt://router:${PASSWORD}@127.0.0.1:99999`);
    assert.fail("bad port accepted");
  } catch (e) {
    assertNoSecret(`${String(e)} ${inspect(e)}`);
  }
});

test("a library error that quotes the password, the URL and a private key is cleaned before anyone sees it", async () => {
  const profile = makeBrokerProfile({ name: "noisy", address: "127.0.0.1", port: 1, username: "router" });
  const fakeClient = (): MqttClient => {
    const client = new EventEmitter() as unknown as MqttClient;
    Object.assign(client, {
      connected: false,
      options: { clientId: "x" },
      end: () => client,
      removeAllListeners: () => client,
    });
    setImmediate(() =>
      client.emit(
        "error",
        new Error(
          `auth failed for mqtt://router:${PASSWORD}@127.0.0.1 password=${PASSWORD} ` +
            "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\n-----END PRIVATE KEY-----",
        ),
      ),
    );
    return client;
  };
  const h = createHarness([profile], { noisy: { password: PASSWORD } }, { createClient: fakeClient });
  try {
    const error = await h.manager.connect("noisy").catch((e: unknown) => e);
    const visible = everythingVisible(h, [error]);
    assertNoSecret(visible);
    assert.ok(!visible.includes("MIGHAgEAMBMGByqGSM49"), "private key material leaked");
    assert.match(String((error as Error).message), /auth failed for mqtt:\/\/router:\*\*\*@127\.0\.0\.1/);
  } finally {
    await h.dispose();
  }
});

const skip = mosquittoSkipReason();
test("TLS failures with an encrypted client key and a wrong passphrase", { skip }, async () => {
  let broker: MosquittoBroker | undefined;
  try {
    broker = await startMosquitto();
    const base = { address: "127.0.0.1", ssl: true, username: broker.user.username };
    const profiles = [
      makeBrokerProfile({
        ...base,
        name: "wrong-ca",
        port: broker.ports.tlsClientCert,
        tls: {
          verifyServer: true,
          caFile: broker.pki.otherCaFile,
          certFile: broker.pki.clientEncrypted.cert,
          keyFile: broker.pki.clientEncrypted.key,
        },
      }),
      makeBrokerProfile({
        ...base,
        name: "wrong-passphrase",
        port: broker.ports.tlsClientCert,
        tls: {
          verifyServer: true,
          caFile: broker.pki.caFile,
          certFile: broker.pki.clientEncrypted.cert,
          keyFile: broker.pki.clientEncrypted.key,
        },
      }),
      makeBrokerProfile({ ...base, name: "wrong-password", ssl: false, port: broker.ports.auth }),
    ];
    const h = createHarness(profiles, {
      "wrong-ca": { password: PASSWORD, passphrase: broker.pki.clientPassphrase },
      "wrong-passphrase": { password: PASSWORD, passphrase: PASSPHRASE_WRONG },
      "wrong-password": { password: PASSWORD },
    });
    SECRETS.push(broker.pki.clientPassphrase);
    try {
      const errors: unknown[] = [];
      for (const p of profiles) errors.push(await h.manager.connect(p.name).catch((e: unknown) => e));
      assert.deepEqual(
        errors.map((e) => (e as { kind?: string }).kind),
        ["tls-untrusted", "bad-passphrase", "auth"],
      );
      assertNoSecret(everythingVisible(h, errors));
    } finally {
      SECRETS.pop();
      await h.dispose();
    }
  } finally {
    await broker?.dispose();
  }
});

// Faults against a real Mosquitto: each connect failure is typed, explained (which certificate, why) and reported within 5 s; QoS 1 publishes survive a broker restart.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { makeBrokerProfile, type BrokerProfile } from "../../../client/src/mqtt/brokerProfile";
import { MqttError, type MqttErrorKind } from "../../../client/src/mqtt/errors";
import { mosquittoSkipReason, startMosquitto, type MosquittoBroker } from "../../support/mosquitto";
import { createHarness } from "../../support/mqttHarness";
import { freePort } from "../../support/ports";
import { startSilentServer } from "../../support/silentServer";
import { failureOf } from "../../support/waitFor";

const skip = mosquittoSkipReason();
if (skip) process.stdout.write(`# skipping Mosquitto fault tests: ${skip}\n`);

/** The promise every error must beat: the product promises an explanation within 5 seconds. */
const ERROR_WITHIN_MS = 5000;

describe("connect failures against Mosquitto", { skip }, () => {
  let broker: MosquittoBroker;
  let silent: { port: number; close(): Promise<void> };
  before(async () => {
    broker = await startMosquitto();
    silent = await startSilentServer();
  });
  after(async () => {
    await broker?.dispose();
    await silent?.close();
  });

  interface FaultCase {
    what: string;
    profile: () => Partial<BrokerProfile>;
    secrets?: () => { password?: string; passphrase?: string };
    kind: MqttErrorKind;
    /** Every fragment must appear in the message. */
    says: Array<string | RegExp>;
  }

  const tls = (port: () => number, caFile?: () => string) => () => ({
    port: port(),
    ssl: true,
    tls: { verifyServer: true, ...(caFile ? { caFile: caFile() } : {}) },
  });

  const CASES: FaultCase[] = [
    {
      what: "wrong password",
      profile: () => ({ port: broker.ports.auth, username: broker.user.username }),
      secrets: () => ({ password: "definitely-Wrong-9" }),
      kind: "auth",
      says: ["refused the login: not authorized", "Check the user name and password"],
    },
    {
      what: "no credentials where required",
      profile: () => ({ port: broker.ports.auth }),
      kind: "auth",
      says: ["not authorized", "whether it needs a user name and password"],
    },
    {
      what: "CA not trusted (another CA file)",
      profile: tls(
        () => broker.ports.tls,
        () => broker.pki.otherCaFile,
      ),
      kind: "tls-untrusted",
      says: [
        'server certificate "CN=localhost"',
        'issued by "CN=RSC Test CA',
        "not in the CA file",
        "other-ca.crt",
      ],
    },
    {
      what: "CA not trusted (built-in list)",
      profile: tls(() => broker.ports.tls),
      kind: "tls-untrusted",
      says: ['issued by "CN=RSC Test CA', "not in Node's built-in CA list", "Set the broker's CA file"],
    },
    {
      what: "self-signed server certificate",
      profile: tls(
        () => broker.ports.tlsSelfSigned,
        () => broker.pki.caFile,
      ),
      kind: "tls-untrusted",
      says: ['"CN=localhost"', "is self-signed"],
    },
    {
      what: "expired server certificate",
      profile: tls(
        () => broker.ports.tlsExpired,
        () => broker.pki.caFile,
      ),
      kind: "tls-expired",
      says: [
        'server certificate "CN=localhost"',
        "expired on 2021-01-01",
        "valid 2020-01-01 00:00 UTC to 2021-01-01",
        'issued by "CN=RSC Test CA',
      ],
    },
    {
      what: "not-yet-valid server certificate",
      profile: tls(
        () => broker.ports.tlsNotYetValid,
        () => broker.pki.caFile,
      ),
      kind: "tls-not-yet-valid",
      says: ["not valid before 2099-01-01", "clock"],
    },
    {
      what: "host name mismatch",
      profile: tls(
        () => broker.ports.tlsWrongHost,
        () => broker.pki.caFile,
      ),
      kind: "tls-hostname",
      says: ['"CN=wrong-host.example"', "is for DNS:wrong-host.example, not for 127.0.0.1"],
    },
    {
      what: "client certificate required but not configured",
      profile: () => ({
        ...tls(
          () => broker.ports.tlsClientCert,
          () => broker.pki.caFile,
        )(),
        certificate: "router-cert",
      }),
      kind: "tls-handshake",
      says: ["asks for a client certificate", 'client certificate "router-cert"'],
    },
    {
      what: "TLS to a plain port",
      profile: tls(
        () => broker.ports.plain,
        () => broker.pki.caFile,
      ),
      kind: "tls-handshake",
      says: ["is ssl=yes right for this port?"],
    },
    {
      what: "plain MQTT to a TLS port",
      profile: () => ({ port: broker.ports.tls }),
      kind: "closed-before-connack",
      says: ["ssl=yes"],
    },
    {
      what: "client key file unreadable",
      profile: () => ({
        ...tls(
          () => broker.ports.tlsClientCert,
          () => broker.pki.caFile,
        )(),
        tls: { verifyServer: true, certFile: broker.pki.client.cert, keyFile: `${broker.dir}/missing.key` },
      }),
      kind: "file-unreadable",
      says: ["cannot read the client key file", "missing.key", "no such file"],
    },
    {
      what: "connection refused",
      profile: () => ({ port: refusedPort }),
      kind: "connection-refused",
      says: [/connection refused by 127\.0\.0\.1:\d+/],
    },
    {
      what: "DNS failure",
      profile: () => ({ address: "no-such-host.invalid" }),
      kind: "dns",
      says: ['"no-such-host.invalid"'],
    },
    {
      what: "broker that never answers",
      profile: () => ({ port: silent.port }),
      kind: "timeout",
      says: ["did not accept the connection within", "If this port expects TLS, set ssl=yes"],
    },
  ];

  let refusedPort = 0;
  before(async () => {
    refusedPort = await freePort();
  });

  for (const c of CASES) {
    test(`${c.what}: ${c.kind}, explained, within ${ERROR_WITHIN_MS} ms`, async () => {
      const profile = makeBrokerProfile({ name: "faulty", address: "127.0.0.1", ...c.profile() });
      const h = createHarness([profile], { faulty: c.secrets?.() ?? {} });
      try {
        const error = await failureOf(h.manager.connect("faulty"), ERROR_WITHIN_MS, `connect (${c.what})`);
        assert.ok(error instanceof MqttError, String(error));
        assert.equal(error.kind, c.kind, error.message);
        for (const fragment of c.says) {
          if (typeof fragment === "string")
            assert.ok(error.message.includes(fragment), `missing "${fragment}" in: ${error.message}`);
          else assert.match(error.message, fragment);
        }
        const state = h.manager.state("faulty");
        assert.equal(state.status, "error");
        assert.equal(state.status === "error" ? state.reason : "", error.message);
      } finally {
        await h.dispose();
      }
    });
  }

  test("test connection explains failures the same way", async () => {
    const h = createHarness([]);
    try {
      const profile = makeBrokerProfile({
        name: "t",
        address: "127.0.0.1",
        ...tls(
          () => broker.ports.tlsExpired,
          () => broker.pki.caFile,
        )(),
      });
      const result = await h.manager.test(profile);
      assert.ok(!result.ok);
      assert.equal(result.error.kind, "tls-expired");
      assert.match(
        result.error.detail ?? "",
        /server: "CN=localhost" issued by "CN=RSC Test CA.*valid 2020-01-01/,
      );
    } finally {
      await h.dispose();
    }
  });
});

describe("broker restart mid-session", { skip }, () => {
  let broker: MosquittoBroker;
  before(async () => {
    broker = await startMosquitto();
  });
  after(async () => {
    await broker?.dispose();
  });

  test("QoS 1 messages published before, during and after a restart all arrive; subscriptions are restored", async () => {
    const profile = makeBrokerProfile({
      name: "survivor",
      address: "127.0.0.1",
      port: broker.ports.plain,
      clientId: "survivor-1",
      autoConnect: true,
    });
    const h = createHarness([profile], {}, { backoff: { initialMs: 100, maxMs: 400 } });
    const publishes: Array<Promise<void>> = [];
    const send = (phase: string, count: number): void => {
      for (let i = 0; i < count; i++) {
        publishes.push(
          h.manager.publish("survivor", `restart/${phase}`, `${phase}-${i}`, { qos: 1, deadlineMs: 30_000 }),
        );
      }
    };
    try {
      await h.manager.subscribe("survivor", "restart/#", 1);
      send("before", 20);
      await Promise.all(publishes);
      await h.waitForMessages(20);

      // Freeze the broker so the next messages are surely in flight (sent, never acknowledged), then kill it.
      broker.freeze();
      send("inflight", 10);
      await broker.stop("SIGKILL");
      await h.waitForStatus("survivor", "reconnecting");
      send("down", 10);
      await broker.start();
      send("after", 10);

      await Promise.all(publishes);
      const expected = ["before", "inflight", "down", "after"].flatMap((phase) =>
        Array.from({ length: phase === "before" ? 20 : 10 }, (_, i) => `${phase}-${i}`),
      );
      await h.waitForMessages(expected.length, () => true, 10_000).catch(() => undefined);
      const received = new Set(h.messages.map((m) => m.payload));
      const missing = expected.filter((p) => !received.has(p));
      assert.deepEqual(missing, [], `missing after restart; states: ${h.statuses("survivor").join(" → ")}`);
      assert.deepEqual(h.manager.subscriptions("survivor"), [{ filter: "restart/#", qos: 1 }]);
      const statuses = h.statuses("survivor");
      assert.deepEqual(statuses.slice(0, 3), ["connecting", "connected", "reconnecting"]);
      assert.equal(statuses[statuses.length - 1], "connected");
    } finally {
      await h.dispose();
    }
  });
});

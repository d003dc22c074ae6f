// The connection manager against a real Mosquitto: plain, user/password and TLS (with and without a client certificate): connect, publish QoS 0/1/2, wildcard subscriptions, states, test connection.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { makeBrokerProfile, type BrokerProfile } from "../../../client/src/mqtt/brokerProfile";
import type { QoS } from "../../../client/src/mqtt/qos";
import { mosquittoSkipReason, startMosquitto, type MosquittoBroker } from "../../support/mosquitto";
import { createHarness } from "../../support/mqttHarness";

const skip = mosquittoSkipReason();
if (skip) process.stdout.write(`# skipping Mosquitto tests: ${skip}\n`);

describe("Mosquitto", { skip }, () => {
  let broker: MosquittoBroker;
  before(async () => {
    broker = await startMosquitto();
  });
  after(async () => {
    await broker?.dispose();
  });

  const variants = (): Array<
    [name: string, profile: BrokerProfile, secrets: { password?: string; passphrase?: string }]
  > => {
    const tls = { verifyServer: true, caFile: broker.pki.caFile };
    const base = { address: "127.0.0.1" };
    return [
      ["plain", makeBrokerProfile({ ...base, name: "plain", port: broker.ports.plain }), {}],
      [
        "user/password",
        makeBrokerProfile({ ...base, name: "auth", port: broker.ports.auth, username: broker.user.username }),
        { password: broker.user.password },
      ],
      ["TLS", makeBrokerProfile({ ...base, name: "tls", port: broker.ports.tls, ssl: true, tls }), {}],
      [
        "TLS by host name",
        makeBrokerProfile({ name: "tls-name", address: "localhost", port: broker.ports.tls, ssl: true, tls }),
        {},
      ],
      [
        "TLS with an encrypted client key",
        makeBrokerProfile({
          ...base,
          name: "tls-client",
          port: broker.ports.tlsClientCert,
          ssl: true,
          certificate: "editor-cert",
          tls: { ...tls, certFile: broker.pki.clientEncrypted.cert, keyFile: broker.pki.clientEncrypted.key },
        }),
        { passphrase: broker.pki.clientPassphrase },
      ],
    ];
  };

  test("each listener: connect, subscribe with wildcards, publish QoS 0/1/2, receive, disconnect", async () => {
    for (const [what, profile, secrets] of variants()) {
      const h = createHarness([profile], { [profile.name]: secrets });
      try {
        await h.manager.connect(profile.name);
        assert.equal(await h.manager.subscribe(profile.name, "lab/+/metric/#", 2), 2, what);
        for (const qos of [0, 1, 2] as QoS[]) {
          await h.manager.publish(profile.name, `lab/r1/metric/q${qos}`, `{"qos":${qos}}`, { qos });
        }
        await h.manager.publish(profile.name, "lab/r1/other", "not for us", { qos: 1 });
        const got = await h.waitForMessages(3);
        assert.deepEqual(
          got.map((m) => [m.topic, m.payload, m.info.qos]),
          [
            ["lab/r1/metric/q0", '{"qos":0}', 0],
            ["lab/r1/metric/q1", '{"qos":1}', 1],
            ["lab/r1/metric/q2", '{"qos":2}', 2],
          ],
          what,
        );
        await h.manager.disconnect(profile.name);
        assert.deepEqual(h.statuses(profile.name), ["connecting", "connected", "disconnected"], what);
      } finally {
        await h.dispose();
      }
    }
  });

  test("test connection over TLS reports the protocol and the server certificate", async () => {
    const h = createHarness([]);
    try {
      const [, profile] = variants()[2] ?? [];
      assert.ok(profile);
      const result = await h.manager.test(profile);
      assert.ok(result.ok, result.ok ? "" : result.error.message);
      assert.match(result.tls?.protocol ?? "", /^TLSv1\.[23]$/);
      assert.equal(result.tls?.server?.subject, "CN=localhost");
      assert.match(result.tls?.server?.issuer ?? "", /^CN=RSC Test CA/);
      assert.deepEqual(result.tls?.server?.altNames, ["IP:127.0.0.1", "DNS:localhost"]);
    } finally {
      await h.dispose();
    }
  });

  test("a second connection subscribed with '#' sees what the first publishes, and a last will on abrupt loss", async () => {
    const watcher = makeBrokerProfile({ name: "watcher", address: "127.0.0.1", port: broker.ports.plain });
    const device = makeBrokerProfile({
      name: "device",
      address: "127.0.0.1",
      port: broker.ports.plain,
      clientId: "device-1",
      willTopic: "devices/device-1/status",
      willMessage: "offline",
      willQos: 1,
    });
    const h = createHarness([watcher, device]);
    try {
      await h.manager.subscribe("watcher", "devices/#", 1);
      await h.manager.publish("device", "devices/device-1/status", "online", { qos: 1 });
      await h.waitForMessages(1, (m) => m.payload === "online");
      // Kick the device off by connecting a second client with its client id: the broker sends its will.
      const intruder = createHarness([{ ...device, name: "intruder", willTopic: "" }]);
      try {
        await intruder.manager.connect("intruder");
        const [will] = await h.waitForMessages(1, (m) => m.broker === "watcher" && m.payload === "offline");
        assert.equal(will?.topic, "devices/device-1/status");
      } finally {
        await intruder.dispose();
      }
    } finally {
      await h.dispose();
    }
  });
});

// The connection manager's gate and warnings: `admit` is asked before every way a broker starts connecting (and not before reconnects it let through), a refusal connects nothing; TLS without certificate verification warns on every attempt (real Mosquitto).
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { makeBrokerProfile, type BrokerProfile } from "../../../client/src/mqtt/brokerProfile";
import { startEmbeddedBroker, type EmbeddedBroker } from "../../../client/src/mqtt/embeddedBroker";
import { MqttError, isMqttError } from "../../../client/src/mqtt/errors";
import { mosquittoSkipReason, startMosquitto, type MosquittoBroker } from "../../support/mosquitto";
import { createHarness, type Harness } from "../../support/mqttHarness";
import { waitFor } from "../../support/waitFor";

let aedes: EmbeddedBroker;
before(async () => {
  aedes = await startEmbeddedBroker();
});
after(async () => {
  await aedes.close();
});

/** A harness whose `admit` records the names it is asked about and refuses the names in `refused`. */
function gated(profiles: BrokerProfile[], refused: Set<string>): { h: Harness; asked: string[] } {
  const asked: string[] = [];
  const h = createHarness(
    profiles,
    {},
    {
      admit: (profile) => {
        asked.push(profile.name);
        if (refused.has(profile.name))
          throw new MqttError("not-allowed", `"${profile.name}" is not allowed`, { broker: profile.name });
      },
    },
  );
  return { h, asked };
}

const local = (name: string, extra: Partial<BrokerProfile> = {}): BrokerProfile =>
  makeBrokerProfile({ name, address: "127.0.0.1", port: aedes.port, ...extra });

/** Every way to start a connection, each on a broker of its own, with what it should ask and do when refused. */
const STARTS: Array<[how: string, start: (h: Harness, name: string) => Promise<unknown>]> = [
  ["connect", (h, name) => h.manager.connect(name)],
  ["a forced publish", (h, name) => h.manager.publish(name, "t", "m", { qos: 1 })],
  ["a forced subscribe", (h, name) => h.manager.subscribe(name, "t/#", 1)],
  [
    "test connection",
    async (h, name) => {
      const result = await h.manager.test(local(name));
      if (!result.ok) throw result.error;
    },
  ],
];

describe("admit", () => {
  for (const [how, start] of STARTS) {
    test(`${how}: refused by admit, nothing connects and the refusal is the error`, async () => {
      const { h, asked } = gated([local("b")], new Set(["b"]));
      try {
        const clients = aedes.connectedClients();
        const error = await start(h, "b").then(
          () => undefined,
          (e: unknown) => e,
        );
        assert.ok(isMqttError(error) && error.kind === "not-allowed", String(error));
        assert.deepEqual(asked, ["b"]);
        assert.equal(h.manager.state("b").status, "disconnected");
        assert.equal(aedes.connectedClients(), clients);
      } finally {
        await h.dispose();
      }
    });

    test(`${how}: allowed by admit, it connects`, async () => {
      const { h, asked } = gated([local("b")], new Set());
      try {
        await start(h, "b");
        assert.deepEqual(asked, ["b"]);
      } finally {
        await h.dispose();
      }
    });
  }

  test("a connection that is up is not asked again; a changed profile is", async () => {
    const { h, asked } = gated([local("b")], new Set());
    try {
      await h.manager.connect("b");
      await h.manager.publish("b", "t", "m", { qos: 1 });
      await h.manager.subscribe("b", "t/#", 1);
      assert.deepEqual(asked, ["b"]);
      h.manager.setProfiles([local("b", { keepAlive: 30 })]);
      await waitFor(() => asked.length === 2 && h.manager.state("b").status === "connected", {
        what: "the changed broker to be asked about and connected again",
      });
      assert.deepEqual(asked, ["b", "b"]);
    } finally {
      await h.dispose();
    }
  });

  test("auto-connect asks, and a refused broker stays disconnected with a log line", async () => {
    const refused = new Set(["no"]);
    const { h, asked } = gated(
      [local("yes", { autoConnect: true }), local("no", { autoConnect: true })],
      refused,
    );
    try {
      h.manager.connectAutoConnectBrokers();
      await h.waitForStatus("yes", "connected");
      assert.deepEqual(asked.sort(), ["no", "yes"]);
      assert.equal(h.manager.state("no").status, "disconnected");
      assert.ok(
        h.logs.some((l) => l.startsWith('info: broker "no" does not connect: "no" is not allowed')),
        h.logs.join("\n"),
      );
    } finally {
      await h.dispose();
    }
  });
});

const skip = mosquittoSkipReason();
describe("TLS without certificate verification", { skip }, () => {
  let broker: MosquittoBroker;
  before(async () => {
    broker = await startMosquitto();
  });
  after(async () => {
    await broker?.dispose();
  });

  test("every connect and every test connection warns in the log; a verified one does not", async () => {
    const unverified = makeBrokerProfile({
      name: "lab",
      address: "127.0.0.1",
      port: broker.ports.tlsSelfSigned,
      ssl: true,
      tls: { verifyServer: false },
    });
    const verified = makeBrokerProfile({
      name: "checked",
      address: "127.0.0.1",
      port: broker.ports.tls,
      ssl: true,
      tls: { verifyServer: true, caFile: broker.pki.caFile },
    });
    const h = createHarness([unverified, verified]);
    try {
      for (let i = 0; i < 2; i++) {
        await h.manager.connect("lab");
        await h.manager.disconnect("lab");
      }
      assert.equal((await h.manager.test(unverified)).ok, true);
      await h.manager.connect("checked");
      const warnings = h.logs.filter((l) => l.startsWith("warn: "));
      const expected = `warn: broker "lab" (mqtts://127.0.0.1:${broker.ports.tlsSelfSigned}): TLS certificate verification is off`;
      assert.equal(warnings.length, 3, warnings.join("\n"));
      for (const line of warnings) assert.ok(line.startsWith(expected), line);
    } finally {
      await h.dispose();
    }
  });
});

// The connection manager against the embedded aedes broker: connect, publish QoS 0/1/2 and receive, wildcards, states, force, test connection, credentials, and the broker's own publish report.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { makeBrokerProfile, type BrokerProfile } from "../../../client/src/mqtt/brokerProfile";
import {
  startEmbeddedBroker,
  type EmbeddedBroker,
  type ReceivedPublish,
} from "../../../client/src/mqtt/embeddedBroker";
import { MqttError } from "../../../client/src/mqtt/errors";
import { freePort } from "../../support/ports";
import { createHarness } from "../../support/mqttHarness";
import { failureOf, waitFor } from "../../support/waitFor";

let broker: EmbeddedBroker;
let secured: EmbeddedBroker;
const published: ReceivedPublish[] = [];

before(async () => {
  broker = await startEmbeddedBroker({ onPublish: (m) => published.push(m) });
  secured = await startEmbeddedBroker({ users: { router: "aedes-Pass-1" } });
});
after(async () => {
  await broker.close();
  await secured.close();
});

const profile = (name: string, fields: Partial<BrokerProfile> = {}): BrokerProfile =>
  makeBrokerProfile({ name, address: "127.0.0.1", port: broker.port, clientId: `t-${name}`, ...fields });

describe("embedded broker", () => {
  test("reports its URL and every client publish", async () => {
    assert.equal(broker.url, `mqtt://127.0.0.1:${broker.port}`);
    const h = createHarness([profile("reporter")]);
    try {
      await h.manager.publish("reporter", "report/me", "hello", { qos: 1, retain: true });
      const got = await waitFor(() => published.find((m) => m.topic === "report/me"), {
        what: "publish report",
      });
      assert.deepEqual(
        { payload: got.payload.toString(), qos: got.qos, retain: got.retain, clientId: got.clientId },
        { payload: "hello", qos: 1, retain: true, clientId: "t-reporter" },
      );
    } finally {
      await h.dispose();
    }
  });

  test("connect walks connecting → connected; disconnect → disconnected", async () => {
    const h = createHarness([profile("states")]);
    try {
      await h.manager.connect("states");
      const state = h.manager.state("states");
      assert.equal(state.status, "connected");
      assert.equal(state.status === "connected" ? state.clientId : "", "t-states");
      await h.manager.disconnect("states");
      assert.deepEqual(h.statuses("states"), ["connecting", "connected", "disconnected"]);
    } finally {
      await h.dispose();
    }
  });

  test("publish QoS 0, 1 and 2 and receive them through wildcard subscriptions", async () => {
    const h = createHarness([profile("pub"), profile("sub")]);
    try {
      assert.equal(await h.manager.subscribe("sub", "routers/+/cpu", 2), 2);
      assert.equal(await h.manager.subscribe("sub", "routers/r1/#", 1), 1);
      const sends: Array<[topic: string, qos: 0 | 1 | 2]> = [
        ["routers/r1/cpu", 0],
        ["routers/r2/cpu", 1],
        ["routers/r1/mem", 2],
        ["routers/r3/mem", 2],
      ];
      for (const [topic, qos] of sends) await h.manager.publish("pub", topic, `${topic}@${qos}`, { qos });
      // r1/cpu matches both filters (the broker delivers it once per matching subscription or once overall).
      const got = await h.waitForMessages(3, (m) => m.broker === "sub");
      const topics = new Set(got.map((m) => m.topic));
      assert.deepEqual([...topics].sort(), ["routers/r1/cpu", "routers/r1/mem", "routers/r2/cpu"]);
      const mem = got.find((m) => m.topic === "routers/r1/mem");
      assert.equal(mem?.payload, "routers/r1/mem@2");
      assert.ok(!h.messages.some((m) => m.topic === "routers/r3/mem"));
      assert.deepEqual(h.manager.subscriptions("sub"), [
        { filter: "routers/+/cpu", qos: 2 },
        { filter: "routers/r1/#", qos: 1 },
      ]);
      await h.manager.unsubscribe("sub", "routers/+/cpu");
      assert.deepEqual(h.manager.subscriptions("sub"), [{ filter: "routers/r1/#", qos: 1 }]);
    } finally {
      await h.dispose();
    }
  });

  test("retained messages arrive flagged retained", async () => {
    const h = createHarness([profile("ret-pub"), profile("ret-sub")]);
    try {
      await h.manager.publish("ret-pub", "retained/status", "online", { qos: 1, retain: true });
      await h.manager.subscribe("ret-sub", "retained/#");
      const [m] = await h.waitForMessages(1, (x) => x.topic === "retained/status");
      assert.equal(m?.info.retain, true);
    } finally {
      await h.dispose();
    }
  });

  test("force=no fails when not connected; force=yes connects first; disconnect-after closes", async () => {
    const h = createHarness([profile("force")]);
    try {
      const error = await failureOf(
        h.manager.publish("force", "a/b", "x", { force: false }),
        5000,
        "publish force=no",
      );
      assert.ok(error instanceof MqttError && error.kind === "not-connected", String(error));
      assert.match(error.message, /broker "force" is not connected/);
      await h.manager.publish("force", "a/b", "x", { qos: 1, disconnectAfter: true });
      await h.waitForStatus("force", "disconnected");
      assert.deepEqual(h.statuses("force"), ["connecting", "connected", "disconnected"]);
    } finally {
      await h.dispose();
    }
  });

  test("bad input and unknown brokers fail clearly", async () => {
    const h = createHarness([profile("bad")]);
    try {
      const cases: Array<[Promise<unknown>, string, RegExp]> = [
        [
          h.manager.publish("bad", "a/+/b", "x"),
          "invalid-topic",
          /cannot publish to "a\/\+\/b": topic contains the wildcard '\+'.*character 3/,
        ],
        [h.manager.subscribe("bad", "a/b#"), "invalid-topic", /cannot subscribe to "a\/b#"/],
        [h.manager.connect("nope"), "unknown-broker", /no broker named "nope"; known brokers: "bad"/],
      ];
      for (const [promise, kind, message] of cases) {
        const error = await failureOf(promise, 5000, kind);
        assert.ok(error instanceof MqttError && error.kind === kind, String(error));
        assert.match(error.message, message);
      }
      assert.throws(() => h.manager.setProfiles([profile("x"), profile("x")]), /two brokers are named "x"/);
    } finally {
      await h.dispose();
    }
  });

  test("queued publishes are bounded", async () => {
    const port = await freePort();
    const h = createHarness(
      [profile("full", { port, autoConnect: true })],
      {},
      {
        maxQueuedPublishes: 2,
        backoff: { initialMs: 60_000, maxMs: 60_000 },
      },
    );
    try {
      const first = h.manager.publish("full", "q/1", "1", { deadlineMs: 60_000 });
      const second = h.manager.publish("full", "q/2", "2", { deadlineMs: 60_000 });
      const error = await failureOf(h.manager.publish("full", "q/3", "3"), 5000, "third publish");
      assert.ok(error instanceof MqttError && error.kind === "queue-full", String(error));
      await h.manager.disconnect("full");
      for (const p of [first, second]) {
        const e = await failureOf(p, 5000, "queued publish");
        assert.ok(e instanceof MqttError && e.kind === "cancelled", String(e));
      }
    } finally {
      await h.dispose();
    }
  });

  test("credentials: right password connects, wrong and missing ones are refused as auth errors", async () => {
    const p = (name: string, username: string): BrokerProfile =>
      profile(name, { port: secured.port, username });
    const h = createHarness([p("good", "router"), p("bad", "router"), p("anon", "")], {
      good: { password: "aedes-Pass-1" },
      bad: { password: "not-the-password" },
    });
    try {
      await h.manager.connect("good");
      for (const name of ["bad", "anon"]) {
        const error = await failureOf(h.manager.connect(name), 5000, `connect ${name}`);
        assert.ok(error instanceof MqttError && error.kind === "auth", String(error));
        assert.match(error.message, /refused the login: bad username or password/);
        assert.equal(h.manager.state(name).status, "error");
      }
    } finally {
      await h.dispose();
    }
  });

  test("test connection reports success with a separate client id, and failure with the error", async () => {
    const h = createHarness([]);
    try {
      const ok = await h.manager.test(profile("probe", { clientId: "router1" }));
      assert.ok(ok.ok);
      assert.match(ok.clientId, /^router1-test-[0-9a-f]{4}$/);
      assert.equal(ok.tls, undefined);
      const port = await freePort();
      const failed = await h.manager.test(profile("probe", { port }));
      assert.ok(!failed.ok);
      assert.equal(failed.error.kind, "connection-refused");
      assert.deepEqual(h.manager.states(), new Map());
    } finally {
      await h.dispose();
    }
  });

  test("a changed profile reconnects a live connection with the new settings", async () => {
    const h = createHarness([profile("live", { clientId: "before" })]);
    try {
      await h.manager.connect("live");
      h.manager.setProfiles([profile("live", { clientId: "after" })]);
      await waitFor(
        () => {
          const s = h.manager.state("live");
          return s.status === "connected" && s.clientId === "after";
        },
        { what: "reconnect with the new client id" },
      );
      h.manager.setProfiles([]);
      await h.waitForStatus("live", "disconnected");
      assert.deepEqual(h.manager.profiles(), []);
    } finally {
      await h.dispose();
    }
  });

  test("after dispose every call fails with 'disposed'", async () => {
    const h = createHarness([profile("gone")]);
    await h.dispose();
    const error = await failureOf(h.manager.connect("gone"), 1000, "connect after dispose");
    assert.ok(error instanceof MqttError && error.kind === "disposed");
  });
});

// The reconnect state machine on a fake clock and scripted fake clients: backoff schedule with cap, attempt limit, permanent errors, auto-connect off, and publishes that wait without defeating the backoff.
import { test } from "node:test";
import assert from "node:assert/strict";
import { EventEmitter } from "node:events";
import { ErrorWithReasonCode, type MqttClient } from "mqtt";
import { makeBrokerProfile } from "../../../client/src/mqtt/brokerProfile";
import type { ConnectionState } from "../../../client/src/mqtt/connectionState";
import { MqttError } from "../../../client/src/mqtt/errors";
import { FakeClock } from "../../support/fakeClock";
import { createHarness } from "../../support/mqttHarness";

type Outcome = "refuse" | "auth" | "accept";

/** Fake `mqtt` clients that play the given outcomes, one per attempt (the last one repeats). */
function scriptedClients(outcomes: Outcome[]): { create: () => MqttClient; created: () => number } {
  let count = 0;
  const create = (): MqttClient => {
    const outcome = outcomes[Math.min(count, outcomes.length - 1)] ?? "refuse";
    count++;
    const client = Object.assign(new EventEmitter(), {
      connected: false,
      options: { clientId: "fake" },
      end: () => client,
      endAsync: () => Promise.resolve(),
      publish: (_t: string, _p: Buffer, _o: unknown, cb: (e?: Error) => void) => setImmediate(() => cb()),
      subscribe: (request: Record<string, { qos: number }>, cb: (e: Error | null, g: unknown[]) => void) =>
        setImmediate(() =>
          cb(
            null,
            Object.entries(request).map(([topic, { qos }]) => ({ topic, qos })),
          ),
        ),
    });
    setImmediate(() => {
      if (outcome === "refuse")
        client.emit("error", Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }));
      else if (outcome === "auth")
        client.emit("error", new ErrorWithReasonCode("Connection refused: Not authorized", 5));
      else {
        client.connected = true;
        client.emit("connect", { cmd: "connack", sessionPresent: false });
      }
    });
    return client as unknown as MqttClient;
  };
  return { create, created: () => count };
}

/** Lets promise chains and setImmediate callbacks of the fake clients run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
}

function describeStates(states: ConnectionState[], start: number): string[] {
  return states.map((s) =>
    s.status === "reconnecting"
      ? `reconnecting#${s.attempt}+${s.nextTryAt - start}`
      : s.status === "connecting"
        ? `connecting#${s.attempt}`
        : s.status,
  );
}

test("auto-connect retries with exponential backoff up to the cap, then connects", async () => {
  const clock = new FakeClock();
  const clients = scriptedClients(["refuse", "refuse", "refuse", "refuse", "accept"]);
  const start = clock.now();
  const h = createHarness(
    [makeBrokerProfile({ name: "b", address: "h", autoConnect: true })],
    {},
    {
      clock,
      random: () => 0.5,
      backoff: { initialMs: 1000, factor: 2, maxMs: 4000, jitter: 0.2 },
      createClient: clients.create,
    },
  );
  try {
    const first = h.manager.connect("b").catch((e: unknown) => e);
    await settle();
    assert.ok((await first) instanceof MqttError);
    for (const step of [1000, 2000, 4000, 4000]) {
      clock.advance(step);
      await settle();
    }
    assert.equal(h.manager.state("b").status, "connected");
    let t = start;
    const expected = ["connecting#1"];
    for (const [attempt, delay] of [
      [1, 1000],
      [2, 2000],
      [3, 4000],
      [4, 4000],
    ] as const) {
      expected.push(`reconnecting#${attempt}+${t - start + delay}`, `connecting#${attempt + 1}`);
      t += delay;
    }
    expected.push("connected");
    assert.deepEqual(describeStates(h.states.get("b") ?? [], start), expected);
    assert.equal(clients.created(), 5);
  } finally {
    await h.dispose();
  }
});

test("the attempt limit, permanent errors and auto-connect=no all stop in the error state", async () => {
  const cases: Array<{
    what: string;
    outcomes: Outcome[];
    autoConnect: boolean;
    maxAttempts?: number;
    attempts: number;
    reason: RegExp;
  }> = [
    {
      what: "attempt limit",
      outcomes: ["refuse"],
      autoConnect: true,
      maxAttempts: 3,
      attempts: 3,
      reason: /^gave up after 3 attempts: connection refused/,
    },
    {
      what: "bad credentials are not retried",
      outcomes: ["auth"],
      autoConnect: true,
      attempts: 1,
      reason: /refused the login/,
    },
    {
      what: "auto-connect=no does not retry",
      outcomes: ["refuse"],
      autoConnect: false,
      attempts: 1,
      reason: /connection refused by h:1883/,
    },
  ];
  for (const c of cases) {
    const clock = new FakeClock();
    const clients = scriptedClients(c.outcomes);
    const h = createHarness(
      [makeBrokerProfile({ name: "b", address: "h", autoConnect: c.autoConnect })],
      {},
      {
        clock,
        backoff: { initialMs: 100, maxMs: 100, ...(c.maxAttempts ? { maxAttempts: c.maxAttempts } : {}) },
        createClient: clients.create,
      },
    );
    try {
      void h.manager.connect("b").catch(() => {});
      for (let i = 0; i < 10; i++) {
        await settle();
        clock.advance(100);
      }
      const state = h.manager.state("b");
      assert.equal(state.status, "error", c.what);
      assert.match(state.status === "error" ? state.reason : "", c.reason, c.what);
      assert.equal(clients.created(), c.attempts, c.what);
      assert.equal(clock.pending, 0, `${c.what}: timers left`);
    } finally {
      await h.dispose();
    }
  }
});

test("publishes while reconnecting wait for the connection and do not start extra attempts", async () => {
  const clock = new FakeClock();
  const clients = scriptedClients(["refuse", "accept"]);
  const h = createHarness(
    [makeBrokerProfile({ name: "b", address: "h", autoConnect: true })],
    {},
    {
      clock,
      random: () => 0.5,
      backoff: { initialMs: 5000, jitter: 0 },
      createClient: clients.create,
    },
  );
  try {
    void h.manager.connect("b").catch(() => {});
    await settle();
    assert.equal(h.manager.state("b").status, "reconnecting");
    const sent = Array.from({ length: 5 }, (_, i) =>
      h.manager.publish("b", "t", String(i), { qos: 1, deadlineMs: 60_000 }),
    );
    await settle();
    assert.equal(clients.created(), 1, "a publish started an attempt during the backoff");
    clock.advance(5000);
    await settle();
    await Promise.all(sent);
    assert.equal(clients.created(), 2);
    // Connected now: force=no works.
    await h.manager.publish("b", "t", "direct", { force: false });
  } finally {
    await h.dispose();
  }
});

test("a publish that cannot complete in time fails at its deadline with the state in words", async () => {
  const clock = new FakeClock();
  const clients = scriptedClients(["refuse"]);
  const h = createHarness(
    [makeBrokerProfile({ name: "b", address: "h", autoConnect: true })],
    {},
    {
      clock,
      backoff: { initialMs: 60_000, maxMs: 60_000, jitter: 0 },
      createClient: clients.create,
    },
  );
  try {
    const publish = h.manager.publish("b", "t", "x", { qos: 1, deadlineMs: 3000 }).catch((e: unknown) => e);
    await settle();
    clock.advance(3000);
    const error = await publish;
    assert.ok(error instanceof MqttError && error.kind === "timeout", String(error));
    assert.match(
      error.message,
      /publish to "t" on broker "b" did not complete within 3000 ms \(the broker is reconnecting\)/,
    );
  } finally {
    await h.dispose();
  }
});

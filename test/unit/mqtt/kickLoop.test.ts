// Two clients with one client id kick each other off the broker: the manager must notice, stop, and say why, instead of looping.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import * as mqtt from "mqtt";
import { makeBrokerProfile } from "../../../client/src/mqtt/brokerProfile";
import { KickLoopDetector } from "../../../client/src/mqtt/kickLoop";
import { MqttError } from "../../../client/src/mqtt/errors";
import { mosquittoSkipReason, startMosquitto, type MosquittoBroker } from "../../support/mosquitto";
import { createHarness } from "../../support/mqttHarness";
import { waitFor } from "../../support/waitFor";

test("detector: only consecutive quick drops count, and a failed attempt resets the count", () => {
  const cases: Array<[events: Array<number | "failed">, loop: boolean]> = [
    [[100, 200, 300], true],
    [[100, 200], false],
    [[100, 6000, 100, 100], false],
    [[100, 200, "failed", 300], false],
    [[100, "failed", 100, 100, 100], true],
  ];
  for (const [events, loop] of cases) {
    const d = new KickLoopDetector({ windowMs: 5000, threshold: 3 });
    let detected = false;
    for (const e of events) {
      if (e === "failed") d.reset();
      else detected = d.recordDrop(e);
    }
    assert.equal(detected, loop, JSON.stringify(events));
  }
});

const skip = mosquittoSkipReason();
if (skip) process.stdout.write(`# skipping client-id kick loop tests: ${skip}\n`);

describe("client-id kick loop against Mosquitto", { skip }, () => {
  let broker: MosquittoBroker;
  before(async () => {
    broker = await startMosquitto();
  });
  after(async () => {
    await broker?.dispose();
  });

  for (const protocolVersion of [4, 5] as const) {
    test(`MQTT ${protocolVersion === 4 ? "3.1.1" : "5"}: a router reconnecting with the same client id is detected and explained`, async () => {
      const clientId = `router-${protocolVersion}`;
      // The "router": auto-connect with the same client id, reconnecting quickly whenever it is kicked off.
      const router = mqtt.connect({
        host: "127.0.0.1",
        port: broker.ports.plain,
        clientId,
        protocolVersion,
        reconnectPeriod: 100,
      });
      router.on("error", () => {});
      try {
        await waitFor(() => router.connected, { what: "the router connected" });
        const profile = makeBrokerProfile({
          name: "editor",
          address: "127.0.0.1",
          port: broker.ports.plain,
          clientId,
          autoConnect: true,
          protocolVersion,
        });
        const h = createHarness([profile]);
        try {
          const started = Date.now();
          void h.manager.connect("editor").catch(() => {});
          // Waits for the state change itself; 60 s is only a safety net (the detection takes about 3 s on an idle machine).
          await h.waitForStatus("editor", "error", 60_000);
          process.stdout.write(
            `# kick loop stopped after ${Date.now() - started} ms: ${h.statuses("editor").join(" → ")}\n`,
          );
          const state = h.manager.state("editor");
          assert.equal(state.status, "error");
          const error = state.status === "error" ? state.error : undefined;
          assert.ok(error instanceof MqttError);
          assert.equal(error.kind, "client-id-conflict");
          assert.match(
            error.message,
            new RegExp(`another client with client-id "${clientId}" is connected to broker "editor"`),
          );
          assert.match(error.message, /RouterOS and the editor must use different client ids/);
          // Having stopped, the editor no longer fights: the router stays connected.
          await waitFor(() => router.connected, { what: "the router back online" });
          assert.equal(h.manager.state("editor").status, "error");
        } finally {
          await h.dispose();
        }
      } finally {
        router.end(true);
      }
    });
  }
});

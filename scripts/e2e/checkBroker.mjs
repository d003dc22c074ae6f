// MQTT brokers for browser checks and the demo: the extension's own embedded aedes broker (compiled in out/) on 127.0.0.1, recording every publish; and the tests' real Mosquitto with its TLS listeners.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { repoRoot } from "./install-code-server.mjs";
import { until } from "./workbench.mjs";

/** The compiled module the broker comes from (`npx tsc -p .` writes it). */
export const compiled = join(repoRoot, "out", "client", "src", "mqtt", "embeddedBroker.js");

/**
 * What a check gets from `ctx.mqttBroker()`.
 * @typedef {object} CheckBroker
 * @property {string} url `mqtt://127.0.0.1:PORT`
 * @property {number} port
 * @property {() => { topic: string, payload: string, qos: number, retain: boolean, clientId: string }[]} received
 *   every message a client published so far (payloads as UTF-8)
 * @property {(accept: (m: ReturnType<CheckBroker["received"]>[number]) => boolean, opts?: { what?: string, timeoutMs?: number }) => Promise<ReturnType<CheckBroker["received"]>[number]>} waitForPublish
 *   the first published message `accept` holds for (already received or still to come)
 * @property {() => number} connectedClients
 * @property {() => Promise<void>} close
 */

/**
 * Starts aedes on 127.0.0.1 (a free port unless `port` is given).
 * @param {{ port?: number, onPublish?: (m: ReturnType<CheckBroker["received"]>[number]) => void }} [opts]
 * @returns {Promise<CheckBroker>}
 */
export async function startCheckBroker(opts = {}) {
  if (!existsSync(compiled)) {
    throw new Error(`${relative(repoRoot, compiled)} is missing: compile the tests first (npx tsc -p .)`);
  }
  const { startEmbeddedBroker } = createRequire(import.meta.url)(compiled);
  const messages = [];
  const broker = await startEmbeddedBroker({
    ...(opts.port !== undefined ? { port: opts.port } : {}),
    onPublish: (m) => {
      const message = {
        topic: m.topic,
        payload: m.payload.toString("utf8"),
        qos: m.qos,
        retain: m.retain,
        clientId: m.clientId,
      };
      messages.push(message);
      opts.onPublish?.(message);
    },
  });
  return {
    url: broker.url,
    port: broker.port,
    received: () => [...messages],
    waitForPublish: (accept, { what = "a published message", timeoutMs } = {}) =>
      until(() => messages.find(accept), { what: `${what} at the check broker ${broker.url}`, timeoutMs }),
    connectedClients: () => broker.connectedClients(),
    close: () => broker.close(),
  };
}

/** The compiled Mosquitto runner of the unit tests (test/support/mosquitto.ts). */
export const compiledMosquitto = join(repoRoot, "out", "test", "support", "mosquitto.js");

/**
 * Starts the tests' Mosquitto (every listener, a fresh PKI), or says why it cannot: `{ skip }` when Mosquitto is not
 * installed and CI is not set (with CI=true a missing Mosquitto throws).
 * @returns {Promise<{ broker?: import("../../test/support/mosquitto").MosquittoBroker, skip?: string }>}
 */
export async function startCheckMosquitto() {
  if (!existsSync(compiledMosquitto)) {
    throw new Error(
      `${relative(repoRoot, compiledMosquitto)} is missing: compile the tests first (npx tsc -p .)`,
    );
  }
  const { mosquittoSkipReason, startMosquitto } = createRequire(import.meta.url)(compiledMosquitto);
  const skip = mosquittoSkipReason();
  return skip ? { skip } : { broker: await startMosquitto() };
}

// An MQTT broker for browser checks: the extension's own embedded aedes broker (compiled in out/), started on first use, recording every publish, closed with the suite.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { repoRoot } from "./install-code-server.mjs";
import { until } from "./workbench.mjs";

const compiled = join(repoRoot, "out", "client", "src", "mqtt", "embeddedBroker.js");

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

/** Starts aedes on a free port of 127.0.0.1. @returns {Promise<CheckBroker>} */
export async function startCheckBroker() {
  if (!existsSync(compiled)) {
    throw new Error(`${relative(repoRoot, compiled)} is missing: compile the tests first (npx tsc -p .)`);
  }
  const { startEmbeddedBroker } = createRequire(import.meta.url)(compiled);
  const messages = [];
  const broker = await startEmbeddedBroker({
    onPublish: (m) =>
      messages.push({
        topic: m.topic,
        payload: m.payload.toString("utf8"),
        qos: m.qos,
        retain: m.retain,
        clientId: m.clientId,
      }),
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

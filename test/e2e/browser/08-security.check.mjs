// Browser check: hostile workspaces and brokers. A broker that the workspace's settings define asks once (a modal) before it first connects and the answer is remembered; a TLS certificate whose subject holds a command link shows it as plain text in the Connect error (real Mosquitto).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { until } from "../../../scripts/e2e/workbench.mjs";

const CONTAINER = "RouterOS MQTT";
const VIEW = "Brokers";
const ALLOWED = "ws-lab";
const REFUSED = "ws-refused";
const HOSTILE = "ws-hostile-tls";
/** The organisation of test/support/certs.ts's hostile certificate: a command link for a notification. */
const HOSTILE_ORGANISATION = "[Fix the broker](command:routerosMqtt.showLog)";

/** Writes the broker list of the workspace's .vscode/settings.json (VS Code picks the change up by itself). */
function writeWorkspaceBrokers(workspace, brokers) {
  mkdirSync(join(workspace, ".vscode"), { recursive: true });
  writeFileSync(
    join(workspace, ".vscode", "settings.json"),
    JSON.stringify({ "routerosMqtt.brokers": brokers }, null, 2),
  );
}

const row = (items, name) => items.find((i) => i.label === name);
const isConnected = (name) => (items) => /· connected$/.test(row(items, name)?.description ?? "");

/** Brokers this file writes into the workspace settings, step by step. */
const written = [];

/** @type {import("../../../scripts/e2e/run-browser.mjs").Check[]} */
export const checks = [
  {
    name: "workspace broker: asks before it first connects; once allowed, connects again without asking",
    async run({ wb, assert, workspace, mqttBroker, log }) {
      const broker = await mqttBroker();
      await wb.openViewContainer(CONTAINER);
      const before = broker.connectedClients();
      written.push({ name: ALLOWED, address: "127.0.0.1", port: broker.port, "auto-connect": true });
      writeWorkspaceBrokers(workspace, written);
      const asked = await wb.answerDialog(new RegExp(`settings define broker "${ALLOWED}"`), "Connect");
      log(`dialog: ${JSON.stringify(asked)}`);
      assert.match(asked.message, new RegExp(`at mqtt://127\\.0\\.0\\.1:${broker.port}\\. Connect to it\\?`));
      assert.match(asked.detail, /not from you/);
      // The order of dialog buttons depends on the platform.
      assert.deepEqual(asked.buttons.filter((b) => b === "Connect" || b === "Don't Connect").sort(), [
        "Connect",
        "Don't Connect",
      ]);
      await wb.treeItems(VIEW, { accept: isConnected(ALLOWED) });
      await until(() => broker.connectedClients() > before, { what: "the check broker to see the client" });
      // Remembered: down and up again by hand, and no dialog holds the connection back.
      await wb.clickTreeItemAction(VIEW, ALLOWED, "Disconnect from Broker");
      await wb.treeItems(VIEW, {
        accept: (i) => row(i, ALLOWED)?.description === `127.0.0.1:${broker.port}`,
      });
      await wb.clickTreeItemAction(VIEW, ALLOWED, "Connect to Broker");
      await wb.treeItems(VIEW, { accept: isConnected(ALLOWED) });
      assert.equal(await wb.dialog(), undefined);
    },
  },
  {
    name: "workspace broker: Don't Connect leaves it disconnected",
    async run({ wb, assert, workspace, mqttBroker, extensionLogs }) {
      const broker = await mqttBroker();
      const before = broker.connectedClients();
      written.push({ name: REFUSED, address: "127.0.0.1", port: broker.port, "auto-connect": true });
      writeWorkspaceBrokers(workspace, written);
      await wb.answerDialog(new RegExp(`settings define broker "${REFUSED}"`), "Don't Connect");
      await until(
        () =>
          extensionLogs().some((l) =>
            l.text.includes(`workspace broker "${REFUSED}" (mqtt://127.0.0.1:${broker.port}): Don't Connect`),
          ),
        { what: "the extension's log to record the answer" },
      );
      const items = await wb.treeItems(VIEW, { accept: (i) => row(i, REFUSED) !== undefined });
      assert.equal(row(items, REFUSED)?.description, `127.0.0.1:${broker.port}`);
      assert.equal(broker.connectedClients(), before);
    },
  },
  {
    name: "TLS: a command link in the broker's certificate subject is plain text in the Connect error",
    timeoutMs: 90_000,
    async run({ wb, assert, workspace, mosquitto, log }) {
      const { broker, skip } = await mosquitto();
      if (!broker) {
        log(`skipped: ${skip}`);
        return;
      }
      await wb.openViewContainer(CONTAINER);
      const port = broker.ports.tlsHostileSubject;
      written.push({ name: HOSTILE, address: "127.0.0.1", port, ssl: true });
      writeWorkspaceBrokers(workspace, written);
      await wb.treeItems(VIEW, { accept: (i) => row(i, HOSTILE) !== undefined });
      await wb.clickTreeItemAction(VIEW, HOSTILE, "Connect to Broker");
      await wb.answerDialog(new RegExp(`settings define broker "${HOSTILE}"`), "Connect");
      const shown = await until(
        async () =>
          (await wb.notifications()).find(
            (n) => n.severity === "error" && n.message.includes("Fix the broker"),
          ),
        { what: "the TLS error notification", timeoutMs: 30_000 },
      );
      log(`notification: ${JSON.stringify(shown)}`);
      assert.deepEqual(shown.links, [], "no link is rendered in the message");
      const text = shown.message.replace(/\u200B/g, "");
      assert.ok(text.includes(`O=${HOSTILE_ORGANISATION}`), text);
      assert.match(text, /is self-signed/);
    },
  },
];

// Browser check: the RouterOS MQTT brokers view; a broker added through the guided quick input, connected to a broker started by the check, and its state in the tree.
import { until } from "../../../scripts/e2e/workbench.mjs";

const CONTAINER = "RouterOS MQTT";
const VIEW = "Brokers";
/** The broker telemetry.rsc publishes to (`:local broker "AWS"`): 06-run runs that script through it. */
export const BROKER_NAME = "AWS";

/**
 * Adds a plain broker through "Add Broker…": every step of the quick input answered by typing, user scope.
 * @param {import("../../../scripts/e2e/workbench.mjs").Workbench} wb
 * @param {{ name: string, port: number }} broker
 */
export async function addBrokerThroughForm(wb, { name, port }) {
  await wb.answerQuickInput("Name of the broker entry", name);
  await wb.answerQuickInput("Host name or IP address", "127.0.0.1");
  await wb.answerQuickInput("TCP port", String(port));
  await wb.answerQuickInput("Use TLS", "No TLS", { pick: true });
  await wb.answerQuickInput("User name", "");
  await wb.answerQuickInput("Client id", "");
  await wb.answerQuickInput("Connect automatically?", "Connect on request", { pick: true });
  await wb.answerQuickInput("Where to save the broker?", "User settings", { pick: true });
  await until(async () => !(await wb.quickInputState()).visible, { what: "the Add Broker form to close" });
}

const row = (items, name) => items.find((i) => i.label === name);

/** @type {import("../../../scripts/e2e/run-browser.mjs").Check[]} */
export const checks = [
  {
    name: "brokers view: empty at first, with an Add Broker button",
    async run({ wb, assert }) {
      await wb.openViewContainer(CONTAINER);
      const welcome = wb.page.locator(".pane-body .welcome-view-content");
      await welcome.waitFor({ timeout: 15_000 });
      const text = await welcome.innerText();
      assert.match(text, /No MQTT brokers yet/, text);
    },
  },
  {
    name: "brokers view: a broker added through the guided form shows as disconnected",
    async run({ wb, assert, mqttBroker, log }) {
      const broker = await mqttBroker();
      log(`check broker on ${broker.url}`);
      await wb.page.locator(".pane-body .welcome-view-content a", { hasText: "Add Broker" }).first().click();
      const first = await until(
        async () => {
          const s = await wb.quickInputState();
          return s.visible ? s : undefined;
        },
        { what: "the Add Broker form" },
      );
      assert.match(first.title, /Add MQTT Broker/, JSON.stringify(first));
      await addBrokerThroughForm(wb, { name: BROKER_NAME, port: broker.port });
      const items = await wb.treeItems(VIEW, { accept: (i) => row(i, BROKER_NAME) !== undefined });
      const added = row(items, BROKER_NAME);
      log(`row: ${JSON.stringify(added)}`);
      // Disconnected: the endpoint alone, with the "disconnected" plug icon.
      assert.equal(added?.description, `127.0.0.1:${broker.port}`);
      assert.equal(added?.icon, "debug-disconnect");
      assert.ok(added?.actions.includes("Connect to Broker"), JSON.stringify(added));
    },
  },
  {
    name: "brokers view: Connect turns the broker connected, and the broker sees the client",
    async run({ wb, assert, mqttBroker, log }) {
      const broker = await mqttBroker();
      const before = broker.connectedClients();
      await wb.clickTreeItemAction(VIEW, BROKER_NAME, "Connect to Broker");
      const items = await wb.treeItems(VIEW, {
        accept: (i) => /· connected$/.test(row(i, BROKER_NAME)?.description ?? ""),
      });
      const connected = row(items, BROKER_NAME);
      log(`row: ${JSON.stringify(connected)}`);
      assert.equal(connected?.description, `127.0.0.1:${broker.port} · connected`);
      assert.equal(connected?.icon, "pass-filled");
      assert.ok(connected?.actions.includes("Disconnect from Broker"), JSON.stringify(connected));
      await until(() => broker.connectedClients() > before, { what: "the check broker to count the client" });
      const status = await until(
        async () => {
          const text = await wb.page.locator(".part.statusbar").innerText();
          return /1\/1 broker/.test(text) ? text : undefined;
        },
        { what: 'the status bar to read "1/1 broker"' },
      );
      assert.ok(status);
      await wb.page.mouse.move(800, 400); // off the row: its description shows in full in the screenshot
    },
  },
];

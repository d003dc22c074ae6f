// Browser checks of the fleet view: 50 routers' telemetry, interfaces and retained Home Assistant discovery topics as a tree (counts, rates, retained marks, compact levels); the view filtered by a topic pattern and a JSON field; a topic's history exported as CSV to a new editor from the row's context menu.
import { createRequire } from "node:module";
import { until } from "../../../scripts/e2e/workbench.mjs";
import { BROKER_NAME, addBrokerThroughForm } from "./05-brokers.check.mjs";

const VIEW = "Brokers";
const ROUTERS = 50;

function telemetry(i) {
  return JSON.stringify({
    model: "RB5009UG+S+",
    "cpu-load": i % 10 === 7 ? 91 : 10 + (i % 40),
    uptime: `${i}d04:05:06`,
    "free-memory": 500_000_000 - i * 1000,
  });
}

async function connectAsync(url, clientId) {
  const mqtt = createRequire(import.meta.url)("mqtt");
  return mqtt.connectAsync(url, { clientId });
}

/** The broker of 05-brokers, connected (added through the form when this check runs alone). */
async function connectedBroker(wb, log, port) {
  await wb.openViewContainer("RouterOS MQTT");
  const row = (list) => list.find((r) => r.label === BROKER_NAME);
  const items = await wb
    .treeItems(VIEW, { accept: (i) => row(i) !== undefined, timeoutMs: 2000 })
    .catch(() => []);
  if (items.length === 0) {
    log(`no broker "${BROKER_NAME}" yet: adding it through the form`);
    await wb.runCommand("RouterOS MQTT: Add Broker…");
    await addBrokerThroughForm(wb, { name: BROKER_NAME, port });
  }
  const now = await wb.treeItems(VIEW, { accept: (list) => row(list) !== undefined });
  if (!/· connected$/.test(row(now)?.description ?? "")) {
    await wb.clickTreeItemAction(VIEW, BROKER_NAME, "Connect to Broker");
    await wb.treeItems(VIEW, { accept: (list) => /· connected$/.test(row(list)?.description ?? "") });
  }
}

/** Clicks a row of the brokers view by its label (a level without a message of its own expands). */
async function clickRow(wb, label, options = {}) {
  const pane = wb.page.locator(".pane", { has: wb.page.locator(".pane-header", { hasText: VIEW }) });
  const row = pane.locator(".pane-body .monaco-list-row", {
    has: wb.page.locator(".label-name", { hasText: new RegExp(`^${label.replace(/[/+]/g, "\\$&")}$`) }),
  });
  await row.first().click(options);
}

/** @type {import("../../../scripts/e2e/run-browser.mjs").Check[]} */
export const checks = [
  {
    name: "fleet: the topics of 50 routers as a tree with counts, rates and retained marks",
    timeoutMs: 120_000,
    async run({ wb, assert, log, mqttBroker }) {
      const broker = await mqttBroker();
      await connectedBroker(wb, log, broker.port);
      const routers = await connectAsync(broker.url, "check-fleet");
      try {
        for (let i = 1; i <= ROUTERS; i++) {
          const config = { name: `router${i} CPU`, state_topic: `routers/router${i}/telemetry` };
          await routers.publishAsync(`homeassistant/sensor/router${i}_cpu/config`, JSON.stringify(config), {
            qos: 1,
            retain: true,
          });
        }
        for (const filter of ["routers/#", "homeassistant/#"]) {
          // From the broker's row: other checks may have added brokers, and the palette would ask which one.
          await wb.clickTreeItemAction(VIEW, BROKER_NAME, "Subscribe…");
          await wb.answerQuickInput("Topic filter", filter);
          await wb.answerQuickInput("Highest QoS", "QoS 1", { pick: true });
          await wb.treeItems(VIEW, { accept: (list) => list.some((r) => r.label === filter) });
        }
        for (let i = 1; i <= ROUTERS; i++) {
          await routers.publishAsync(`routers/router${i}/telemetry`, telemetry(i), { qos: 1 });
          for (const ifname of ["ether1", "sfp-sfpplus1"]) {
            const payload = JSON.stringify({ running: true, "rx-byte": i * 1000 });
            await routers.publishAsync(`routers/router${i}/interfaces/${ifname}`, payload, { qos: 1 });
          }
        }
      } finally {
        await routers.endAsync();
      }
      await wb.treeItems(VIEW, {
        accept: (list) => list.some((r) => r.label === "router7" && /^3 topics · 3 msgs/.test(r.description)),
      });
      await clickRow(wb, "router7");
      await wb.treeItems(VIEW, { accept: (list) => list.some((r) => r.label === "interfaces") });
      await clickRow(wb, "interfaces");
      const open = await wb.treeItems(VIEW, {
        accept: (list) => list.some((r) => r.label === "sfp-sfpplus1"),
      });
      const ether1 = open.find((r) => r.label === "ether1");
      assert.match(ether1?.description ?? "", /^\{"running":true,"rx-byte":7000\} · 1 · /);
      await wb.screenshot("fleet topic tree");
      // The discovery topics: collapse the routers, open the sensors.
      await clickRow(wb, "routers/#");
      const levels = await wb.treeItems(VIEW, {
        accept: (list) => list.some((r) => r.label === "sensor" && /50 retained$/.test(r.description)),
      });
      assert.equal(
        levels.find((r) => r.label === "sensor")?.icon,
        "folder-library",
        "a level holding retained topics",
      );
      await clickRow(wb, "sensor");
      const discovery = await wb.treeItems(VIEW, {
        accept: (list) => list.some((r) => r.label === "router1_cpu/config"),
      });
      assert.equal(
        discovery.find((r) => r.label === "router1_cpu/config")?.icon,
        "pinned",
        "a retained topic, its single-child levels compacted into one row",
      );
      await wb.screenshot("fleet retained discovery topics");
      await clickRow(wb, "sensor");
      await clickRow(wb, "routers/#");
    },
  },
  {
    name: "fleet: the view filtered by a topic pattern and a JSON field",
    timeoutMs: 60_000,
    async run({ wb, assert }) {
      await wb.runCommand("RouterOS MQTT: Filter Topics…");
      await wb.answerQuickInput("cpu-load > 80", "routers/+/telemetry cpu-load > 80");
      const items = await wb.treeItems(VIEW, {
        accept: (list) =>
          list.some((r) => r.label === "routers/#" && /· 5 topics$/.test(r.description)) &&
          !list.some((r) => r.label === "router1"),
      });
      const routerRows = items.filter((r) => /^router\d+$/.test(r.label)).map((r) => r.label);
      assert.deepEqual(routerRows, ["router7", "router17", "router27", "router37", "router47"]);
      // The view says which filter is on (in its title bar).
      await wb.page
        .getByText("filter: routers/+/telemetry cpu-load > 80")
        .first()
        .waitFor({ state: "attached", timeout: 10_000 });
      await wb.screenshot("fleet filter");
      await wb.runCommand("RouterOS MQTT: Clear Topic Filter");
      await wb.treeItems(VIEW, { accept: (list) => list.some((r) => r.label === "router1") });
    },
  },
  {
    name: "fleet: a topic's history exported as CSV to a new editor",
    timeoutMs: 60_000,
    async run({ wb, assert }) {
      const rows = await wb.treeItems(VIEW, { accept: (list) => list.some((r) => r.label === "router7") });
      if (!rows.some((r) => r.label === "telemetry")) await clickRow(wb, "router7");
      await wb.treeItems(VIEW, { accept: (list) => list.some((r) => r.label === "telemetry") });
      await clickRow(wb, "telemetry", { button: "right" });
      const item = wb.page.locator(".context-view .action-label", { hasText: "Export History…" });
      // Chosen as a keyboard user does: the item under the pointer has the menu's focus, Enter runs it. A click
      // that follows the right-click at once is dropped by the menu in code-server 4.100 (it stayed open, 3 of 3).
      await item.first().hover();
      await wb.page.keyboard.press("Enter");
      await wb.answerQuickInput("Format of the export", "CSV", { pick: true });
      await wb.answerQuickInput("Where the export goes", "New Editor", { pick: true });
      const text = await until(
        async () => {
          const lines = await wb.page.locator(".editor-instance .view-lines .view-line").allInnerTexts();
          const joined = lines.join("\n").replace(/\u00a0/g, " ");
          return joined.includes("received_at,topic") ? joined : undefined;
        },
        { what: "the CSV export in an editor" },
      );
      assert.match(
        text,
        /received_at,topic,seq,qos,retain,bytes,model,cpu-load,uptime,uptime \(s\),free-memory/,
      );
      assert.match(
        text,
        /routers\/router7\/telemetry,\d+,1,false,\d+,RB5009UG\+S\+,91,7d04:05:06,619506,499993000/,
      );
      await wb.screenshot("fleet export csv");
      await wb.runCommand("View: Revert and Close Editor");
    },
  },
];

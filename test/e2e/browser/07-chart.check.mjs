// Browser check: Show Chart from the command palette (topic picked) draws a received topic's numeric fields as SVG lines in a webview, with a legend; a series unticked in the legend is hidden; very different numbers get their own scales.
import { createRequire } from "node:module";
import { until } from "../../../scripts/e2e/workbench.mjs";
import { BROKER_NAME, addBrokerThroughForm } from "./05-brokers.check.mjs";

const VIEW = "Brokers";
const TOPIC = "charts/router1";

/** The webview frame that shows the chart (the workbench nests it in two iframes), once it drew `lines` lines. */
async function chartFrame(page, lines) {
  return until(
    async () => {
      for (const frame of page.frames()) {
        const drawn = await frame
          .locator("#plot svg path.line")
          .count()
          .catch(() => 0);
        if (drawn >= lines) return frame;
      }
      return undefined;
    },
    { what: `a chart webview with ${lines} lines`, timeoutMs: 20_000 },
  );
}

/** Publishes `count` telemetry messages, one every `everyMs`, like a router's scheduler would. */
async function publishTelemetry(url, count, everyMs, from = 0) {
  const mqtt = createRequire(import.meta.url)("mqtt");
  const client = await mqtt.connectAsync(url, { clientId: "check-chart" });
  try {
    for (let i = from; i < from + count; i++) {
      const payload = {
        "cpu-load": Math.round(30 + 25 * Math.sin(i / 3)),
        "free-memory": 800_000 - 1000 * i,
        temperature: 41 + (i % 5),
        uptime: `1d2h${i}m`,
        board: "hAP ax3",
      };
      await client.publishAsync(TOPIC, JSON.stringify(payload), { qos: 0 });
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  } finally {
    await client.endAsync();
  }
}

/** @type {import("../../../scripts/e2e/run-browser.mjs").Check[]} */
export const checks = [
  {
    name: "chart: Show Chart draws a topic's numeric fields, a legend checkbox hides one",
    timeoutMs: 90_000,
    async run({ wb, assert, log, mqttBroker }) {
      const broker = await mqttBroker();
      await wb.openViewContainer("RouterOS MQTT");
      const items = await wb
        .treeItems(VIEW, { accept: (i) => i.some((r) => r.label === BROKER_NAME), timeoutMs: 2000 })
        .catch(() => []);
      if (items.length === 0) {
        log(`no broker "${BROKER_NAME}" yet: adding it through the form`);
        await wb.runCommand("RouterOS MQTT: Add Broker…");
        await addBrokerThroughForm(wb, { name: BROKER_NAME, port: broker.port });
      }
      const row = (list) => list.find((r) => r.label === BROKER_NAME);
      const now = await wb.treeItems(VIEW, { accept: (list) => row(list) !== undefined });
      if (!/· connected$/.test(row(now)?.description ?? "")) {
        await wb.clickTreeItemAction(VIEW, BROKER_NAME, "Connect to Broker");
        await wb.treeItems(VIEW, { accept: (list) => /· connected$/.test(row(list)?.description ?? "") });
      }

      await wb.runCommand("RouterOS MQTT: Subscribe…");
      await wb.answerQuickInput("Topic filter", "charts/#");
      await wb.answerQuickInput("Highest QoS", "QoS 0", { pick: true });
      await wb.treeItems(VIEW, { accept: (list) => list.some((r) => r.label === "charts/#") });
      await publishTelemetry(broker.url, 12, 120);
      // The topic tree lists the topic below its subscription charts/#.
      await wb.treeItems(VIEW, { accept: (list) => list.some((r) => r.label === "router1") });

      await wb.runCommand("RouterOS MQTT: Show Chart");
      await wb.answerQuickInput("the ones with numbers first", TOPIC, { pick: true });
      await wb.page
        .locator(`.tabs-container .tab.active[aria-label^="Chart: ${TOPIC}"]`)
        .waitFor({ timeout: 15_000 });
      const frame = await chartFrame(wb.page, 4);
      const legend = await frame.locator("#legend .name").allInnerTexts();
      log(`legend: ${JSON.stringify(legend)}`);
      assert.deepEqual(legend, ["cpu-load", "free-memory", "temperature", "uptime (s)"]);
      // Free memory is thousands of times the CPU load: each series gets its own scale, so that both are readable.
      assert.equal(
        await frame.locator("#own-scale").isChecked(),
        true,
        "own scales for very different numbers",
      );
      // Hide the two large series, then keep publishing: the chart follows, the others share one scale again.
      for (const name of ["free-memory", "uptime (s)"]) {
        await frame.locator("#legend label", { hasText: name }).locator("input").uncheck();
      }
      await until(async () => (await frame.locator("#plot svg path.line").count()) === 2, {
        what: "two lines left after unticking two series",
      });
      assert.equal(await frame.locator("#own-scale").isChecked(), false, "one scale for numbers of one size");
      await publishTelemetry(broker.url, 8, 120, 12);
      await wb.runCommand("Notifications: Clear All Notifications");
      const box = await frame.locator("#plot").boundingBox();
      assert.ok(box, "the plot has a size");
      await frame.locator("#plot svg").hover({ position: { x: box.width * 0.7, y: box.height / 2 } });
      const tip = await until(
        async () =>
          (await frame
            .locator("#tip")
            .innerText()
            .catch(() => "")) || undefined,
        {
          what: "the values under the mouse",
        },
      );
      log(`tooltip: ${tip.replace(/\n/g, " | ")}`);
      assert.match(tip, /cpu-load: \d+/);
    },
  },
];

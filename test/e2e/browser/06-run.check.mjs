// Browser check: the telemetry example runs from the editor title's Run Script button; its :put lines and its published message show in the output, and the broker received that message.
import { createRequire } from "node:module";
import { join } from "node:path";
import { repoRoot } from "../../../scripts/e2e/install-code-server.mjs";
import { until } from "../../../scripts/e2e/workbench.mjs";
import { BROKER_NAME, addBrokerThroughForm } from "./05-brokers.check.mjs";

const SCRIPT = "telemetry.rsc"; // the same script as examples/system-telemetry.rsc, publishing to broker "AWS"
const TOPIC = "my/test/topic";
const CHANNEL = "RouterOS Script Run";
const PUT_LINES = ["[*] Gathering system info...", "[*] Sending message to MQTT broker...", "[*] Done"];

/** The JSON the script builds from the shipped device profile (the compiled interpreter's DEFAULT_PROFILE). */
function expectedTelemetry() {
  const { DEFAULT_PROFILE } = createRequire(import.meta.url)(
    join(repoRoot, "out", "server", "src", "interpreter", "index.js"),
  );
  const menus = DEFAULT_PROFILE.menus;
  const resource = menus["/system/resource"];
  const board = menus["/system/routerboard"];
  const free = Number(resource["free-memory"]);
  return JSON.stringify({
    model: board["model"],
    sn: board["serial-number"],
    ros: menus["/system/package"].find((p) => p["name"] === "routeros")?.["version"],
    cpu: resource["cpu-load"],
    umem: Number(resource["total-memory"]) - free,
    fmem: free,
    uptime: resource["uptime"],
  });
}

/** @type {import("../../../scripts/e2e/run-browser.mjs").Check[]} */
export const checks = [
  {
    name: "run: the telemetry example runs from the editor title button; output and broker show its message",
    timeoutMs: 90_000,
    async run({ wb, assert, log, mqttBroker }) {
      const broker = await mqttBroker();
      // 05-brokers adds "AWS" through the form; when this check runs alone (--grep run), add it here the same way.
      await wb.openViewContainer("RouterOS MQTT");
      const hasBroker = await wb
        .treeItems("Brokers", {
          accept: (items) => items.some((i) => i.label === BROKER_NAME),
          timeoutMs: 2000,
        })
        .then(
          () => true,
          () => false,
        );
      if (!hasBroker) {
        log(`no broker "${BROKER_NAME}" yet: adding it through the form`);
        await wb.runCommand("RouterOS MQTT: Add Broker…");
        await addBrokerThroughForm(wb, { name: BROKER_NAME, port: broker.port });
      }

      await wb.openFile(SCRIPT);
      const from = broker.received().length;
      const button = wb.page.locator('.editor-actions .action-label[aria-label^="Run Script"]').first();
      await button.waitFor({ timeout: 15_000 });
      await button.click();

      const expected = expectedTelemetry();
      const message = await broker.waitForPublish(
        (m) => m.topic === TOPIC && broker.received().indexOf(m) >= from,
        { what: `the script's message on ${TOPIC}`, timeoutMs: 30_000 },
      );
      log(`broker received ${message.topic}: ${message.payload}`);
      assert.equal(message.payload, expected, "the broker got the telemetry JSON of the device profile");
      assert.deepEqual(Object.keys(JSON.parse(message.payload)), [
        "model",
        "sn",
        "ros",
        "cpu",
        "umem",
        "fmem",
        "uptime",
      ]);
      assert.equal(message.qos, 0);

      const notification = await until(
        async () => (await wb.notifications()).find((n) => n.message.startsWith(`${SCRIPT}:`)),
        { what: "the run's result notification" },
      );
      assert.equal(notification.message, `${SCRIPT}: ok, 1 message published.`);

      const puts = await wb.showOutput(CHANNEL, { filter: "[*]" });
      for (const line of PUT_LINES) assert.ok(puts.includes(line), `"${line}" in the output:\n${puts}`);
      const published = await wb.showOutput(CHANNEL, { filter: "published to" });
      // The Output view wraps long lines: rejoin them before looking for the whole line.
      assert.ok(
        published
          .replace(/\n/g, "")
          .includes(`[mqtt] published to ${BROKER_NAME}: ${TOPIC} (qos 0, retain no): ${expected}`),
        published,
      );
      // The whole run, unfiltered, in a maximized panel for the screenshot: header, :put lines, the published table.
      await wb.runCommand("View: Toggle Maximized Panel");
      const all = await wb.showOutput(CHANNEL);
      log(all);
      assert.match(all, new RegExp(`▶ ${SCRIPT.replace(".", "\\.")} at `));
      assert.match(all, /■ ok: 1 message published/);
      assert.match(all, new RegExp(`${BROKER_NAME} +${TOPIC} +0 +no +\\{"model"`), "the published table row");
      // No tooltip over the output in the screenshot: the mouse rests on the output text, hovers fade.
      await wb.page.mouse.move(800, 500);
      await until(async () => (await wb.page.locator(".workbench-hover-container").count()) === 0, {
        what: "tooltips to fade",
        timeoutMs: 5000,
      }).catch(() => log("a tooltip stayed on screen"));
      await wb.screenshot("run output in the maximized panel");
      await wb.runCommand("View: Toggle Maximized Panel");
    },
  },
];

// Browser check: the walkthrough of the installed VSIX, followed as a new user does, first of all checks (nothing has
// happened yet): each step is ticked by the real event (a broker, the example open, a subscription, a run that
// published, the message received, a chart), Start/Stop Local Broker follow their context key, Run Script has its
// key binding. The check removes what it made (local broker, editors), so the later checks start clean.
import { until } from "../../../scripts/e2e/workbench.mjs";

const WALKTHROUGH = "Get Started with RouterOS MQTT";
const STEPS = ["broker", "example", "subscribe", "run", "message", "chart"];
const START = "RouterOS MQTT: Start Local Embedded Broker";
const STOP = "RouterOS MQTT: Stop Local Embedded Broker";
const TOPIC = "my/test/topic";

/**
 * Shows the walkthrough tab again (the example opens beside it) and waits until a step is done.
 * @param {import("../../../scripts/e2e/workbench.mjs").Workbench} wb
 */
async function stepDone(wb, id, timeoutMs) {
  await showWalkthrough(wb);
  await wb.walkthroughStepDone(id, timeoutMs ? { timeoutMs } : {});
}

/** Brings the walkthrough's tab to the front (its label reads "Walkthrough: …", or "Welcome" once re-rendered). */
async function showWalkthrough(wb) {
  await wb.page
    .locator(".tabs-container .tab", { hasText: /^(Walkthrough|Welcome)/ })
    .first()
    .click();
}

/**
 * Clicks a step's button, answers the quick inputs its command opens and waits for the step to be ticked. The
 * walkthrough sometimes takes the focus back a moment after a click (as it scrolls the step into view), which closes
 * an open quick input unanswered: then it starts over.
 */
async function answerFromStep(wb, id, button, answers) {
  await until(
    async () => {
      await showWalkthrough(wb);
      await wb.clickWalkthroughButton(id, button);
      try {
        for (const [asks, answer, options] of answers)
          await wb.answerQuickInput(asks, answer, { timeoutMs: 5000, ...options });
        await stepDone(wb, id, 5000);
        return true;
      } catch (error) {
        wb.log(`answering ${id} again: ${error instanceof Error ? error.message : String(error)}`);
        await wb.dismiss();
        return false;
      }
    },
    { what: `the quick inputs of the step "${id}" answered`, timeoutMs: 45_000 },
  );
}

/** @type {import("../../../scripts/e2e/run-browser.mjs").Check[]} */
export const checks = [
  {
    name: "walkthrough: every step is ticked by the real event, from a fresh start",
    timeoutMs: 150_000,
    async run({ wb, assert, log }) {
      try {
        const before = await wb.paletteCommands("Local Embedded Broker");
        assert.ok(before.includes(START) && !before.includes(STOP), before.join(" | "));
        // The side bar closed: the walkthrough shows its steps and their picture side by side.
        await wb.runCommand("View: Close Primary Side Bar");
        await wb.openWalkthrough(WALKTHROUGH);
        const fresh = await wb.walkthroughSteps();
        log(JSON.stringify(fresh));
        assert.deepEqual(
          fresh.map((s) => s.id),
          STEPS,
        );
        assert.deepEqual(
          fresh.filter((s) => s.done).map((s) => s.id),
          [],
          "nothing is done before the user acts",
        );
        await wb.screenshot("walkthrough at the start");

        await wb.clickWalkthroughButton("broker", "Start Local Broker");
        await stepDone(wb, "broker");
        const after = await until(
          async () => {
            const titles = await wb.paletteCommands("Local Embedded Broker");
            return titles.includes(STOP) && !titles.includes(START) ? titles : undefined;
          },
          { what: "Stop, not Start, in the palette once the local broker runs" },
        );
        log(`palette: ${after.join(" | ")}`);
        // From here on the brokers view is in sight: the walkthrough's pictures are taken along the way.
        await wb.openViewContainer("RouterOS MQTT");
        await wb.treeItems("Brokers", {
          accept: (items) => items.some((i) => i.label === "local" && /connected/.test(i.description)),
        });

        await wb.clickWalkthroughButton("example", "Open the Telemetry Example");
        const exampleTab = wb.page
          .locator(".tabs-container .tab", { hasText: "system-telemetry.rsc" })
          .first();
        await exampleTab.waitFor({ timeout: 15_000 });
        await stepDone(wb, "example");
        await picture(wb, "example");

        await answerFromStep(wb, "subscribe", "Subscribe…", [
          ["Topic filter", TOPIC],
          ["Highest QoS", "QoS 0", { pick: true }],
        ]);
        await wb.treeItems("Brokers", { accept: (items) => items.some((i) => i.label === TOPIC) });
        await picture(wb, "subscribe");

        // Run Script by its key binding, in the example's editor. The walkthrough takes the focus back for a moment
        // after a step is ticked: the keys are pressed once the editor has kept the focus for a second.
        await wb.walkthroughSettled();
        await exampleTab.click();
        const editor = wb.page.locator(".editor-instance .monaco-editor .view-lines").last();
        const text = (await editor.innerText()).replace(/\u00a0/g, " ");
        assert.match(text, /:local broker "local"/, "the example publishes to the local broker");
        const editorFocused = () =>
          wb.page.evaluate(() => !!document.activeElement?.closest(".editor-instance .monaco-editor"));
        let focusedSince = 0;
        await until(
          async () => {
            if (!(await editorFocused())) {
              focusedSince = 0;
              await editor.click();
              return false;
            }
            focusedSince ||= Date.now();
            return Date.now() - focusedSince >= 1000;
          },
          { what: "the example's editor to keep the focus" },
        );
        await wb.page.keyboard.press("Control+Alt+M");
        await wb.page.keyboard.press("R");
        await stepDone(wb, "run", 30_000);
        await picture(wb, "run");
        await stepDone(wb, "message");
        // The subscription's row opens onto the topic that received the message; the topic's row opens the message.
        const topicRows = wb.page.locator(".pane-body .monaco-list-row", { hasText: TOPIC });
        await until(async () => (await topicRows.count()) >= 2, { what: "the topic under its subscription" });
        await exampleTab.click();
        await topicRows.nth(1).click();
        // The message opens as JSON in the example's group ("topic #1.json").
        await wb.page
          .locator(".tabs-container .tab.active", { hasText: /#\d+\.json/ })
          .waitFor({ timeout: 15_000 });
        await picture(wb, "message");

        await answerFromStep(wb, "chart", "Show Chart", [["Topics received", TOPIC, { pick: true }]]);
        await showWalkthrough(wb);
        const done = await wb.walkthroughSteps();
        assert.deepEqual(
          done.filter((s) => !s.done).map((s) => s.id),
          [],
        );
        // The picture of a finished walkthrough: its group alone, no side bar, no panel, no toasts.
        await wb.runCommand("View: Close Primary Side Bar");
        await wb.runCommand("View: Hide Panel");
        await wb.runCommand("Notifications: Clear All Notifications");
        await showWalkthrough(wb);
        await wb.runCommand("View: Toggle Maximize Editor Group");
        await wb.page.locator(".gettingStartedSlideDetails .category-title").first().hover();
        await wb.screenshot("walkthrough all steps done");
        await wb.runCommand("View: Toggle Maximize Editor Group");
      } catch (error) {
        await wb.screenshot("walkthrough where it failed");
        throw error;
      } finally {
        await cleanUp(wb, log);
      }
    },
  },
];

/**
 * A screenshot for the walkthrough's own pictures (scripts/docs/update-images.mjs crops them): the brokers view and
 * the example's editor group alone (the walkthrough's group hidden), without toasts.
 */
async function picture(wb, step) {
  await wb.walkthroughSettled();
  await wb.runCommand("Notifications: Clear All Notifications");
  await wb.page.locator(".editor-group-container").last().locator(".tabs-container .tab.active").click();
  await wb.runCommand("View: Toggle Maximize Editor Group");
  await wb.page.mouse.move(640, 790);
  await wb.screenshot(`walkthrough picture ${step}`);
  await wb.runCommand("View: Toggle Maximize Editor Group");
}

/** Leaves the workbench as the next checks expect it: no editors, no local broker, the side bar back. */
async function cleanUp(wb, log) {
  const step = async (what, action) => {
    try {
      await action();
    } catch (error) {
      log(`clean-up: ${what} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  await step("close the editors", async () => {
    await wb.runCommand("View: Close All Editors");
    // The untitled example has text: do not save it.
    const asked = await until(() => wb.dialog(), { what: "the save dialog", timeoutMs: 3000 }).catch(
      () => undefined,
    );
    if (asked) await wb.answerDialog(/save/i, "Don't Save");
  });
  await step("stop the local broker", () => wb.runCommand(STOP));
  await step("remove the local broker", async () => {
    await wb.runCommand("RouterOS MQTT: Remove Broker…");
    await wb.answerDialog(/Remove broker "local"/, "Remove");
  });
  await step("show the side bar", () => wb.runCommand("View: Toggle Primary Side Bar Visibility"));
}

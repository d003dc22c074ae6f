// Browser checks: the installed VSIX as the Extensions view shows it (the Marketplace-style details page: icon,
// name, categories, README and changelog), its file icon for .rsc files, and its snippets in completion.
import { until } from "../../../scripts/e2e/workbench.mjs";

const NAME = "RouterOS MQTT";

/** The text of the webview frame (README, changelog) that contains `marker`, once one does. */
async function frameText(wb, marker) {
  return until(
    async () => {
      for (const frame of wb.page.frames()) {
        const text = await frame.evaluate(() => document.body?.innerText ?? "").catch(() => "");
        if (text.includes(marker)) return text;
      }
      return undefined;
    },
    { what: `a webview showing "${marker}"` },
  );
}

const labelOf = (ariaLabel) => ariaLabel.split(",")[0]?.trim() ?? "";

/** @type {import("../../../scripts/e2e/run-browser.mjs").Check[]} */
export const checks = [
  {
    name: "extension details page: the icon, name, categories, README and changelog",
    async run({ wb, assert, log }) {
      await wb.runCommand("View: Show Extensions");
      await wb.page.locator(".extensions-viewlet .suggest-input-container").first().click();
      await wb.page.keyboard.type(`@installed ${NAME}`);
      const row = wb.page.locator(".extensions-viewlet .monaco-list-row", { hasText: NAME }).first();
      await row.waitFor({ timeout: 15_000 });
      const rowIcon = await until(
        () => row.locator("img.icon").evaluate((img) => img.complete && img.naturalWidth),
        { what: "the icon in the extensions list" },
      );
      assert.equal(rowIcon, 128);
      const editor = wb.page.locator(".extension-editor");
      const title = editor.locator(".header .name", { hasText: NAME });
      // A click while the list is still settling may only show the row's hover: click (and press Enter on the
      // focused row) again until the details page is open.
      await until(
        async () => {
          if (await title.isVisible()) return true;
          await row.click();
          await wb.page.keyboard.press("Enter");
          return (await title.isVisible()) || undefined;
        },
        { what: "the extension's details page" },
      );
      const icon = await until(
        () => editor.locator(".header img.icon").evaluate((img) => img.complete && img.naturalWidth),
        { what: "the icon in the details header" },
      );
      assert.equal(icon, 128, "the 128×128 PNG icon is shown");
      const categories = ["Programming Languages", "Linters", "Snippets"];
      await until(
        async () => {
          const side = await editor.locator(".body").innerText();
          return categories.every((c) => side.includes(c));
        },
        { what: `the categories ${categories.join(", ")} on the page` },
      );

      const readme = await frameText(wb, "Quick start");
      for (const heading of ["Quick start", "Settings", "Privacy", "Other editors"])
        assert.ok(readme.includes(heading), `README section ${heading}`);
      assert.doesNotMatch(
        readme,
        /npm run bench/,
        "the developers' guide is in CONTRIBUTING.md, not on the page",
      );
      await wb.screenshot("extension details page");

      await editor.locator(".navbar .action-label", { hasText: /changelog/i }).click();
      const changelog = await frameText(wb, "Unreleased");
      log(changelog.split("\n").slice(0, 4).join(" | "));
      assert.match(changelog, /Changelog/);
    },
  },
  {
    name: "snippets: mqtt-on-message inserts a subscription with its on-message script; .rsc files have the file icon",
    async run({ wb, assert, log }) {
      await wb.runCommand("View: Close All Editors");
      await wb.openViewContainer("Explorer");
      const fileIcon = await wb.page
        .locator(".explorer-folders-view .monaco-list-row", { hasText: "telemetry.rsc" })
        .first()
        .locator(".monaco-icon-label")
        .evaluate((el) => getComputedStyle(el, "::before").backgroundImage);
      log(`file icon: ${fileIcon}`);
      assert.match(fileIcon, /rsc-file\.svg/, "the explorer shows the language's file icon");

      await wb.openFile("completion.rsc");
      await wb.page.keyboard.press("Control+End");
      await wb.page.keyboard.press("Enter");
      await wb.typeText("mqtt-on");
      await until(
        async () => (await wb.completions({ timeoutMs: 5000 })).map(labelOf).includes("mqtt-on-message"),
        { what: "the mqtt-on-message snippet in the completion list" },
      );
      await until(async () => (await wb.suggestions()).map(labelOf)[0] === "mqtt-on-message", {
        what: "mqtt-on-message first",
      });
      await wb.page.keyboard.press("Enter");
      const text = await until(
        async () => {
          const lines = (await wb.page.locator(".editor-instance .view-lines").first().innerText()).replace(
            /\u00a0/g,
            " ",
          );
          return lines.includes("on-message={") ? lines : undefined;
        },
        { what: "the snippet's text in the editor" },
      );
      assert.match(text, /\/iot mqtt subscriptions add broker="home" topic="routers\/edge-1\/cmd\/#"/);
      await wb.screenshot("snippet inserted");
      await wb.dismiss();
      await wb.runCommand("File: Revert File");
      await until(async () => !(await wb.activeTabDirty()), { what: "completion.rsc to be clean again" });
    },
  },
];

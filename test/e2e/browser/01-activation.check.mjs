// Browser checks: the installed VSIX activates when an .rsc file opens, with no error in the log, views or notifications.
import { until } from "../../../scripts/e2e/workbench.mjs";

/** @type {import("../../../scripts/e2e/run-browser.mjs").Check[]} */
export const checks = [
  {
    name: "telemetry.rsc opens as RouterOS and the extension is activated",
    async run({ wb, assert, activationLine, extensionId, log }) {
      await wb.openFile("telemetry.rsc");
      const language = await wb.page.locator("#status\\.editor\\.mode").innerText();
      assert.match(language, /RouterOS/, "the status bar names the RouterOS language");
      const line = await until(() => activationLine(), {
        what: `the extension host to activate ${extensionId}`,
      });
      // The workspace holds .rsc files, so workspaceContains may win the race against onLanguage: both are ours.
      const event = /activationEvent: '([^']*)'/.exec(line)?.[1];
      log(`activated by ${event}`);
      assert.match(event ?? "", /^(onLanguage:routeros|workspaceContains:[^']*\.rsc)$/);
    },
  },
  {
    name: "the extension host logged no error for the extension",
    async run({ extensionErrors, extensionLogs, assert }) {
      assert.deepEqual(
        extensionErrors(),
        [],
        "error entries of the extension host log that name the extension",
      );
      for (const { path, text } of extensionLogs()) {
        const errors = text.split("\n").filter((l) => /\[error\]/.test(l));
        assert.deepEqual(errors, [], `error lines in ${path}`);
      }
    },
  },
  {
    name: "Running Extensions lists the extension without an error",
    async run({ wb, assert, extensionName }) {
      // A failed activation stays at "Activating..." in code-server; a good one shows its activation time.
      const row = await wb.runningExtension(extensionName, {
        accept: (r) => /Activation: \d+ms/.test(r.text),
        timeoutMs: 10_000,
      });
      assert.doesNotMatch(row.text, /error|failed|unresponsive/i, `${extensionName} row: ${row.text}`);
    },
  },
  {
    name: "no error notification and a clean extension host output",
    async run({ wb, assert, extensionId, extensionName }) {
      await wb.showAllNotifications();
      const notes = await wb.notifications();
      const bad = notes.filter(
        (n) =>
          n.severity === "error" ||
          /activat/i.test(n.message) ||
          n.message.includes(extensionName) ||
          n.source.includes(extensionName),
      );
      assert.deepEqual(bad, [], "notifications about the extension or errors");
      await wb.dismiss();
      const output = await wb.showOutput("Extension Host (Remote)", { filter: extensionId });
      assert.doesNotMatch(output, /failed|\[error\]/i, "the Output panel shows no error for the extension");
      assert.match(output, /_doActivateExtension/, "the Output panel shows the activation");
    },
  },
];

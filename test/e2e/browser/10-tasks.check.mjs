// Browser check: Run Task offers the rsc tasks of the installed VSIX; "rsc: check" runs the CLI shipped in it and its
// $rsc problem matcher fills the Problems panel with the workspace's errors.
import { until } from "../../../scripts/e2e/workbench.mjs";

/** @type {import("../../../scripts/e2e/run-browser.mjs").Check[]} */
export const checks = [
  {
    name: "tasks: Run Task → rsc → check fills Problems through the $rsc matcher",
    timeoutMs: 90_000,
    async run({ wb, assert, log }) {
      await wb.runCommand("View: Close All Editors");
      await wb.runCommand("Tasks: Run Task");
      // Contributed tasks are grouped by type: the row "All rsc tasks" lists ours.
      await wb.page
        .locator('.quick-input-widget .monaco-list-row[aria-label^="All rsc tasks"]')
        .first()
        .click({ timeout: 15_000 });
      await until(
        async () => {
          const rows = await wb.quickInputRows();
          return rows.some((r) => r.startsWith("rsc: check")) && rows;
        },
        { what: "the rsc tasks listed" },
      );
      const rows = await wb.quickInputRows();
      log(rows.join(" | "));
      assert.ok(
        rows.some((r) => r.startsWith("rsc: run the active script")),
        rows.join(" | "),
      );
      await wb.answerQuickInput("Select the task to run", "rsc: check", { pick: true });
      // The task's terminal takes the panel when it starts: wait for its problems to be counted in the status bar
      // (no file is open, so the language server reports none) before showing the Problems panel.
      await until(
        async () => {
          const text = await wb.page.locator("#status\\.problems").innerText();
          return Number(/\d+/.exec(text)?.[0] ?? 0) >= 3;
        },
        { what: "the status bar to count the check task's errors", timeoutMs: 45_000 },
      );
      // Entries of the task carry the matcher's source and the code: "… rsc(RSC2001) [Ln 3, Col 1]" on screen, the
      // parentheses drawn by CSS.
      const fromTask = (list) => list.filter((p) => /\brsc\s?\(?RSC\d{4}\)?/.test(p));
      const problems = await wb.problems({
        accept: (list) => fromTask(list).some((p) => /RSC2\d{3}/.test(p)),
        timeoutMs: 45_000,
        visibleText: true,
      });
      log(problems.slice(0, 12).join("\n"));
      assert.ok(fromTask(problems).length >= 2, "several entries from the rsc matcher");
      await wb.screenshot("problems from the rsc check task");
    },
  },
];

// Browser check: typing "/iot mqtt " in an .rsc file and pressing Ctrl+Space lists the menu's commands; Enter inserts one.
import { until } from "../../../scripts/e2e/workbench.mjs";

const TYPED = "/iot mqtt ";
/** Commands and sub-menus of /iot mqtt the list must show, and words of other menus it must not. */
const EXPECTED = ["publish", "subscribe", "connect", "brokers", "subscriptions"];
const ABSENT = ["system", "interface", "resource"];

/** The label of a suggest row: its aria-label up to the first comma. */
const labelOf = (ariaLabel) => ariaLabel.split(",")[0]?.trim() ?? "";

/** @type {import("../../../scripts/e2e/run-browser.mjs").Check[]} */
export const checks = [
  {
    name: "completion after /iot mqtt lists publish, brokers and the other commands",
    async run({ wb, assert, log }) {
      await wb.openFile("completion.rsc");
      await wb.page.keyboard.press("Control+End");
      await wb.page.keyboard.press("Enter");
      await wb.typeText(TYPED);
      await wb.dismiss(); // a list opened while typing "/" may still show the previous word's items
      const labels = await until(
        async () => {
          const found = (await wb.completions({ timeoutMs: 5000 })).map(labelOf);
          return EXPECTED.every((e) => found.includes(e)) ? found : undefined;
        },
        { what: `${EXPECTED.join(", ")} in the completion list after "${TYPED}"`, timeoutMs: 20_000 },
      );
      log(`completion list: ${labels.join(", ")}`);
      assert.deepEqual(
        ABSENT.filter((a) => labels.includes(a)),
        [],
        "words of other menus are not offered",
      );
      await wb.screenshot("completion list after iot mqtt");
      // Pick "publish" as a person would: type its start and accept with Enter.
      await wb.typeText("pub");
      await until(async () => (await wb.suggestions()).map(labelOf)[0] === "publish", {
        what: '"publish" at the top of the filtered list',
      });
      await wb.page.keyboard.press("Enter");
      const line = await until(
        async () => {
          const text = await wb.cursorLineText();
          return text.startsWith(`${TYPED}publish`) ? text : undefined;
        },
        { what: 'the line to read "/iot mqtt publish"' },
      );
      log(`line after Enter: ${JSON.stringify(line)}`);
    },
  },
  {
    name: "completion.rsc is reverted: the typed line is discarded",
    async run({ wb, assert }) {
      await wb.dismiss();
      await wb.runCommand("File: Revert File");
      await until(async () => !(await wb.activeTabDirty()), { what: "completion.rsc to be clean again" });
      assert.equal(await wb.activeTabDirty(), false);
    },
  },
];

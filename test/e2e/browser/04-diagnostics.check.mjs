// Browser check: squiggles appear under a misspelt command and a misspelt argument, and their messages and codes are readable in the Problems panel and the hover.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { until } from "../../../scripts/e2e/workbench.mjs";

const FILE = "semantic-errors.rsc";
/** Each mistake of the fixture: the word under the squiggle and what the user reads about it. */
const MISTAKES = [
  { word: "publsh", code: "RSC3001", message: "bad command name publsh in /iot/mqtt; did you mean publish?" },
  {
    word: "retian",
    code: "RSC3002",
    message: "unknown argument retian for /iot/mqtt/publish; did you mean retain?",
  },
];

function position(text, word) {
  const lines = text.split("\n");
  const index = lines.findIndex((l) => l.includes(`${word}`) && !l.startsWith("#"));
  if (index < 0) throw new Error(`${FILE} has no line with ${word}`);
  return { line: index + 1, column: (lines[index] ?? "").indexOf(word) + 1 };
}

/** @type {import("../../../scripts/e2e/run-browser.mjs").Check[]} */
export const checks = [
  {
    name: "diagnostics: squiggles under the misspelt command and the misspelt argument",
    async run({ wb, assert, workspace, log }) {
      const text = readFileSync(join(workspace, FILE), "utf8");
      await wb.openFile(FILE);
      const counts = await until(
        async () => {
          const found = await wb.squiggles();
          return found.error >= MISTAKES.length ? found : undefined;
        },
        { what: `${MISTAKES.length} error squiggles in ${FILE}` },
      );
      log(`squiggles: ${JSON.stringify(counts)}`);
      for (const m of MISTAKES) {
        const { line } = position(text, m.word);
        assert.ok(
          await wb.squiggleUnder(line, m.word),
          `an error squiggle under "${m.word}" on line ${line}`,
        );
        assert.ok(!(await wb.squiggleUnder(line, "message=")), `no squiggle under message= on line ${line}`);
      }
      const rows = await wb.problems({
        visibleText: true,
        accept: (r) => MISTAKES.every((m) => r.some((row) => row.includes(m.message))),
      });
      for (const row of rows) log(`problem: ${row}`);
      for (const m of MISTAKES) {
        const row = rows.find((r) => r.includes(m.message)) ?? "";
        assert.match(
          row,
          new RegExp(`routeros\\W{0,2}${m.code}\\b`),
          `the Problems row of "${m.word}" names ${m.code}`,
        );
      }
    },
  },
  {
    name: "diagnostics: the hover on the misspelt command shows the message and its code",
    async run({ wb, assert, workspace }) {
      const text = readFileSync(join(workspace, FILE), "utf8");
      const [first] = MISTAKES;
      const { line, column } = position(text, first.word);
      await wb.openFile(FILE);
      const hover = await until(
        async () => {
          const shown = await wb.hover(line, column + 1);
          return shown.includes(first.message) ? shown : undefined;
        },
        { what: `the hover on "${first.word}" to show its diagnostic` },
      );
      assert.match(hover, new RegExp(first.code), hover);
    },
  },
];

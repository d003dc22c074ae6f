// Browser check: the TextMate grammar colours a comment, a string and a command of telemetry.rsc differently.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { until } from "../../../scripts/e2e/workbench.mjs";

/** Where each kind of token is in the fixture: the line is found by its text so the fixture can change. */
const SAMPLES = [
  { kind: "comment", lineContains: "# Required packages: iot", token: "Required packages" },
  { kind: "string", lineContains: ':local broker "AWS"', token: '"AWS"' },
  { kind: "command", lineContains: "/iot mqtt publish", token: "publish" },
];

function lineOf(text, fragment) {
  const index = text.split("\n").findIndex((l) => l.includes(fragment));
  if (index < 0) throw new Error(`The fixture has no line containing ${JSON.stringify(fragment)}`);
  return index + 1;
}

/** @type {import("../../../scripts/e2e/run-browser.mjs").Check[]} */
export const checks = [
  {
    name: "a comment, a string and a command are coloured differently",
    async run({ wb, assert, workspace, log }) {
      const source = readFileSync(join(workspace, "telemetry.rsc"), "utf8");
      await wb.openFile("telemetry.rsc");
      const foreground = await wb.editorForeground();
      // Tokenization is asynchronous: read until every sample has left the default colour (or the deadline passes).
      const colours = await until(
        async () => {
          const found = [];
          for (const s of SAMPLES)
            found.push({ ...s, ...(await wb.tokenColor(lineOf(source, s.lineContains), s.token)) });
          return found.every((f) => f.color !== foreground) ? found : undefined;
        },
        { what: "highlighted tokens", timeoutMs: 15_000 },
      ).catch(async () => {
        const found = [];
        for (const s of SAMPLES)
          found.push({ ...s, ...(await wb.tokenColor(lineOf(source, s.lineContains), s.token)) });
        return found;
      });
      for (const c of colours) log(`${c.kind.padEnd(8)} ${JSON.stringify(c.text)} ${c.className} ${c.color}`);
      for (const c of colours) {
        assert.notEqual(
          c.color,
          foreground,
          `the ${c.kind} ${JSON.stringify(c.text)} has the plain text colour: is syntaxes/routeros.tmLanguage.json a stub?`,
        );
      }
      const distinct = new Set(colours.map((c) => c.color));
      assert.equal(
        distinct.size,
        SAMPLES.length,
        `comment, string and command need three colours: ${[...distinct]}`,
      );
    },
  },
];

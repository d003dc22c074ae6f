// Property test: code written in strings, however broken or escaped, never makes an editor feature throw, and what a
// feature finds from inside a string lies inside that string.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { complete } from "../../../server/src/ide/completion";
import { computeDiagnostics } from "../../../server/src/ide/diagnostics";
import { hover } from "../../../server/src/ide/hover";
import { definition, references } from "../../../server/src/ide/navigation";
import { semanticTokens } from "../../../server/src/ide/semanticTokens";
import { signatureHelp } from "../../../server/src/ide/signatureHelp";
import { analyzeText } from "../../support/cursor";

/** Pieces of code as written inside a string: escapes of every kind, continuations, nested quotes, brackets. */
const PIECES = [
  ":local a 1",
  ":put \\$a",
  "\\$msgData",
  "/iot mqtt publish topic=t message=",
  '\\"',
  "\\\\",
  "\\r\\n",
  "\\n",
  "\\t",
  "\\41",
  "\\$",
  "\\_",
  "\\\n    ",
  "{",
  "}",
  "[",
  "]",
  "(",
  ")",
  ";",
  " ",
  "=",
  // (An unescaped `$` would make an interpolation: such strings are not code known before a run.)
  "é",
  "/sytem reboot",
  ':if (\\$a = 1) do={ :log info \\"x\\" }',
  'source=\\":put 1\\"',
];

/** Arguments whose strings are code, each in a command that runs it. */
const SITES = [
  "/system scheduler add name=s interval=1m on-event=",
  "/system script add name=s source=",
  "/iot mqtt subscriptions add broker=b topic=t on-message=",
  "/tool netwatch add host=1.1.1.1 down-script=",
];

test("features inside code in strings never throw, and their ranges stay inside the string", () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...SITES),
      fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }),
      (site, pieces) => {
        const text = `${site}"${pieces.join("")}"\n:put 1\n`;
        const stringStart = site.length;
        const stringEnd = text.indexOf('"\n:put 1', stringStart + 1) + 1;
        const inText = (r: { start: number; end: number }, what: string): void => {
          const ok = r.start >= 0 && r.start <= r.end && r.end <= text.length;
          assert.ok(ok, `${what} range ${r.start}..${r.end} is out of the text`);
        };
        // What a feature finds from inside the string is in the string: its code is a script of its own.
        const inside = (r: { start: number; end: number }, what: string): void => {
          inText(r, what);
          const ok = r.start >= stringStart && r.end <= stringEnd;
          assert.ok(
            ok,
            `${what} range ${r.start}..${r.end} is outside the string ${stringStart}..${stringEnd}`,
          );
        };
        for (const d of computeDiagnostics(text)) inText(d, `diagnostic ${d.code}`);
        const analysis = analyzeText(text);
        for (const t of semanticTokens(analysis)) inText(t, "semantic token");
        for (let offset = stringStart + 1; offset < stringEnd; offset++) {
          const shown = hover(analysis, offset);
          if (shown) inside(shown, "hover");
          for (const item of complete(analysis, offset, { brokerNames: () => [] }))
            inside(item, "completion");
          signatureHelp(analysis, offset);
          for (const r of definition(analysis, offset)) inside(r, "definition");
          for (const r of references(analysis, offset, true)) inside(r, "references");
        }
      },
    ),
    { numRuns: 150 },
  );
});

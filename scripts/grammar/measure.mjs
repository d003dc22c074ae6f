// Measures how fast vscode-textmate tokenizes RouterOS with the grammar: the test/grammar corpus repeated to ~N lines.
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { loadRouterOsGrammar, textmate } from "./textmateGrammar.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const targetLines = Number(process.argv[2] ?? 20000);

const corpusDir = join(root, "test/grammar");
const corpus = readdirSync(corpusDir)
  .filter((f) => f.endsWith(".rsc"))
  .sort()
  .flatMap((f) =>
    readFileSync(join(corpusDir, f), "utf8")
      .split(/\r?\n/)
      .slice(1)
      .filter((line) => !/^#\s*(\^|<-)/.test(line)),
  );
const lines = [];
while (lines.length < targetLines) lines.push(...corpus);
lines.length = targetLines;

const grammar = await loadRouterOsGrammar();

/** Tokenizes every line once, carrying the rule stack; records each line's time into `perLine` (minimum over passes). */
function pass(perLine) {
  let stack = textmate.INITIAL;
  const started = performance.now();
  lines.forEach((line, i) => {
    const t0 = performance.now();
    stack = grammar.tokenizeLine(line, stack).ruleStack;
    perLine[i] = Math.min(perLine[i] ?? Infinity, performance.now() - t0);
  });
  return performance.now() - started;
}

const perLine = [];
const firstMs = pass([]); // includes compiling the scanners
const bestMs = Math.min(pass(perLine), pass(perLine), pass(perLine), pass(perLine), pass(perLine));
console.log(
  JSON.stringify({
    lines: lines.length,
    firstPassMs: Math.round(firstMs),
    bestPassMs: Math.round(bestMs),
    linesPerSecond: Math.round((lines.length / bestMs) * 1000),
    slowestLineMs: Number(Math.max(...perLine).toFixed(3)),
  }),
);

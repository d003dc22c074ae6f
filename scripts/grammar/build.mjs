// Writes syntaxes/routeros.tmLanguage.json from routeros-grammar.mjs after compiling every regex with Oniguruma; `--check` only compares.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { buildGrammar } from "./routeros-grammar.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const outPath = join(root, "syntaxes/routeros.tmLanguage.json");
const check = process.argv.includes("--check");

/** Every regex of the grammar with the JSON path it sits at, e.g. `repository.string.begin`. */
function collectRegexes(node, path = [], out = []) {
  if (Array.isArray(node)) node.forEach((child, i) => collectRegexes(child, [...path, i], out));
  else if (node !== null && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (
        (key === "match" || key === "begin" || key === "end" || key === "while") &&
        typeof value === "string"
      ) {
        out.push({ where: [...path, key].join("."), source: value });
      } else collectRegexes(value, [...path, key], out);
    }
  }
  return out;
}

/**
 * Compiles each regex with the Oniguruma build VS Code uses and returns the ones that fail. vscode-oniguruma does not
 * throw on a bad pattern: the whole scanner then finds nothing. So each regex shares a scanner with a probe that always
 * matches at offset 0 of PROBE_TEXT, and a scanner that finds nothing reveals the bad regex.
 */
async function findBadRegexes(grammar) {
  const require = createRequire(import.meta.url);
  const onig = require("vscode-oniguruma");
  const wasm = readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm"));
  await onig.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const PROBE_TEXT = "\u0001\u0002\u0003";
  const bad = [];
  for (const { where, source } of collectRegexes(grammar)) {
    const scanner = onig.createOnigScanner([source, "\\A\\x01\\x02\\x03"]);
    if (scanner.findNextMatchSync(PROBE_TEXT, 0) === null) bad.push(`${where}: ${source.slice(0, 120)}`);
    scanner.dispose();
  }
  return bad;
}

const grammar = buildGrammar();
const bad = await findBadRegexes(grammar);
if (bad.length > 0) {
  console.error(`grammar: ${bad.length} regex(es) do not compile:\n  ${bad.join("\n  ")}`);
  process.exit(1);
}
const text = JSON.stringify(grammar, null, 2) + "\n";
const shown = relative(process.cwd(), outPath);
if (check) {
  let current = "";
  try {
    current = readFileSync(outPath, "utf8");
  } catch {
    // A missing file is reported as stale below.
  }
  if (current !== text) {
    console.error(`grammar: ${shown} is out of date; run \`node scripts/grammar/build.mjs\` and commit it.`);
    process.exit(1);
  }
  console.log(`grammar: ${shown} is up to date (${collectRegexes(grammar).length} regexes compile).`);
} else {
  writeFileSync(outPath, text);
  console.log(`grammar: wrote ${shown} (${collectRegexes(grammar).length} regexes compile).`);
}

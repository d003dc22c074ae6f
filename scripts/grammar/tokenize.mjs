// Prints each token of a RouterOS file (or of `-e "<code>"`) with its scopes, to see what the grammar makes of it.
import { readFileSync } from "node:fs";
import { loadRouterOsGrammar, textmate } from "./textmateGrammar.mjs";

const args = process.argv.slice(2);
if (args.length === 0) {
  console.error('usage: node scripts/grammar/tokenize.mjs <file.rsc> | -e "<routeros code>"');
  process.exit(2);
}
const source = args[0] === "-e" ? args.slice(1).join("\n") : readFileSync(args[0], "utf8");

const grammar = await loadRouterOsGrammar();
let stack = textmate.INITIAL;
for (const line of source.split(/\r\n|\n|\r/)) {
  const { tokens, ruleStack } = grammar.tokenizeLine(line, stack);
  stack = ruleStack;
  console.log(line);
  for (const t of tokens) {
    const text = line.slice(t.startIndex, t.endIndex);
    if (text.trim() === "") continue;
    console.log(`  ${JSON.stringify(text).padEnd(28)} ${t.scopes.slice(1).join("  ")}`);
  }
}

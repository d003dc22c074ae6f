// Document symbols, folding ranges and semantic tokens of fixtures, as readable snapshots.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { foldingRanges } from "../../../server/src/ide/folding";
import { semanticTokens, TOKEN_MODIFIERS, TOKEN_TYPES } from "../../../server/src/ide/semanticTokens";
import { documentSymbols } from "../../../server/src/ide/symbols";
import type { SymbolEntry } from "../../../server/src/ide/types";
import { analyzeText } from "../../support/cursor";
import { fromRoot } from "../../support/paths";
import { assertSnapshot } from "../../support/snapshots";

const dir = fromRoot("test", "fixtures", "ide", "outline");

function render(source: string): string {
  const analysis = analyzeText(source);
  const lines = analysis.lines;
  const at = (offset: number): string => {
    const p = lines.positionAt(offset);
    return `${p.line + 1}:${p.character + 1}`;
  };
  const out = ["symbols:"];
  const symbol = (entry: SymbolEntry, depth: number): void => {
    out.push(
      `${"  ".repeat(depth + 1)}${entry.name} (${entry.kind}${entry.detail ? `, ${entry.detail}` : ""}) ${at(entry.start)}-${at(entry.end)} name ${JSON.stringify(source.slice(entry.selectionStart, entry.selectionEnd))}`,
    );
    for (const child of entry.children) symbol(child, depth + 1);
  };
  for (const entry of documentSymbols(analysis)) symbol(entry, 0);
  out.push("folding:");
  for (const range of foldingRanges(analysis)) {
    out.push(`  ${range.startLine + 1}-${range.endLine + 1}${range.kind ? ` ${range.kind}` : ""}`);
  }
  out.push("tokens:");
  for (const token of semanticTokens(analysis)) {
    const modifiers = TOKEN_MODIFIERS.filter((_, i) => (token.modifiers & (1 << i)) !== 0);
    out.push(
      `  ${at(token.start)} ${JSON.stringify(source.slice(token.start, token.end))} ${TOKEN_TYPES[token.type] ?? "?"}${modifiers.length ? ` [${modifiers.join(" ")}]` : ""}`,
    );
  }
  return out.join("\n") + "\n";
}

for (const file of readdirSync(dir)
  .filter((f) => f.endsWith(".rsc"))
  .sort()) {
  test(`outline ${file}`, () => {
    const source = readFileSync(join(dir, file), "utf8");
    assertSnapshot(render(source), join(dir, file.replace(/\.rsc$/, ".outline.txt")));
  });
}

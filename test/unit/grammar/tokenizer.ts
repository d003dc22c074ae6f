// Loads syntaxes/routeros.tmLanguage.json into vscode-textmate (the engine VS Code uses) and tokenizes text for tests.
import { readFileSync } from "node:fs";
import * as onig from "vscode-oniguruma";
import * as textmate from "vscode-textmate";
import { fromRoot } from "../../support/paths";

/** One token of one line: its text and its scopes, outermost first (`source.routeros` left out). */
export interface GrammarToken {
  readonly text: string;
  readonly start: number;
  readonly scopes: readonly string[];
}

let grammarPromise: Promise<textmate.IGrammar> | undefined;

async function loadGrammar(): Promise<textmate.IGrammar> {
  const wasm = readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm"));
  await onig.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const grammarPath = fromRoot("syntaxes", "routeros.tmLanguage.json");
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new onig.OnigScanner(patterns),
      createOnigString: (s: string) => new onig.OnigString(s),
    }),
    loadGrammar: (scopeName: string) =>
      Promise.resolve(
        scopeName === "source.routeros"
          ? textmate.parseRawGrammar(readFileSync(grammarPath, "utf8"), grammarPath)
          : null,
      ),
  });
  const grammar = await registry.loadGrammar("source.routeros");
  if (grammar === null) throw new Error(`cannot load source.routeros from ${grammarPath}`);
  return grammar;
}

/** The RouterOS grammar, loaded once per test process. */
export function routerOsGrammar(): Promise<textmate.IGrammar> {
  grammarPromise ??= loadGrammar();
  return grammarPromise;
}

/** Tokenizes `text` line by line, carrying the rule stack across lines as the editor does. */
export async function tokenize(text: string): Promise<GrammarToken[][]> {
  const grammar = await routerOsGrammar();
  let stack = textmate.INITIAL;
  return text.split(/\r\n|\n|\r/).map((line) => {
    const { tokens, ruleStack } = grammar.tokenizeLine(line, stack);
    stack = ruleStack;
    return tokens.map((t) => ({
      text: line.slice(t.startIndex, t.endIndex),
      start: t.startIndex,
      scopes: t.scopes.slice(1),
    }));
  });
}

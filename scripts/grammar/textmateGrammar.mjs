// Loads syntaxes/routeros.tmLanguage.json into vscode-textmate with the Oniguruma build VS Code uses, for the grammar tools.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
export const textmate = require("vscode-textmate");
const onig = require("vscode-oniguruma");
const grammarPath = join(dirname(fileURLToPath(import.meta.url)), "../../syntaxes/routeros.tmLanguage.json");

/** The built RouterOS grammar (`source.routeros`), ready to tokenize lines. */
export async function loadRouterOsGrammar() {
  const wasm = readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm"));
  await onig.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new onig.OnigScanner(patterns),
      createOnigString: (s) => new onig.OnigString(s),
    }),
    loadGrammar: async () => textmate.parseRawGrammar(readFileSync(grammarPath, "utf8"), grammarPath),
  });
  return registry.loadGrammar("source.routeros");
}

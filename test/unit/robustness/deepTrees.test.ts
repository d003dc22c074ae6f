// The deepest trees the parser builds (every shape of nesting just below MAX_NESTING, and far past it) through every feature and a run: answers, never a stack overflow.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { computeDiagnostics } from "../../../server/src/ide/diagnostics";
import { createLanguageService } from "../../../server/src/ide/languageService";
import { createBasicHost, Interpreter, SourceText } from "../../../server/src/interpreter";
import { MAX_NESTING } from "../../../server/src/syntax/limits";
import { deepScripts } from "../../support/deepScripts";

function everyFeature(text: string): void {
  computeDiagnostics(text);
  const service = createLanguageService();
  const document = { uri: "file:///deep.rsc", version: 1, text };
  service.semanticTokens(document);
  service.foldingRanges(document);
  service.documentSymbols(document);
  service.syntaxTree(document);
  for (let k = 0; k <= 4; k++) {
    const offset = Math.floor((k / 4) * text.length);
    service.complete(document, offset);
    service.hover(document, offset);
    service.signatureHelp(document, offset);
    service.definition(document, offset);
    service.references(document, offset, true);
    service.prepareRename(document, offset);
    service.rename(document, offset, "renamed");
    service.codeActions(document, offset, Math.min(text.length, offset + 8));
  }
  service.update(document.uri, 2, [{ start: text.length >> 1, end: text.length >> 1, text: " " }]);
}

async function run(text: string): Promise<void> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 2000);
  const outcome = await new Interpreter(createBasicHost()).run(new SourceText("deep.rsc", text), {
    signal: controller.signal,
  });
  clearTimeout(timer);
  if (outcome.status === "error")
    for (const f of outcome.failures) assert.notEqual(f.code, "RSC4008", `internal error: ${f.message}`);
}

describe("the deepest trees through every feature", () => {
  for (const shape of deepScripts(8)) {
    const deepest = shape.levels === 0 ? 3072 : Math.floor((MAX_NESTING - 3) / shape.levels);
    for (const n of [deepest, 3072]) {
      test(`${shape.name}, ${n}`, { timeout: 120_000 }, async () => {
        const text = deepScripts(n).find((s) => s.name === shape.name)?.text ?? "";
        everyFeature(text);
        await run(text);
      });
    }
  }
});

// Variable facts for features: what is visible at an offset, a symbol's kind and constant, how to write a name.
import type { DocumentAnalysis } from "./analysis";
import type { VariableFacts } from "./docs";
import { ON_MESSAGE_VARIABLES } from "./model/scriptContexts";
import { scopeAt, visibleSymbols } from "./model/visibility";
import type { VariableSymbol } from "./model/types";

/** Names that need `$"..."` (anything but letters, digits and `_`). */
export function needsQuotes(name: string): boolean {
  return !/^[A-Za-z0-9_]+$/.test(name);
}

/** Words RouterOS reserves: operators that cannot name a variable. */
export const RESERVED_NAMES: ReadonlySet<string> = new Set(["and", "or", "in", "not"]);

export function factsOf(analysis: DocumentAnalysis, symbol: VariableSymbol): VariableFacts {
  const declaredAt = symbol.occurrences
    .filter((o) => o.role === "declaration")
    .map((o) => analysis.lines.positionAt(o.start).line + 1);
  return {
    kind: analysis.kinds.ofSymbol(symbol),
    constant: analysis.kinds.constantOf(symbol),
    declaredAt,
  };
}

export interface VisibleName {
  readonly name: string;
  readonly symbol: VariableSymbol | undefined;
}

/** Variables a reference at `offset` can use: declarations before it in its scopes, parameters, injected names. */
export function visibleAt(analysis: DocumentAnalysis, offset: number): VisibleName[] {
  const model = analysis.model;
  const scope = scopeAt(model, offset);
  const out: VisibleName[] = visibleSymbols(model, scope, offset).map((symbol) => ({
    name: symbol.name,
    symbol,
  }));
  const seen = new Set(out.map((v) => v.name));
  for (let s = scope; s !== undefined; s = s.parent) {
    for (const name of s.injected) {
      if (!seen.has(name)) {
        seen.add(name);
        out.push({ name, symbol: undefined });
      }
    }
    if (s.kind === "script" || s.kind === "separate" || s.kind === "function") break;
  }
  return out;
}

export { ON_MESSAGE_VARIABLES };

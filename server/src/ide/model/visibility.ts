// Which variables a given offset sees: the declarations of its scope chain made before it, up to a script or function.
import type { Scope, SemanticModel, VariableSymbol } from "./types";

/** The innermost scope containing `offset` (scopes are in pre-order, so the last match is the innermost). */
export function scopeAt(model: SemanticModel, offset: number): Scope | undefined {
  let found: Scope | undefined;
  for (const scope of model.scopes) {
    if (scope.start > offset) break;
    if (offset >= scope.start && (offset < scope.end || (scope.kind === "script" && offset <= scope.end))) {
      if (scope.kind === "script" || offset > scope.start) found = scope;
    }
  }
  return found;
}

/** Symbols visible at `offset` from `scope`, innermost first, one per name. */
export function visibleSymbols(
  model: SemanticModel,
  scope: Scope | undefined,
  offset: number,
): VariableSymbol[] {
  void model;
  const out: VariableSymbol[] = [];
  const seen = new Set<string>();
  for (let s = scope; s !== undefined; s = s.parent) {
    for (let i = s.declarations.length - 1; i >= 0; i--) {
      const declaration = s.declarations[i];
      if (!declaration || declaration.visibleFrom > offset || seen.has(declaration.symbol.name)) continue;
      seen.add(declaration.symbol.name);
      out.push(declaration.symbol);
    }
    if (s.kind === "script" || s.kind === "separate" || s.kind === "function") break;
  }
  return out;
}

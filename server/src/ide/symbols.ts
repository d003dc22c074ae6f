// Document symbols: menu sections of export-style scripts, variables and functions (locals nested in their function).
import { formatPath } from "../schema";
import type { DocumentAnalysis } from "./analysis";
import { describeKind } from "./model/valueKinds";
import type { Scope, VariableSymbol } from "./model/types";
import type { SymbolEntry } from "./types";

interface MutableEntry extends SymbolEntry {
  readonly children: MutableEntry[];
}

/** The function whose body holds a scope, if any. */
function enclosingFunction(scope: Scope): VariableSymbol | undefined {
  for (let s: Scope | undefined = scope; s; s = s.parent) if (s.kind === "function") return s.function;
  return undefined;
}

export function documentSymbols(analysis: DocumentAnalysis): SymbolEntry[] {
  const model = analysis.model;
  const entries = new Map<VariableSymbol, MutableEntry>();
  const top: MutableEntry[] = [];
  for (const symbol of model.symbols) {
    if (symbol.kind !== "local" && symbol.kind !== "global") continue;
    const declaration = symbol.occurrences.find((o) => o.role === "declaration");
    if (!declaration) continue;
    const body = symbol.functionBodies[0];
    const kind = analysis.kinds.ofSymbol(symbol);
    const entry: MutableEntry = {
      name: symbol.name,
      detail: symbol.isFunction
        ? `${symbol.kind} function`
        : `${symbol.kind}${kind === "unknown" || kind === "nil" ? "" : ` ${describeKind(kind)}`}`,
      kind: symbol.isFunction ? "function" : "variable",
      start: Math.min(declaration.start, body?.start ?? declaration.start),
      end: Math.max(declaration.end, body?.end ?? declaration.end),
      selectionStart: declaration.start,
      selectionEnd: declaration.end,
      children: [],
    };
    entries.set(symbol, entry);
  }
  for (const [symbol, entry] of entries) {
    const owner = enclosingFunction(symbol.scope);
    const parent = owner && owner !== symbol ? entries.get(owner) : undefined;
    (parent ? parent.children : top).push(entry);
  }
  const sections: MutableEntry[] = model.sections.map((section) => ({
    name: formatPath(section.path),
    detail: "menu",
    kind: "menu",
    start: section.start,
    end: section.end,
    selectionStart: section.start,
    selectionEnd: section.headerEnd,
    children: [],
  }));
  const out: MutableEntry[] = [...sections];
  for (const entry of top) {
    const section = sections.find((s) => s.start <= entry.start && entry.end <= s.end);
    (section ? section.children : out).push(entry);
  }
  const sort = (list: MutableEntry[]): MutableEntry[] => {
    list.sort((a, b) => a.start - b.start);
    for (const e of list) sort(e.children);
    return list;
  };
  return sort(out);
}

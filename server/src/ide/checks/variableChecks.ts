// Diagnostics about variables: undeclared names, MQTT message variables out of place, globals unseen in functions.
import { diagnostic } from "../../diagnostics/catalog";
import type { Diagnostic } from "../../diagnostics/types";
import { joinAlternatives, suggest } from "../../schema";
import { injectedBy, ON_MESSAGE_VARIABLES } from "../model/scriptContexts";
import { visibleSymbols } from "../model/visibility";
import type { Scope, SemanticModel, UnresolvedReference } from "../model/types";

/** Quick-fix data of an undeclared variable: declare `name` on a new line before the statement at `insertAt`. */
export interface DeclareData {
  readonly kind: "declare";
  readonly name: string;
  /** Start of the statement using the variable. */
  readonly insertAt: number;
  readonly suggestions: readonly string[];
  /** The reference itself, for "did you mean" replacements. */
  readonly start: number;
  readonly end: number;
  readonly nameStart: number;
  readonly nameEnd: number;
}

/** Suggestions per scope and name: a script that misses one name usually misses it many times. */
type SuggestionCache = Map<Scope, Map<string, readonly string[]>>;

/** True when the reference is in the file's own top-level script (not in code that runs as a script of its own). */
function inFileScript(scope: Scope): boolean {
  for (let s: Scope | undefined = scope; s; s = s.parent) if (s.kind === "separate") return false;
  return true;
}

function undeclared(model: SemanticModel, ref: UnresolvedReference, cache: SuggestionCache): Diagnostic {
  if (ON_MESSAGE_VARIABLES.has(ref.name)) return diagnostic("RSC3011", ref.start, ref.end, [ref.name]);
  const givers = inFileScript(ref.scope) && ref.role === "read" ? injectedBy(ref.name) : [];
  if (givers.length > 0) {
    // A script file run as a lease-script, on-login... receives these names from RouterOS.
    const written = /^[A-Za-z0-9_]+$/.test(ref.name) ? `$${ref.name}` : `$"${ref.name}"`;
    return diagnostic("RSC3017", ref.start, ref.end, [written, joinAlternatives(givers)]);
  }
  let byName = cache.get(ref.scope);
  if (!byName) {
    byName = new Map();
    cache.set(ref.scope, byName);
  }
  let suggestions = byName.get(ref.name);
  if (suggestions === undefined) {
    suggestions = suggest(
      ref.name,
      visibleSymbols(model, ref.scope, ref.start).map((s) => s.name),
    );
    byName.set(ref.name, suggestions);
  }
  const advice =
    suggestions.length > 0
      ? `; did you mean ${joinAlternatives(suggestions)}?`
      : ref.role === "write"
        ? `: :set needs an earlier ':local ${ref.name}' or ':global ${ref.name}'`
        : `: declare it with :local or :global before this line`;
  const nameStart = ref.node ? ref.node.nameStart : ref.start;
  const nameEnd = ref.node ? ref.node.nameEnd : ref.end;
  const data: DeclareData = {
    kind: "declare",
    name: ref.name,
    insertAt: ref.statementStart,
    suggestions,
    start: ref.start,
    end: ref.end,
    nameStart,
    nameEnd,
  };
  const found = diagnostic("RSC3010", ref.start, ref.end, [ref.name, advice], data);
  // Reading an undeclared variable gives nothing at run time, but RouterOS refuses to compile `:set` of a name it
  // cannot find in reach: `{ :set msg "x" }` fails its `:parse` with "syntax error" at `msg`.
  return ref.role === "write" ? { ...found, severity: "error" } : found;
}

export function checkVariables(model: SemanticModel, out: Diagnostic[]): void {
  const cache: SuggestionCache = new Map();
  for (const ref of model.unresolved) out.push(undeclared(model, ref, cache));
  const globals = new Set(model.symbols.filter((s) => s.kind === "global").map((s) => s.name));
  if (globals.size === 0) return;
  for (const symbol of model.symbols) {
    if (symbol.kind !== "parameter" || !globals.has(symbol.name)) continue;
    const fn = symbol.owner;
    if (!fn) continue;
    const calls = model.calls.filter((c) => c.callee === fn);
    if (calls.length === 0 || calls.some((c) => c.namedArgs.includes(symbol.name))) continue;
    const first = symbol.occurrences[0];
    if (first) out.push(diagnostic("RSC3012", first.start, first.end, [symbol.name, fn.name]));
  }
}

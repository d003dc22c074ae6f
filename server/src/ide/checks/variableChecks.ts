// Diagnostics about variables: undeclared names, MQTT message variables out of place, globals unseen in functions.
import { diagnostic } from "../../diagnostics/catalog";
import type { Diagnostic } from "../../diagnostics/types";
import { editDistance, joinAlternatives, suggest } from "../../schema";
import { injectedBy, ON_MESSAGE_VARIABLES } from "../model/scriptContexts";
import { visibleSymbols } from "../model/visibility";
import type { Scope, SemanticModel, UnresolvedReference, VariableSymbol } from "../model/types";
import type { ReplaceData } from "./commandChecks";
import { underscoreNames, underscoreReading } from "./underscoreChecks";

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

/** Names within edit distance 2 of `name` (1 for names of three characters or fewer): likely misspellings. */
function nearMisses(name: string, candidates: Iterable<string>): readonly string[] {
  const maxDistance = name.length <= 3 ? 1 : 2;
  return suggest(name, candidates, { maxDistance }).filter(
    (c) => editDistance(name, c, maxDistance) <= maxDistance,
  );
}

/** Where the walk of one document's variables is: what its diagnostics need besides the model. */
interface VariableContext {
  readonly model: SemanticModel;
  /** The document is code written in a string (`on-event="..."`): it runs as a script of its own. */
  readonly embedded: boolean;
  readonly lineOf: (offset: number) => number;
  readonly cache: SuggestionCache;
}

/** Variables a script declares itself: `:local`, `:global`, loop counters, `:onerror` error names. */
const DECLARED_KINDS: ReadonlySet<VariableSymbol["kind"]> = new Set(["local", "global", "counter", "error"]);

/** A variable of the same name declared somewhere in the document that does not reach the reference. */
function declaredElsewhere(model: SemanticModel, name: string): VariableSymbol | undefined {
  return model.symbols.find((s) => s.name === name && DECLARED_KINDS.has(s.kind));
}

/** `:local x`, `:global x`, `loop counter x`, `:onerror error name x`. */
function declarationLabel(symbol: VariableSymbol): string {
  if (symbol.kind === "counter") return `loop counter ${symbol.name}`;
  if (symbol.kind === "error") return `error name ${symbol.name} of :onerror`;
  return `:${symbol.kind} ${symbol.name}`;
}

function undeclared(ctx: VariableContext, ref: UnresolvedReference): Diagnostic {
  const model = ctx.model;
  if (ref.form === "word" && ref.role === "read") {
    const data: ReplaceData = {
      kind: "replace",
      start: ref.start,
      end: ref.end,
      suggestions: [`"${ref.name}"`],
    };
    return diagnostic("RSC3023", ref.start, ref.end, [ref.name], data);
  }
  if (ON_MESSAGE_VARIABLES.has(ref.name)) return diagnostic("RSC3011", ref.start, ref.end, [ref.name]);
  const fileScript = inFileScript(ref.scope);
  const givers = fileScript && ref.role === "read" ? injectedBy(ref.name) : [];
  if (givers.length > 0) {
    // A script file run as a lease-script, on-login... receives these names from RouterOS.
    const written = /^[A-Za-z0-9_]+$/.test(ref.name) ? `$${ref.name}` : `$"${ref.name}"`;
    return diagnostic("RSC3017", ref.start, ref.end, [written, joinAlternatives(givers)]);
  }
  let byName = ctx.cache.get(ref.scope);
  if (!byName) {
    byName = new Map();
    ctx.cache.set(ref.scope, byName);
  }
  let suggestions = byName.get(ref.name);
  if (suggestions === undefined) {
    suggestions = nearMisses(
      ref.name,
      visibleSymbols(model, ref.scope, ref.start).map((s) => s.name),
    );
    byName.set(ref.name, suggestions);
  }
  const elsewhere = suggestions.length === 0 ? declaredElsewhere(model, ref.name) : undefined;
  const declaredAt = elsewhere?.occurrences.find((o) => o.role === "declaration");
  const at = declaredAt ? ` at line ${ctx.lineOf(declaredAt.start) + 1}` : "";
  const advice =
    suggestions.length > 0
      ? `; did you mean ${joinAlternatives(suggestions)}?`
      : elsewhere !== undefined
        ? fileScript
          ? `: the ${declarationLabel(elsewhere)}${at} does not reach this line (a variable lives from its declaration to the end of its block)`
          : `: this code runs as a script of its own and sees no variable of the script around it (the ${declarationLabel(elsewhere)}${at})`
        : ref.role === "write"
          ? `: :set needs an earlier ':local ${ref.name}' or ':global ${ref.name}'`
          : fileScript && !ctx.embedded
            ? `: it is nothing unless whoever runs the script passes ${ref.name}=... ([:parse ...] ${ref.name}=..., an SMS hook's ':cmd ... script ... ${ref.name}=...'); else declare it with :local or :global`
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
  if (ref.role === "write") return { ...found, severity: "error" };
  // A read is likely wrong when it misses a name in reach by a letter or two or one declared out of reach, and in code
  // that runs with nothing passed to it (code in strings, `on-event={...}`). A script file's own top level may be run
  // with variables (`[:parse ...] action=x`, an SMS hook): we cannot know, so a hint.
  const likelyWrong = suggestions.length > 0 || elsewhere !== undefined || !fileScript || ctx.embedded;
  return likelyWrong ? { ...found, severity: "warning" } : found;
}

/**
 * True when every call of the function is in the document: a `:local` function that the document only calls (never
 * hands on as a value: `doPing=$doPing`, `:set ($obj->"f") $f`). A `:global` function is called by other scripts
 * too, and a function kept in an array element has no name the document's calls could show.
 */
function callsAllVisible(model: SemanticModel, fn: VariableSymbol | undefined): boolean {
  if (fn === undefined || fn.kind !== "local") return false;
  const calls = model.calls.filter((c) => c.callee === fn).length;
  const reads = fn.occurrences.filter((o) => o.role === "read").length;
  return reads <= calls;
}

/**
 * A function's parameter (a name its body reads but does not declare) that no call in the document passes, and
 * that misses by a letter or two a name the body declares: most likely a misspelling of that name (`$coutn`). A
 * warning when every call is in the document; else a hint, since a call elsewhere may pass the name
 * (`[$registerContainer disk=$d]` in another script, for a body that also declares `diskId`).
 */
function misspeltParameter(model: SemanticModel, symbol: VariableSymbol): Diagnostic | undefined {
  const fnScope = symbol.scope;
  const inside: string[] = [];
  for (const other of model.symbols) {
    if (other === symbol || (other.kind !== "local" && other.kind !== "global")) continue;
    for (let s: Scope | undefined = other.scope; s !== undefined; s = s.parent) {
      if (s === fnScope) {
        inside.push(other.name);
        break;
      }
      if (s.kind === "function" || s.kind === "separate") break;
    }
  }
  if (inside.length === 0) return undefined;
  const suggestions = nearMisses(symbol.name, inside);
  const first = symbol.occurrences[0];
  if (suggestions.length === 0 || !first) return undefined;
  const fn = symbol.owner?.name;
  const allVisible = callsAllVisible(model, symbol.owner);
  const calledElsewhere =
    symbol.owner?.kind === "global"
      ? "other scripts may call this global function"
      : "it may be called where this file cannot show";
  const found = diagnostic("RSC3010", first.start, first.end, [
    symbol.name,
    allVisible
      ? `: ${fn ? `function ${fn}` : "the function"} does not declare it and no call passes ${symbol.name}=; did you mean ${joinAlternatives(suggestions)}?`
      : `: ${fn ? `function ${fn}` : "the function"} does not declare it and no call in this file passes ${symbol.name}= (${calledElsewhere}); did you mean ${joinAlternatives(suggestions)}?`,
  ]);
  return allVisible ? { ...found, severity: "warning" } : found;
}

/**
 * The variable diagnostics of a document `text`. `embedded`: the document is code written in a string, which runs as
 * a script of its own; `lineOf` gives the 0-based line of an offset.
 */
export function checkVariables(
  text: string,
  model: SemanticModel,
  out: Diagnostic[],
  embedded = false,
  lineOf: (offset: number) => number = () => 0,
): void {
  const ctx: VariableContext = { model, embedded, lineOf, cache: new Map() };
  const underscored = underscoreNames(model);
  for (const ref of model.unresolved) {
    const misread = ref.node
      ? underscoreReading(text, { ...ref, nameEnd: ref.node.nameEnd }, underscored, lineOf)
      : undefined;
    out.push(misread ?? undeclared(ctx, ref));
  }
  if (underscored.size > 0) {
    for (const symbol of model.symbols) {
      for (const o of symbol.occurrences) {
        if (o.role === "declaration") continue;
        const misread = underscoreReading(text, { ...o, name: symbol.name }, underscored, lineOf);
        if (misread) out.push(misread);
      }
    }
  }
  const globals = new Set(model.symbols.filter((s) => s.kind === "global").map((s) => s.name));
  for (const symbol of model.symbols) {
    if (symbol.kind !== "parameter") continue;
    const fn = symbol.owner;
    const calls = fn ? model.calls.filter((c) => c.callee === fn) : [];
    if (calls.some((c) => c.namedArgs.includes(symbol.name))) continue;
    const first = symbol.occurrences[0];
    if (fn && first && calls.length > 0 && globals.has(symbol.name)) {
      out.push(diagnostic("RSC3012", first.start, first.end, [symbol.name, fn.name]));
      continue;
    }
    const misspelt = misspeltParameter(model, symbol);
    if (misspelt) out.push(misspelt);
  }
}

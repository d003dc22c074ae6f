// Go to definition, find references and rename for variables and functions, honouring RouterOS scoping.
import type { DocumentAnalysis } from "./analysis";
import { embeddedCodeAt } from "./embedded/position";
import { occurrenceAt } from "./model/lookup";
import type { Occurrence, VariableSymbol } from "./model/types";
import type { PrepareRenameResult, RangeResult, RenameResult, TextEdit } from "./types";
import { needsQuotes, RESERVED_NAMES, visibleAt } from "./variables";

function nameRange(o: Occurrence): RangeResult {
  switch (o.form) {
    case "dollar":
    case "string-dollar":
      return { start: o.start + 1, end: o.end };
    default:
      return { start: o.nameStart, end: o.nameEnd };
  }
}

/** In code written in a string, the ranges a feature finds there, mapped back to the source. */
function inEmbeddedCode(
  analysis: DocumentAnalysis,
  offset: number,
  feature: (inner: DocumentAnalysis, offset: number) => RangeResult[],
): RangeResult[] | undefined {
  const embedded = embeddedCodeAt(analysis, offset);
  if (!embedded) return undefined;
  const { decoded, analysis: inner } = embedded.code;
  return feature(inner, embedded.offset).map((r) => decoded.sourceRange(r.start, r.end));
}

/** Where the variable under the cursor is declared (every `:global` line for a global). */
export function definition(analysis: DocumentAnalysis, offset: number): RangeResult[] {
  const embedded = inEmbeddedCode(analysis, offset, definition);
  if (embedded) return embedded;
  const occurrence = occurrenceAt(analysis.model, offset);
  if (!occurrence) return [];
  const symbol = occurrence.symbol;
  const declarations = symbol.occurrences.filter((o) => o.role === "declaration");
  if (declarations.length > 0) return declarations.map(nameRange);
  // Parameters have no declaration: their first use in the body stands for it.
  const first = symbol.occurrences[0];
  return symbol.kind === "parameter" && first ? [nameRange(first)] : [];
}

export function references(
  analysis: DocumentAnalysis,
  offset: number,
  includeDeclaration: boolean,
): RangeResult[] {
  const embedded = inEmbeddedCode(analysis, offset, (inner, at) => references(inner, at, includeDeclaration));
  if (embedded) return embedded;
  const occurrence = occurrenceAt(analysis.model, offset);
  if (!occurrence) return [];
  return occurrence.symbol.occurrences
    .filter((o) => includeDeclaration || o.role !== "declaration")
    .map(nameRange);
}

/** Why a symbol cannot be renamed, if it cannot. */
function renameRefusal(symbol: VariableSymbol): string | undefined {
  if (symbol.kind === "injected") return `$${symbol.name} is provided by the run context; its name is fixed`;
  if (symbol.kind === "positional") return `$${symbol.name} is an unnamed argument: its name is its position`;
  return undefined;
}

export function prepareRename(analysis: DocumentAnalysis, offset: number): PrepareRenameResult {
  const occurrence = occurrenceAt(analysis.model, offset);
  if (!occurrence) return { error: "Only variables and functions can be renamed." };
  const refusal = renameRefusal(occurrence.symbol);
  if (refusal) return { error: refusal };
  return { ...nameRange(occurrence), placeholder: occurrence.symbol.name };
}

function validateNewName(symbol: VariableSymbol, name: string): string | undefined {
  if (name === "") return "A variable name cannot be empty.";
  if (/["\\$\r\n]/.test(name))
    return `'${name}' cannot name a variable: it contains a quote, backslash, $ or line break`;
  if (RESERVED_NAMES.has(name)) return `'${name}' is an operator keyword and cannot name a variable`;
  if (/^[0-9]+$/.test(name)) return `'${name}' would read as an unnamed argument ($1, $2...)`;
  if (needsQuotes(name)) {
    if (symbol.kind === "parameter")
      return `'${name}' needs quotes, which a function parameter cannot have (it is passed as ${name}=)`;
    if (symbol.kind === "counter" || symbol.kind === "error")
      return `'${name}' needs quotes, which a loop counter or :onerror name cannot have`;
  }
  return undefined;
}

function editFor(o: Occurrence, name: string): TextEdit {
  const quote = needsQuotes(name);
  switch (o.form) {
    case "word":
      return { start: o.start, end: o.end, newText: quote ? JSON.stringify(name) : name };
    case "dollar":
      return { start: o.start, end: o.end, newText: quote ? `$${JSON.stringify(name)}` : `$${name}` };
    case "quoted":
      return { start: o.nameStart, end: o.nameEnd, newText: JSON.stringify(name) };
    case "string-dollar":
      return { start: o.start, end: o.end, newText: quote ? `$\\"${name}\\"` : `$${name}` };
    case "string-quoted":
      return { start: o.nameStart, end: o.nameEnd, newText: name };
  }
}

export function rename(analysis: DocumentAnalysis, offset: number, newName: string): RenameResult {
  const occurrence = occurrenceAt(analysis.model, offset);
  if (!occurrence) return { error: "Only variables and functions can be renamed." };
  const symbol = occurrence.symbol;
  const refusal = renameRefusal(symbol) ?? validateNewName(symbol, newName);
  if (refusal) return { error: refusal };
  if (newName === symbol.name) return { edits: [] };
  for (const o of symbol.occurrences) {
    const clash = visibleAt(analysis, o.start).find((v) => v.name === newName && v.symbol !== symbol);
    if (clash) {
      const line = analysis.lines.positionAt(o.start).line + 1;
      return {
        error: `Renaming to '${newName}' would clash with another variable of that name visible on line ${line}.`,
      };
    }
  }
  const edits = symbol.occurrences.map((o) => editFor(o, newName));
  if (symbol.kind === "parameter" && symbol.owner) {
    // Calls pass parameters by name: `$f a=1` follows the rename of `$a` in f's body.
    for (const call of analysis.model.calls) {
      if (call.callee !== symbol.owner) continue;
      for (const arg of call.node.args) {
        if (arg.kind === "NamedArg" && analysis.text.slice(arg.start, arg.nameEnd) === symbol.name) {
          edits.push({ start: arg.start, end: arg.nameEnd, newText: newName });
        }
      }
    }
  }
  edits.sort((a, b) => a.start - b.start);
  return { edits };
}

// Completion items and what every kind of completion shares: the items collected, variables, properties and broker names.
import type { Schema } from "../schema";
import type { DocumentAnalysis } from "./analysis";
import { describeSpec, propertyDoc, variableDoc } from "./docs";
import type { CompletionEntry } from "./types";
import { factsOf, needsQuotes, visibleAt } from "./variables";

export interface CompletionContext {
  /** Broker names known besides the documents' own `/iot mqtt brokers add` lines (sent by the client). */
  readonly brokerNames: () => Iterable<string>;
  /**
   * Long lists (hundreds of variables) leave documentation out and mark the items `lazyDocumentation`; asking again
   * with `documentationFor` set to an item's label computes that one item's documentation.
   */
  readonly documentationFor?: string;
}

/** Above this many variables, their documentation is computed on request only (completionItem/resolve). */
const EAGER_VARIABLE_DOCS = 40;

/** The range of text an item replaces. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 95;
}

/** The name-like word around `offset` ([start, offset] extended to the word's end). */
export function wordAround(text: string, offset: number): Span {
  let start = offset;
  while (start > 0 && isNameChar(text.charCodeAt(start - 1))) start--;
  let end = offset;
  while (end < text.length && isNameChar(text.charCodeAt(end))) end++;
  return { start, end };
}

/** A trailing space after an inserted word lets the next completion start at once, unless text follows. */
export function followedByLineEnd(text: string, end: number): boolean {
  const c = text.charCodeAt(end);
  return Number.isNaN(c) || c === 10 || c === 13;
}

/** The base of the completer (completion.ts): the document, the cursor, the items so far and how to add some. */
export abstract class CompletionItems {
  protected readonly items: CompletionEntry[] = [];
  protected readonly schema: Schema;
  protected readonly text: string;

  constructor(
    protected readonly analysis: DocumentAnalysis,
    protected readonly offset: number,
    protected readonly context: CompletionContext,
  ) {
    this.schema = analysis.schema;
    this.text = analysis.text;
  }

  protected properties(menuPath: readonly string[], span: Span, group: string): void {
    for (const property of this.schema.properties(menuPath)) {
      this.add({
        label: property.name,
        kind: "property",
        detail: describeSpec(property) + (property.readOnly ? " (read-only)" : ""),
        documentation: propertyDoc(property, menuPath),
        insertText: property.name,
        sortText: `${group}${property.name}`,
        ...span,
      });
    }
  }

  protected brokerNames(): string[] {
    const names = new Set<string>();
    for (const broker of this.analysis.model.brokers) names.add(broker.name);
    for (const name of this.context.brokerNames()) names.add(name);
    return [...names].sort();
  }

  // ---- variables -------------------------------------------------------------------------------------------------

  /**
   * Variables visible at the cursor. `span` covers the name after `$` (or, with `withDollar`, the whole value, and
   * `$` is inserted). Inside strings, names that need quotes are written `$\"name\"`.
   */
  protected variables(span: Span, inString: boolean, withDollar = false): void {
    const visible = visibleAt(this.analysis, this.offset);
    const wanted = this.context.documentationFor;
    for (const { name, symbol } of visible) {
      const label = withDollar ? `$${name}` : name;
      const eager = wanted === undefined ? visible.length <= EAGER_VARIABLE_DOCS : wanted === label;
      const quoted = needsQuotes(name) ? (inString ? `\\"${name}\\"` : `"${name}"`) : name;
      const kind = symbol ? this.analysis.kinds.ofSymbol(symbol) : "unknown";
      const detail = symbol
        ? `${symbol.isFunction ? "function" : symbol.kind}${kind !== "unknown" ? ` ${kind}` : ""}`
        : "provided by on-message";
      const documentation = symbol && eager ? variableDoc(symbol, factsOf(this.analysis, symbol)) : undefined;
      this.add({
        label,
        kind: symbol?.isFunction ? "function" : "variable",
        detail,
        ...(documentation !== undefined ? { documentation } : {}),
        ...(symbol && !eager ? { lazyDocumentation: true } : {}),
        insertText: withDollar ? `$${quoted}` : quoted,
        filterText: withDollar ? `$${name}` : name,
        sortText: `${withDollar ? "5" : "0"}${name}`,
        ...span,
      });
    }
  }

  protected add(item: CompletionEntry): void {
    this.items.push(item);
  }
}

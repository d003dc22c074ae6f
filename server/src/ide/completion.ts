// Completion: menus and commands (both path spellings), argument names, values, variables and broker names.
import { formatPath, resolveCommand, type ArgInfo, type CommandInfo, type Schema } from "../schema";
import { encodeStringText, isPositional, stringParts, type Command } from "../syntax";
import type { DocumentAnalysis } from "./analysis";
import type { DecodedString } from "./embedded/decode";
import { embeddedCodeAt } from "./embedded/position";
import { argumentDoc, commandDoc, describeSpec, menuDoc, propertyDoc, synopsis, variableDoc } from "./docs";
import { headWordAt, locate, onlyInlineSpace, type Location } from "./locate";
import { menuAt } from "./menuContext";
import { boundCommandOf, occurrenceAt } from "./model/lookup";
import type { BoundArg, BoundCommand } from "./model/types";
import { tokenBefore } from "./tokensAt";
import type { CompletionEntry } from "./types";
import { valueHint } from "./valueHints";
import { factsOf, needsQuotes, visibleAt } from "./variables";
import { headCount, headTexts, headWord } from "../syntax/head";

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
interface Span {
  readonly start: number;
  readonly end: number;
}

function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 95;
}

/** The name-like word around `offset` ([start, offset] extended to the word's end). */
function wordAround(text: string, offset: number): Span {
  let start = offset;
  while (start > 0 && isNameChar(text.charCodeAt(start - 1))) start--;
  let end = offset;
  while (end < text.length && isNameChar(text.charCodeAt(end))) end++;
  return { start, end };
}

/** A trailing space after an inserted word lets the next completion start at once, unless text follows. */
function followedByLineEnd(text: string, end: number): boolean {
  const c = text.charCodeAt(end);
  return Number.isNaN(c) || c === 10 || c === 13;
}

class Completer {
  private readonly items: CompletionEntry[] = [];
  private readonly schema: Schema;
  private readonly text: string;

  constructor(
    private readonly analysis: DocumentAnalysis,
    private readonly offset: number,
    private readonly context: CompletionContext,
  ) {
    this.schema = analysis.schema;
    this.text = analysis.text;
  }

  run(): CompletionEntry[] {
    const token = tokenBefore(this.analysis.parsed.tokens, this.offset);
    if (token) {
      switch (token.kind) {
        case "Comment":
          return [];
        case "Variable":
          if (this.offset <= token.end) {
            this.variables({ start: token.start + 1, end: token.end }, false);
            return this.items;
          }
          break;
        case "Dollar":
          if (this.offset === token.end) {
            this.variables({ start: this.offset, end: this.offset }, false);
            return this.items;
          }
          break;
        case "StringText":
        case "StringEscape":
        case "StringOpen":
        case "StringContinuation":
          if (this.quotedValueStart(token) >= 0) break; // `broker="|"`: a value written in quotes
          if (this.offset <= token.end && !(token.kind === "StringOpen" && this.offset === token.start)) {
            if (this.text.charCodeAt(this.offset - 1) === 36 /* $ */ && token.kind === "StringText") {
              this.variables({ start: this.offset, end: this.offset }, true);
            }
            if (token.kind !== "StringOpen" || this.offset > token.start) return this.items;
          }
          break;
        default:
          break;
      }
    }
    const location = locate(this.analysis.parsed, this.offset);
    const command = location.command;
    if (!command) {
      this.statementStart(location);
      return this.items;
    }
    this.inCommand(location, command);
    return this.items;
  }

  /** The start of the string holding `token` when that string is a whole `name="..."` value, else -1. */
  private quotedValueStart(token: { kind: string; start: number }): number {
    let start = token.start;
    if (token.kind !== "StringOpen") {
      start = this.text.lastIndexOf('"', token.start);
      if (start < 0 || this.text.slice(start + 1, this.offset).includes("$")) return -1;
    }
    return this.text.charCodeAt(start - 1) === 61 /* = */ ? start : -1;
  }

  // ---- positions -------------------------------------------------------------------------------------------------

  /** An empty position where a command may start. */
  private statementStart(location: Location): void {
    const menu = menuAt(this.analysis, location, this.offset);
    const span = { start: this.offset, end: this.offset };
    this.menuItems(menu, span, { relative: true });
    if (menu.length > 0) this.rootMenusAbsolute(span);
  }

  private inCommand(location: Location, command: Command): void {
    const bound = boundCommandOf(this.analysis.model, command);
    if (!bound) return;
    const offset = this.offset;
    if (command.callee) {
      if (offset > command.callee.end) this.callArguments(bound, location);
      return;
    }
    if (command.colon && headCount(command) === 0) {
      this.rootItems({ start: offset, end: offset }, false);
      return;
    }
    if (command.root && headCount(command) === 0 && command.args.length === 0) {
      this.menuItems([], { start: offset, end: offset }, { relative: false });
      return;
    }
    const word = headWordAt(command, offset);
    if (word >= 0 && (bound.info === undefined || word < bound.pathWordCount)) {
      const token = headWord(command, word);
      if (token) this.headWord(bound, word, { start: token.start, end: token.end });
      return;
    }
    const arg = location.arg;
    if (arg && !location.trailing) {
      this.inArgument(bound, arg);
      return;
    }
    if (word >= 0) {
      // A head word after the command name: an unnamed value or a switch being typed.
      const token = headWord(command, word);
      if (token) this.argumentNames(bound, { start: token.start, end: token.end }, false);
      return;
    }
    const lastHead = headWord(command, headCount(command) - 1);
    const afterHead = lastHead === undefined ? command.start + 1 : lastHead.end;
    const separated =
      offset > afterHead &&
      (this.text.charCodeAt(offset - 1) === 47 /* / */ || onlyInlineSpace(this.text, afterHead, offset));
    if (command.args.length === 0 && (bound.menuOnly || bound.resolution?.error) && separated) {
      if (bound.menuOnly) this.menuItems(bound.menuPath, { start: offset, end: offset }, { relative: false });
      return;
    }
    if (bound.info && (location.trailing || offset > afterHead)) {
      this.argumentNames(bound, { start: offset, end: offset }, false);
    }
  }

  private inArgument(bound: BoundCommand, arg: NonNullable<Location["arg"]>): void {
    const offset = this.offset;
    const boundArg = bound.args.find((a) => a.start === arg.start);
    if (arg.kind === "NamedArg") {
      if (offset <= arg.nameEnd) {
        this.argumentNames(bound, { start: arg.start, end: arg.nameEnd }, true);
        return;
      }
      if (boundArg) this.argumentValue(bound, boundArg, arg.nameEnd + 1);
      return;
    }
    if (isPositional(arg)) {
      if (arg.kind === "Literal") this.argumentNames(bound, { start: arg.start, end: arg.end }, false);
      return;
    }
    // A `where` condition: the menu's property names.
    const span = wordAround(this.text, offset);
    for (const property of this.schema.properties(bound.menuPath)) {
      this.add({
        label: property.name,
        kind: "property",
        detail: describeSpec(property),
        documentation: propertyDoc(property, bound.menuPath),
        insertText: property.name,
        ...span,
      });
    }
  }

  // ---- menus and commands ---------------------------------------------------------------------------------------

  /** Completing head word `index` of a command: the items of the menu its previous words reach. */
  private headWord(bound: BoundCommand, index: number, span: Span): void {
    const command = bound.node;
    const absolute = command.colon || command.root;
    if (command.colon && index === 0) {
      this.rootItems(span, false);
      return;
    }
    const words = headTexts(this.text, command)
      .slice(0, index)
      .map((word) => ({ text: word }));
    if (words.length === 0) {
      if (absolute) this.menuItems([], span, { relative: false });
      else this.menuItems(bound.contextMenu, span, { relative: true });
      return;
    }
    const resolution = resolveCommand(this.schema, bound.contextMenu, words, absolute);
    if (resolution.error || resolution.command) return;
    this.menuItems(resolution.menuPath, span, { relative: false });
  }

  /** Sub-menus and commands of a menu; `relative` (first word without `/`) also offers root commands as `:name`. */
  private menuItems(menuPath: readonly string[], span: Span, options: { relative: boolean }): void {
    const menu = this.schema.menu(menuPath);
    if (!menu) return;
    const space = followedByLineEnd(this.text, span.end) ? " " : "";
    const atRoot = menuPath.length === 0;
    for (const name of menu.menus) {
      const sub = this.schema.menu([...menuPath, name]);
      this.add({
        label: name,
        kind: "menu",
        detail: formatPath([...menuPath, name]),
        ...(sub ? { documentation: menuDoc(sub) } : {}),
        insertText: name + space,
        retrigger: space !== "",
        sortText: `1${name}`,
        ...span,
      });
    }
    for (const name of menu.commands) {
      if (atRoot && options.relative) continue; // offered below in their usual `:name` spelling
      this.commandItem(menuPath, name, span, name + space, "0");
    }
    if (options.relative) this.rootItems(span, true);
  }

  private commandItem(
    menuPath: readonly string[],
    name: string,
    span: Span,
    insertText: string,
    group: string,
    label = name,
  ): void {
    const info = this.schema.command(menuPath, name);
    this.add({
      label,
      kind: "command",
      detail: info ? synopsis(info) : formatPath(menuPath, name),
      ...(info ? { documentation: commandDoc(info) } : {}),
      insertText,
      filterText: name,
      retrigger: insertText.endsWith(" "),
      sortText: `${group}${name}`,
      ...span,
    });
  }

  /** Root commands (`put`, `local`, `foreach`...) and global menus (`log`); `withColon` writes them as `:put`. */
  private rootItems(span: Span, withColon: boolean): void {
    const root = this.schema.menu([]);
    if (!root) return;
    const space = followedByLineEnd(this.text, span.end) ? " " : "";
    const prefix = withColon ? ":" : "";
    for (const name of root.commands)
      this.commandItem([], name, span, `${prefix}${name}${space}`, "2", `${prefix}${name}`);
    for (const name of root.menus) {
      const menu = this.schema.menu([name]);
      if (!menu?.global) continue;
      this.add({
        label: `${prefix}${name}`,
        kind: "menu",
        detail: formatPath([name]),
        documentation: menuDoc(menu),
        insertText: `${prefix}${name}${space}`,
        filterText: name,
        retrigger: space !== "",
        sortText: `2${name}`,
        ...span,
      });
    }
  }

  /** `/ip`, `/system`...: absolute paths from a position inside another menu. */
  private rootMenusAbsolute(span: Span): void {
    const root = this.schema.menu([]);
    if (!root) return;
    const space = followedByLineEnd(this.text, span.end) ? " " : "";
    for (const name of root.menus) {
      this.add({
        label: `/${name}`,
        kind: "menu",
        detail: formatPath([name]),
        insertText: `/${name}${space}`,
        filterText: `/${name}`,
        retrigger: space !== "",
        sortText: `3${name}`,
        ...span,
      });
    }
  }

  // ---- arguments -------------------------------------------------------------------------------------------------

  /** Argument names (`name=`), switches and the next unnamed value (`get` value names). */
  private argumentNames(bound: BoundCommand, span: Span, hasEquals: boolean): void {
    const info = bound.info;
    if (!info) return;
    const given = new Set(
      bound.args.filter((a) => a.start !== span.start && a.name !== undefined).map((a) => a.name ?? ""),
    );
    const equalsFollows = hasEquals || this.text.charCodeAt(span.end) === 61; /* = */
    for (const arg of info.args) {
      if (given.has(arg.name) || arg.name === "where") continue;
      this.argumentItem(info, arg, span, equalsFollows);
    }
    if (info.args.some((a) => a.name === "where") && !given.has("where") && !equalsFollows) {
      this.add({
        label: "where",
        kind: "switch",
        detail: "condition on the items' properties",
        insertText: "where ",
        retrigger: true,
        sortText: "3where",
        ...span,
      });
    }
    if (equalsFollows) return;
    // The next unnamed slot: `get` takes a value name, `:set` a variable.
    const filled = bound.args.filter((a) => a.kind === "positional" && a.start !== span.start).length;
    const free = info.positional.filter((name) => !given.has(name));
    const slot = free[filled];
    if (slot === "value-name") this.properties(bound.menuPath, span, "0");
    if (slot === "name" && bound.rootCommand === "set") this.variables(span, false);
  }

  private argumentItem(info: CommandInfo, arg: ArgInfo, span: Span, equalsFollows: boolean): void {
    const group = arg.required ? "0" : arg.type === "switch" ? "2" : "1";
    const common = {
      label: arg.name,
      detail: describeSpec(arg),
      documentation: argumentDoc(arg, info),
      sortText: `${group}${arg.name}`,
      filterText: arg.name,
      ...span,
    };
    if (arg.type === "switch") {
      this.add({ ...common, kind: "switch", insertText: arg.name });
    } else if (equalsFollows) {
      this.add({ ...common, kind: "argument", insertText: arg.name });
    } else if (arg.type === "script") {
      this.add({ ...common, kind: "argument", insertText: `${arg.name}={ $0 }`, snippet: true });
    } else {
      this.add({ ...common, kind: "argument", insertText: `${arg.name}=`, retrigger: true });
    }
  }

  /** The value after `name=`. */
  private argumentValue(bound: BoundCommand, arg: BoundArg, valueStart: number): void {
    const value = arg.value;
    let span: Span;
    let quoted = false;
    if (value === undefined) span = { start: valueStart, end: valueStart };
    else if (value.kind === "Literal") span = { start: value.start, end: value.end };
    else if (value.kind === "String" && stringParts(this.text, value).length <= 1) {
      span = { start: value.start, end: value.end };
      quoted = true;
    } else return;
    if (this.offset < span.start || this.offset > span.end) return;
    const spec = arg.info;
    const name = arg.name ?? "";
    const list =
      (spec?.multiValue ?? false) || (valueHint(bound.menuPath, bound.info?.name ?? "", name)?.list ?? false);
    if (list && !quoted) {
      // Complete the element after the last comma before the cursor.
      const before = this.text.lastIndexOf(",", this.offset - 1);
      if (before >= span.start) span = { start: before + 1, end: span.end };
      const next = this.text.indexOf(",", this.offset);
      if (next >= 0 && next < span.end) span = { start: span.start, end: next };
    }
    const values: { value: string; detail?: string }[] = [];
    if (spec?.enumValues) for (const v of spec.enumValues) values.push({ value: v });
    else if (spec?.type === "bool") values.push({ value: "yes" }, { value: "no" });
    else if (spec?.type === "number" && spec.range && spec.range.max - spec.range.min <= 10) {
      for (let n = spec.range.min; n <= spec.range.max; n++) values.push({ value: String(n) });
    }
    for (const extra of spec?.extraValues ?? []) values.push({ value: extra });
    const hint = valueHint(bound.menuPath, bound.info?.name ?? "", name);
    for (const v of hint?.values ?? []) if (!values.some((x) => x.value === v)) values.push({ value: v });
    if (spec?.type === "broker-name" || name === "broker") {
      for (const broker of this.brokerNames()) values.push({ value: broker, detail: "broker" });
    }
    for (const v of values) {
      const isDefault = spec?.default === v.value;
      const insert = quoted || /[\s;"$[\]{}()\\]/.test(v.value) ? JSON.stringify(v.value) : v.value;
      this.add({
        label: v.value,
        kind: v.detail === "broker" ? "broker" : "value",
        detail: isDefault ? "default" : (v.detail ?? (spec ? describeSpec(spec) : "")),
        insertText: insert,
        sortText: `${isDefault ? "0" : "1"}${v.value}`,
        preselect: isDefault,
        ...span,
      });
    }
    if (name === "value-name" || name === "proplist") this.properties(bound.menuPath, span, "0");
    if (!quoted && spec?.type !== "script") this.variables(span, false, true);
  }

  /** The parameters a call may pass: names the function body uses without declaring them. */
  private callArguments(bound: BoundCommand, location: Location): void {
    const callee = bound.node.callee;
    if (callee?.kind !== "Variable") return;
    const symbol = occurrenceAt(this.analysis.model, callee.nameStart)?.symbol;
    if (!symbol) return;
    const arg = location.arg;
    const span =
      arg?.kind === "NamedArg" && this.offset <= arg.nameEnd
        ? { start: arg.start, end: arg.nameEnd }
        : arg?.kind === "Literal"
          ? { start: arg.start, end: arg.end }
          : { start: this.offset, end: this.offset };
    if (arg?.kind === "NamedArg" && this.offset > arg.nameEnd) return;
    const given = new Set(bound.args.filter((a) => a.kind === "named").map((a) => a.name));
    for (const parameter of this.analysis.model.symbols) {
      if (parameter.owner !== symbol || parameter.kind !== "parameter" || given.has(parameter.name)) continue;
      this.add({
        label: parameter.name,
        kind: "argument",
        detail: `parameter of ${symbol.name}`,
        insertText: `${parameter.name}=`,
        retrigger: true,
        ...span,
      });
    }
  }

  private properties(menuPath: readonly string[], span: Span, group: string): void {
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

  private brokerNames(): string[] {
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
  private variables(span: Span, inString: boolean, withDollar = false): void {
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

  private add(item: CompletionEntry): void {
    this.items.push(item);
  }
}

/** Completion items at `offset`, each with the range it replaces. Never throws on broken text. */
export function complete(
  analysis: DocumentAnalysis,
  offset: number,
  context: CompletionContext,
): CompletionEntry[] {
  const embedded = embeddedCodeAt(analysis, offset);
  if (embedded)
    return inString(embedded.code.decoded, complete(embedded.code.analysis, embedded.offset, context));
  return new Completer(analysis, offset, context).run();
}

/**
 * The items of code written in a string, for the string: ranges mapped back to the source and inserted text escaped
 * (`"`, `\\`, `$`), so that the string decodes to what the item inserts; the filter text is escaped alike, as the
 * user types it. Snippets keep their tab stops, so one that would need an escape is left out.
 */
function inString(decoded: DecodedString, items: readonly CompletionEntry[]): CompletionEntry[] {
  const escape = encodeStringText;
  const out: CompletionEntry[] = [];
  for (const item of items) {
    if (item.snippet && /["\\]|\$(?![0-9{])/.test(item.insertText)) continue;
    out.push({
      ...item,
      insertText: item.snippet ? item.insertText : escape(item.insertText),
      filterText: escape(item.filterText ?? item.label),
      ...decoded.sourceRange(item.start, item.end),
    });
  }
  return out;
}

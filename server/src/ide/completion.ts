// Completion: menus and commands (both path spellings), argument names, values, variables and broker names.
import { encodeStringText, isPositional, type Command } from "../syntax";
import { headCount, headWord } from "../syntax/head";
import type { DocumentAnalysis } from "./analysis";
import { ArgumentCompletion } from "./completionArguments";
import { wordAround, type CompletionContext } from "./completionItems";
import { describeSpec, propertyDoc } from "./docs";
import type { DecodedString } from "./embedded/decode";
import { embeddedCodeAt } from "./embedded/position";
import { headWordAt, locate, onlyInlineSpace, type Location } from "./locate";
import { menuAt } from "./menuContext";
import { boundCommandOf } from "./model/lookup";
import type { BoundCommand } from "./model/types";
import { tokenBefore } from "./tokensAt";
import type { CompletionEntry } from "./types";

export type { CompletionContext } from "./completionItems";

/**
 * Completes at one offset: finds what the cursor is in (a variable, a string, a command's head word or argument, an
 * empty statement) and asks the level that knows those items (completionArguments.ts, completionNames.ts,
 * completionItems.ts).
 */
class Completer extends ArgumentCompletion {
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

// What a bound command tells besides its binding: the names it declares, a broker it defines, whether a line only names
// an unknown menu, whether a string may be JSON.
import { stringText } from "../../syntax";
import type { BoundCommand, BrokerDefinition, NameForm } from "./types";

/** True when the string content at `from` starts (after spaces and `\\` line continuations) with `{` or `[`. */
export function opensLikeJson(text: string, from: number): boolean {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 123 /* { */ || c === 91 /* [ */) return true;
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 92 /* \\ */) return false;
  }
  return false;
}

/**
 * A path-only line naming a menu the command tree lacks (`/interface ethernet switch` on hardware with a switch chip):
 * the menu its following lines run in, which is unknown, so that they are not checked against the wrong menu.
 * Undefined for other lines (a close misspelling stays a misspelling, and the current menu does not change).
 */
export function unknownMenuOf(bound: BoundCommand): readonly string[] | undefined {
  const error = bound.resolution?.error;
  if (!error || error.suggestions.length > 0 || bound.node.args.length > 0 || bound.node.callee)
    return undefined;
  return [...error.menuPath, error.word];
}

/** A name a declaring command gives (`:local x`, `:foreach k,v`, `:local "my var"`), with where it is written. */
export interface DeclaredName {
  readonly name: string;
  readonly form: NameForm;
  readonly start: number;
  readonly end: number;
  readonly nameStart: number;
  readonly nameEnd: number;
}

/** The variable name(s) given as the first unnamed value (or `name=`): word, quoted string, or `k,v` list. */
export function declaredNames(text: string, bound: BoundCommand, argName: string): DeclaredName[] {
  const arg = bound.args.find((a) => a.name === argName && (a.kind === "positional" || a.kind === "named"));
  const value = arg?.value;
  if (!value) return [];
  if (value.kind === "Literal") {
    const out = [];
    let offset = value.start;
    for (const part of text.slice(value.start, value.end).split(",")) {
      if (part !== "") {
        out.push({
          name: part,
          form: "word" as const,
          start: offset,
          end: offset + part.length,
          nameStart: offset,
          nameEnd: offset + part.length,
        });
      }
      offset += part.length + 1;
    }
    return out;
  }
  if (value.kind === "String") {
    const name = stringText(text, value);
    return [
      {
        name,
        form: "quoted",
        start: value.start,
        end: value.end,
        nameStart: value.start,
        nameEnd: value.end,
      },
    ];
  }
  return [];
}

/** `/iot mqtt brokers add name=X`: remembered for `broker=` completion. */
export function brokerDefinition(text: string, bound: BoundCommand): BrokerDefinition | undefined {
  const path = bound.menuPath;
  if (bound.info?.name !== "add" || path.length !== 3 || path[2] !== "brokers" || path[1] !== "mqtt")
    return undefined;
  const value = bound.args.find((a) => a.kind === "named" && a.name === "name")?.value;
  if (value === undefined) return undefined;
  if (value.kind === "Literal") {
    return { name: text.slice(value.start, value.end), start: value.start, end: value.end };
  }
  if (value.kind === "String" && value.interpolations.length === 0) {
    return { name: stringText(text, value), start: value.start, end: value.end };
  }
  return undefined;
}

// Reads the named arguments of a command line as values known before run time (literals, plain strings) or as the source text of what only a run can compute ($var, [cmd], "...$x...").
import type { Command, Expr } from "../../../server/src/syntax";
import { staticText } from "../../../server/src/syntax/staticText";

/** One `name=value` argument. */
export type ArgumentValue =
  /** A bare word or a string without interpolation: its value, escapes decoded. */
  | { readonly kind: "literal"; readonly value: string; readonly start: number; readonly end: number }
  /** A variable, a command substitution, an expression or an interpolating string: its source text. */
  | { readonly kind: "expression"; readonly source: string; readonly start: number; readonly end: number }
  /** `name=` with nothing after it: an empty value. */
  | { readonly kind: "empty"; readonly start: number; readonly end: number };

/** The named arguments of `command` by name; a repeated name keeps its last value, as RouterOS does. */
export function namedArguments(text: string, command: Command): Map<string, ArgumentValue> {
  const out = new Map<string, ArgumentValue>();
  for (const arg of command.args) {
    if (arg.kind !== "NamedArg") continue;
    const name = text.slice(arg.start, arg.nameEnd);
    out.set(name, argumentValue(text, arg.value, arg.start, arg.end));
  }
  return out;
}

function argumentValue(text: string, value: Expr | undefined, start: number, end: number): ArgumentValue {
  if (!value) return { kind: "empty", start, end };
  const literal = literalText(text, value);
  if (literal !== undefined) return { kind: "literal", value: literal, start: value.start, end: value.end };
  return {
    kind: "expression",
    source: text.slice(value.start, value.end),
    start: value.start,
    end: value.end,
  };
}

/** The value of an expression that needs no evaluation, or undefined (one implementation: the syntax layer's). */
export const literalText = staticText;

// The text of a value known without running the script: a bare word, a string without interpolation, or a join of those.
import type { Expr, StringLiteral } from "./ast";
import { stringText } from "./stringParts";

/** True when a string has no `$var`, `$[cmd]` or `$(expr)` parts. */
export function isPlainString(literal: StringLiteral): boolean {
  return literal.interpolations.length === 0;
}

/**
 * The value's text (escapes decoded), or undefined when it depends on run time (variables, commands, expressions) or
 * the string is unterminated. Adjacent parts (`a"b"`) are joined, as RouterOS joins them.
 */
export function staticText(text: string, value: Expr): string | undefined {
  switch (value.kind) {
    case "Literal":
      return text.slice(value.start, value.end);
    case "String":
      return value.terminated && isPlainString(value) ? stringText(text, value) : undefined;
    case "Concat": {
      let joined = "";
      for (const part of value.parts) {
        const piece = staticText(text, part);
        if (piece === undefined) return undefined;
        joined += piece;
      }
      return joined;
    }
    default:
      return undefined;
  }
}

// Static and template texts of values, for checks that look at what the source fixes (see syntax/staticText.ts).
import { decodeEscape, stringParts, type Expr } from "../../syntax";

export { isPlainString, staticText } from "../../syntax/staticText";

/**
 * The value's text with every run-time part (`$id`, `$[cmd]`) kept as written but without `+` and `#`: enough to check
 * rules that look at the fixed parts only (an MQTT topic's wildcards), and readable in messages. Undefined for values
 * that are not words, strings or their concatenation.
 */
export function templateText(text: string, value: Expr): string | undefined {
  const hole = (start: number, end: number): string => text.slice(start, end).replace(/[+#]/g, "");
  switch (value.kind) {
    case "Literal":
      return text.slice(value.start, value.end);
    case "String": {
      let out = "";
      for (const part of stringParts(text, value)) {
        const raw = text.slice(part.start, part.end);
        if (part.kind === "Variable" || part.kind === "Substitution" || part.kind === "Paren")
          out += hole(part.start, part.end);
        else if (part.kind === "StringText") out += raw;
        else out += decodeEscape(raw);
      }
      return out;
    }
    case "Variable":
    case "Substitution":
    case "Paren":
      return hole(value.start, value.end);
    case "Concat": {
      let out = "";
      for (const part of value.parts) {
        const piece = templateText(text, part);
        if (piece === undefined) return undefined;
        out += piece;
      }
      return out;
    }
    default:
      return undefined;
  }
}

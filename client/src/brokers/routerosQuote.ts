// Writes values the way a RouterOS script reads them back: bare when the word is unambiguous, otherwise a "..." string with \" \\ \$ and control characters escaped.
import { encodeStringText } from "../../../server/src/syntax";

/** Words that read back as one plain value; anything else is quoted. Deliberately narrower than what RouterOS accepts. */
const BARE_WORD = /^[A-Za-z0-9_][A-Za-z0-9_.:@-]*$/;

/** Bare words with a meaning of their own: booleans and operators. A string with this text must be quoted. */
const RESERVED_WORDS: ReadonlySet<string> = new Set(["yes", "no", "true", "false", "and", "or", "in", "not"]);

/**
 * The text inside `"..."` for `value`: quotes, backslashes, dollars and line ends escaped as the parser's own
 * {@link encodeStringText} writes them, other control characters as `\XX`.
 */
export function escapeRouterOsString(value: string): string {
  let out = "";
  for (const ch of encodeStringText(value)) {
    const code = ch.charCodeAt(0);
    out += code < 0x20 || code === 0x7f ? `\\${code.toString(16).toUpperCase().padStart(2, "0")}` : ch;
  }
  return out;
}

/**
 * `value` as a RouterOS argument value. With `kind: "string"` (the default) a reserved word such as `yes` is quoted so
 * it stays a string; with `kind: "word"` (booleans, numbers, enum words) it stays bare.
 */
export function quoteRouterOsValue(value: string, kind: "string" | "word" = "string"): string {
  if (BARE_WORD.test(value) && (kind === "word" || !RESERVED_WORDS.has(value))) return value;
  return `"${escapeRouterOsString(value)}"`;
}

/** `name=value` with the value quoted as needed. */
export function routerOsArgument(name: string, value: string, kind: "string" | "word" = "string"): string {
  return `${name}=${quoteRouterOsValue(value, kind)}`;
}

// Decodes RouterOS string escapes (`\n`, `\"`, `\41`, `\_`...): one table for the parser and the interpreter.

/**
 * The manual's escapes plus `\?`: the manual says it was removed in 7.1rc2, but RouterOS 7.22.1 still accepts it and
 * compiles it to a plain `?` (its `:parse` output shows the piece `?` where `"[01]\?"` has `\?`).
 */
const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  "\\": "\\",
  n: "\n",
  r: "\r",
  t: "\t",
  $: "$",
  _: " ",
  a: "\x07",
  b: "\x08",
  f: "\x0c",
  v: "\x0b",
  "?": "?",
};

/** True for the character after `\` in a one-letter escape. */
export function isSimpleEscape(ch: string): boolean {
  return Object.prototype.hasOwnProperty.call(SIMPLE_ESCAPES, ch);
}

/**
 * The text an escape token stands for: `\n` → LF, `\41` → "A", `\` + line end → "" (the literal continues).
 * Unknown escapes yield the escaped character itself (the parser has already reported them).
 */
export function decodeEscape(token: string): string {
  const body = token.slice(1);
  if (body.length === 2 && /^[0-9A-F]{2}$/.test(body)) return String.fromCharCode(parseInt(body, 16));
  if (body === "" || /^[ \t\v\f]*(\r\n|\n|\r)?$/.test(body)) return "";
  return SIMPLE_ESCAPES[body] ?? body;
}

/** What a character is written as inside a string literal, when it cannot be written as itself. */
const ESCAPED: Readonly<Record<string, string>> = {
  '"': '\\"',
  "\\": "\\\\",
  $: "\\$",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
};

/** `text` as written inside a `"..."` literal, so that the literal decodes back to it (the inverse of the escapes). */
export function encodeStringText(text: string): string {
  return text.replace(/["\\$\n\r\t]/g, (c) => ESCAPED[c] ?? c);
}

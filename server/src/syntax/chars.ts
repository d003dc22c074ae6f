// Character classes of the RouterOS lexer, as char-code predicates (no regular expressions on the hot path).

export const EOF = -1;
export const enum Ch {
  Tab = 9,
  LineFeed = 10,
  VerticalTab = 11,
  FormFeed = 12,
  CarriageReturn = 13,
  Space = 32,
  Bang = 33,
  Quote = 34,
  Hash = 35,
  Dollar = 36,
  Percent = 37,
  Amp = 38,
  LParen = 40,
  RParen = 41,
  Star = 42,
  Plus = 43,
  Comma = 44,
  Minus = 45,
  Dot = 46,
  Slash = 47,
  Digit0 = 48,
  Digit9 = 57,
  Colon = 58,
  Semicolon = 59,
  Less = 60,
  Equals = 61,
  Greater = 62,
  UpperA = 65,
  UpperF = 70,
  UpperZ = 90,
  LBracket = 91,
  Backslash = 92,
  RBracket = 93,
  Caret = 94,
  Underscore = 95,
  LowerA = 97,
  LowerF = 102,
  LowerI = 105,
  LowerO = 111,
  LowerZ = 122,
  LBrace = 123,
  Pipe = 124,
  RBrace = 125,
  Tilde = 126,
}

export function isInlineSpace(c: number): boolean {
  return c === Ch.Space || c === Ch.Tab || c === Ch.VerticalTab || c === Ch.FormFeed;
}

export function isNewline(c: number): boolean {
  return c === Ch.LineFeed || c === Ch.CarriageReturn;
}

export function isDigit(c: number): boolean {
  return c >= Ch.Digit0 && c <= Ch.Digit9;
}

export function isLetter(c: number): boolean {
  return (c >= Ch.LowerA && c <= Ch.LowerZ) || (c >= Ch.UpperA && c <= Ch.UpperZ);
}

export function isUpperHexDigit(c: number): boolean {
  return isDigit(c) || (c >= Ch.UpperA && c <= Ch.UpperF);
}

export function isHexDigit(c: number): boolean {
  return isUpperHexDigit(c) || (c >= Ch.LowerA && c <= Ch.LowerF);
}

const NAME = 1;
const STOP = 2;
/** Per ASCII code: NAME for name characters, STOP for characters that end a bare value. */
const CLASSES = (() => {
  const table = new Uint8Array(128);
  for (let c = 0; c < 128; c++) {
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 95)
      table[c] = NAME;
  }
  for (const c of [9, 10, 11, 12, 13, 32, 34, 36, 40, 41, 59, 91, 92, 93, 123, 125]) table[c] = STOP;
  return table;
})();

/** Characters of menu, command and argument names: letters, digits, `_` and `-`. */
export function isNameChar(c: number): boolean {
  return c >= 0 && c < 128 && CLASSES[c] === NAME;
}

/**
 * Characters that may start an unquoted variable name after `$`. Anything else needs the quoted form `$"my-var"`. A
 * leading `_` is kept (no router verdict on `$_x` is known: we do not call it an error).
 */
export function isVariableNameChar(c: number): boolean {
  return isLetter(c) || isDigit(c) || c === Ch.Underscore;
}

/**
 * Characters that continue an unquoted variable name: letters and digits ("Valid characters in variable names are
 * letters and digits", MikroTik manual, Scripting). A `_` ends the name (RouterOS 7.22.1 IL, parse oracle:
 * `name=$name_VLAN` compiles to `(. $name _VLAN)`, the variable `$name` then the text `_VLAN`).
 */
export function continuesVariableName(c: number): boolean {
  return isLetter(c) || isDigit(c);
}

/**
 * Characters that end a bare value: space, line ends, `;`, quotes, brackets, `$` and `\\`, the end of text, and every
 * character beyond ASCII: RouterOS reads `:local café "x"` as the name `caf` followed by `é`, which it rejects with
 * "expected end of command" at `é` (its `:parse` verdict on a script with such names). Outside strings and comments a
 * script is ASCII.
 */
export function isValueStop(c: number): boolean {
  if (c >= 0 && c < 128) return CLASSES[c] === STOP;
  return true; // EOF (-1), NaN (read past the end) and non-ASCII characters
}

/** True for characters beyond ASCII. */
export function isNonAscii(c: number): boolean {
  return c >= 128;
}

/**
 * Characters of a word where RouterOS expects a menu or command name (the first word of a command, and words joined to
 * it by `/`): lower-case letters, digits, `-`, `_` and `.`. Its `:parse` rejects `Flags: X` and `>` at a line start
 * with "expected command name", and reads `486920746F20` as the word `486920746` followed by a syntax error.
 */
export function isCommandNameChar(c: number): boolean {
  return (
    (c >= Ch.LowerA && c <= Ch.LowerZ) || isDigit(c) || c === Ch.Minus || c === Ch.Underscore || c === Ch.Dot
  );
}

/** Characters that may continue a literal inside an expression (`10.0.0.1`, `1d2h`, `2001:db8::1`, `0x1F`). */
export function isExpressionLiteralChar(c: number): boolean {
  return isLetter(c) || isDigit(c) || c === Ch.Dot || c === Ch.Colon || c === Ch.Underscore;
}

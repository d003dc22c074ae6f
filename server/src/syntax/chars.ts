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

/** Characters of menu, command and argument names: letters, digits, `_` and `-`. */
export function isNameChar(c: number): boolean {
  return isLetter(c) || isDigit(c) || c === Ch.Minus || c === Ch.Underscore;
}

/** Characters of an unquoted variable name after `$`. Anything else needs the quoted form `$"my-var"`. */
export function isVariableNameChar(c: number): boolean {
  return isLetter(c) || isDigit(c) || c === Ch.Underscore;
}

/** Characters that end a bare value: space, line ends, `;`, quotes, brackets, `$` and `\`. */
export function isValueStop(c: number): boolean {
  switch (c) {
    case EOF:
    case Ch.Space:
    case Ch.Tab:
    case Ch.VerticalTab:
    case Ch.FormFeed:
    case Ch.LineFeed:
    case Ch.CarriageReturn:
    case Ch.Semicolon:
    case Ch.Quote:
    case Ch.LParen:
    case Ch.RParen:
    case Ch.LBracket:
    case Ch.RBracket:
    case Ch.LBrace:
    case Ch.RBrace:
    case Ch.Dollar:
    case Ch.Backslash:
      return true;
    default:
      return false;
  }
}

/** Characters that may continue a literal inside an expression (`10.0.0.1`, `1d2h`, `2001:db8::1`, `0x1F`). */
export function isExpressionLiteralChar(c: number): boolean {
  return isLetter(c) || isDigit(c) || c === Ch.Dot || c === Ch.Colon || c === Ch.Underscore;
}

// Where the pieces of a string literal end (text runs, escapes, continuations): one rule for the lexer and for
// `stringParts`, so that both split a string alike.
import { Ch, EOF, isInlineSpace, isNewline, isUpperHexDigit } from "./chars";
import { charWidthAt } from "./codePoints";
import { K } from "./tokens";

/** From `pos` inside a string: the end of the plain text run, at the next `"`, `\`, `$` or `limit`. */
export function stringTextEnd(text: string, pos: number, limit: number): number {
  let end = pos;
  while (end < limit) {
    const c = text.charCodeAt(end);
    if (c === Ch.Quote || c === Ch.Backslash || c === Ch.Dollar) break;
    end++;
  }
  return end;
}

/**
 * At `\` inside a string: the end of the escape. `\` + spaces + a line end continues the literal on the next line;
 * `\` + one space or tab is swallowed with it (RouterOS 7.23 accepts `:put "a\ b"` and prints `ab`); `\XX` (two upper-case hex digits) is a byte; otherwise the escape is `\` and one character (`\` alone at the end of
 * the text is one character; an emoji, two code units, is one character too).
 */
export function escapeEnd(text: string, pos: number): number {
  let e = pos + 1;
  while (e < text.length && isInlineSpace(text.charCodeAt(e))) e++;
  const afterSpaces = e < text.length ? text.charCodeAt(e) : EOF;
  if (isNewline(afterSpaces)) {
    return e + (afterSpaces === Ch.CarriageReturn && text.charCodeAt(e + 1) === Ch.LineFeed ? 2 : 1);
  }
  const next = pos + 1 < text.length ? text.charCodeAt(pos + 1) : EOF;
  if (next === EOF) return pos + 1;
  if (isInlineSpace(next)) return pos + 2;
  if (isUpperHexDigit(next) && isUpperHexDigit(text.charCodeAt(pos + 2))) return pos + 3;
  return pos + 1 + charWidthAt(text, pos + 1);
}

/** The token kind of the escape [pos, end) that `escapeEnd` found. */
export function escapeKind(
  text: string,
  pos: number,
  end: number,
): K.StringText | K.StringEscape | K.StringContinuation {
  if (end === pos + 1) return K.StringText;
  const last = text.charCodeAt(end - 1);
  return isNewline(last) || isInlineSpace(last) ? K.StringContinuation : K.StringEscape;
}

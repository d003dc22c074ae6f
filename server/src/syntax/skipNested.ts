// Finds where a construct the parser refuses to enter ends, without recursion: a bracket and string stack, not a parse.
import { Ch, isInlineSpace, isNewline } from "./chars";

/** What ends the skipped text once every bracket and string opened inside it is closed again. */
export const enum SkipUntil {
  /** The group that starts at the offset (`{`, `[`, `(`, `$[`, `$(`, `"`) is closed. */
  GroupClosed,
  /** A closer that nothing in the skipped text opened, or the end of the text: the rest of a `( )` expression. */
  UnmatchedCloser,
  /** As `UnmatchedCloser`, or a line end or `;` outside every bracket: the rest of a `where` condition. */
  LineEnd,
}

/**
 * The offset where the skipped text ends, from `from`. Strings and the code inside `$[...]` and `$(...)` in them are
 * followed so that a bracket in a string does not count; a `#` comment is skipped where a statement may start. One
 * linear pass with an explicit stack: any depth. Always moves at least one code unit when text is left.
 */
export function skipNestedEnd(text: string, from: number, until: SkipUntil): number {
  const closers: number[] = [];
  let i = from;
  // `$[` and `$(` open their group at the bracket.
  if (until === SkipUntil.GroupClosed && text.charCodeAt(i) === Ch.Dollar) i++;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (closers[closers.length - 1] === Ch.Quote) {
      if (c === Ch.Quote) closers.pop();
      else if (c === Ch.Backslash) i++;
      else if (c === Ch.Dollar) {
        const n = text.charCodeAt(i + 1);
        if (n === Ch.LBracket || n === Ch.LParen) {
          closers.push(n === Ch.LBracket ? Ch.RBracket : Ch.RParen);
          i++;
        }
      }
    } else {
      if (closers.length === 0 && until !== SkipUntil.GroupClosed) {
        if (c === Ch.RParen || c === Ch.RBracket || c === Ch.RBrace) return i;
        if (until === SkipUntil.LineEnd && (isNewline(c) || c === Ch.Semicolon)) return i;
      }
      i = codeStep(text, i, c, closers);
    }
    i++;
    if (until === SkipUntil.GroupClosed && closers.length === 0) return Math.min(i, text.length);
  }
  return text.length;
}

/** One character of code outside strings: brackets and quotes open, their closers close. Returns the last offset read. */
function codeStep(text: string, i: number, c: number, closers: number[]): number {
  switch (c) {
    case Ch.Quote:
      closers.push(Ch.Quote);
      return i;
    case Ch.LBrace:
      closers.push(Ch.RBrace);
      return i;
    case Ch.LBracket:
      closers.push(Ch.RBracket);
      return i;
    case Ch.LParen:
      closers.push(Ch.RParen);
      return i;
    case Ch.RParen:
    case Ch.RBracket:
    case Ch.RBrace:
      // A closer of another kind than the innermost opener is stray text: it closes nothing.
      if (closers[closers.length - 1] === c) closers.pop();
      return i;
    case Ch.Backslash:
      return i + 1;
    case Ch.Hash:
      return startsStatement(text, i) ? lineEnd(text, i) - 1 : i;
    default:
      return i;
  }
}

/** True when only spaces stand between `at` and the previous line end, `;`, `{` or `[` (or the start of the text). */
function startsStatement(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && isInlineSpace(text.charCodeAt(i))) i--;
  if (i < 0) return true;
  const c = text.charCodeAt(i);
  return isNewline(c) || c === Ch.Semicolon || c === Ch.LBrace || c === Ch.LBracket;
}

function lineEnd(text: string, at: number): number {
  let i = at;
  while (i < text.length && !isNewline(text.charCodeAt(i))) i++;
  return i;
}

// Parses the atoms every later stage shares: strings with escapes and interpolation, and `$` variable references.
import type { Interpolation, Missing, Paren, StringLiteral, Substitution, Variable } from "./ast";
import { Ch, EOF, continuesVariableName, isNewline, isUpperHexDigit, isVariableNameChar } from "./chars";
import { isSimpleEscape } from "./escapes";
import { LineIndex } from "./lineIndex";
import { MAX_NESTING } from "./limits";
import { Scanner } from "./scanner";
import { skipNestedEnd, type SkipUntil } from "./skipNested";
import { escapeEnd, escapeKind, stringTextEnd } from "./stringLexing";
import { stringText } from "./stringParts";
import { K } from "./tokens";

/** Shared by every string without interpolation, so that they allocate no list. */
const NO_INTERPOLATIONS: readonly Interpolation[] = Object.freeze([]);

/** Strings and variables. The constructs they contain (`$[...]`, `$(...)`) come from the subclasses. */
export abstract class AtomParser extends Scanner {
  /** Closing characters of the constructs currently open, innermost last: a list stops at an enclosing closer. */
  protected readonly closers: number[] = [];

  abstract parseSubstitution(openLength: number): Substitution;
  abstract parseParen(openLength: number): Paren;

  /** Levels of nesting open now: brackets, blocks, prefix operators and operator chains (see MAX_NESTING). */
  protected depth = 0;

  /**
   * Past MAX_NESTING: reports it at pos and consumes the construct there (up to `until`) as error tokens, without
   * reading it, and returns true; false (nothing done) while one more level fits.
   */
  protected refuseTooDeep(until: SkipUntil): boolean {
    if (this.depth < MAX_NESTING) return false;
    const end = skipNestedEnd(this.text, this.pos, until);
    this.error("RSC2016", this.pos, this.pos + 1, [MAX_NESTING]);
    while (this.pos < end) {
      const newline = isNewline(this.ch());
      let e = this.pos + 1;
      while (!newline && e < end && !isNewline(this.text.charCodeAt(e))) e++;
      // Line ends stay line-end tokens (one per line end), so that lines and statements can still be found.
      if (!newline) this.skip(K.Error, e);
      else if (this.ch() === Ch.CarriageReturn && this.ch(1) === Ch.LineFeed && this.pos + 2 <= end)
        this.skip(K.Newline, this.pos + 2);
      else this.skip(K.Newline, this.pos + 1);
    }
    return true;
  }

  /** After a construct skipped by `refuseTooDeep`: whether its text ended with its closer. */
  protected closedBy(closer: number): boolean {
    return this.pos > 0 && this.text.charCodeAt(this.pos - 1) === closer;
  }

  protected isEnclosingCloser(c: number): boolean {
    return this.closers.lastIndexOf(c) >= 0;
  }

  protected missing(): Missing {
    return { kind: "Missing", start: this.pos, end: this.pos };
  }

  /** One-based line and column of an offset, for messages that point at an opening bracket. */
  protected positionOf(offset: number): { line: number; column: number } {
    this.lines ??= new LineIndex(this.text);
    const at = this.lines.positionAt(offset);
    return { line: at.line + 1, column: at.character + 1 };
  }

  private lines: LineIndex | undefined;

  // ---- variables ----------------------------------------------------------------------------------------------

  /** At `$` outside a string: `$name`, `$"name"`, `$(expr)` (a computed name) or `$[cmd]` (a substitution). */
  parseDollar(): Variable | Substitution {
    const n = this.ch(1);
    if (n === Ch.LBracket) return this.parseSubstitution(2);
    if (n === Ch.LParen) {
      const dynamic = this.parseParen(2);
      return {
        kind: "Variable",
        name: "",
        nameStart: dynamic.start + 2,
        nameEnd: dynamic.end,
        quoted: undefined,
        dynamic,
        start: dynamic.start,
        end: dynamic.end,
      };
    }
    return this.parseSimpleVariable();
  }

  /**
   * `$name`, `$1` or `$"quoted name"`; reports a bare `$` at the character after it, where RouterOS reports its syntax
   * error (`:typeof $<` fails at the `<`).
   */
  private parseSimpleVariable(): Variable {
    const start = this.pos;
    const n = this.ch(1);
    if (n === Ch.Quote) {
      this.skip(K.Dollar, this.pos + 1);
      const quoted = this.parseString();
      const name = stringText(this.text, quoted);
      return {
        kind: "Variable",
        name,
        nameStart: quoted.start,
        nameEnd: quoted.end,
        quoted,
        dynamic: undefined,
        start,
        end: quoted.end,
      };
    }
    let end = this.pos + 1;
    if (end < this.text.length && isVariableNameChar(this.text.charCodeAt(end))) end++;
    while (end < this.text.length && continuesVariableName(this.text.charCodeAt(end))) end++;
    if (end === this.pos + 1) {
      this.skip(K.Dollar, end);
      const atEnd = end >= this.text.length || isNewline(this.text.charCodeAt(end));
      this.error("RSC2008", end, atEnd ? end : end + 1, [this.describeHere()]);
      return {
        kind: "Variable",
        name: "",
        nameStart: end,
        nameEnd: end,
        quoted: undefined,
        dynamic: undefined,
        start,
        end,
      };
    }
    this.skip(K.Variable, end);
    return {
      kind: "Variable",
      name: this.text.slice(start + 1, end),
      nameStart: start + 1,
      nameEnd: end,
      quoted: undefined,
      dynamic: undefined,
      start,
      end,
    };
  }

  // ---- strings ------------------------------------------------------------------------------------------------

  /** At `"`: a string literal with escapes and interpolation. */
  parseString(): StringLiteral {
    const start = this.pos;
    this.skip(K.StringOpen, this.pos + 1);
    const mark = this.mark();
    for (;;) {
      const before = this.pos;
      const c = this.ch();
      if (c === Ch.Quote || c === EOF) {
        const terminated = c === Ch.Quote;
        if (terminated) this.skip(K.StringClose, this.pos + 1);
        else this.error("RSC1001", start, start + 1);
        const interpolations = this.mark() === mark ? NO_INTERPOLATIONS : this.collect<Interpolation>(mark);
        return { kind: "String", interpolations, terminated, start, end: this.pos };
      }
      if (c === Ch.Backslash) this.scanEscape();
      else if (c === Ch.Dollar) this.scanInterpolation();
      else
        this.skip(K.StringText, Math.max(stringTextEnd(this.text, this.pos, this.text.length), this.pos + 1));
      this.progress(before);
    }
  }

  /** At `\` in a string: a one-letter escape, `\XX` hex byte, or `\` + line end continuing the literal. */
  private scanEscape(): void {
    const end = escapeEnd(this.text, this.pos);
    const kind = escapeKind(this.text, this.pos, end);
    const hexByte = end === this.pos + 3 && isUpperHexDigit(this.text.charCodeAt(this.pos + 1));
    if (kind === K.StringEscape && !hexByte && !isSimpleEscape(this.text.charAt(this.pos + 1))) {
      this.error("RSC1002", this.pos, end, [this.text.slice(this.pos, end)]);
    }
    this.skip(kind, end);
  }

  /**
   * At `$` in a string: `$name`, `$"name"`, `$[cmd]`, `$(expr)`, stashed for the string's list; a `$` followed by
   * anything else is plain text.
   */
  private scanInterpolation(): void {
    const n = this.ch(1);
    if (n === Ch.LBracket) this.stash(this.parseSubstitution(2));
    else if (n === Ch.LParen) this.stash(this.parseParen(2));
    else if (n === Ch.Backslash && this.ch(2) === Ch.Quote) this.scanEscapedQuotedVariable();
    else if (isVariableNameChar(n)) this.stash(this.parseSimpleVariable());
    else this.skip(K.StringText, this.pos + 1);
  }

  /** Inside a string, a quoted variable name uses escaped quotes: `"value: $\"my-var\""`. */
  private scanEscapedQuotedVariable(): void {
    const start = this.pos;
    let close = start + 3;
    while (close < this.text.length) {
      const c = this.text.charCodeAt(close);
      if (isNewline(c) || (c === Ch.Backslash && this.text.charCodeAt(close + 1) === Ch.Quote)) break;
      close++;
    }
    if (this.text.charCodeAt(close) !== Ch.Backslash) {
      this.skip(K.StringText, this.pos + 1);
      return;
    }
    this.skip(K.Variable, close + 2);
    const name = this.text.slice(start + 3, close);
    this.stash({
      kind: "Variable",
      name,
      nameStart: start + 3,
      nameEnd: close,
      quoted: undefined,
      dynamic: undefined,
      start,
      end: close + 2,
    });
  }
}

// Parses values in argument position, and the bracketed constructs they contain: blocks, substitutions, array literals.
import type { ArrayElement, ArrayLiteral, Block, Expr, Statement, StringLiteral, Substitution } from "./ast";
import { Ch, EOF, isInlineSpace, isNameChar, isNewline, isValueStop } from "./chars";
import { commandContext } from "./commandContext";
import type { DiagnosticCode } from "../diagnostics/catalog";
import { ExpressionParser } from "./expressions";
import { classifyLiteral } from "./literals";
import { SkipUntil } from "./skipNested";
import { K, type Token } from "./tokens";

/** The body of a construct refused for its depth (RSC2016): nothing was read inside it. */
const NOTHING: readonly never[] = Object.freeze([]);

/** Value-level parsing. The statements inside `{...}` and `[...]` come from the subclass. */
export abstract class ValueParser extends ExpressionParser {
  protected abstract parseStatements(closer: number | undefined): Statement[];

  /** Start of the command whose arguments are being read, or -1 (see `errorAfterWords`). */
  protected commandStart = -1;

  /** Reports an error found after the words of the current command, recording which command it is. */
  protected errorAfterWords(code: DiagnosticCode, start: number, end: number, args: readonly string[]): void {
    const data = this.commandStart >= 0 ? commandContext(start, this.commandStart) : undefined;
    this.error(code, start, end, args, data);
  }

  /** Line ends, `;` and trivia between statements. */
  protected skipSeparators(): void {
    for (;;) {
      this.skipAllTrivia();
      if (this.ch() !== Ch.Semicolon) return;
      this.skip(K.Semicolon, this.pos + 1);
    }
  }

  protected atCommandEnd(c: number): boolean {
    return (
      c === EOF ||
      isNewline(c) ||
      c === Ch.Semicolon ||
      c === Ch.RBrace ||
      c === Ch.RBracket ||
      c === Ch.RParen
    );
  }

  /**
   * A value in argument position: one or more adjacent parts (bare word, string, `$var`, `[cmd]`, `(expr)`, `{...}`).
   * `braceIsCode` says whether `{...}` here is a block of code or an array literal.
   */
  protected parseValue(braceIsCode: boolean, first?: Expr): Expr {
    const mark = this.mark();
    if (first) this.stash(first);
    let afterWord = false;
    for (;;) {
      const before = this.pos;
      const c = this.ch();
      let part: Expr;
      if (c === Ch.Quote) part = this.parseString();
      else if (c === Ch.Dollar) part = this.parseDollar();
      else if (c === Ch.LBracket) part = this.parseSubstitution(1);
      else if (c === Ch.LParen) {
        // `name($i->7)`: RouterOS ends a bare word before `(` and rejects the `(` with "expected end of command"
        // (its `:parse` verdict on `:local currentPeerServer($i->7)`).
        if (afterWord) {
          this.errorAfterWords("RSC2004", this.pos, this.pos + 1, ["("]);
          break;
        }
        part = this.parseParen(1);
      } else if (c === Ch.LBrace) part = braceIsCode ? this.parseBlock() : this.parseArrayLiteral();
      else if (!isValueStop(c)) part = this.scanBareValue();
      else break;
      afterWord = part.kind === "Literal";
      this.stash(part);
      this.progress(before);
    }
    const count = this.mark() - mark;
    if (count === 0) {
      this.error("RSC2006", this.pos, this.pos + (this.atCommandEnd(this.ch()) ? 0 : 1), [
        this.describeHere(),
      ]);
      if (this.ch() === Ch.Backslash) this.skipInlineTrivia();
      return this.missing();
    }
    const parts = this.collect<Expr>(mark);
    const [only] = parts;
    const lastPart = parts[parts.length - 1];
    if (only === undefined || lastPart === undefined) return this.missing();
    if (count === 1) return only;
    return { kind: "Concat", parts, start: only.start, end: lastPart.end };
  }

  private scanBareValue(): Expr {
    let end = this.pos;
    while (end < this.text.length && !isValueStop(this.text.charCodeAt(end))) end++;
    const start = this.pos;
    const literal = classifyLiteral(this.text.slice(start, end));
    this.skip(K.Value, end);
    return { kind: "Literal", literal, start, end };
  }

  protected parseBlock(): Block {
    const start = this.pos;
    if (this.refuseTooDeep(SkipUntil.GroupClosed))
      return { kind: "Block", body: NOTHING, closed: this.closedBy(Ch.RBrace), start, end: this.pos };
    this.skip(K.LBrace, this.pos + 1);
    this.closers.push(Ch.RBrace);
    this.depth++;
    const body = this.parseStatements(Ch.RBrace);
    this.depth--;
    const closed = this.expectCloser(Ch.RBrace, K.RBrace, start, "RSC2001");
    this.closers.pop();
    return { kind: "Block", body, closed, start, end: this.pos };
  }

  parseSubstitution(openLength: number): Substitution {
    const start = this.pos;
    if (this.refuseTooDeep(SkipUntil.GroupClosed)) {
      const closed = this.closedBy(Ch.RBracket);
      return { kind: "Substitution", openLength, body: NOTHING, closed, start, end: this.pos };
    }
    this.skip(K.LBracket, this.pos + openLength);
    this.closers.push(Ch.RBracket);
    this.depth++;
    const body = this.parseStatements(Ch.RBracket);
    this.depth--;
    const closed = this.expectCloser(Ch.RBracket, K.RBracket, start, "RSC2002");
    this.closers.pop();
    return { kind: "Substitution", openLength, body, closed, start, end: this.pos };
  }

  /** Consumes the closer of a block, substitution or array, or reports it missing where it was expected. */
  private expectCloser(
    closer: number,
    kind: K.RBrace | K.RBracket,
    openStart: number,
    code: "RSC2001" | "RSC2002",
  ): boolean {
    if (this.ch() === closer) {
      this.skip(kind, this.pos + 1);
      return true;
    }
    const at = this.positionOf(openStart);
    this.error(code, this.pos, this.pos, [at.line, at.column]);
    return false;
  }

  /** `{ 1; "a"; key=value; "quoted key"=value }`: elements separated by `;` or line ends. */
  parseArrayLiteral(): ArrayLiteral {
    const start = this.pos;
    if (this.refuseTooDeep(SkipUntil.GroupClosed))
      return { kind: "Array", elements: NOTHING, closed: this.closedBy(Ch.RBrace), start, end: this.pos };
    this.skip(K.LBrace, this.pos + 1);
    this.closers.push(Ch.RBrace);
    this.depth++;
    const mark = this.mark();
    for (;;) {
      const before = this.pos;
      this.skipSeparators();
      const c = this.ch();
      if (c === Ch.RBrace || c === EOF || c === Ch.RBracket || c === Ch.RParen) break;
      this.stash(this.parseArrayElement());
      if (this.pos === before) this.skipErrorChar();
      this.progress(before);
    }
    const elements = this.collect<ArrayElement>(mark);
    this.depth--;
    const closed = this.expectCloser(Ch.RBrace, K.RBrace, start, "RSC2001");
    this.closers.pop();
    return { kind: "Array", elements, closed, start, end: this.pos };
  }

  /**
   * One member, read as RouterOS 7.23.3 reads it on a CHR (tikoci/centrs test/fixtures/explain/values.json,
   * interiorGrounding.keyBinding):
   * - `key=value` when a word of letters, digits, `-`, `.` and `/` (`a`, `.id`, `a.b`, `1.1`, `-1`) or a string
   *   (`"a b"`) is followed at once by `=`. Spaces may follow the `=` (`{a= 1}` is a=1); with nothing after it the
   *   member is the key's text (`{a=}`, `{"a b"=}`; the interpreter decides that).
   * - Otherwise an expression, whose bare words are words as in a value and whose `=` is a comparison: `{$a=1}`,
   *   `{1+1=2}`, `{a!=1}`, `{a = 1}`, `{a_b=1}` and `{a:b=1}` (`_` and `:` are no key characters) are comparisons,
   *   `{a b=1}` is `a` beside `b=1`, `{a,b=1}` the list of `a` and `b=1`. A line end after an operand ends it.
   */
  private parseArrayElement(): ArrayElement {
    const start = this.pos;
    let end = this.pos;
    while (end < this.text.length && isKeyChar(this.text.charCodeAt(end))) end++;
    if (end > start && this.text.charCodeAt(end) === Ch.Equals) {
      const key = this.emit(K.ArgName, end);
      return this.keyedElement(start, key);
    }
    if (this.ch() === Ch.Equals) {
      this.error("RSC2013", this.pos, this.pos + 1);
      this.skip(K.Equals, this.pos + 1);
      const value = this.atElementEnd() ? undefined : this.parseValue(false);
      return { kind: "ArrayElement", key: undefined, value, start, end: value?.end ?? this.pos };
    }
    let first: StringLiteral | undefined;
    if (this.ch() === Ch.Quote) {
      first = this.parseString();
      if (this.ch() === Ch.Equals) return this.keyedElement(start, first);
    }
    const value = this.parseExpression("member", 0, first);
    return { kind: "ArrayElement", key: undefined, value, start, end: value.end };
  }

  /** At the `=` after a member's key. `{a==}` is refused at the second `=` (CHR 7.23.3, keyBinding). */
  private keyedElement(start: number, key: Token | StringLiteral): ArrayElement {
    this.skip(K.Equals, this.pos + 1);
    if (this.ch() === Ch.Equals) {
      this.error("RSC2013", this.pos, this.pos + 1);
      this.skip(K.Error, this.pos + 1);
    }
    this.skipInlineTrivia();
    const value = this.atElementEnd() ? undefined : this.parseValue(false);
    return { kind: "ArrayElement", key, value, start, end: value?.end ?? this.pos };
  }

  private atElementEnd(): boolean {
    const c = this.ch();
    return (
      c === Ch.Semicolon ||
      c === Ch.RBrace ||
      c === EOF ||
      isNewline(c) ||
      isInlineSpace(c) ||
      c === Ch.RBracket ||
      c === Ch.RParen
    );
  }
}

/** Characters of a member's unquoted key: letters, digits, `-`, `.` and `/`; not `_` or `:` (`{a_b=1}` compares). */
function isKeyChar(c: number): boolean {
  return (isNameChar(c) && c !== Ch.Underscore) || c === Ch.Dot || c === Ch.Slash;
}

// Parses expressions (inside `( )` and after `where`), strings with interpolation, and `$` variable references.
import type {
  ArrayLiteral,
  Expr,
  Literal,
  Missing,
  Paren,
  Interpolation,
  StringLiteral,
  Substitution,
  Variable,
} from "./ast";
import {
  Ch,
  EOF,
  isDigit,
  isExpressionLiteralChar,
  isHexDigit,
  isLetter,
  isNameChar,
  isNewline,
  isVariableNameChar,
} from "./chars";
import { isSimpleEscape } from "./escapes";
import { LineIndex } from "./lineIndex";
import { classifyLiteral } from "./literals";
import { BINARY_PRECEDENCE, IMPLICIT_AND_PRECEDENCE, UNARY_PRECEDENCE, WORD_OPERATORS } from "./operators";
import { Scanner } from "./scanner";
import { escapeEnd, escapeKind, stringTextEnd } from "./stringLexing";
import { stringText } from "./stringParts";
import { K } from "./tokens";

/** Shared by every string without interpolation, so that they allocate no list. */
const NO_INTERPOLATIONS: readonly Interpolation[] = Object.freeze([]);

/** Inside parentheses line ends are spaces; a `where` clause ends at the end of the line. */
export type ExpressionContext = "paren" | "where";

/** Expression-level parsing. Statement-level constructs it needs (`[...]`, `{...}` arrays) come from the subclass. */
export abstract class ExpressionParser extends Scanner {
  /** Closing characters of the constructs currently open, innermost last: a list stops at an enclosing closer. */
  protected readonly closers: number[] = [];

  abstract parseSubstitution(openLength: number): Substitution;
  abstract parseArrayLiteral(): ArrayLiteral;

  protected isEnclosingCloser(c: number): boolean {
    return this.closers.lastIndexOf(c) >= 0;
  }

  protected missing(): Missing {
    return { kind: "Missing", start: this.pos, end: this.pos };
  }

  /** After an operator or `(`: the expression must go on, so inside parentheses line ends are spaces. */
  private skipAllTriviaIn(context: ExpressionContext): void {
    if (context === "paren") this.skipAllTrivia();
    else this.skipInlineTrivia();
  }

  /**
   * After an operand: inside parentheses a line end is a space only when the expression goes on after it (an
   * operator or `)` follows). Otherwise the scan is undone so that the line end ends the command, and a forgotten `)`
   * is reported on its own line instead of swallowing the next one.
   */
  private skipTriviaAfterOperand(context: ExpressionContext): void {
    if (context === "where") {
      this.skipInlineTrivia();
      return;
    }
    const savedPos = this.pos;
    const savedTokens = this.tokens.length;
    this.skipAllTrivia();
    if (this.ch() === Ch.RParen || this.peekBinaryOperator() !== undefined) return;
    this.tokens.truncate(savedTokens);
    this.pos = savedPos;
    this.skipInlineTrivia();
  }

  // ---- expressions --------------------------------------------------------------------------------------------

  /** Precedence climbing: parses operators that bind at least as tightly as `minPrecedence`. */
  parseExpression(context: ExpressionContext, minPrecedence = 0): Expr {
    let left = this.parseOperand(context);
    for (;;) {
      const before = this.pos;
      this.skipTriviaAfterOperand(context);
      const operator = this.peekBinaryOperator();
      if (operator === undefined) {
        if (context === "where" && minPrecedence === 0 && this.startsOperand()) {
          const right = this.parseExpression(context, IMPLICIT_AND_PRECEDENCE + 1);
          left = {
            kind: "Binary",
            opStart: -1,
            operator: "and",
            left,
            right,
            start: left.start,
            end: right.end,
          };
          this.progress(before);
          continue;
        }
        return left;
      }
      const precedence = BINARY_PRECEDENCE[operator] ?? 0;
      if (precedence < minPrecedence) return left;
      const opStart = this.pos;
      this.skip(K.Operator, opStart + operator.length);
      this.skipAllTriviaIn(context);
      const right = this.parseExpression(context, precedence + 1);
      left = {
        kind: "Binary",
        opStart,
        operator,
        left,
        right,
        start: left.start,
        end: Math.max(right.end, opStart + operator.length),
      };
    }
  }

  /** The binary operator at pos, if any, without consuming it. */
  private peekBinaryOperator(): string | undefined {
    const c = this.ch();
    const n = this.ch(1);
    switch (c) {
      case Ch.Minus:
        return n === Ch.Greater ? "->" : "-";
      case Ch.Less:
        return n === Ch.Less ? "<<" : n === Ch.Equals ? "<=" : "<";
      case Ch.Greater:
        return n === Ch.Greater ? ">>" : n === Ch.Equals ? ">=" : ">";
      case Ch.Bang:
        return n === Ch.Equals ? "!=" : undefined;
      case Ch.Amp:
        return n === Ch.Amp ? "&&" : "&";
      case Ch.Pipe:
        return n === Ch.Pipe ? "||" : "|";
      case Ch.Equals:
        return "=";
      case Ch.Tilde:
        return "~";
      case Ch.Plus:
        return "+";
      case Ch.Star:
        return "*";
      case Ch.Slash:
        return "/";
      case Ch.Percent:
        return "%";
      case Ch.Dot:
        return ".";
      case Ch.Comma:
        return ",";
      case Ch.Caret:
        return "^";
      default: {
        if (c !== Ch.LowerA && c !== Ch.LowerO && c !== Ch.LowerI) return undefined;
        const word = c === Ch.LowerA ? "and" : c === Ch.LowerO ? "or" : "in";
        if (!this.text.startsWith(word, this.pos) || isNameChar(this.ch(word.length))) return undefined;
        return word;
      }
    }
  }

  private startsOperand(): boolean {
    const c = this.ch();
    if (c === EOF || isNewline(c)) return false;
    switch (c) {
      case Ch.LParen:
      case Ch.LBracket:
      case Ch.Quote:
      case Ch.Dollar:
      case Ch.Bang:
      case Ch.Tilde:
      case Ch.LBrace:
        return true;
      case Ch.Star:
        return isHexDigit(this.ch(1));
      case Ch.Colon:
        return this.ch(1) === Ch.Colon;
      default:
        return isNameChar(c);
    }
  }

  /** One operand: a literal, name, string, variable, `(...)`, `[...]`, `{...}`, or a prefix operator applied to one. */
  parseOperand(context: ExpressionContext): Expr {
    const c = this.ch();
    switch (c) {
      case Ch.LParen:
        return this.parseParen(1);
      case Ch.LBracket:
        return this.parseSubstitution(1);
      case Ch.Quote:
        return this.parseString();
      case Ch.Dollar:
        return this.parseDollar();
      case Ch.LBrace:
        return this.parseArrayLiteral();
      case Ch.Minus:
      case Ch.Bang:
      case Ch.Tilde: {
        const start = this.pos;
        this.skip(K.Operator, start + 1);
        this.skipAllTriviaIn(context);
        const operand = this.parseExpression(context, UNARY_PRECEDENCE);
        const operator = String.fromCharCode(c);
        return { kind: "Unary", operator, operand, start, end: Math.max(operand.end, start + 1) };
      }
      default:
        break;
    }
    if (c === Ch.Star && isHexDigit(this.ch(1))) return this.scanExpressionLiteral(this.pos + 1);
    if (isDigit(c) || (c === Ch.Colon && this.ch(1) === Ch.Colon))
      return this.scanExpressionLiteral(this.pos);
    if (isLetter(c) || c === Ch.Underscore) return this.scanName();
    this.error("RSC2006", this.pos, this.pos + (c === EOF || isNewline(c) ? 0 : 1), [this.describeHere()]);
    return this.missing();
  }

  /** A literal that starts with a digit, `::` or `*`: numbers, addresses, prefixes, times, MACs, ids. */
  private scanExpressionLiteral(from: number): Literal {
    let end = from;
    while (end < this.text.length && isExpressionLiteralChar(this.text.charCodeAt(end))) end++;
    end = this.extendWithPrefixLength(this.pos, end);
    const text = this.text.slice(this.pos, end);
    const literal = classifyLiteral(text);
    if (literal === "word" && !/^[0-9]+(\.[0-9]+)*$/.test(text)) this.error("RSC2010", this.pos, end, [text]);
    const start = this.pos;
    this.skip(K.Value, end);
    return { kind: "Literal", literal, start, end };
  }

  /** `10.0.0.0` + `/8`: a prefix length joins an address (text with `.` or `:`) but not a plain number (`10/2`). */
  private extendWithPrefixLength(start: number, end: number): number {
    if (this.text.charCodeAt(end) !== Ch.Slash || !isDigit(this.text.charCodeAt(end + 1))) return end;
    const head = this.text.slice(start, end);
    if (head.indexOf(".") < 0 && head.indexOf(":") < 0) return end;
    let e = end + 1;
    while (e < this.text.length && isDigit(this.text.charCodeAt(e))) e++;
    return e;
  }

  /** A name in an expression (`running`, `rx-byte`, `true`), or a MAC / IPv6 address that starts with a letter. */
  private scanName(): Expr {
    let end = this.pos;
    while (end < this.text.length && isNameChar(this.text.charCodeAt(end))) end++;
    if (this.text.charCodeAt(end) === Ch.Colon) {
      let wide = this.pos;
      while (wide < this.text.length && isExpressionLiteralChar(this.text.charCodeAt(wide))) wide++;
      wide = this.extendWithPrefixLength(this.pos, wide);
      const kind = classifyLiteral(this.text.slice(this.pos, wide));
      if (kind === "mac" || kind === "ip6" || kind === "ip6-prefix") {
        const start = this.pos;
        this.skip(K.Value, wide);
        return { kind: "Literal", literal: kind, start, end: wide };
      }
    }
    const text = this.text.slice(this.pos, end);
    if (WORD_OPERATORS.has(text)) {
      this.error("RSC2012", this.pos, end, [text]);
      this.skip(K.Error, end);
      return { kind: "Missing", start: end, end };
    }
    const start = this.pos;
    this.skip(K.Value, end);
    return { kind: "Literal", literal: classifyLiteral(text), start, end };
  }

  /** At `(` (or `$(` when openLength is 2): a parenthesized expression. */
  parseParen(openLength: number): Paren {
    const start = this.pos;
    this.skip(K.LParen, this.pos + openLength);
    this.closers.push(Ch.RParen);
    this.skipAllTrivia();
    const expr = this.parseExpression("paren");
    this.skipTriviaAfterOperand("paren");
    const closed = this.expectParenClose(start);
    this.closers.pop();
    const end = closed ? this.pos : Math.max(expr.end, start + openLength);
    return { kind: "Paren", openLength, expr, closed, start, end };
  }

  /** At the end of a parenthesized expression: consumes `)`, or reports it missing and recovers. */
  private expectParenClose(openStart: number): boolean {
    const c = this.ch();
    if (c === Ch.RParen) {
      this.skip(K.RParen, this.pos + 1);
      return true;
    }
    if (c === EOF || isNewline(c) || c === Ch.Semicolon || c === Ch.RBrace || c === Ch.RBracket) {
      const at = this.positionOf(openStart);
      this.error("RSC2003", this.pos, this.pos, [at.line, at.column]);
      return false;
    }
    this.error("RSC2011", this.pos, this.pos + 1, [this.describeHere()]);
    this.quiet++;
    for (;;) {
      const before = this.pos;
      this.skipInlineTrivia();
      const d = this.ch();
      if (
        d === Ch.RParen ||
        d === EOF ||
        isNewline(d) ||
        d === Ch.Semicolon ||
        d === Ch.RBrace ||
        d === Ch.RBracket
      ) {
        break;
      }
      if (d === Ch.Equals) this.skip(K.Operator, this.pos + 1);
      else this.parseOperand("paren");
      if (this.pos === before) this.skip(K.Error, this.pos + 1);
      this.progress(before);
    }
    this.quiet--;
    if (this.ch() !== Ch.RParen) return false;
    this.skip(K.RParen, this.pos + 1);
    return true;
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

  /** `$name`, `$1` or `$"quoted name"`; reports a bare `$`. */
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
    while (end < this.text.length && isVariableNameChar(this.text.charCodeAt(end))) end++;
    if (end === this.pos + 1) {
      this.skip(K.Dollar, end);
      this.error("RSC2008", start, end, [this.describeHere()]);
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
    if (kind === K.StringEscape && end === this.pos + 2 && !isSimpleEscape(this.text.charAt(this.pos + 1))) {
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

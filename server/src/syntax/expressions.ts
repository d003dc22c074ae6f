// Parses expressions: inside `( )` and after `where`, with RouterOS's operators, including the undocumented `>` and `any`.
import type { ArrayLiteral, Expr, Paren } from "./ast";
import { ExpressionWordScanner, type ExpressionContext } from "./expressionWords";
import { Ch, EOF, isDigit, isHexDigit, isLetter, isNameChar, isNewline, isValueStop } from "./chars";
import { BINARY_PRECEDENCE, IMPLICIT_AND_PRECEDENCE, UNARY_PRECEDENCE } from "./operators";
import { SkipUntil } from "./skipNested";
import { K } from "./tokens";

/** Expression-level parsing. Statement-level constructs it needs (`[...]`, `{...}` arrays) come from the subclass. */
export abstract class ExpressionParser extends ExpressionWordScanner {
  abstract parseArrayLiteral(): ArrayLiteral;

  /** After an operator or `(`: the expression must go on, so inside parentheses line ends are spaces. */
  private skipAllTriviaIn(context: ExpressionContext): void {
    if (context !== "where") this.skipAllTrivia();
    else this.skipInlineTrivia();
  }

  /**
   * After an operand: inside parentheses a line end is a space only when the expression goes on after it (an
   * operator or `)` follows). Otherwise the scan is undone so that the line end ends the command, and a forgotten `)`
   * is reported on its own line instead of swallowing the next one.
   */
  private skipTriviaAfterOperand(context: ExpressionContext): void {
    if (context === "where" || context === "member") {
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

  /**
   * Precedence climbing: parses operators that bind at least as tightly as `minPrecedence`. Each operator of a chain
   * makes the tree one level deeper (`1+2+3` is `(1+2)+3`), so it counts as a level of nesting until the chain ends.
   */
  parseExpression(context: ExpressionContext, minPrecedence = 0, first?: Expr): Expr {
    const outer = this.depth;
    const expr = this.parseChain(context, minPrecedence, first);
    this.depth = outer;
    return expr;
  }

  /** `first`: the chain's first operand, already read by the caller (a string that turned out not to be a key). */
  private parseChain(context: ExpressionContext, minPrecedence: number, first?: Expr): Expr {
    let left = first ?? this.parseOperand(context);
    for (;;) {
      const before = this.pos;
      this.skipTriviaAfterOperand(context);
      const operator = this.peekBinaryOperator();
      if (operator === undefined) {
        // Operands side by side form RouterOS's unnamed node: `where disabled=no dynamic=no` (both must hold), and
        // `(1 2)` or `(true any false)`, which its `:parse` accepts as the same node (tikoci/centrs
        // test/fixtures/explain/operators.json, "juxtaposition"). Read as "and", as in `where`.
        if (minPrecedence === 0 && this.startsOperand()) {
          if (this.refuseTooDeep(context === "where" ? SkipUntil.LineEnd : SkipUntil.UnmatchedCloser))
            return left;
          this.depth++;
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
      if (this.refuseTooDeep(context === "where" ? SkipUntil.LineEnd : SkipUntil.UnmatchedCloser))
        return left;
      this.depth++;
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
        if (n === Ch.Percent && this.ch(2) === Ch.Percent) return "<%%";
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
      case Ch.Dot:
        return isLetter(this.ch(1));
      default:
        return isNameChar(c);
    }
  }

  /** One operand: a literal, name, string, variable, `(...)`, `[...]`, `{...}`, or a prefix operator applied to one. */
  parseOperand(context: ExpressionContext): Expr {
    const c = this.ch();
    switch (c) {
      case Ch.LParen:
        return this.parseParen(1, context === "where" || context === "whereParen");
      case Ch.LBracket:
        return this.parseSubstitution(1);
      case Ch.Quote:
        return this.parseString();
      case Ch.Dollar:
        return this.parseDollar();
      case Ch.LBrace:
        return this.parseArrayLiteral();
      case Ch.Minus:
        if (context !== "paren" && isValueStop(this.ch(1))) return this.scanLoneDash();
        return this.parsePrefix(context, "-", 1);
      case Ch.Bang:
      case Ch.Tilde:
        return this.parsePrefix(context, String.fromCharCode(c), 1);
      case Ch.Greater:
        // `(>[:put $x])`: RouterOS's undocumented "op" operator quotes its operand as code to run later, in the scope
        // where it was written (tikoci/centrs operators.json: `(>[])`, `(>1)`, `(> 1)` parse; `(>)` does not).
        return this.parsePrefix(context, ">", 1);
      default:
        break;
    }
    if (c === Ch.Star && isHexDigit(this.ch(1))) return this.scanExpressionLiteral(this.pos + 1, context);
    // `(.1)` is the time 00:00:00.100 on a CHR 7.23.3, not a concatenation (tikoci/centrs operators.json, tight-dot-time).
    if (isDigit(c) || (c === Ch.Colon && this.ch(1) === Ch.Colon) || (c === Ch.Dot && isDigit(this.ch(1))))
      return this.scanExpressionLiteral(this.pos, context);
    if (isLetter(c) || c === Ch.Underscore || (c === Ch.Dot && isLetter(this.ch(1))))
      return this.scanName(context);
    // `{:a=1}` is `(= $:a 1)` on a CHR (tikoci/centrs test/fixtures/explain/values.json, keyBinding).
    if (context === "member" && c === Ch.Colon && isNameChar(this.ch(1))) return this.scanMemberWord();
    this.error("RSC2006", this.pos, this.pos + (c === EOF || isNewline(c) ? 0 : 1), [this.describeHere()]);
    return this.missing();
  }

  /** A prefix operator (`-x`, `!x`, `~x`, `>[...]`, `any x`) of `length` characters at pos, and its operand. */
  protected parsePrefix(context: ExpressionContext, operator: string, length: number): Expr {
    const start = this.pos;
    if (this.refuseTooDeep(context === "where" ? SkipUntil.LineEnd : SkipUntil.UnmatchedCloser))
      return { kind: "Missing", start: this.pos, end: this.pos };
    this.skip(K.Operator, start + length);
    this.skipAllTriviaIn(context);
    this.depth++;
    const operand = this.parseExpression(context, UNARY_PRECEDENCE);
    this.depth--;
    return { kind: "Unary", operator, operand, start, end: Math.max(operand.end, start + length) };
  }

  /** At `(` (or `$(` when openLength is 2): a parenthesized expression, part of a `where` clause when `inWhere`. */
  parseParen(openLength: number, inWhere = false): Paren {
    const start = this.pos;
    if (this.refuseTooDeep(SkipUntil.GroupClosed)) {
      const expr: Expr = { kind: "Missing", start: this.pos, end: this.pos };
      return { kind: "Paren", openLength, expr, closed: this.closedBy(Ch.RParen), start, end: this.pos };
    }
    this.skip(K.LParen, this.pos + openLength);
    this.closers.push(Ch.RParen);
    this.skipAllTrivia();
    this.depth++;
    const expr = this.parseExpression(inWhere ? "whereParen" : "paren");
    this.skipTriviaAfterOperand("paren");
    // Still one level deeper: recovering from a missing `)` reads operands, which may open more parentheses (found by
    // the fuzzer: `((x ((x ((x ...` nested without limit through the recovery).
    const closed = this.expectParenClose(start);
    this.depth--;
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
      if (this.pos === before) this.skipErrorChar();
      this.progress(before);
    }
    this.quiet--;
    if (this.ch() !== Ch.RParen) return false;
    this.skip(K.RParen, this.pos + 1);
    return true;
  }
}

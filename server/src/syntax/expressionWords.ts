// The words of an expression: numbers, addresses, times, names, array-member words and the lone `-`, as the parser meets them in `( )`, `where` and arrays.
import type { Expr, Literal } from "./ast";
import { AtomParser } from "./atoms";
import { Ch, EOF, isDigit, isExpressionLiteralChar, isInlineSpace, isLetter, isNameChar } from "./chars";
import { quotedWord } from "./codePoints";
import { classifyLiteral } from "./literals";
import { WORD_OPERATORS } from "./operators";
import { K } from "./tokens";

/** Characters of the longest MAC or IPv6 address a name can start: `ffff:...:255.255.255.255/128`. */
const LONGEST_ADDRESS = 49;

/**
 * Inside parentheses line ends are spaces; a `where` clause ends at the end of the line. "whereParen" is a
 * parenthesised part of a `where` clause: its trivia are those of parentheses, its bare values those of `where`.
 * "member" is an unkeyed member of an array literal (`{$a=1}`, `{a b=1}`): a line end after an operand ends it, one
 * after an operator does not; its bare words are words as in a value (`{www.example.com}`, `{a:b}`, `{0X10}`).
 */
export type ExpressionContext = "paren" | "where" | "whereParen" | "member";

/** Scans the words of expressions; the operators and their structure are the level above (expressions.ts). */
export abstract class ExpressionWordScanner extends AtomParser {
  /** A prefix operator (`any x`) of `length` characters at pos, and its operand (expressions.ts). */
  protected abstract parsePrefix(context: ExpressionContext, operator: string, length: number): Expr;

  /**
   * `where comment=-`, `where (a or name=-)`: a lone `-` in a `where` clause compares with the text "-", as in an
   * argument value (RouterOS 7.22.1 IL: `:set x -` compiles to `value=-`).
   */
  protected scanLoneDash(): Literal {
    const start = this.pos;
    this.skip(K.Value, start + 1);
    return { kind: "Literal", literal: "word", start, end: start + 1 };
  }

  /** A literal that starts with a digit, `::` or `*`: numbers, addresses, prefixes, times, MACs, ids. */
  protected scanExpressionLiteral(from: number, context: ExpressionContext): Literal {
    let end = from;
    while (end < this.text.length && isExpressionLiteralChar(this.text.charCodeAt(end))) end++;
    end = this.extendWithPrefixLength(this.pos, end);
    const text = this.text.slice(this.pos, end);
    const literal = classifyLiteral(text);
    // An array member RouterOS cannot read is nothing, not an error (`{0X10}`, `{1.1.256}`: CHR 7.23.3 in
    // tikoci/centrs test/fixtures/explain/values.json, interiorGrounding.members and addressShortcut).
    if (literal === "word" && context !== "member" && !/^[0-9]+(\.[0-9]+)*$/.test(text))
      this.error("RSC2010", this.pos, end, [quotedWord(text)]);
    const start = this.pos;
    this.skip(K.Value, end);
    return { kind: "Literal", literal, start, end };
  }

  /** `10.0.0.0` + `/8`: a prefix length joins an address (text with `.` or `:`) but not a plain number (`10/2`). */
  protected extendWithPrefixLength(start: number, end: number): number {
    if (this.text.charCodeAt(end) !== Ch.Slash || !isDigit(this.text.charCodeAt(end + 1))) return end;
    const head = this.text.slice(start, end);
    if (head.indexOf(".") < 0 && head.indexOf(":") < 0) return end;
    let e = end + 1;
    while (e < this.text.length && isDigit(this.text.charCodeAt(e))) e++;
    return e;
  }

  /**
   * A name in an expression (`running`, `rx-byte`, `true`, `.id`), a MAC / IPv6 address that starts with a letter, or
   * the prefix operator `any`.
   */
  protected scanName(context: ExpressionContext): Expr {
    let end = this.pos + 1;
    while (end < this.text.length && isNameChar(this.text.charCodeAt(end))) end++;
    if (end - this.pos === 3 && this.text.startsWith("any", this.pos) && this.operandFollows(end)) {
      // `(any $x)`: true unless the value is nothing or nil (tikoci/centrs operators.json, CHR-captured outputs).
      return this.parsePrefix(context, "any", 3);
    }
    if (this.text.charCodeAt(end) === Ch.Colon) {
      // At most as far as the longest address (an IPv6 prefix): a longer run is no address, and scanning all of it
      // again from each of its names would make a run of `AA:BB:AA:BB...` quadratic.
      const limit = Math.min(this.text.length, this.pos + LONGEST_ADDRESS + 1);
      let wide = this.pos;
      while (wide < limit && isExpressionLiteralChar(this.text.charCodeAt(wide))) wide++;
      wide = this.extendWithPrefixLength(this.pos, wide);
      const kind =
        wide - this.pos > LONGEST_ADDRESS ? "word" : classifyLiteral(this.text.slice(this.pos, wide));
      if (kind === "mac" || kind === "ip6" || kind === "ip6-prefix") {
        const start = this.pos;
        this.skip(K.Value, wide);
        return { kind: "Literal", literal: kind, start, end: wide };
      }
    }
    if (context === "member") return this.scanMemberWord();
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

  /**
   * A bare word of an array member: name characters, `.`, `:` and `/`, as a word of a value is (`{www.example.com}`
   * is one word, and so are `{a_b=1}`'s `a_b` and `{a:b=1}`'s `a:b`, which a CHR reads as `$a_b` and `$a:b`); the
   * operators that are no word characters split it (`{a*b=1}` is `(= (* $a $b) 1)`).
   */
  protected scanMemberWord(): Literal {
    const start = this.pos;
    let end = start + 1;
    for (;;) {
      const c = this.text.charCodeAt(end);
      if (!(isNameChar(c) || c === Ch.Dot || c === Ch.Colon || c === Ch.Slash)) break;
      end++;
    }
    const text = this.text.slice(start, end);
    this.skip(K.Value, end);
    return { kind: "Literal", literal: classifyLiteral(text), start, end };
  }

  /** True when an operand (and not an operator) starts after the spaces from `at`, on the same line. */
  protected operandFollows(at: number): boolean {
    let e = at;
    while (e < this.text.length && isInlineSpace(this.text.charCodeAt(e))) e++;
    const c = e < this.text.length ? this.text.charCodeAt(e) : EOF;
    switch (c) {
      case Ch.LParen:
      case Ch.LBracket:
      case Ch.Quote:
      case Ch.Dollar:
      case Ch.LBrace:
        return true;
      default:
        if (isDigit(c)) return true;
        if (!isLetter(c)) return false;
    }
    let w = e;
    while (w < this.text.length && isNameChar(this.text.charCodeAt(w))) w++;
    return !WORD_OPERATORS.has(this.text.slice(e, w));
  }
}

// The RouterOS script parser: statements, commands, arguments, values, blocks and arrays. Never throws; always a tree.
import type {
  Arg,
  ArrayElement,
  ArrayLiteral,
  Block,
  Command,
  Expr,
  Script,
  Statement,
  StringLiteral,
  Substitution,
  WhereArg,
} from "./ast";
import { Ch, EOF, isInlineSpace, isNameChar, isNewline, isValueStop } from "./chars";
import type { Diagnostic } from "../diagnostics/types";
import { ExpressionParser } from "./expressions";
import { CODE_ARGUMENTS, CODE_ARGUMENTS_OF, isCodeArgument } from "./codeArguments";
import { classifyLiteral } from "./literals";
import type { ParseOptions } from "./scanner";
import { EMPTY_SPANS, SpanTable } from "./spanTable";
import type { TokenList } from "./tokenList";
import { K, type Token } from "./tokens";

const ALL_CODE_ARGUMENTS = [
  ...CODE_ARGUMENTS,
  ...Object.values(CODE_ARGUMENTS_OF).flatMap((names) => [...names]),
];
/** First letter and length of every code argument name, to rule most argument names out without copying them. */
const CODE_ARGUMENT_SHAPES: ReadonlySet<number> = new Set(
  ALL_CODE_ARGUMENTS.map((n) => shapeOf(n.charCodeAt(0), n.length)),
);

function shapeOf(initial: number, length: number): number {
  return initial * 64 + Math.min(length, 63);
}

/** Global commands whose unnamed `{...}` argument is code: `:do {...}`, `:onerror e {...}`, `:time {...}`. */
const CODE_POSITIONAL: ReadonlySet<string> = new Set(["do", "onerror", "time", "retry", "execute"]);

/** Shared by every command without arguments, so that they allocate nothing. */
const NO_ARGS: readonly Arg[] = Object.freeze([]);

export interface ParseResult {
  readonly text: string;
  readonly script: Script;
  /** Every token in source order, trivia included: joined, their texts give back the input. */
  readonly tokens: TokenList;
  readonly diagnostics: readonly Diagnostic[];
}

/** Parses a whole script. Any input gives a tree and a list of syntax errors, in linear time. */
export function parse(text: string, options: ParseOptions = {}): ParseResult {
  const parser = new Parser(text, options);
  const script = parser.parseScript();
  return { text, script, tokens: parser.tokens, diagnostics: parser.diagnostics };
}

class Parser extends ExpressionParser {
  /** Head words of every command, in chunks sized to the text (about one word per 20 characters). */
  private readonly heads = new SpanTable(Math.min(32768, Math.max(64, this.text.length >> 3)));

  parseScript(): Script {
    const body = this.parseStatements(undefined);
    return { kind: "Script", body, start: 0, end: this.text.length };
  }

  /** A list of statements up to `closer` (or EOF). Stops at an enclosing construct's closer; skips stray ones. */
  private parseStatements(closer: number | undefined): Statement[] {
    const mark = this.mark();
    for (;;) {
      const before = this.pos;
      this.skipSeparators();
      const c = this.ch();
      if (c === EOF || c === closer) break;
      if (c === Ch.RBrace || c === Ch.RBracket || c === Ch.RParen) {
        if (this.isEnclosingCloser(c)) break;
        this.error("RSC2004", this.pos, this.pos + 1, [String.fromCharCode(c)]);
        this.skip(K.Error, this.pos + 1);
      } else {
        this.stash(this.parseStatement());
        this.expectStatementEnd();
      }
      this.progress(before);
    }
    return this.collect<Statement>(mark);
  }

  /** Line ends, `;` and trivia between statements. */
  private skipSeparators(): void {
    for (;;) {
      this.skipAllTrivia();
      if (this.ch() !== Ch.Semicolon) return;
      this.skip(K.Semicolon, this.pos + 1);
    }
  }

  private parseStatement(): Statement {
    const c = this.ch();
    if (c === Ch.LBrace) return this.parseBlock();
    if (c === Ch.LBracket) return this.parseSubstitution(1);
    if (c === Ch.Dollar && this.ch(1) === Ch.LBracket) return this.parseSubstitution(2);
    return this.parseCommand();
  }

  /** After a statement only `;`, a line end or a closer may follow on the same line. */
  private expectStatementEnd(): void {
    this.skipInlineTrivia();
    const c = this.ch();
    if (this.atCommandEnd(c)) return;
    this.error("RSC2004", this.pos, this.pos + 1, [this.describeHere().replace(/^'|'$/g, "")]);
    this.skipRestOfCommand();
  }

  private atCommandEnd(c: number): boolean {
    return (
      c === EOF ||
      isNewline(c) ||
      c === Ch.Semicolon ||
      c === Ch.RBrace ||
      c === Ch.RBracket ||
      c === Ch.RParen
    );
  }

  /** Consumes what is left of a broken command, quietly, keeping nested brackets balanced. */
  private skipRestOfCommand(): void {
    this.quiet++;
    for (;;) {
      const before = this.pos;
      this.skipInlineTrivia();
      const c = this.ch();
      if (this.atCommandEnd(c)) break;
      if (c === Ch.Equals) this.skip(K.Equals, this.pos + 1);
      else this.parseValue(false);
      this.progress(before);
    }
    this.quiet--;
  }

  // ---- commands -----------------------------------------------------------------------------------------------

  private parseCommand(): Command {
    const start = this.pos;
    let callee: Expr | undefined;
    let headTable = EMPTY_SPANS;
    let headIndex = 0;
    let words = 0;
    const c = this.ch();
    const colon = c === Ch.Colon;
    const root = c === Ch.Slash;
    if (colon) {
      this.skip(K.Colon, this.pos + 1);
      if (!isNameChar(this.ch())) this.error("RSC2009", start, start + 1, [this.describeHere()]);
    } else if (root) {
      this.skip(K.Slash, this.pos + 1);
    }
    if (!colon && !root && c === Ch.Dollar) callee = this.parseDollar();
    else {
      words = this.scanHead(colon);
      if (words > 0) {
        headTable = this.heads.chunk;
        headIndex = this.heads.index;
      }
    }

    let args = NO_ARGS;
    let end: number;
    if (!colon && !root && callee === undefined && words === 0) {
      this.error("RSC2005", this.pos, this.pos + 1, [this.describeHere()]);
      this.skipRestOfCommand();
      end = this.pos;
    } else {
      const last = headIndex + 2 * words - 2;
      const globalCommand =
        colon && words > 0 ? this.text.slice(headTable[headIndex], headTable[headIndex + 1]) : "";
      const lastEnd = words > 0 ? (headTable[last + 1] ?? 0) : -1;
      const findMode =
        words > 0 && this.isWord(headTable[last] ?? 0, lastEnd, "find") && !(colon && words === 1);
      args = this.parseArgs(globalCommand, findMode);
      const lastArg = args[args.length - 1];
      end = lastArg?.end ?? callee?.end ?? (words > 0 ? lastEnd : colon || root ? start + 1 : start);
    }
    return {
      kind: "Command",
      colon,
      root,
      headTable,
      headIndex,
      headLength: words,
      callee,
      args,
      start,
      end,
    };
  }

  /**
   * The leading bare words of a command: path segments separated by spaces or `/`, `..`, the command name and any
   * positional words before the first argument of another shape. Stops before `name=` and `where`.
   */
  private scanHead(afterColon: boolean): number {
    this.heads.begin();
    let count = 0;
    for (;;) {
      const before = this.pos;
      const c = this.ch();
      if (isValueStop(c) || c === Ch.Equals || c === Ch.Hash || c === Ch.Slash) break;
      let end = this.pos;
      while (end < this.text.length && isNameChar(this.text.charCodeAt(end))) end++;
      const next = end < this.text.length ? this.text.charCodeAt(end) : EOF;
      if (end > this.pos && next === Ch.Equals) break;
      if (end - this.pos === 5 && isValueStop(next) && this.text.startsWith("where", this.pos)) break;
      const wordStart = this.pos;
      if (c === Ch.Dot && this.ch(1) === Ch.Dot && (this.ch(2) === Ch.Slash || isValueStop(this.ch(2)))) {
        this.skip(K.DotDot, this.pos + 2);
      } else if (end > this.pos && (next === Ch.Slash || isValueStop(next))) {
        this.skip(K.Word, end);
      } else {
        while (end < this.text.length && !isValueStop(this.text.charCodeAt(end))) end++;
        this.skip(K.Word, end);
      }
      this.heads.push(wordStart, this.pos);
      count++;
      if (this.isWord(wordStart, this.pos, "find") && !(afterColon && count === 1)) break;
      if (this.ch() === Ch.Slash) this.skip(K.Slash, this.pos + 1);
      else this.skipInlineTrivia();
      this.progress(before);
    }
    return count;
  }

  /** Arguments up to the end of the command: `name=value`, unnamed values and switches, `where` clauses. */
  private parseArgs(globalCommand: string, findMode: boolean): readonly Arg[] {
    const mark = this.mark();
    let whereNext = findMode;
    for (;;) {
      const before = this.pos;
      this.skipInlineTrivia();
      const c = this.ch();
      if (this.atCommandEnd(c)) break;
      const implicitWhere = whereNext && !this.atWord("where");
      whereNext = false;
      if (implicitWhere) {
        this.stash(this.parseWhere(undefined));
      } else if (c === Ch.Equals) {
        this.error("RSC2007", this.pos, this.pos + 1);
        this.skip(K.Equals, this.pos + 1);
      } else {
        this.stash(this.parseArg(globalCommand));
      }
      if (this.pos === before) {
        this.error("RSC2004", this.pos, this.pos + 1, [this.describeHere().replace(/^'|'$/g, "")]);
        this.skip(K.Error, this.pos + 1);
      }
      this.progress(before);
    }
    return this.mark() === mark ? NO_ARGS : this.collect<Arg>(mark);
  }

  private parseArg(globalCommand: string): Arg {
    const start = this.pos;
    let end = this.pos;
    while (end < this.text.length && isNameChar(this.text.charCodeAt(end))) end++;
    const next = end < this.text.length ? this.text.charCodeAt(end) : EOF;
    if (end > start && next === Ch.Equals) {
      this.skip(K.ArgName, end);
      this.skip(K.Equals, end + 1);
      const value = this.valueFollows()
        ? this.parseValue(this.isCodeArgument(globalCommand, start, end))
        : undefined;
      return { kind: "NamedArg", nameEnd: end, value, start, end: value?.end ?? end + 1 };
    }
    if (this.atWord("where")) {
      const keyword = this.emit(K.Word, end);
      return this.parseWhere(keyword);
    }
    return this.parseValue(CODE_POSITIONAL.has(globalCommand));
  }

  /** True when the bare word `word` (and not a longer name) starts at pos. */
  private atWord(word: string): boolean {
    return this.text.startsWith(word, this.pos) && isValueStop(this.ch(word.length));
  }

  /** True when the text in [start, end) is exactly `word`, without copying it out of the source. */
  private isWord(start: number, end: number, word: string): boolean {
    return end - start === word.length && this.text.startsWith(word, start);
  }

  private isCodeArgument(globalCommand: string, nameStart: number, nameEnd: number): boolean {
    // Most names (address, name, topic...) cannot be a code argument by their first letter and length: no copy.
    if (!CODE_ARGUMENT_SHAPES.has(shapeOf(this.text.charCodeAt(nameStart), nameEnd - nameStart)))
      return false;
    return isCodeArgument(globalCommand, this.text.slice(nameStart, nameEnd));
  }

  /**
   * After `name=`: is there a value? Directly adjacent, yes. After spaces (tolerated by RouterOS: `from= 1`), only
   * when what follows is a value and not the next `name=` argument or the end of the line.
   */
  private valueFollows(): boolean {
    const c = this.ch();
    if (!isInlineSpace(c) && c !== Ch.Backslash) return !this.atCommandEnd(c);
    const at = this.skipSpacesAndContinuations(this.pos);
    const d = at < this.text.length ? this.text.charCodeAt(at) : EOF;
    if (this.atCommandEnd(d) || d === Ch.Hash || d === Ch.Backslash) return false;
    let e = at;
    while (e < this.text.length && isNameChar(this.text.charCodeAt(e))) e++;
    if (e > at && this.text.charCodeAt(e) === Ch.Equals) return false;
    this.skipInlineTrivia();
    return true;
  }

  /**
   * The offset after spaces and `\`-continued line ends from `at`, without consuming anything: `/export` writes a long
   * value on the next line after `name=\`.
   */
  private skipSpacesAndContinuations(at: number): number {
    for (;;) {
      while (at < this.text.length && isInlineSpace(this.text.charCodeAt(at))) at++;
      if (this.text.charCodeAt(at) !== Ch.Backslash) return at;
      let e = at + 1;
      while (e < this.text.length && isInlineSpace(this.text.charCodeAt(e))) e++;
      const c = this.text.charCodeAt(e);
      if (c === Ch.CarriageReturn) e += this.text.charCodeAt(e + 1) === Ch.LineFeed ? 2 : 1;
      else if (c === Ch.LineFeed) e += 1;
      else return at;
      at = e;
    }
  }

  private parseWhere(keyword: Token | undefined): WhereArg {
    this.skipInlineTrivia();
    const condition = this.parseExpression("where");
    const start = keyword?.start ?? condition.start;
    return { kind: "WhereArg", keyword, condition, start, end: Math.max(condition.end, keyword?.end ?? 0) };
  }

  // ---- values -------------------------------------------------------------------------------------------------

  /**
   * A value in argument position: one or more adjacent parts (bare word, string, `$var`, `[cmd]`, `(expr)`, `{...}`).
   * `braceIsCode` says whether `{...}` here is a block of code or an array literal.
   */
  private parseValue(braceIsCode: boolean, first?: Expr): Expr {
    const mark = this.mark();
    if (first) this.stash(first);
    for (;;) {
      const before = this.pos;
      const c = this.ch();
      let part: Expr;
      if (c === Ch.Quote) part = this.parseString();
      else if (c === Ch.Dollar) part = this.parseDollar();
      else if (c === Ch.LBracket) part = this.parseSubstitution(1);
      else if (c === Ch.LParen) part = this.parseParen(1);
      else if (c === Ch.LBrace) part = braceIsCode ? this.parseBlock() : this.parseArrayLiteral();
      else if (!isValueStop(c)) part = this.scanBareValue();
      else break;
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

  private parseBlock(): Block {
    const start = this.pos;
    this.skip(K.LBrace, this.pos + 1);
    this.closers.push(Ch.RBrace);
    const body = this.parseStatements(Ch.RBrace);
    const closed = this.expectCloser(Ch.RBrace, K.RBrace, start, "RSC2001");
    this.closers.pop();
    return { kind: "Block", body, closed, start, end: this.pos };
  }

  parseSubstitution(openLength: number): Substitution {
    const start = this.pos;
    this.skip(K.LBracket, this.pos + openLength);
    this.closers.push(Ch.RBracket);
    const body = this.parseStatements(Ch.RBracket);
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
    this.skip(K.LBrace, this.pos + 1);
    this.closers.push(Ch.RBrace);
    const mark = this.mark();
    for (;;) {
      const before = this.pos;
      this.skipSeparators();
      const c = this.ch();
      if (c === Ch.RBrace || c === EOF || c === Ch.RBracket || c === Ch.RParen) break;
      this.stash(this.parseArrayElement());
      this.progress(before);
    }
    const elements = this.collect<ArrayElement>(mark);
    const closed = this.expectCloser(Ch.RBrace, K.RBrace, start, "RSC2001");
    this.closers.pop();
    return { kind: "Array", elements, closed, start, end: this.pos };
  }

  private parseArrayElement(): ArrayElement {
    const start = this.pos;
    let end = this.pos;
    while (end < this.text.length && isNameChar(this.text.charCodeAt(end))) end++;
    if (end > start && this.text.charCodeAt(end) === Ch.Equals) {
      const key = this.emit(K.ArgName, end);
      this.skip(K.Equals, this.pos + 1);
      const value = this.atElementEnd() ? undefined : this.parseValue(false);
      return { kind: "ArrayElement", key, value, start, end: value?.end ?? this.pos };
    }
    if (this.ch() === Ch.Equals) {
      this.error("RSC2013", this.pos, this.pos + 1);
      this.skip(K.Equals, this.pos + 1);
      const value = this.atElementEnd() ? undefined : this.parseValue(false);
      return { kind: "ArrayElement", key: undefined, value, start, end: value?.end ?? this.pos };
    }
    if (this.ch() === Ch.Quote) {
      const first: StringLiteral = this.parseString();
      if (this.ch() === Ch.Equals) {
        this.skip(K.Equals, this.pos + 1);
        const value = this.atElementEnd() ? undefined : this.parseValue(false);
        return { kind: "ArrayElement", key: first, value, start, end: value?.end ?? this.pos };
      }
      const value = this.parseValue(false, first);
      return { kind: "ArrayElement", key: undefined, value, start, end: value.end };
    }
    const value = this.parseValue(false);
    return { kind: "ArrayElement", key: undefined, value, start, end: value.end };
  }

  private atElementEnd(): boolean {
    const c = this.ch();
    return c === Ch.Semicolon || c === Ch.RBrace || c === EOF || isNewline(c) || isInlineSpace(c);
  }
}

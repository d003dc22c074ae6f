// The RouterOS script parser: statements, commands and their arguments. Never throws; always a tree.
import type { Arg, Command, Expr, Script, Statement, Substitution, WhereArg } from "./ast";
import {
  Ch,
  EOF,
  isCommandNameChar,
  isInlineSpace,
  isLetter,
  isNameChar,
  isNewline,
  isNonAscii,
  isValueStop,
} from "./chars";
import type { Diagnostic } from "../diagnostics/types";
import { charWidthAt, quotedWord } from "./codePoints";
import { CODE_ARGUMENTS, CODE_ARGUMENTS_OF, isCodeArgument } from "./codeArguments";
import type { ParseOptions } from "./scanner";
import { EMPTY_SPANS, SpanTable } from "./spanTable";
import type { TokenList } from "./tokenList";
import { K, type Token } from "./tokens";
import { ValueParser } from "./valueParser";

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

/**
 * True where RouterOS may start a command: a menu or command name (lower-case letter, digit, `.`, `-`, `_`). Its
 * `:parse` rejects a line that starts with `>`, `*`, `"`, `^`, an upper-case letter or a non-ASCII letter with
 * "expected command name" at that character, and reads `65413`, `1.0.0.1` and `...` as (bad) command names.
 */
function startsCommandName(c: number): boolean {
  return isCommandNameChar(c);
}

/**
 * True for what may follow a menu or command name directly: a separator, the end of the command, or the start of a
 * value. Anything else is an error at that character (`[admin@MikroTik] >`, `Flags: X`, `done!`, `/ip/socks>`).
 */
function canFollowName(c: number): boolean {
  if (isInlineSpace(c) || isNewline(c)) return true;
  switch (c) {
    case EOF:
    case Ch.Semicolon:
    case Ch.Slash:
    case Ch.RBracket:
    case Ch.RBrace:
    case Ch.RParen:
    case Ch.Hash:
    case Ch.Backslash:
    case Ch.LParen:
    case Ch.LBracket:
    case Ch.LBrace:
    case Ch.Dollar:
    case Ch.Quote:
      return true;
    default:
      return false;
  }
}

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

class Parser extends ValueParser {
  /** Head words of every command, in chunks sized to the text (about one word per 20 characters). */
  private readonly heads = new SpanTable(Math.min(32768, Math.max(64, this.text.length >> 3)));
  /** Set by `scanHead` when a head word is followed by something no command may have there. */
  private headBroken = false;

  parseScript(): Script {
    const body = this.parseStatements(undefined);
    return { kind: "Script", body, start: 0, end: this.text.length };
  }

  /** A list of statements up to `closer` (or EOF). Stops at an enclosing construct's closer; skips stray ones. */
  protected parseStatements(closer: number | undefined): Statement[] {
    const mark = this.mark();
    for (;;) {
      const before = this.pos;
      this.skipSeparators();
      const c = this.ch();
      if (c === EOF || c === closer) break;
      if (c === Ch.RBrace && this.closers.length === 0) {
        this.ignoreRestAfterStrayBrace();
        break;
      }
      if (c === Ch.RBrace || c === Ch.RBracket || c === Ch.RParen) {
        if (this.isEnclosingCloser(c)) break;
        this.error("RSC2004", this.pos, this.pos + 1, [String.fromCharCode(c)]);
        this.skip(K.Error, this.pos + 1);
      } else {
        const statement = this.parseStatement();
        this.stash(statement);
        this.commandStart = statement.kind === "Command" ? statement.start : -1;
        this.expectStatementEnd();
      }
      this.progress(before);
    }
    return this.collect<Statement>(mark);
  }

  /**
   * A `}` outside every block ends the script for RouterOS: its `:parse` accepts a script whose block closes twice and
   * compiles nothing after the second `}` (even lines it would reject). The rest is kept as comment tokens.
   */
  private ignoreRestAfterStrayBrace(): void {
    this.error("RSC2015", this.pos, this.pos + 1);
    this.skip(K.RBrace, this.pos + 1);
    while (this.pos < this.text.length) {
      const c = this.ch();
      if (isNewline(c)) {
        this.scanNewline();
        continue;
      }
      let end = this.pos;
      while (end < this.text.length && !isNewline(this.text.charCodeAt(end))) end++;
      this.skip(K.Comment, end);
    }
  }

  private parseStatement(): Statement {
    const c = this.ch();
    if (c === Ch.LBrace) return this.parseBlock();
    if (c === Ch.LBracket) return this.callIfArguments(this.parseSubstitution(1));
    if (c === Ch.Dollar && this.ch(1) === Ch.LBracket) return this.callIfArguments(this.parseSubstitution(2));
    return this.parseCommand();
  }

  /**
   * `[/system clock get time] - 5m`: arguments after a substitution make a call of its value (RouterOS compiles it to
   * `(<%% (evl ...) -;5m)`); without them the substitution is the statement.
   */
  private callIfArguments(substitution: Substitution): Statement {
    this.skipInlineTrivia();
    return this.atCommandEnd(this.ch()) ? substitution : this.callCommand(substitution);
  }

  /** After a statement only `;`, a line end or a closer may follow on the same line. */
  private expectStatementEnd(): void {
    this.skipInlineTrivia();
    const c = this.ch();
    if (this.atCommandEnd(c)) return;
    this.errorAfterWords("RSC2004", this.pos, this.pos + 1, [this.describeHere().replace(/^'|'$/g, "")]);
    this.skipRestOfCommand();
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
      else {
        this.parseValue(false);
        if (this.pos === before) this.skipErrorChar();
      }
      this.progress(before);
    }
    this.quiet--;
  }

  // ---- commands -----------------------------------------------------------------------------------------------

  /** A call statement: `$f a=1 "x"`, `($functions->"ntfy") $arg`, `[find] - 5m`. */
  private callCommand(callee: Expr): Command {
    const outer = this.commandStart;
    this.commandStart = callee.start;
    const args = this.parseArgs("", false, false);
    this.commandStart = outer;
    const lastArg = args[args.length - 1];
    return {
      kind: "Command",
      colon: false,
      root: false,
      headTable: EMPTY_SPANS,
      headIndex: 0,
      headLength: 0,
      callee,
      args,
      start: callee.start,
      end: lastArg?.end ?? callee.end,
    };
  }

  private parseCommand(): Command {
    const c = this.ch();
    if (c === Ch.Dollar) return this.callCommand(this.parseDollar());
    if (c === Ch.LParen) return this.callCommand(this.parseParen(1));
    const outer = this.commandStart;
    this.commandStart = this.pos;
    const command = this.parseWordCommand(c);
    this.commandStart = outer;
    return command;
  }

  /** A command that starts with `:`, `/` or a word. */
  private parseWordCommand(c: number): Command {
    const start = this.pos;
    let headTable = EMPTY_SPANS;
    let headIndex = 0;
    let words = 0;
    const colon = c === Ch.Colon;
    const root = c === Ch.Slash;
    let broken = false;
    if (colon) {
      this.skip(K.Colon, this.pos + 1);
      if (!startsCommandName(this.ch())) {
        this.error("RSC2009", start, start + 1, [this.describeHere()]);
        broken = true;
      }
    } else if (root) {
      this.skip(K.Slash, this.pos + 1);
      const d = this.ch();
      if (!startsCommandName(d) && !canFollowName(d)) broken = this.expectedCommandName();
    } else if (!startsCommandName(c)) {
      broken = this.expectedCommandName();
    }
    if (!broken) {
      words = this.scanHead(colon);
      broken = this.headBroken;
      if (words > 0) {
        headTable = this.heads.chunk;
        headIndex = this.heads.index;
      }
    }

    let args = NO_ARGS;
    let end: number;
    if (broken || (!colon && !root && words === 0)) {
      if (!broken) this.expectedCommandName();
      this.skipRestOfCommand();
      end = this.pos;
    } else {
      const last = headIndex + 2 * words - 2;
      const first = words > 0 ? this.text.slice(headTable[headIndex], headTable[headIndex + 1]) : "";
      const lastEnd = words > 0 ? (headTable[last + 1] ?? 0) : -1;
      const findMode =
        words > 0 && this.isWord(headTable[last] ?? 0, lastEnd, "find") && !(colon && words === 1);
      // `{...}` right after the command is code for `do`, `onerror e`... (with or without `:`) and after a path from
      // the root (`/interface { print }`, which RouterOS compiles as a block run in that menu); elsewhere it is a
      // value, an array (`local a {1;2}`, `put {1;2}`).
      const braceIsCode = CODE_POSITIONAL.has(first) || (root && words > 0);
      args = this.parseArgs(colon ? first : "", findMode, braceIsCode);
      const lastArg = args[args.length - 1];
      end = lastArg?.end ?? (words > 0 ? lastEnd : start + 1);
    }
    return {
      kind: "Command",
      colon,
      root,
      headTable,
      headIndex,
      headLength: words,
      callee: undefined,
      args,
      start,
      end,
    };
  }

  /** Reports that no command name starts at pos; true, for `broken`. */
  private expectedCommandName(): boolean {
    const c = this.ch();
    const upper = c >= Ch.UpperA && c <= Ch.UpperZ;
    const found = this.describeHere();
    this.error("RSC2005", this.pos, this.pos + this.charWidth(), [
      upper ? `${found}: menu and command names are lower-case` : found,
    ]);
    return true;
  }

  /** Code units of the character at pos (2 for a surrogate pair), 0 at a line end or the end of the text. */
  private charWidth(): number {
    const c = this.ch();
    if (c === EOF || isNewline(c)) return 0;
    return charWidthAt(this.text, this.pos);
  }

  /**
   * The leading bare words of a command: path segments separated by spaces or `/`, `..`, the command name and any
   * positional words before the first argument of another shape. Stops before `name=` and `where`. The first word and
   * the words joined to it by `/` are read as names (see `canFollowName`); later words as values.
   */
  private scanHead(afterColon: boolean): number {
    this.heads.begin();
    this.headBroken = false;
    let count = 0;
    let namePosition = true;
    for (;;) {
      const before = this.pos;
      const c = this.ch();
      if (isValueStop(c) || c === Ch.Equals || c === Ch.Hash || c === Ch.Slash) break;
      if (c === Ch.Colon && isValueStop(this.ch(1))) break;
      const nameEnd = argumentNameEnd(this.text, this.pos);
      const next = nameEnd < this.text.length ? this.text.charCodeAt(nameEnd) : EOF;
      if (nameEnd > this.pos && next === Ch.Equals && count > 0) break;
      if (nameEnd - this.pos === 5 && isValueStop(next) && this.text.startsWith("where", this.pos)) break;
      const wordStart = this.pos;
      if (c === Ch.Dot && this.ch(1) === Ch.Dot && (this.ch(2) === Ch.Slash || isValueStop(this.ch(2)))) {
        this.skip(K.DotDot, this.pos + 2);
      } else if (namePosition) {
        if (!this.scanNameWord()) {
          this.headBroken = true;
          if (this.pos === wordStart) break;
        }
      } else {
        this.scanValueWord();
      }
      this.heads.push(wordStart, this.pos);
      count++;
      if (this.headBroken) break;
      if (this.isWord(wordStart, this.pos, "find") && !(afterColon && count === 1)) break;
      if (this.ch() === Ch.Slash) this.skip(K.Slash, this.pos + 1);
      else {
        this.skipInlineTrivia();
        namePosition = false;
      }
      this.progress(before);
    }
    return count;
  }

  /** A menu or command name at pos; false (with an error) when none starts here or something wrong follows it. */
  private scanNameWord(): boolean {
    let end = this.pos;
    while (end < this.text.length && isCommandNameChar(this.text.charCodeAt(end))) end++;
    if (end === this.pos) return !this.expectedCommandName();
    const wordStart = this.pos;
    this.skip(K.Word, end);
    if (canFollowName(this.ch())) return true;
    const width = Math.max(1, this.charWidth());
    this.errorAfterWords("RSC2014", this.pos, this.pos + width, [
      this.text.slice(this.pos, this.pos + width),
      quotedWord(this.text.slice(wordStart, end)),
    ]);
    return false;
  }

  /** A word in value position (a path segment or a positional value): up to a separator. */
  private scanValueWord(): void {
    let end = this.pos;
    while (end < this.text.length && isNameChar(this.text.charCodeAt(end))) end++;
    const next = end < this.text.length ? this.text.charCodeAt(end) : EOF;
    if (!(end > this.pos && (next === Ch.Slash || isValueStop(next)))) {
      while (end < this.text.length && !isValueStop(this.text.charCodeAt(end))) end++;
    }
    this.skip(K.Word, end);
    // `:local currentPeerServer($i->7)`: RouterOS ends the word before `(` and rejects the `(`.
    if (this.ch() === Ch.LParen) this.errorAfterWords("RSC2004", this.pos, this.pos + 1, ["("]);
  }

  /** Arguments up to the end of the command: `name=value`, unnamed values and switches, `where` clauses. */
  private parseArgs(globalCommand: string, findMode: boolean, braceIsCode: boolean): readonly Arg[] {
    const mark = this.mark();
    let whereNext = findMode;
    let first = true;
    for (;;) {
      const before = this.pos;
      this.skipInlineTrivia();
      const c = this.ch();
      if (this.atCommandEnd(c)) break;
      // A lone `:` cannot start a value (parse oracle: `tostr: ;c` fails at the `:`), nor can a non-ASCII character.
      if (isNonAscii(c) || (c === Ch.Colon && isValueStop(this.ch(1)))) {
        const found = this.describeHere().replace(/^'|'$/g, "");
        this.errorAfterWords("RSC2004", this.pos, this.pos + this.charWidth(), [found]);
        this.skipRestOfCommand();
        break;
      }
      const implicitWhere = whereNext && !this.atWord("where");
      whereNext = false;
      if (implicitWhere) {
        this.stash(this.parseWhere(undefined));
      } else if (c === Ch.Equals) {
        this.errorAfterWords("RSC2007", this.pos, this.pos + 1, []);
        this.skip(K.Equals, this.pos + 1);
      } else {
        this.stash(this.parseArg(globalCommand, first && braceIsCode));
      }
      first = false;
      if (this.pos === before) {
        this.errorAfterWords("RSC2004", this.pos, this.pos + 1, [this.describeHere().replace(/^'|'$/g, "")]);
        this.skipErrorChar();
      }
      this.progress(before);
    }
    return this.mark() === mark ? NO_ARGS : this.collect<Arg>(mark);
  }

  private parseArg(globalCommand: string, braceIsCode: boolean): Arg {
    const start = this.pos;
    const end = argumentNameEnd(this.text, start);
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
      const keyword = this.emit(K.Word, start + 5);
      return this.parseWhere(keyword);
    }
    return this.parseValue(braceIsCode || CODE_POSITIONAL.has(globalCommand));
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
    const e = argumentNameEnd(this.text, at);
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
}

/**
 * The end of an argument name at `at` (name characters, or `.` then a letter and name characters, as in `.id=`), or
 * `at` when none starts there.
 */
function argumentNameEnd(text: string, at: number): number {
  let end = at;
  if (text.charCodeAt(at) === Ch.Dot && isLetter(text.charCodeAt(at + 1))) end++;
  while (end < text.length && isNameChar(text.charCodeAt(end))) end++;
  return end;
}

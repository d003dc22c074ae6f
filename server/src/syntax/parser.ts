// The RouterOS script parser: statements and the commands they are made of. Never throws; always a tree.
import type { Command, Expr, Script, Statement, Substitution } from "./ast";
import { Ch, EOF, isNewline } from "./chars";
import type { Diagnostic } from "../diagnostics/types";
import { NO_ARGS } from "./argumentParser";
import { CODE_POSITIONAL } from "./codeArguments";
import { CommandHeadParser, canFollowName, startsCommandName } from "./commandHeadParser";
import type { ParseOptions } from "./scanner";
import { EMPTY_SPANS } from "./spanTable";
import type { TokenList } from "./tokenList";
import { K } from "./tokens";

export interface ParseResult {
  readonly text: string;
  readonly script: Script;
  /** Every token in source order, trivia included: joined, their texts give back the input. */
  readonly tokens: TokenList;
  readonly diagnostics: readonly Diagnostic[];
  /**
   * True when the parse met an error whose extent depends on the text after it (UNBOUNDED_ERRORS), even one not
   * reported because it came while skipping the rest of a broken command.
   */
  readonly unbounded: boolean;
}

/** Parses a whole script. Any input gives a tree and a list of syntax errors, in linear time. */
export function parse(text: string, options: ParseOptions = {}): ParseResult {
  const parser = new Parser(text, options);
  const script = parser.parseScript();
  return {
    text,
    script,
    tokens: parser.tokens,
    diagnostics: parser.diagnostics,
    unbounded: parser.unbounded,
  };
}

class Parser extends CommandHeadParser {
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
}

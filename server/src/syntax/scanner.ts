// The lexer's cursor: emits tokens in source order (trivia included), records diagnostics, and guards progress.
import { diagnostic, type DiagnosticCode } from "../diagnostics/catalog";
import type { Diagnostic } from "../diagnostics/types";
import { Ch, EOF, isInlineSpace, isNameChar, isNewline } from "./chars";
import { charWidthAt, codePointEnd, codePointStart } from "./codePoints";
import { TokenList } from "./tokenList";
import { K, TOKEN_KINDS, type Token } from "./tokens";

export interface ParseOptions {
  /** Throw when the parser stops making progress, instead of recovering. Tests turn this on; users never do. */
  readonly strictProgress?: boolean;
}

/**
 * Errors whose extent or message depends on text after them: unclosed constructs, a `}` that closes no block (the script
 * ends there, so everything after it changes with it), and nesting past the limit (what is skipped ends where its
 * brackets close). A parse of part of a text that meets one cannot stand for the parse of the whole (ide/incremental.ts).
 */
export const UNBOUNDED_ERRORS: ReadonlySet<string> = new Set<DiagnosticCode>([
  "RSC1001",
  "RSC2001",
  "RSC2002",
  "RSC2003",
  "RSC2015",
  "RSC2016",
]);

/** Thrown only with `strictProgress`: a parser bug, never a property of the input. */
export class ParserProgressError extends Error {}

/**
 * Owns the position in the text. The parser drives it: every scan emits the tokens it consumed, in order, so the token
 * list always covers the text consumed so far exactly once.
 */
export class Scanner {
  readonly tokens: TokenList;
  readonly diagnostics: Diagnostic[] = [];
  pos = 0;
  /** While > 0, errors are not reported: used while skipping what follows an error, to avoid cascades. */
  protected quiet = 0;
  /**
   * True once an error of UNBOUNDED_ERRORS was met, reported or not: quiet skipping hides a cascade of errors, but a
   * bracket it follows to the end of the text still makes the parse depend on what comes after.
   */
  unbounded = false;
  private readonly errorStarts = new Set<number>();
  private steps = 0;
  private readonly stepLimit: number;

  constructor(
    readonly text: string,
    protected readonly options: ParseOptions = {},
  ) {
    this.stepLimit = text.length * 8 + 1000;
    this.tokens = new TokenList(Math.ceil(text.length / 3));
  }

  /**
   * A shared stack for building node lists: a list pushes its items above a mark and takes them with `collect`, which
   * returns an exactly-sized array (growing many small arrays with `push` would waste most of their backing stores).
   */
  private readonly scratch: unknown[] = [];

  protected mark(): number {
    return this.scratch.length;
  }

  protected stash(item: unknown): void {
    this.scratch.push(item);
  }

  protected collect<T>(mark: number): T[] {
    return this.scratch.splice(mark) as T[];
  }

  /** The char code at pos + offset, or EOF. */
  ch(offset = 0): number {
    const i = this.pos + offset;
    return i < this.text.length ? this.text.charCodeAt(i) : EOF;
  }

  /** Emits a token from pos to `end` and moves past it. */
  emit(kind: K, end: number): Token {
    const token: Token = { kind: TOKEN_KINDS[kind] ?? "Error", start: this.pos, end };
    this.tokens.push(kind, this.pos, end);
    this.pos = end;
    return token;
  }

  /** Records a token from pos to `end` that no node keeps (trivia, punctuation) and moves past it. */
  skip(kind: K, end: number): void {
    this.tokens.push(kind, this.pos, end);
    this.pos = end;
  }

  /** Reports a diagnostic, at most one per start offset, none while quiet; its range covers whole characters. */
  error(
    code: DiagnosticCode,
    from: number,
    to: number,
    args: readonly (string | number)[] = [],
    data?: unknown,
  ): void {
    if (UNBOUNDED_ERRORS.has(code)) this.unbounded = true;
    const start = codePointStart(this.text, from);
    const end = codePointEnd(this.text, to);
    if (this.quiet > 0 || this.errorStarts.has(start)) return;
    this.errorStarts.add(start);
    this.diagnostics.push(diagnostic(code, start, end, args, data));
  }

  /** Counts a parsing step and checks that a loop iteration moved forward; recovers (or throws in tests) if not. */
  progress(before: number): void {
    if (++this.steps > this.stepLimit) this.stall("step limit exceeded");
    if (this.pos > before) return;
    this.stall("no progress");
  }

  private stall(reason: string): void {
    if (this.options.strictProgress) throw new ParserProgressError(`parser ${reason} at offset ${this.pos}`);
    if (this.pos < this.text.length) {
      const end = this.pos + charWidthAt(this.text, this.pos);
      this.error("RSC1005", this.pos, end, [this.text.slice(this.pos, end)]);
      this.skip(K.Error, end);
    }
  }

  /** Consumes one character (a whole code point) that nothing can start with, as an error token. */
  protected skipErrorChar(): void {
    this.skip(K.Error, this.pos + Math.max(1, charWidthAt(this.text, this.pos)));
  }

  /** Code units of the character at pos (2 for a surrogate pair), 0 at a line end or the end of the text. */
  protected charWidth(): number {
    const c = this.ch();
    if (c === EOF || isNewline(c)) return 0;
    return charWidthAt(this.text, this.pos);
  }

  /** A short description of what is at pos, for "found X" in messages. */
  describeHere(): string {
    const c = this.ch();
    if (c === EOF) return "end of file";
    if (isNewline(c)) return "end of line";
    if (isInlineSpace(c)) return "a space";
    let end = this.pos + charWidthAt(this.text, this.pos);
    if (isNameChar(c)) while (end < this.text.length && isNameChar(this.text.charCodeAt(end))) end++;
    return `'${this.text.slice(this.pos, Math.min(end, this.pos + 24))}'`;
  }

  // ---- trivia -------------------------------------------------------------------------------------------------

  /** Skips spaces, `\`-continued line ends and comments, but not line ends themselves. */
  skipInlineTrivia(): void {
    for (;;) {
      const c = this.ch();
      if (isInlineSpace(c)) {
        let end = this.pos + 1;
        while (end < this.text.length && isInlineSpace(this.text.charCodeAt(end))) end++;
        this.skip(K.Whitespace, end);
      } else if (c === Ch.Backslash) {
        this.scanLineContinuation();
      } else if (c === Ch.Hash) {
        this.scanComment();
      } else {
        return;
      }
    }
  }

  /** Skips all trivia, line ends included (inside parentheses, between array elements...). */
  skipAllTrivia(): void {
    for (;;) {
      this.skipInlineTrivia();
      if (!isNewline(this.ch())) return;
      this.scanNewline();
    }
  }

  /** At a line end: emits it (LF, CR LF or CR). */
  scanNewline(): void {
    const end = this.ch() === Ch.CarriageReturn && this.ch(1) === Ch.LineFeed ? this.pos + 2 : this.pos + 1;
    this.skip(K.Newline, end);
  }

  /** At `\`: a continuation when only spaces follow before the line end; otherwise a stray backslash, reported. */
  private scanLineContinuation(): void {
    let end = this.pos + 1;
    while (end < this.text.length && isInlineSpace(this.text.charCodeAt(end))) end++;
    const c = end < this.text.length ? this.text.charCodeAt(end) : EOF;
    if (isNewline(c)) {
      end += c === Ch.CarriageReturn && this.text.charCodeAt(end + 1) === Ch.LineFeed ? 2 : 1;
      this.skip(K.LineContinuation, end);
    } else if (c === EOF) {
      this.skip(K.LineContinuation, end);
    } else {
      this.error("RSC1003", this.pos, this.pos + 1);
      this.skip(K.Error, this.pos + 1);
    }
  }

  private scanComment(): void {
    let end = this.pos + 1;
    while (end < this.text.length && !isNewline(this.text.charCodeAt(end))) end++;
    let last = end - 1;
    while (last > this.pos && isInlineSpace(this.text.charCodeAt(last))) last--;
    if (last > this.pos && this.text.charCodeAt(last) === Ch.Backslash) this.error("RSC1004", last, last + 1);
    this.skip(K.Comment, end);
  }
}

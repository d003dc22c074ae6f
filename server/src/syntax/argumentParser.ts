// Parses a command's arguments: `name=value`, unnamed values and switches, `where` clauses, and recovery after them.
import type { Arg, WhereArg } from "./ast";
import { Ch, EOF, isInlineSpace, isLetter, isNameChar, isNonAscii, isValueStop } from "./chars";
import { CODE_ARGUMENTS, CODE_ARGUMENTS_OF, CODE_POSITIONAL, isCodeArgument } from "./codeArguments";
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

/** Shared by every command without arguments, so that they allocate nothing. */
export const NO_ARGS: readonly Arg[] = Object.freeze([]);

/**
 * The end of an argument name at `at`, or `at` when none starts there: name characters, in parts joined by `.` then a
 * letter (`.id=`, and RouterOS 7's grouped properties such as `security.passphrase=` of `/interface wifi` or
 * `local.address=` of `/routing bgp connection`, which its own command tree lists by those names).
 */
export function argumentNameEnd(text: string, at: number): number {
  let end = at;
  if (text.charCodeAt(at) === Ch.Dot && isLetter(text.charCodeAt(at + 1))) end++;
  while (end < text.length && isNameChar(text.charCodeAt(end))) end++;
  while (end > at && text.charCodeAt(end) === Ch.Dot && isLetter(text.charCodeAt(end + 1))) {
    end++;
    while (end < text.length && isNameChar(text.charCodeAt(end))) end++;
  }
  return end;
}

/** Argument-level parsing. The command words before the arguments come from the subclasses. */
export abstract class ArgumentParser extends ValueParser {
  /** Arguments up to the end of the command: `name=value`, unnamed values and switches, `where` clauses. */
  protected parseArgs(globalCommand: string, findMode: boolean, braceIsCode: boolean): readonly Arg[] {
    const mark = this.mark();
    let whereNext = findMode;
    let first = true;
    // After a bare code argument name (`else {...}`, `on-error {...}`), a `{...}` is that argument's code (the checks
    // say so in a hint, RSC3009): parse it as code, not as an array.
    let afterCodeName = false;
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
        const argStart = this.pos;
        this.stash(this.parseArg(globalCommand, (first && braceIsCode) || afterCodeName));
        afterCodeName = this.isCodeName(globalCommand, argStart, this.pos);
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

  /** Consumes what is left of a broken command, quietly, keeping nested brackets balanced. */
  protected skipRestOfCommand(): void {
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

  /** The text from `start` to `end` is a bare name of a code argument (`else`, `do`, `on-error`). */
  private isCodeName(globalCommand: string, start: number, end: number): boolean {
    // Most words cannot be one by their first letter and length: decided without a copy.
    if (!CODE_ARGUMENT_SHAPES.has(shapeOf(this.text.charCodeAt(start), end - start))) return false;
    for (let i = start; i < end; i++) if (!isNameChar(this.text.charCodeAt(i))) return false;
    return isCodeArgument(globalCommand, this.text.slice(start, end));
  }

  /** True when the bare word `word` (and not a longer name) starts at pos. */
  private atWord(word: string): boolean {
    return this.text.startsWith(word, this.pos) && isValueStop(this.ch(word.length));
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

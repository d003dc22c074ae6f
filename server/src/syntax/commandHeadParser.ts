// Scans a command's head: the menu path, command name and positional words before its arguments, lexed as RouterOS does.
import { Ch, EOF, isCommandNameChar, isInlineSpace, isNameChar, isNewline, isValueStop } from "./chars";
import { quotedWord } from "./codePoints";
import { ArgumentParser, argumentNameEnd } from "./argumentParser";
import { SpanTable } from "./spanTable";
import { K } from "./tokens";

/**
 * True where RouterOS may start a command: a menu or command name (lower-case letter, digit, `.`, `-`, `_`). Its
 * `:parse` rejects a line that starts with `>`, `*`, `"`, `^`, an upper-case letter or a non-ASCII letter with
 * "expected command name" at that character, and reads `65413`, `1.0.0.1` and `...` as (bad) command names.
 */
export function startsCommandName(c: number): boolean {
  return isCommandNameChar(c);
}

/**
 * True for what may follow a menu or command name directly: a separator, the end of the command, or the start of a
 * value. Anything else is an error at that character (`[admin@MikroTik] >`, `Flags: X`, `done!`, `/ip/socks>`).
 */
export function canFollowName(c: number): boolean {
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

/** Head-level scanning. The statements and commands built from a head come from the subclass. */
export abstract class CommandHeadParser extends ArgumentParser {
  /** Head words of every command, in chunks sized to the text (about one word per 20 characters). */
  protected readonly heads = new SpanTable(Math.min(32768, Math.max(64, this.text.length >> 3)));
  /** Set by `scanHead` when a head word is followed by something no command may have there. */
  protected headBroken = false;

  /**
   * The leading bare words of a command: path segments separated by spaces or `/`, `..`, the command name and any
   * positional words before the first argument of another shape. Stops before `name=` and `where`. The first word and
   * the words joined to it by `/` are read as names (see `canFollowName`); later words as values.
   */
  protected scanHead(afterColon: boolean): number {
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

  /** Reports that no command name starts at pos; true, for `broken`. */
  protected expectedCommandName(): boolean {
    const c = this.ch();
    const upper = c >= Ch.UpperA && c <= Ch.UpperZ;
    const found = this.describeHere();
    this.error("RSC2005", this.pos, this.pos + this.charWidth(), [
      upper ? `${found}: menu and command names are lower-case` : found,
    ]);
    return true;
  }

  /** True when the text in [start, end) is exactly `word`, without copying it out of the source. */
  protected isWord(start: number, end: number, word: string): boolean {
    return end - start === word.length && this.text.startsWith(word, start);
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
}

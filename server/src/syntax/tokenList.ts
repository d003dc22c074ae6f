// The lossless token stream of a parse, stored compactly: one kind byte and one start offset per token.
import { TOKEN_KINDS, type K, type Token, type TokenKind } from "./tokens";

/**
 * Tokens are contiguous (each starts where the previous ended), so only starts are stored; the end of the last one is
 * the end of the scanned text. Typed arrays keep millions of tokens out of the garbage collector's way.
 */
export class TokenList implements Iterable<Token> {
  private kinds: Uint8Array;
  private starts: Int32Array;
  private count = 0;
  private endOffset = 0;

  /** `expected`: how many tokens to make room for at once (scripts average about one token per three characters). */
  constructor(expected = 4096) {
    const capacity = Math.max(16, expected);
    this.kinds = new Uint8Array(capacity);
    this.starts = new Int32Array(capacity);
  }

  get length(): number {
    return this.count;
  }

  /** Appends a token; `start` must equal the previous token's end. */
  push(kind: K, start: number, end: number): void {
    if (this.count === this.kinds.length) this.grow();
    this.kinds[this.count] = kind;
    this.starts[this.count] = start;
    this.count++;
    this.endOffset = end;
  }

  /** Drops the tokens from index `length` on (used when a tentative scan is undone). */
  truncate(length: number): void {
    if (length >= this.count) return;
    this.count = length;
    this.endOffset = length === 0 ? 0 : this.start(length);
  }

  kind(i: number): TokenKind {
    return TOKEN_KINDS[this.kinds[i] ?? 0] ?? "Error";
  }

  start(i: number): number {
    return this.starts[i] ?? 0;
  }

  end(i: number): number {
    return i + 1 < this.count ? (this.starts[i + 1] ?? 0) : this.endOffset;
  }

  at(i: number): Token {
    return { kind: this.kind(i), start: this.start(i), end: this.end(i) };
  }

  *[Symbol.iterator](): Iterator<Token> {
    for (let i = 0; i < this.count; i++) yield this.at(i);
  }

  toArray(): Token[] {
    return Array.from(this);
  }

  private grow(): void {
    const kinds = new Uint8Array(this.kinds.length * 2);
    kinds.set(this.kinds);
    const starts = new Int32Array(this.starts.length * 2);
    starts.set(this.starts);
    this.kinds = kinds;
    this.starts = starts;
  }
}

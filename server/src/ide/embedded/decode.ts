// The code a string literal holds (escapes decoded), with a map from each decoded character back to the source.
import { forEachStringPiece, stringParts, type StringLiteral } from "../../syntax";

/** Decoded text of a string without interpolations; every decoded character knows its source range. */
export class DecodedString {
  /** Source range [starts[i], ends[i]) of decoded character i: itself, or the whole escape it came from. */
  private starts: Int32Array | undefined;
  private ends: Int32Array | undefined;

  private constructor(
    readonly code: string,
    private readonly text: string,
    private readonly literal: StringLiteral,
    /** Where the string's content ends in the source (its closing quote). */
    private readonly contentEnd: number,
  ) {}

  /** The decoded text of `literal` (which must have no interpolations) in `text`. */
  static of(text: string, literal: StringLiteral): DecodedString {
    const contentEnd = literal.terminated ? literal.end - 1 : literal.end;
    let code: string;
    if (stringParts(text, literal).every((part) => part.kind === "StringText")) {
      code = text.slice(literal.start + 1, contentEnd);
    } else {
      const pieces: string[] = [];
      forEachStringPiece(text, literal, (piece) => pieces.push(piece));
      code = pieces.join("");
    }
    return new DecodedString(code, text, literal, contentEnd);
  }

  /** The map, built when a first offset is asked for (most code has nothing to report). */
  private map(): { starts: Int32Array; ends: Int32Array } {
    if (this.starts && this.ends) return { starts: this.starts, ends: this.ends };
    const starts = new Int32Array(this.code.length);
    const ends = new Int32Array(this.code.length);
    let length = 0;
    forEachStringPiece(this.text, this.literal, (piece, start, end, verbatim) => {
      for (let i = 0; i < piece.length; i++, length++) {
        starts[length] = verbatim ? start + i : start;
        ends[length] = verbatim ? start + i + 1 : end;
      }
    });
    this.starts = starts;
    this.ends = ends;
    return { starts, ends };
  }

  /** The source offset of decoded offset `offset` (the end of the content for the end of the code). */
  sourceOffset(offset: number): number {
    if (offset >= this.code.length) return this.contentEnd;
    return this.map().starts[Math.max(offset, 0)] ?? this.contentEnd;
  }

  /** The source range of decoded [start, end): a range that starts or ends inside an escape covers all of it. */
  sourceRange(start: number, end: number): { start: number; end: number } {
    const from = this.sourceOffset(start);
    const last = Math.min(end, this.code.length) - 1;
    if (last < start) return { start: from, end: from };
    return { start: from, end: this.map().ends[last] ?? from };
  }

  /**
   * The decoded offset of source offset `offset` inside the string's content (an offset inside an escape gives the
   * escape's first character), or undefined outside the content.
   */
  codeOffset(offset: number): number | undefined {
    if (offset === this.contentEnd) return this.code.length;
    const { starts, ends } = this.map();
    let low = 0;
    let high = this.code.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((ends[mid] ?? 0) <= offset) low = mid + 1;
      else high = mid;
    }
    return low < this.code.length && (starts[low] ?? 0) <= offset ? low : undefined;
  }

  /** True when decoded [start, end) is the same text as its source range (no escape in it). */
  isVerbatim(start: number, end: number): boolean {
    const range = this.sourceRange(start, end);
    return range.end - range.start === end - start;
  }
}

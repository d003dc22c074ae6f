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

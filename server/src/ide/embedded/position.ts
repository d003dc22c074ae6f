// Finds the code written in a string at an offset of the outer text, for features that look at one position (hover).
import type { DocumentAnalysis } from "../analysis";
import { innerCode, MAX_DEPTH, type InnerCode } from "./inner";
import { embeddedSites } from "./sites";

/** The code in the string at `offset`, and the offset in that code; undefined outside such strings. */
export function embeddedCodeAt(
  analysis: DocumentAnalysis,
  offset: number,
): { readonly code: InnerCode; readonly offset: number } | undefined {
  if (analysis.embedding.depth >= MAX_DEPTH) return undefined;
  for (const site of embeddedSites(analysis.model)) {
    const literal = site.literal;
    if (offset <= literal.start || offset >= literal.end) continue;
    const code = innerCode(analysis, site);
    const inner = code?.decoded.codeOffset(offset);
    return code && inner !== undefined ? { code, offset: inner } : undefined;
  }
  return undefined;
}

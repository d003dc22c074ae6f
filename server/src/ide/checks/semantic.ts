// All semantic diagnostics of a document (RSC3xxx): commands against the schema, variables, JSON messages.
import type { Diagnostic } from "../../diagnostics/types";
import type { DocumentAnalysis } from "../analysis";
import { checkCommand, type MissingArgsData, type ReplaceData } from "./commandChecks";
import { checkJsonMessages } from "./jsonChecks";
import { checkVariables } from "./variableChecks";

const NONE: readonly Diagnostic[] = Object.freeze([]);

/** A diagnostic moved with its command (or string): offsets and the offsets in its quick-fix data. */
export function shiftCommandDiagnostic(d: Diagnostic, delta: number): Diagnostic {
  const data = d.data as ReplaceData | MissingArgsData | undefined;
  let moved: ReplaceData | MissingArgsData | undefined = data;
  if (data?.kind === "replace") moved = { ...data, start: data.start + delta, end: data.end + delta };
  else if (data?.kind === "missing-args") moved = { ...data, insertAt: data.insertAt + delta };
  const shifted = { ...d, start: d.start + delta, end: d.end + delta };
  return moved === undefined ? shifted : { ...shifted, data: moved };
}

/** Computed once per analysis and kept on it (code actions read them back). */
export function semanticDiagnostics(analysis: DocumentAnalysis): readonly Diagnostic[] {
  if (analysis.semanticDiagnostics) return analysis.semanticDiagnostics;
  const out: Diagnostic[] = [];
  const text = analysis.text;
  const reuse = analysis.cache.reuse;
  for (const bound of analysis.model.commands) {
    if (!reuse) {
      checkCommand(analysis.schema, text, bound, out);
      continue;
    }
    const cached = bound.checks;
    const start = bound.node.start;
    if (cached) {
      if (cached.start !== start) {
        cached.diagnostics = cached.diagnostics.map((d) => shiftCommandDiagnostic(d, start - cached.start));
        cached.start = start;
      }
      for (const d of cached.diagnostics) out.push(d);
      continue;
    }
    const before = out.length;
    checkCommand(analysis.schema, text, bound, out);
    bound.checks = { start, diagnostics: out.length === before ? NONE : out.slice(before) };
  }
  const lines = analysis.lines;
  checkVariables(
    text,
    analysis.model,
    out,
    analysis.embedding.depth > 0,
    (offset) => lines.positionAt(offset).line,
  );
  checkJsonMessages(analysis, out);
  analysis.semanticDiagnostics = out;
  return out;
}

// All semantic diagnostics of a document (RSC3xxx): commands against the schema, variables, JSON messages.
import type { Diagnostic } from "../../diagnostics/types";
import type { DocumentAnalysis } from "../analysis";
import { checkCommand } from "./commandChecks";
import { checkJsonMessages } from "./jsonChecks";
import { checkVariables } from "./variableChecks";

/** Computed once per analysis and kept on it (code actions read them back). */
export function semanticDiagnostics(analysis: DocumentAnalysis): readonly Diagnostic[] {
  if (analysis.semanticDiagnostics) return analysis.semanticDiagnostics;
  const out: Diagnostic[] = [];
  const text = analysis.text;
  for (const bound of analysis.model.commands) checkCommand(analysis.schema, text, bound, out);
  checkVariables(analysis.model, out);
  checkJsonMessages(analysis, out);
  analysis.semanticDiagnostics = out;
  return out;
}

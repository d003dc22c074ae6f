// Script failures as editor diagnostics (the Problems panel): the catalog's RSC4xxx entries, the parser's own codes as they are.
import { catalog, diagnostic, type DiagnosticCode } from "../diagnostics/catalog";
import type { Diagnostic } from "../diagnostics/types";
import type { ScriptFailure } from "./interpreter";

/** A failure of a run as a diagnostic of its source text. */
export function failureDiagnostic(failure: ScriptFailure): Diagnostic {
  const end = Math.max(failure.end, failure.start);
  if (failure.code.startsWith("RSC4") && failure.code in catalog)
    return diagnostic(failure.code as DiagnosticCode, failure.start, end, [failure.message]);
  return { code: failure.code, severity: "error", message: failure.message, start: failure.start, end };
}

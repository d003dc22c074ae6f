// The diagnostic shape shared by every phase (syntax, semantics, runtime): plain data with offsets and a stable code.

export type Severity = "error" | "warning" | "info" | "hint";

/** A problem in a source text. Offsets are UTF-16 code units, `end` exclusive. */
export interface Diagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly start: number;
  readonly end: number;
  /** Optional machine-readable data for quick fixes (suggested names, missing arguments...). */
  readonly data?: unknown;
}

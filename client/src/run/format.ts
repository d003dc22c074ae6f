// How run failures read in a terminal and in the Problems panel: `file:line:column: message`.
import type { ScriptFailure } from "../../../server/src/interpreter";

/** `file:line:column: message`; failures in `:parse`d code name `<parse>` as their file. */
export function formatFailure(failure: ScriptFailure): string {
  return `${failure.source}:${failure.line}:${failure.column}: ${failure.message}`;
}

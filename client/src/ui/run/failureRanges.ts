// Where a run's failures go in the Problems panel (no vscode import): the failing command's range in the script, a severity, and a message that names code the script did not contain.
import type { ScriptFailure } from "../../../../server/src/interpreter";
import { LineIndex } from "../../../../server/src/syntax";

export interface RunPosition {
  /** Zero-based. */
  readonly line: number;
  /** Zero-based, in UTF-16 code units (as VS Code counts). */
  readonly character: number;
}

export type RunSeverity = "error" | "warning" | "information";

export interface RunDiagnostic {
  readonly start: RunPosition;
  readonly end: RunPosition;
  readonly severity: RunSeverity;
  readonly message: string;
  readonly code: string;
}

/**
 * `script`: the script itself stopped; `handler`: an on-message script, `scheduled`: a `/system scheduler` entry's
 * script, `job`: an `:execute` job failed while the run went on.
 */
export type FailureKind = "script" | "handler" | "scheduled" | "job";

const PREFIX: Record<FailureKind, string> = {
  script: "",
  handler: "on-message script: ",
  scheduled: "scheduled script: ",
  job: ":execute job: ",
};

const CANCELLED = "RSC4005";
const TIMEOUT = "RSC4006";

/** Run-time failures are RSC4xxx; the others are syntax errors, which the language server already shows. */
function isRunTime(failure: ScriptFailure): boolean {
  return failure.code.startsWith("RSC4");
}

function severityOf(code: string): RunSeverity {
  if (code === CANCELLED) return "information";
  if (code === TIMEOUT) return "warning";
  return "error";
}

/** The end of a line without its trailing blanks (at least `from`). */
function lineEnd(text: string, lines: LineIndex, line: number, from: number): RunPosition {
  const start = lines.offsetAt({ line, character: 0 });
  const next = line + 1 < lines.lineCount ? lines.offsetAt({ line: line + 1, character: 0 }) : text.length;
  const content = text.slice(start, next).replace(/[\s\\]+$/, "");
  return { line, character: Math.max(from, content.length) };
}

/**
 * The diagnostic of a failure of a run of `script` (the text that ran, under the name it ran with); undefined for
 * syntax errors. A failure in code the script did not contain (`:parse`d strings, on-message text set by string) is
 * put on the first line, naming where it happened.
 */
export function failureDiagnostic(
  failure: ScriptFailure,
  script: { readonly name: string; readonly text: string },
  kind: FailureKind = "script",
): RunDiagnostic | undefined {
  if (!isRunTime(failure)) return undefined;
  const lines = new LineIndex(script.text);
  const prefix = PREFIX[kind];
  const severity = severityOf(failure.code);
  if (failure.source !== script.name) {
    return {
      start: { line: 0, character: 0 },
      end: lineEnd(script.text, lines, 0, 0),
      severity,
      message: `${prefix}${failure.message} (in ${failure.source}, line ${failure.line}, column ${failure.column})`,
      code: failure.code,
    };
  }
  const inText = failure.start >= 0 && failure.start <= script.text.length;
  const start: RunPosition = inText
    ? lines.positionAt(failure.start)
    : {
        line: Math.min(Math.max(failure.line - 1, 0), lines.lineCount - 1),
        character: Math.max(failure.column - 1, 0),
      };
  const end: RunPosition =
    inText && failure.end > failure.start && failure.end <= script.text.length
      ? lines.positionAt(failure.end)
      : lineEnd(script.text, lines, start.line, start.character);
  return { start, end, severity, message: `${prefix}${failure.message}`, code: failure.code };
}

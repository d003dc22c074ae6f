// The Problems-panel entries of script runs (vscode side): each failure at its range in the script, one entry per place and message, cleared when the script is edited.
import * as vscode from "vscode";
import type { ScriptFailure } from "../../../../server/src/interpreter";
import { failureDiagnostic, type FailureKind, type RunDiagnostic } from "./failureRanges";

const SEVERITY: Record<RunDiagnostic["severity"], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
};

/** The script a run ran, as its failures are placed. */
export interface RunScriptText {
  readonly document: vscode.TextDocument;
  /** The name it ran under and the text that ran. */
  readonly name: string;
  readonly text: string;
}

export class RunProblems implements vscode.Disposable {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection("routeros-run");
  private readonly listener: vscode.Disposable;

  /** `redact` keeps secrets out of the messages. */
  constructor(private readonly redact: (text: string) => string) {
    this.listener = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length > 0 && this.diagnostics.has(e.document.uri))
        this.diagnostics.delete(e.document.uri);
    });
  }

  clear(): void {
    this.diagnostics.clear();
  }

  /** Shows a failure of a run of `script` (nothing when it is not a run-time failure). */
  add(script: RunScriptText, failure: ScriptFailure, kind: FailureKind): void {
    const { document } = script;
    if (document.isClosed) return;
    const found = failureDiagnostic(failure, script, kind);
    if (!found) return;
    const diagnostic = new vscode.Diagnostic(
      new vscode.Range(found.start.line, found.start.character, found.end.line, found.end.character),
      this.redact(found.message),
      SEVERITY[found.severity],
    );
    diagnostic.source = "RouterOS run";
    diagnostic.code = found.code;
    const shown = this.diagnostics.get(document.uri) ?? [];
    // A handler that fails on every message fails at the same place: one problem, not one per message.
    const same = (d: vscode.Diagnostic): boolean =>
      d.range.isEqual(diagnostic.range) && d.message === diagnostic.message && d.code === diagnostic.code;
    if (shown.some(same)) return;
    this.diagnostics.set(document.uri, [...shown, diagnostic]);
  }

  dispose(): void {
    this.listener.dispose();
    this.diagnostics.dispose();
  }
}

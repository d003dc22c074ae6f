// `rsc check`: lints .rsc files with the same diagnostics as the editor, as text or JSON, for CI.
import { readFileSync } from "node:fs";
import type { Diagnostic } from "../../server/src/diagnostics/types";
import { computeDiagnostics } from "../../server/src/ide/diagnostics";
import { LineIndex } from "../../server/src/syntax";
import { fileErrorReason } from "./errors";
import { expandPaths, UnreadablePathError } from "./files";
import { UsageError } from "./usage";

export interface CheckedDiagnostic {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: Diagnostic["severity"];
  readonly code: string;
  readonly message: string;
}

interface CheckOutput {
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): string;
}

/** Runs `rsc check` and returns the exit status (0 clean, 1 errors, 2 usage or unreadable file). */
export function runCheck(argv: readonly string[], io: CheckOutput): number {
  let format: "text" | "json" = "text";
  const paths: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--format" || arg.startsWith("--format=")) {
      const value = arg.includes("=") ? arg.slice("--format=".length) : argv[++i];
      if (value !== "text" && value !== "json")
        throw new UsageError(`--format must be text or json (got ${value ?? "nothing"})`);
      format = value;
    } else if (arg.startsWith("-") && arg !== "-") {
      throw new UsageError(`unknown option ${arg} for rsc check`);
    } else {
      paths.push(arg);
    }
  }
  if (paths.length === 0)
    throw new UsageError("rsc check needs at least one PATH (a file, a directory or -)");

  let files;
  try {
    files = expandPaths(paths);
  } catch (error) {
    if (error instanceof UnreadablePathError) {
      io.stderr(`rsc check: ${error.message}\n`);
      return 2;
    }
    throw error;
  }

  const results: CheckedDiagnostic[] = [];
  let unreadable = false;
  for (const file of files) {
    let text: string;
    try {
      text = file.name === "-" ? io.readStdin() : readFileSync(file.name, "utf8");
    } catch (error) {
      io.stderr(`rsc check: cannot read ${file.name}: ${fileErrorReason(error)}\n`);
      unreadable = true;
      continue;
    }
    results.push(...locate(file.name, text, computeDiagnostics(text)));
  }

  if (format === "json") io.stdout(JSON.stringify(results) + "\n");
  else
    for (const d of results)
      io.stdout(`${d.file}:${d.line}:${d.column}: ${d.severity} ${d.code} ${d.message}\n`);
  if (unreadable) return 2;
  return results.some((d) => d.severity === "error") ? 1 : 0;
}

function locate(file: string, text: string, diagnostics: readonly Diagnostic[]): CheckedDiagnostic[] {
  if (diagnostics.length === 0) return [];
  const index = new LineIndex(text);
  return diagnostics.map((d) => {
    const start = index.positionAt(d.start);
    const end = index.positionAt(d.end);
    return {
      file,
      line: start.line + 1,
      column: start.character + 1,
      endLine: end.line + 1,
      endColumn: end.character + 1,
      severity: d.severity,
      code: d.code,
      message: d.message,
    };
  });
}

// `rsc check`: lints .rsc files with the same diagnostics as the editor, as text, JSON, GitHub annotations or SARIF.
import { readFileSync } from "node:fs";
import type { Diagnostic } from "../../server/src/diagnostics/types";
import { computeDiagnostics } from "../../server/src/ide/diagnostics";
import { LineIndex } from "../../server/src/syntax";
import {
  FORMATS,
  githubLine,
  sarifLog,
  summaryLine,
  textLine,
  type CheckedDiagnostic,
  type CheckFormat,
} from "./checkFormats";
import { fileErrorReason } from "./errors";
import { expandPaths, UnreadablePathError } from "./files";
import { UsageError } from "./usage";
import { packageVersion } from "./version";

export type { CheckedDiagnostic } from "./checkFormats";

interface CheckOutput {
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): string;
}

interface CheckArguments {
  readonly format: CheckFormat;
  readonly quiet: boolean;
  readonly paths: readonly string[];
}

function parseArguments(argv: readonly string[]): CheckArguments {
  let format: CheckFormat = "text";
  let quiet = false;
  const paths: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--format" || arg.startsWith("--format=")) {
      const value = arg.includes("=") ? arg.slice("--format=".length) : argv[++i];
      const known = FORMATS.find((f) => f === value);
      if (!known)
        throw new UsageError(`--format must be one of ${FORMATS.join(", ")} (got ${value ?? "nothing"})`);
      format = known;
    } else if (arg === "--quiet" || arg === "-q") {
      quiet = true;
    } else if (arg.startsWith("-") && arg !== "-") {
      throw new UsageError(`unknown option ${arg} for rsc check`);
    } else {
      paths.push(arg);
    }
  }
  if (paths.length === 0)
    throw new UsageError("rsc check needs at least one PATH (a file, a directory or -)");
  return { format, quiet, paths };
}

/** Runs `rsc check` and returns the exit status (0 clean, 1 errors, 2 usage or unreadable file). */
export function runCheck(argv: readonly string[], io: CheckOutput): number {
  const { format, quiet, paths } = parseArguments(argv);
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
  let checked = 0;
  for (const file of files) {
    let text: string;
    try {
      text = file.name === "-" ? io.readStdin() : readFileSync(file.name, "utf8");
    } catch (error) {
      io.stderr(`rsc check: cannot read ${file.name}: ${fileErrorReason(error)}\n`);
      unreadable = true;
      continue;
    }
    checked++;
    addLocated(results, file.name, text, computeDiagnostics(text));
  }

  switch (format) {
    case "json":
      io.stdout(JSON.stringify(results) + "\n");
      break;
    case "sarif":
      io.stdout(JSON.stringify(sarifLog(results, packageVersion()), null, 2) + "\n");
      break;
    case "github":
      for (const d of results) io.stdout(githubLine(d));
      break;
    case "text":
      for (const d of results) io.stdout(textLine(d));
      if (!quiet) io.stdout(summaryLine(checked, results));
      break;
  }
  if (unreadable) return 2;
  return results.some((d) => d.severity === "error") ? 1 : 0;
}

/** Appends the file's diagnostics with 1-based lines and columns (one at a time: a file may have very many). */
function addLocated(
  out: CheckedDiagnostic[],
  file: string,
  text: string,
  diagnostics: readonly Diagnostic[],
): void {
  if (diagnostics.length === 0) return;
  const index = new LineIndex(text);
  for (const d of diagnostics) {
    const start = index.positionAt(d.start);
    const end = index.positionAt(d.end);
    out.push({
      file,
      line: start.line + 1,
      column: start.character + 1,
      endLine: end.line + 1,
      endColumn: end.character + 1,
      severity: d.severity,
      code: d.code,
      message: d.message,
    });
  }
}

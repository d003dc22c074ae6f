// The output formats of `rsc check`: text (file:line:column, read by the `$rsc` problem matcher), JSON, GitHub
// workflow commands (annotations) and SARIF 2.1.0 (code scanning); plus the one-line summary.
import { pathToFileURL } from "node:url";
import { isAbsolute, sep } from "node:path";
import type { Diagnostic } from "../../server/src/diagnostics/types";
import { catalog } from "../../server/src/diagnostics/catalog";

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

export const FORMATS = ["text", "json", "github", "sarif"] as const;
export type CheckFormat = (typeof FORMATS)[number];

export const HOMEPAGE = "https://github.com/routeros-mqtt/routeros-mqtt";

/** `file:line:column: severity code message`, one line per diagnostic. */
export function textLine(d: CheckedDiagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.severity} ${d.code} ${d.message}\n`;
}

/** `12 files, no problems` or `3 files, 2 errors, 1 warning`. */
export function summaryLine(fileCount: number, results: readonly CheckedDiagnostic[]): string {
  const counts = new Map<string, number>();
  for (const d of results) counts.set(d.severity, (counts.get(d.severity) ?? 0) + 1);
  const files = plural(fileCount, "file");
  if (results.length === 0) return `${files}, no problems\n`;
  const parts = (["error", "warning", "info", "hint"] as const)
    .filter((s) => counts.has(s))
    .map((s) => plural(counts.get(s) ?? 0, s, s === "info" ? "info" : undefined));
  return `${files}, ${parts.join(", ")}\n`;
}

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

const GITHUB_LEVEL: Readonly<Record<Diagnostic["severity"], string>> = {
  error: "error",
  warning: "warning",
  info: "notice",
  hint: "notice",
};

/** A GitHub Actions workflow command (`::error file=...,line=...::message`) that shows as an annotation. */
export function githubLine(d: CheckedDiagnostic): string {
  const properties = [
    `file=${escapeProperty(d.file.split(sep).join("/"))}`,
    `line=${d.line}`,
    `endLine=${d.endLine}`,
    `col=${d.column}`,
    `endColumn=${d.endColumn}`,
    `title=${escapeProperty(d.code)}`,
  ];
  return `::${GITHUB_LEVEL[d.severity]} ${properties.join(",")}::${escapeData(d.message)}\n`;
}

// The escapes of @actions/core's command.ts: data escapes % CR LF; property values also : and ,.
function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

const SARIF_LEVEL: Readonly<Record<Diagnostic["severity"], string>> = {
  error: "error",
  warning: "warning",
  info: "note",
  hint: "note",
};

/** A SARIF 2.1.0 log of one run of rsc: rules for the codes reported, results located by line and column. */
export function sarifLog(results: readonly CheckedDiagnostic[], version: string): object {
  const ruleIds = [...new Set(results.map((d) => d.code))].sort();
  const ruleIndex = new Map(ruleIds.map((id, index) => [id, index]));
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "rsc",
            fullName: "rsc check (routeros-mqtt)",
            version,
            semanticVersion: version,
            informationUri: HOMEPAGE,
            rules: ruleIds.map((id) => rule(id)),
          },
        },
        columnKind: "utf16CodeUnits",
        results: results.map((d) => ({
          ruleId: d.code,
          ruleIndex: ruleIndex.get(d.code) ?? 0,
          level: SARIF_LEVEL[d.severity],
          message: { text: d.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: artifactUri(d.file) },
                region: {
                  startLine: d.line,
                  startColumn: d.column,
                  endLine: d.endLine,
                  endColumn: d.endColumn,
                },
              },
            },
          ],
        })),
      },
    ],
  };
}

function rule(id: string): object {
  const entry = (catalog as Readonly<Record<string, { severity: Diagnostic["severity"]; template: string }>>)[
    id
  ];
  const text = entry ? entry.template.replace(/\{\d+\}/g, "…") : id;
  return {
    id,
    shortDescription: { text },
    defaultConfiguration: { level: SARIF_LEVEL[entry?.severity ?? "warning"] },
  };
}

/** A relative path stays a relative URI reference (code scanning resolves it from the repository root). */
function artifactUri(file: string): string {
  if (file === "-") return "stdin";
  if (isAbsolute(file)) return pathToFileURL(file).href;
  return file
    .split(sep)
    .join("/")
    .replace(/^\.\//, "")
    .split("/")
    .map((segment) => encodeURIComponent(segment))
    .join("/");
}

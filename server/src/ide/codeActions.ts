// Quick fixes for semantic diagnostics: "did you mean" replacements, declaring a variable, adding missing arguments, quoting a JSON value.
import type { Diagnostic } from "../diagnostics/types";
import type { DocumentAnalysis } from "./analysis";
import type { MissingArgsData, ReplaceData } from "./checks/commandChecks";
import type { QuoteData } from "./checks/jsonChecks";
import { semanticDiagnostics } from "./checks/semantic";
import { embeddedActions } from "./embedded/actions";
import type { DeclareData } from "./checks/variableChecks";
import type { CodeActionEntry, TextEdit } from "./types";
import { needsQuotes } from "./variables";

type FixData = ReplaceData | DeclareData | MissingArgsData | QuoteData;

function fixData(diagnostic: Diagnostic): FixData | undefined {
  const data = diagnostic.data as { kind?: unknown } | undefined;
  return typeof data?.kind === "string" ? (data as FixData) : undefined;
}

/** `:local name` on its own line before the statement (same indentation), or inline when the statement shares its line. */
function declaration(analysis: DocumentAnalysis, keyword: "local" | "global", data: DeclareData): TextEdit {
  const text = analysis.text;
  const name = needsQuotes(data.name) ? JSON.stringify(data.name) : data.name;
  const lineStart = analysis.lines.lineStart(analysis.lines.positionAt(data.insertAt).line);
  const indent = text.slice(lineStart, data.insertAt);
  if (/^[ \t]*$/.test(indent)) {
    const eol = text.includes("\r\n") ? "\r\n" : "\n";
    return { start: lineStart, end: lineStart, newText: `${indent}:${keyword} ${name}${eol}` };
  }
  return { start: data.insertAt, end: data.insertAt, newText: `:${keyword} ${name}; ` };
}

function actionsFor(analysis: DocumentAnalysis, diagnostic: Diagnostic): CodeActionEntry[] {
  const data = fixData(diagnostic);
  if (!data) return [];
  switch (data.kind) {
    case "replace":
      return data.suggestions.map((s, i) => ({
        title: data.fullName === true ? `Write the full name '${s}'` : `Change to '${s}'`,
        diagnostic,
        edits: [{ start: data.start, end: data.end, newText: s }],
        preferred: i === 0,
      }));
    case "declare": {
      const renames = data.suggestions.map((s, i) => ({
        title: `Change to '${s}'`,
        diagnostic,
        edits: [
          {
            start: data.nameStart,
            end: data.nameEnd,
            newText:
              needsQuotes(s) && data.nameEnd - data.nameStart === data.name.length ? JSON.stringify(s) : s,
          },
        ],
        preferred: i === 0,
      }));
      return [
        ...renames,
        {
          title: `Declare '${data.name}' with :local`,
          diagnostic,
          edits: [declaration(analysis, "local", data)],
        },
        {
          title: `Declare '${data.name}' with :global`,
          diagnostic,
          edits: [declaration(analysis, "global", data)],
        },
      ];
    }
    case "missing-args": {
      const info = analysis.model.commands.find((c) => c.node.end === data.insertAt && c.info)?.info;
      const pairs = data.names.map((name) => {
        const type = info?.arg(name)?.type;
        return type === "string" || type === undefined ? `${name}=""` : `${name}=`;
      });
      return [
        {
          title: `Add missing argument${data.names.length > 1 ? "s" : ""} ${data.names.map((n) => `${n}=`).join(" ")}`,
          diagnostic,
          edits: [{ start: data.insertAt, end: data.insertAt, newText: ` ${pairs.join(" ")}` }],
          preferred: true,
        },
      ];
    }
    case "quote":
      return [
        {
          title: 'Quote this value in the JSON (\\"...\\")',
          diagnostic,
          edits: [
            { start: data.start, end: data.start, newText: '\\"' },
            { start: data.end, end: data.end, newText: '\\"' },
          ],
          preferred: true,
        },
      ];
  }
}

/** Quick fixes for the diagnostics that overlap [start, end]. */
export function codeActions(analysis: DocumentAnalysis, start: number, end: number): CodeActionEntry[] {
  const out: CodeActionEntry[] = [];
  for (const diagnostic of semanticDiagnostics(analysis)) {
    if (diagnostic.end < start || diagnostic.start > end) continue;
    for (const action of actionsFor(analysis, diagnostic)) out.push(action);
  }
  for (const action of embeddedActions(analysis, start, end, codeActions)) out.push(action);
  return out;
}

// Diagnostics of the code written in strings (`on-event="..."`): parsed and checked as a script of its own, mapped back.
import type { Diagnostic } from "../../diagnostics/types";
import type { DocumentAnalysis } from "../analysis";
import { semanticDiagnostics, shiftCommandDiagnostic } from "../checks/semantic";
import type { DecodedString } from "./decode";
import { innerCode, MAX_DEPTH } from "./inner";
import { embeddedSites, type EmbeddedSite } from "./sites";

const NONE: readonly Diagnostic[] = Object.freeze([]);

/** Codes whose messages name the line and column of an opening bracket, counted in the code. */
const LINE_COLUMN_CODES: ReadonlySet<string> = new Set(["RSC2001", "RSC2002", "RSC2003"]);
const AT_LINE_COLUMN = /at line (\d+) column (\d+)$/;

/** An inner diagnostic in the outer text: its range, and the line and column in its message. */
function mapDiagnostic(
  d: Diagnostic,
  decoded: DecodedString,
  outer: DocumentAnalysis,
  inner: DocumentAnalysis,
  site: EmbeddedSite,
  nested: boolean,
): Diagnostic {
  const { start, end } = decoded.sourceRange(d.start, d.end);
  let message = d.message;
  const at = LINE_COLUMN_CODES.has(d.code) ? AT_LINE_COLUMN.exec(message) : null;
  if (at) {
    const offset = inner.lines.offsetAt({ line: Number(at[1]) - 1, character: Number(at[2]) - 1 });
    const position = outer.lines.positionAt(decoded.sourceOffset(offset));
    message = `${message.slice(0, at.index)}at line ${position.line + 1} column ${position.character + 1}`;
  } else if (d.code === "RSC3010" && site.root.kind === "script" && !nested) {
    message += ` (the code in ${site.argName}= runs as a script of its own and sees no variable of this one)`;
  }
  // Quick fixes come from the inner code itself (embedded/actions.ts): no fix data here.
  return { code: d.code, severity: d.severity, message, start, end };
}

/** Every diagnostic of the code in one string, in the outer text's offsets. */
function checkSite(outer: DocumentAnalysis, site: EmbeddedSite): readonly Diagnostic[] {
  const code = innerCode(outer, site);
  if (!code) return NONE;
  const { decoded, analysis: inner } = code;
  const own = [...inner.parsed.diagnostics, ...semanticDiagnostics(inner)];
  const nested = embeddedDiagnostics(inner);
  if (own.length === 0 && nested.length === 0) return NONE;
  return [
    ...own.map((d) => mapDiagnostic(d, decoded, outer, inner, site, false)),
    ...nested.map((d) => mapDiagnostic(d, decoded, outer, inner, site, true)),
  ];
}

/**
 * Diagnostics of the code in the strings of an analysis (computed once, kept on it). A document's strings keep their
 * verdicts from version to version while their node is reused and their context is the same.
 */
export function embeddedDiagnostics(analysis: DocumentAnalysis): readonly Diagnostic[] {
  if (analysis.embeddedDiagnostics) return analysis.embeddedDiagnostics;
  const out: Diagnostic[] = [];
  if (analysis.embedding.depth < MAX_DEPTH) {
    const reuse = analysis.cache.reuse;
    const cache = analysis.cache.embeddedCode;
    for (const site of embeddedSites(analysis.model)) {
      const start = site.literal.start;
      const cached = reuse ? cache.get(site.literal) : undefined;
      if (cached && cached.context === site.context) {
        if (cached.start !== start) {
          cached.diagnostics = cached.diagnostics.map((d) => shiftCommandDiagnostic(d, start - cached.start));
          cached.start = start;
        }
        for (const d of cached.diagnostics) out.push(d);
        continue;
      }
      const diagnostics = checkSite(analysis, site);
      // A message naming a line of this text (an unclosed bracket) goes stale when lines move: not kept.
      if (reuse && !diagnostics.some((d) => LINE_COLUMN_CODES.has(d.code)))
        cache.set(site.literal, { start, context: site.context, diagnostics });
      for (const d of diagnostics) out.push(d);
    }
  }
  analysis.embeddedDiagnostics = out;
  return out;
}

// Folding ranges: multi-line blocks, brackets and strings, runs of comment lines, and export-style menu sections.
import type { Node } from "../syntax";
import { walk } from "../syntax/walk";
import type { DocumentAnalysis } from "./analysis";
import type { FoldingEntry } from "./types";
import { headCount } from "../syntax/head";

export function foldingRanges(analysis: DocumentAnalysis): FoldingEntry[] {
  const lines = analysis.lines;
  const out: FoldingEntry[] = [];
  const line = (offset: number): number => lines.positionAt(offset).line;
  const add = (startLine: number, endLine: number, kind?: FoldingEntry["kind"]): void => {
    if (endLine > startLine) out.push(kind ? { startLine, endLine, kind } : { startLine, endLine });
  };
  const closed = (node: Node): boolean => ("closed" in node ? node.closed : true);
  /** Lines that continue a multi-line string: a `#` there is text, not a comment. */
  const insideStrings = new Set<number>();
  walk(analysis.parsed.script, (node) => {
    switch (node.kind) {
      case "Block":
      case "Substitution":
      case "Array":
      case "Paren":
        // Keep the closing bracket visible: fold up to the line before it.
        add(line(node.start), closed(node) ? line(node.end - 1) - 1 : line(node.end));
        break;
      case "String": {
        const first = line(node.start);
        const last = line(node.end);
        add(first, last);
        for (let l = first + 1; l <= last; l++) insideStrings.add(l);
        break;
      }
      case "Command":
        if (node.args.length > 0 || headCount(node) > 0) add(line(node.start), line(node.end));
        break;
      default:
        break;
    }
    return undefined;
  });
  for (const section of analysis.model.sections) add(line(section.start), line(section.end), "region");
  // Runs of lines holding only a comment (found in the text: cheaper than the token list).
  const text = analysis.text;
  let runStart = -1;
  let runEnd = -1;
  for (let l = 0; l < lines.lineCount; l++) {
    let i = lines.lineStart(l);
    while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
    if (text.charCodeAt(i) !== 35 /* # */ || insideStrings.has(l)) continue;
    if (l === runEnd + 1 && runStart >= 0) runEnd = l;
    else {
      add(runStart, runEnd, "comment");
      runStart = l;
      runEnd = l;
    }
  }
  add(runStart, runEnd, "comment");
  // One range per start line: a command and its block start on the same line; the block keeps `}` visible.
  out.sort((a, b) => a.startLine - b.startLine || a.endLine - b.endLine);
  return out.filter((range, i) => i === 0 || out[i - 1]?.startLine !== range.startLine);
}

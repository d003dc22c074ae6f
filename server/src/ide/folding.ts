// Folding ranges: multi-line blocks, brackets and strings, runs of comment lines, and export-style menu sections.
import type { Node } from "../syntax";
import { walk } from "../syntax/walk";
import type { DocumentAnalysis } from "./analysis";
import type { FoldingEntry } from "./types";

export function foldingRanges(analysis: DocumentAnalysis): FoldingEntry[] {
  const lines = analysis.lines;
  const out: FoldingEntry[] = [];
  const line = (offset: number): number => lines.positionAt(offset).line;
  const add = (startLine: number, endLine: number, kind?: FoldingEntry["kind"]): void => {
    if (endLine > startLine) out.push(kind ? { startLine, endLine, kind } : { startLine, endLine });
  };
  const closed = (node: Node): boolean => ("closed" in node ? node.closed : true);
  walk(analysis.parsed.script, (node) => {
    switch (node.kind) {
      case "Block":
      case "Substitution":
      case "Array":
      case "Paren":
        // Keep the closing bracket visible: fold up to the line before it.
        add(line(node.start), closed(node) ? line(node.end - 1) - 1 : line(node.end));
        break;
      case "String":
        add(line(node.start), line(node.end));
        break;
      case "Command":
        if (node.args.length > 0 || node.head.length > 0) add(line(node.start), line(node.end));
        break;
      default:
        break;
    }
    return undefined;
  });
  for (const section of analysis.model.sections) add(line(section.start), line(section.end), "region");
  // Runs of lines holding only a comment.
  const tokens = analysis.parsed.tokens;
  let runStart = -1;
  let runEnd = -1;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens.kind(i) !== "Comment") continue;
    const start = tokens.start(i);
    const lineStart = lines.lineStart(line(start));
    if (analysis.text.slice(lineStart, start).trim() !== "") continue;
    const l = line(start);
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

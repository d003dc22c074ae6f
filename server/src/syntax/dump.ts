// Renders a parse result as indented text (tree, then errors): the format of the parser's snapshot tests.
import type { Node } from "./ast";
import type { ParseResult } from "./parser";
import { LineIndex } from "./lineIndex";
import { childrenOf } from "./walk";
import { headTexts } from "./head";

function describe(node: Node, text: string): string {
  const range = `${node.start}..${node.end}`;
  const quote = (start: number, end: number): string => JSON.stringify(text.slice(start, end));
  switch (node.kind) {
    case "Command": {
      const prefix = node.colon ? ":" : node.root ? "/" : "";
      const head = headTexts(text, node).join(" ");
      return `Command ${range} ${prefix}${JSON.stringify(head)}`;
    }
    case "NamedArg":
      return `NamedArg ${range} ${text.slice(node.start, node.nameEnd)}`;
    case "WhereArg":
      return `WhereArg ${range}${node.keyword ? " where" : ""}`;
    case "Literal":
      return `Literal ${range} ${node.literal} ${quote(node.start, node.end)}`;
    case "Variable":
      return `Variable ${range} ${JSON.stringify(node.name)}${node.dynamic ? " dynamic" : ""}`;
    case "Unary":
    case "Binary":
      return `${node.kind} ${range} ${node.operator}${node.kind === "Binary" && node.opStart < 0 ? " (implicit)" : ""}`;
    case "String":
      return `String ${range} ${quote(node.start, node.end)}${node.terminated ? "" : " unterminated"}`;
    case "ArrayElement":
      return `ArrayElement ${range}${node.key ? ` key=${quote(node.key.start, node.key.end)}` : ""}`;
    default:
      return `${node.kind} ${range}`;
  }
}

/** Tree first (one node per line, indented by depth), then `errors:` with 1-based line:column of each. */
export function dumpParseResult(result: ParseResult): string {
  const lines: string[] = [];
  const visit = (node: Node, depth: number): void => {
    lines.push(`${"  ".repeat(depth)}${describe(node, result.text)}`);
    for (const child of childrenOf(node)) visit(child, depth + 1);
  };
  visit(result.script, 0);
  if (result.diagnostics.length > 0) {
    const index = new LineIndex(result.text);
    lines.push("errors:");
    for (const d of result.diagnostics) {
      const at = index.positionAt(d.start);
      lines.push(`  ${at.line + 1}:${at.character + 1} ${d.code} ${d.message}`);
    }
  }
  return lines.join("\n") + "\n";
}

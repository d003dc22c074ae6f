// A text picture of the brokers tree (label and description per row, indented by depth), for tests and bug reports.
import type * as vscode from "vscode";
import type { TreeNode } from "./treeNodes";

export function treeSnapshot(provider: vscode.TreeDataProvider<TreeNode>): string[] {
  const lines: string[] = [];
  const visit = (node: TreeNode | undefined, depth: number): void => {
    const children = provider.getChildren(node);
    if (!Array.isArray(children)) return;
    for (const child of children) {
      const item = provider.getTreeItem(child) as vscode.TreeItem;
      const label = typeof item.label === "string" ? item.label : (item.label?.label ?? "");
      const description =
        typeof item.description === "string" && item.description !== "" ? ` — ${item.description}` : "";
      lines.push(`${"  ".repeat(depth)}${label}${description}`);
      visit(child, depth + 1);
    }
  };
  visit(undefined, 0);
  return lines;
}

// Generic traversal of the syntax tree: the children of any node, in source order, and a depth-first visitor.
import type { Node } from "./ast";

/** The direct child nodes of `node` in source order (tokens are not nodes). */
export function childrenOf(node: Node): Node[] {
  switch (node.kind) {
    case "Script":
    case "Block":
    case "Substitution":
      return [...node.body];
    case "Command":
      // A copy, not `push(...args)`: a command may have more arguments than a call can take.
      return node.callee ? [node.callee, ...node.args] : [...node.args];
    case "NamedArg":
      return node.value ? [node.value] : [];
    case "WhereArg":
      return [node.condition];
    case "String":
      return [...node.interpolations];
    case "Variable":
      return node.quoted ? [node.quoted] : node.dynamic ? [node.dynamic] : [];
    case "Paren":
      return [node.expr];
    case "Array":
      return [...node.elements];
    case "ArrayElement": {
      const out: Node[] = [];
      if (node.key && node.key.kind === "String") out.push(node.key);
      if (node.value) out.push(node.value);
      return out;
    }
    case "Unary":
      return [node.operand];
    case "Binary":
      return [node.left, node.right];
    case "Concat":
      return [...node.parts];
    case "Literal":
    case "Missing":
      return [];
  }
}

/** Visits `node` and its descendants depth first; return `false` from `visit` to skip a node's children. */
export function walk(node: Node, visit: (node: Node, parent: Node | undefined) => boolean | void): void {
  const stack: { node: Node; parent: Node | undefined }[] = [{ node, parent: undefined }];
  while (stack.length > 0) {
    const top = stack.pop();
    if (top === undefined) break;
    if (visit(top.node, top.parent) === false) continue;
    const children = childrenOf(top.node);
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child) stack.push({ node: child, parent: top.node });
    }
  }
}

// Finds what surrounds an offset: the statement lists around it, the innermost command, argument and token.
import type { Arg, Block, Command, Expr, ParseResult, Script, Statement, Substitution } from "../syntax";
import { childrenOf } from "../syntax/walk";
import type { Container } from "./model/types";
import { headCount } from "../syntax/head";

export { headWordAt } from "../syntax/head";

export interface Location {
  /** Statement lists from the script down to the innermost one holding the offset. */
  readonly containers: readonly Container[];
  /** The innermost command holding the offset, or the command the offset trails on the same line. */
  readonly command: Command | undefined;
  /** The offset is after the command's end, separated from it by spaces only. */
  readonly trailing: boolean;
  /** The command's argument holding the offset. */
  readonly arg: Arg | undefined;
}

/** Index of the last statement starting at or before `offset`, or -1. */
function lastStartingBefore(body: readonly Statement[], offset: number): number {
  let low = 0;
  let high = body.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((body[mid]?.start ?? 0) <= offset) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}

/** True for a `{...}` or `[...]` that the offset is inside of (after the opener, before the closer if any). */
function inside(node: Block | Substitution, offset: number): boolean {
  const open = node.kind === "Substitution" ? node.openLength : 1;
  return offset >= node.start + open && (offset < node.end || !node.closed);
}

/** The innermost block or substitution inside an expression that holds the offset. */
function nestedContainer(expr: Expr, offset: number): Block | Substitution | undefined {
  if (offset < expr.start || offset > expr.end) return undefined;
  if (expr.kind === "Block" || expr.kind === "Substitution") return inside(expr, offset) ? expr : undefined;
  for (const child of childrenOf(expr)) {
    if (child.kind === "ArrayElement") {
      if (child.value) {
        const found = nestedContainer(child.value, offset);
        if (found) return found;
      }
      continue;
    }
    const found = nestedContainer(child as Expr, offset);
    if (found) return found;
  }
  return undefined;
}

function argValue(arg: Arg): Expr | undefined {
  return arg.kind === "WhereArg" ? arg.condition : arg.kind === "NamedArg" ? arg.value : arg;
}

/** Only spaces, tabs and `\` line continuations between `from` and `to`. */
export function onlyInlineSpace(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9) continue;
    if (c === 92 /* \ */) {
      let j = i + 1;
      while (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9) j++;
      if (text.charCodeAt(j) === 13 && text.charCodeAt(j + 1) === 10) j++;
      if (text.charCodeAt(j) !== 10 && text.charCodeAt(j) !== 13) return false;
      i = j;
      continue;
    }
    return false;
  }
  return true;
}

export function locate(parsed: ParseResult, offset: number): Location {
  const text = parsed.text;
  const containers: Container[] = [parsed.script];
  let container: Script | Block | Substitution = parsed.script;
  for (;;) {
    const body: readonly Statement[] = container.body;
    const index = lastStartingBefore(body, offset);
    const statement: Statement | undefined = body[index];
    if (!statement) break;
    if (statement.kind !== "Command") {
      if (!inside(statement, offset)) break;
      container = statement;
      containers.push(statement);
      continue;
    }
    if (offset > statement.end) {
      // `/iot/mqtt/|`: a path's last slash ends no word, so it lies after the command's end.
      const slash =
        statement.args.length === 0 && headCount(statement) > 0 && text.slice(statement.end, offset) === "/";
      const trailing =
        slash ||
        (onlyInlineSpace(text, statement.end, offset) &&
          !(statement.colon && headCount(statement) === 0 && statement.end < offset));
      return trailing
        ? { containers, command: statement, trailing: true, arg: undefined }
        : { containers, command: undefined, trailing: false, arg: undefined };
    }
    if (offset === statement.start && (statement.colon || statement.root)) break;
    let nested: Block | Substitution | undefined;
    let arg: Arg | undefined;
    if (statement.callee) nested = nestedContainer(statement.callee, offset);
    for (const a of statement.args) {
      if (nested) break;
      if (offset < a.start || offset > a.end) continue;
      arg = a;
      const value = argValue(a);
      if (value) nested = nestedContainer(value, offset);
    }
    if (nested) {
      container = nested;
      containers.push(nested);
      continue;
    }
    return { containers, command: statement, trailing: false, arg };
  }
  return { containers, command: undefined, trailing: false, arg: undefined };
}

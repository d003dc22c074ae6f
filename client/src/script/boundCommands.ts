// Walks a parsed script's commands with RouterOS's current-menu rule (a path-only line changes the menu for the lines after it) and binds each to the schema.
import type { Command, Node, ParseResult, Statement } from "../../../server/src/syntax";
import { childrenOf } from "../../../server/src/syntax/walk";
import { resolveCommand, type Resolution, type Schema } from "../../../server/src/schema";
import { headTexts } from "../../../server/src/syntax/head";

/** A command line with the menu it runs in and, when the schema knows it, the command. */
export interface BoundCommand {
  readonly command: Command;
  /** The menu of the command (`["iot","mqtt"]` for `/iot mqtt publish`). */
  readonly menuPath: readonly string[];
  /** The command name, or undefined for a path-only line or a line the schema cannot resolve. */
  readonly name: string | undefined;
  readonly resolution: Resolution;
}

/**
 * Every command of the script in source order, blocks included (a block starts in the menu of the line holding it,
 * and a path-only line inside it changes the menu for the rest of that block only).
 */
export function boundCommands(parsed: ParseResult, schema: Schema): BoundCommand[] {
  const out: BoundCommand[] = [];
  visitStatements(parsed.text, parsed.script.body, [], schema, out);
  return out;
}

function visitStatements(
  text: string,
  body: readonly Statement[],
  startMenu: readonly string[],
  schema: Schema,
  out: BoundCommand[],
): void {
  let menu = startMenu;
  for (const statement of body) {
    if (statement.kind === "Block") {
      visitStatements(text, statement.body, menu, schema, out);
      continue;
    }
    if (statement.kind === "Substitution") {
      visitStatements(text, statement.body, menu, schema, out);
      continue;
    }
    const words = headTexts(text, statement).map((word) => ({ text: word }));
    const resolution = resolveCommand(schema, menu, words, statement.root || statement.colon);
    const name = resolution.error ? undefined : resolution.command?.name;
    out.push({ command: statement, menuPath: resolution.menuPath, name, resolution });
    if (!resolution.error && !resolution.command && !statement.callee && statement.args.length === 0) {
      menu = resolution.menuPath;
    }
    visitNested(text, statement, menu, schema, out);
  }
}

/** Code inside arguments (`do={...}`, `[...]`) runs in the menu of the command line holding it. */
function visitNested(
  text: string,
  command: Command,
  menu: readonly string[],
  schema: Schema,
  out: BoundCommand[],
): void {
  const pending: Node[] = childrenOf(command).reverse();
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (node.kind === "Block" || node.kind === "Substitution") {
      visitStatements(text, node.body, menu, schema, out);
      continue;
    }
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i--) pending.push(children[i] as Node);
  }
}

// Variables whose value a script fixes with a literal once (`:local topic "my/test/topic"` at the top level, never `:set`), so a publish using `$topic` can be run without asking for it.
import { isPositional, type ParseResult } from "../../../server/src/syntax";
import { walk } from "../../../server/src/syntax/walk";
import { literalText } from "./argumentValues";
import { headCount, headTexts, headWord } from "../../../server/src/syntax/head";

/** A variable with one known value, declared at `declaredAt` (source offset). */
export interface KnownVariable {
  readonly value: string;
  readonly declaredAt: number;
}

const DECLARE = new Set(["local", "global"]);

/**
 * The top-level variables declared once with a literal value and never changed with `:set`. Variables declared
 * twice, declared without a value or with a computed one, or `:set` anywhere, are left out: their value is not
 * known before a run.
 */
export function literalVariables(parsed: ParseResult): Map<string, KnownVariable> {
  const text = parsed.text;
  const known = new Map<string, KnownVariable>();
  const excluded = new Set<string>();
  for (const statement of parsed.script.body) {
    if (statement.kind !== "Command") continue;
    const words = headTexts(text, statement);
    const [verb, name] = words;
    if (verb === undefined || !DECLARE.has(verb) || name === undefined) continue;
    const first = statement.args[0];
    let value: string | undefined;
    const count = headCount(statement);
    if (count > 2) {
      const from = headWord(statement, 2);
      const to = headWord(statement, count - 1);
      if (from && to && statement.args.length === 0) value = text.slice(from.start, to.end);
    } else if (first !== undefined && isPositional(first) && statement.args.length === 1) {
      value = literalText(text, first);
    }
    if (value === undefined || known.has(name)) excluded.add(name);
    else known.set(name, { value, declaredAt: statement.start });
  }
  walk(parsed.script, (node) => {
    if (node.kind !== "Command") return;
    const [verb, name] = headTexts(text, node);
    if (verb === "set" && name !== undefined) excluded.add(name);
    // Declarations inside blocks shadow or change the name in ways this simple reading does not follow.
    if (verb !== undefined && DECLARE.has(verb) && name !== undefined && !parsed.script.body.includes(node)) {
      excluded.add(name);
    }
  });
  for (const name of excluded) known.delete(name);
  return known;
}

/** The variable name of a plain `$name` reference, or undefined for anything else. */
export function plainVariableName(source: string): string | undefined {
  return /^\$([A-Za-z0-9_]+)$/.exec(source)?.[1];
}

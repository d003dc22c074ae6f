// Variables a script uses but never declares, as the editor's scope model (ide/model) finds them: RouterOS refuses to run such a script.
import { buildModel, ON_MESSAGE_VARIABLES } from "../ide/model/buildModel";
import type { Scope as ModelScope, UnresolvedReference } from "../ide/model/types";
import type { Schema } from "../schema";
import type { ParseResult } from "../syntax";

/**
 * How the top level of a text sees names it does not declare. "script": a script of its own, seeing only its
 * declarations and the names its caller injects (`$msgData`, `$msgTopic` of on-message); "function": `:parse`d
 * code, called like a function, whose unknown top-level names are its parameters (`$f myVar=world`).
 */
export type TopLevel =
  { readonly kind: "script"; readonly injected: ReadonlySet<string> } | { readonly kind: "function" };

/** The names an on-message script is given. */
export { ON_MESSAGE_VARIABLES };

export const SCRIPT: TopLevel = { kind: "script", injected: new Set() };
export const FUNCTION: TopLevel = { kind: "function" };

/** A variable used where no declaration reaches, with the range of its reference (`$name`, or the word of `:set`). */
export interface UndeclaredVariable {
  readonly name: string;
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

const PLAIN_NAME = /^[A-Za-z0-9_]+$/;

/** The scope where the model stopped looking: the script's top level, or a script of its own nested in it. */
function lookupEnd(scope: ModelScope): ModelScope {
  let s = scope;
  while (s.kind !== "script" && s.kind !== "separate" && s.parent) s = s.parent;
  return s;
}

function describe(ref: UnresolvedReference): string {
  const written = PLAIN_NAME.test(ref.name) ? ref.name : JSON.stringify(ref.name);
  return ref.role === "write"
    ? `variable ${written} is not declared: :set needs an earlier ':local ${written}' or ':global ${written}'`
    : `variable $${written} is not declared: declare it with :local or :global before using it`;
}

/** Every undeclared variable of a parsed text (empty when it can run), in source order. */
export function undeclaredVariables(
  parsed: ParseResult,
  schema: Schema,
  top: TopLevel = SCRIPT,
): UndeclaredVariable[] {
  const out: UndeclaredVariable[] = [];
  for (const ref of buildModel(parsed, schema).unresolved) {
    const end = lookupEnd(ref.scope);
    if (end.parent === undefined && (top.kind === "function" || top.injected.has(ref.name))) continue;
    out.push({ name: ref.name, start: ref.start, end: ref.end, message: describe(ref) });
  }
  return out.sort((a, b) => a.start - b.start);
}

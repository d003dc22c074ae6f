// Variables a script sets but never declares, as the editor's scope model (ide/model) finds them: RouterOS refuses such a script.
import { buildModel } from "../ide/model/buildModel";
import { ON_MESSAGE_VARIABLES, SCRIPT_ROOT, type RootScope } from "../ide/model/scriptContexts";
import type { UnresolvedReference } from "../ide/model/types";
import type { Schema } from "../schema";
import type { ParseResult } from "../syntax";

/**
 * How the top level of a text sees names it does not declare. "script": a script of its own, seeing only its
 * declarations and the names its caller injects (`$msgData`, `$msgTopic` of on-message); "provided": `:parse`d
 * code, called like a function, whose unknown top-level names are its parameters (`$f myVar=world`).
 */
export type TopLevel = RootScope;

/** The names an on-message script is given. */
export { ON_MESSAGE_VARIABLES };

export const SCRIPT: TopLevel = SCRIPT_ROOT;
export const FUNCTION: TopLevel = Object.freeze({ kind: "provided", injected: new Set<string>() });

/** A variable used where no declaration reaches, with the range of its reference (`$name`, or the word of `:set`). */
export interface UndeclaredVariable {
  readonly name: string;
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

const PLAIN_NAME = /^[A-Za-z0-9_]+$/;

function describe(ref: UnresolvedReference): string {
  const written = PLAIN_NAME.test(ref.name) ? ref.name : JSON.stringify(ref.name);
  return ref.role === "write"
    ? `variable ${written} is not declared: :set needs an earlier ':local ${written}' or ':global ${written}'`
    : `variable $${written} is not declared: declare it with :local or :global before using it`;
}

/**
 * Every `:set` of an undeclared variable (empty when the text can run), in source order: RouterOS's parser refuses
 * those (`{ :set msg "x" }` is a syntax error at `msg`, RouterOS 7.22.1 `:parse`), while a read of an undeclared
 * name compiles and reads nothing (manual, Scopes: "The code above will output 3").
 */
export function undeclaredVariables(
  parsed: ParseResult,
  schema: Schema,
  top: TopLevel = SCRIPT,
): UndeclaredVariable[] {
  return buildModel(parsed, schema, undefined, top)
    .unresolved.filter((ref) => ref.role === "write")
    .map((ref) => ({ name: ref.name, start: ref.start, end: ref.end, message: describe(ref) }))
    .sort((a, b) => a.start - b.start);
}

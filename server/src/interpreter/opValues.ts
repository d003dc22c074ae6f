// The undocumented `>` and `<%%` operators: `(>[:put $x])` quotes code as a value of type "op", run later in the scope
// it was written in; `($f <%% {1;2})` applies code to an argument array.
import type { Expr } from "../syntax";
import { RosArray } from "./array";
import { calledCode } from "./functions";
import type { CompileContext, Compiler } from "./compiler";
import type { MaybePromise } from "./maybe";
import type { Eval, Runtime } from "./runtime";
import type { Scope } from "./scope";
import type { SourceText } from "./source";
import { Code, isNothing, NOTHING, type Value } from "./values";
import type { Statement } from "../syntax";

/**
 * Code quoted by `>`. Unlike a `do={...}` function, which starts with no variables, it sees the variables of the scope
 * that made it: `{ :local x2 2; :local fn2 (>[:put $x2]); $fn2 }` prints 2 on RouterOS, where the same with
 * `do={:put $x2}` prints nothing (forum.mikrotik.com topic 182894, its code and output). `:typeof` says "op"
 * (tikoci/centrs test/fixtures/explain/operators.json, CHR 7.23.3).
 */
export class Op extends Code {
  override readonly type = "op";
  constructor(
    body: readonly Statement[],
    source: SourceText,
    start: number,
    end: number,
    readonly closure: Scope,
  ) {
    super(body, source, start, end);
  }
}

/**
 * `(> operand)`: a `[...]` operand becomes an op value closing over the scope; any other operand is its value (
 * `(>{"a"=1})` is the array itself: `:typeof` says array).
 */
export function compileQuote(compiler: Compiler, operand: Expr, ctx: CompileContext): Eval {
  if (operand.kind !== "Substitution") return compiler.exprIn(operand, ctx);
  const start = operand.start + operand.openLength;
  const end = operand.closed ? operand.end - 1 : operand.end;
  // Compiled once, now: a bad command name in quoted code stops the script before it runs, as in `do={...}`.
  compiler.code(new Code(operand.body, ctx.source, start, end));
  return (s) => new Op(operand.body, ctx.source, start, end, s);
}

/**
 * `($f <%% {7;8})`, how RouterOS compiles a call: applies code to an argument array. Unkeyed members are `$0`, `$1`...
 * in order (the first is `$0`, the callee's place in a compiled call `(<%% $f (> $f);7;8)`), keyed members are named
 * arguments. CHR 7.23.3 prints `7|8|` for `"$0|$1|$2"` and 5 for `$a` with `{a=5}` (tikoci/centrs
 * test/fixtures/explain/operators.json, runtime rows). What is not code applies to nothing.
 */
export function applyToArguments(rt: Runtime, caller: Scope, f: Value, args: Value): MaybePromise<Value> {
  const code = calledCode(f);
  if (!code) return NOTHING;
  const named = new Map<string, Value>();
  const positional: Value[] = [];
  let unkeyed = 0;
  const members =
    args instanceof RosArray ? [...args.entries()] : isNothing(args) ? [] : [[0n, args] as const];
  for (const [key, value] of members) {
    if (typeof key === "string") named.set(key, value);
    else if (unkeyed++ > 0) positional.push(value);
    else named.set("0", value);
  }
  return rt.callCode(code, caller, named, positional);
}

// The undocumented `>` operator: `(>[:put $x])` quotes code as a value of type "op", run later in the scope it was written in.
import type { Expr } from "../syntax";
import type { CompileContext, Compiler } from "./compiler";
import type { Eval } from "./runtime";
import type { Scope } from "./scope";
import type { SourceText } from "./source";
import { Code } from "./values";
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

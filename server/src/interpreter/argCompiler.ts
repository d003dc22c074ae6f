// The arguments of one call site, compiled in the menu its substitutions resolve against: what builtins compile from.
import { stringText, type Block, type Expr } from "../syntax";
import type { CompileContext, Compiler } from "./compiler";
import { ScriptError } from "./errors";
import { toStr } from "./format";
import { calledCode } from "./functions";
import { then, type MaybePromise } from "./maybe";
import type { CallSite, Eval, Runtime } from "./runtime";
import type { Scope } from "./scope";
import { NOTHING, type Value } from "./values";

/** Compiles the arguments of one call site, in the menu its substitutions resolve against. Builtins use it. */
export class ArgCompiler {
  constructor(
    readonly compiler: Compiler,
    readonly ctx: CompileContext,
  ) {}

  get rt(): Runtime {
    return this.compiler.rt;
  }

  /** The command's value is used (inside `[...]`). */
  get valueWanted(): boolean {
    return this.ctx.valueWanted;
  }

  expr(expr: Expr): Eval {
    return this.compiler.exprIn(expr, this.ctx);
  }

  /** A block run inline in a child scope. */
  block(block: Block): Eval {
    return this.compiler.block(block, this.ctx);
  }

  whereCondition(condition: Expr): (s: Scope, item: ReadonlyMap<string, Value>) => MaybePromise<boolean> {
    return this.compiler.whereCondition(condition, this.ctx);
  }

  /** The expression given for argument `name` (`name=...`) or, failing that, unnamed argument `index`. */
  argExpr(site: CallSite, name: string, index?: number): Expr | undefined {
    const named = site.named.get(name);
    if (named) return named.value ?? emptyString(named.end);
    return index === undefined ? undefined : site.positional[index];
  }

  has(site: CallSite, name: string, index?: number): boolean {
    return this.argExpr(site, name, index) !== undefined;
  }

  /** The compiled value of an argument, or `fallback` (nothing) when absent. */
  arg(site: CallSite, name: string, index?: number, fallback: Value = NOTHING): Eval {
    const expr = this.argExpr(site, name, index);
    return expr ? this.expr(expr) : () => fallback;
  }

  /** An argument holding code (`do={...}`): run inline in a child scope; a code value or string is called. */
  codeArg(site: CallSite, name: string, index?: number): Eval | undefined {
    const expr = this.argExpr(site, name, index);
    if (!expr) return undefined;
    if (expr.kind === "Block") return this.compiler.block(expr, this.ctx);
    const value = this.expr(expr);
    return (s) =>
      then(value(s), (v) => {
        const code = calledCode(v);
        if (code) return this.compiler.rt.callCode(code, s, new Map(), []);
        if (typeof v === "string")
          return this.compiler.rt.callCode(this.compiler.rt.parseCode(v), s, new Map(), []);
        throw new ScriptError(`expected code for ${name}, got ${toStr(v) || "nothing"}`);
      });
  }

  /** The bare word text of an argument (a variable name such as `:local x`), or undefined if it is not a plain word. */
  wordArg(site: CallSite, name: string, index?: number): string | undefined {
    const expr = this.argExpr(site, name, index);
    if (!expr) return undefined;
    if (expr.kind === "Literal") return this.ctx.source.text.slice(expr.start, expr.end);
    if (expr.kind === "String" && expr.interpolations.length === 0)
      return stringText(this.ctx.source.text, expr);
    if (expr.kind === "Variable" && !expr.dynamic) return expr.name;
    return undefined;
  }
}

function emptyString(at: number): Expr {
  return { kind: "String", interpolations: [], terminated: true, start: at, end: at };
}

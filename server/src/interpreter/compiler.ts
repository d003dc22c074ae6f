// Compiles the syntax tree to closures once: statements and command lines, bound to their menu and command by the schema.
import { argumentMenu, describeResolveError, resolveCommand, type CommandInfo } from "../schema";
import {
  classifyLiteral,
  isPositional,
  type Block,
  type Command,
  type Expr,
  type Literal,
  type NamedArg,
  type Statement,
} from "../syntax";
import { ArgCompiler } from "./argCompiler";
import { locate, ScriptError } from "./errors";
import { ExpressionCompiler } from "./expressions";
import { toStr } from "./format";
import { calledCode } from "./functions";
import { sequenceValues, then, type MaybePromise } from "./maybe";
import { compileMenuCommand } from "./menuCommand";
import type { CallSite, Eval, Runtime } from "./runtime";
import { Signal, type Scope } from "./scope";
import type { SourceText } from "./source";
import type { Code } from "./values";
import { NIL, NOTHING, type Value } from "./values";
import { toBytes } from "./bytes";
import { headTexts, headWord, headWords } from "../syntax/head";
import { globalFindValues } from "../ide/model/argumentForms";

export { ArgCompiler } from "./argCompiler";

/** Where a piece of code is being compiled. `menu` changes as menu-only lines (`/interface bridge`) are met. */
export interface CompileContext {
  readonly source: SourceText;
  menu: readonly string[];
  /** Compiling a `where`/`find` condition: bare names read the item's properties. */
  readonly where: boolean;
  /** Compiling the body of `[ ... ]`: the command's value is used (print count-only returns instead of printing). */
  readonly valueWanted: boolean;
}

/** A global command (`:put`, `:if`...) compiled from its call site. */
export type Builtin = (site: CallSite, c: ArgCompiler) => Eval;

const EMPTY: Eval = () => NOTHING;

/** The argument RouterOS reads a written name as: itself, or the one name it abbreviates (`to-address`). */
function fullArgName(info: CommandInfo, written: string): string {
  const match = info.readArg(written);
  return match.kind === "abbreviation" ? match.name : written;
}

export class Compiler {
  /** Compiled function bodies, so that every call of a code value reuses them. */
  private readonly bodies = new WeakMap<readonly Statement[], Eval>();
  private readonly expressions = new ExpressionCompiler(this);

  constructor(
    readonly rt: Runtime,
    private readonly builtins: ReadonlyMap<string, Builtin>,
    private readonly menuBuiltins: (site: CallSite, c: ArgCompiler) => Eval | undefined,
  ) {}

  // ---- statements -----------------------------------------------------------------------------------------------

  /** Statements run in order in the given scope; stops at break/continue/return/exit. Gives the last value. */
  body(statements: readonly Statement[], ctx: CompileContext): Eval {
    const items = statements.map((s) => this.statement(s, ctx));
    if (items.length === 0) return EMPTY;
    if (items.length === 1) return items[0] as Eval;
    return (s) => runFrom(items, 0, s, NOTHING);
  }

  /** A block of code run inline in a new child scope (`do={...}` of `:if`, loops, `{...}` statements). */
  block(block: Block, ctx: CompileContext): Eval {
    const inner: CompileContext = { ...ctx };
    const run = this.body(block.body, inner);
    return (s) => run(s.child());
  }

  /** `[...]`: the command's value; a command that gives none gives nil (CHR 7.23.3: `:typeof [:nothing]` is nil). */
  substitution(statements: readonly Statement[], ctx: CompileContext): Eval {
    const run = this.body(statements, { ...ctx, where: false, valueWanted: true });
    return (s) => then(run(s), (v) => (v === NOTHING ? NIL : v));
  }

  /**
   * The code of a function value, compiled (once) as a script of its own: no outer variables, relative command names
   * in the menu where it was written (RouterOS 7.22.1's IL compiles every `{...}` in its line's menu).
   */
  code(code: Code): Eval {
    let run = this.bodies.get(code.body);
    if (!run) {
      run = this.body(code.body, { source: code.source, menu: code.menu, where: false, valueWanted: false });
      this.bodies.set(code.body, run);
    }
    return run;
  }

  exprIn(expr: Expr, ctx: CompileContext): Eval {
    return this.expressions.expr(expr, ctx);
  }

  private statement(statement: Statement, ctx: CompileContext): Eval {
    switch (statement.kind) {
      case "Command":
        return this.command(statement, ctx);
      case "Block":
        return this.block(statement, ctx);
      case "Substitution": {
        // A command line that is a substitution runs the code it gives: `[[:parse "..."]]` calls the parsed code.
        const value = this.substitution(statement.body, ctx);
        return (s) =>
          then(value(s), (v) => {
            const code = calledCode(v);
            return code ? this.rt.callCode(code, s, new Map(), []) : v;
          });
      }
    }
  }

  private command(cmd: Command, ctx: CompileContext): Eval {
    const source = ctx.source;
    if (cmd.callee) return withLocation(this.call(cmd, ctx), source, cmd.start, cmd.end);
    const words = headTexts(source.text, cmd).map((word) => ({ text: word }));
    if (words.length === 0) {
      if (cmd.root) ctx.menu = [];
      return EMPTY;
    }
    const resolution = resolveCommand(this.rt.schema, ctx.menu, words, cmd.colon || cmd.root);
    if (resolution.error) {
      // RouterOS compiles a bad command name into a run-time error: the lines before it run, and `:onerror`,
      // `:do on-error=` and `:retry` catch it (manual, :retry example; IL `(<%% bad command name ...)`).
      const token = headWord(cmd, resolution.error.wordIndex) ?? cmd;
      const message = describeResolveError(resolution.error);
      return withLocation(
        () => {
          throw new ScriptError(message);
        },
        source,
        token.start,
        token.end,
      );
    }
    const info = resolution.command;
    if (!info) {
      // `/interface { ... }`: the blocks run in that menu and the current menu stays; a bare path changes it.
      const blocks = cmd.args.filter((a): a is Block => a.kind === "Block");
      if (blocks.length === 0) {
        ctx.menu = resolution.menuPath;
        return EMPTY;
      }
      const inner = { ...ctx, menu: resolution.menuPath };
      return withLocation(this.body(blocks, inner), source, cmd.start, cmd.end);
    }
    const site = this.site(cmd, ctx, resolution.menuPath, info, resolution.pathWords);
    // The router names the failing command by its path: `:put`, `/interface/get` (centrs operators.json, manual logs).
    const label = site.menu.length === 0 ? `:${info.name}` : `/${[...site.menu, info.name].join("/")}`;
    const wrap = (run: Eval): Eval => withLocation(run, source, cmd.start, cmd.end, label);
    if (site.menu.length === 0) {
      const builtin = this.builtins.get(info.name);
      if (!builtin) return wrap(unsupportedCommand(`:${info.name}`));
      return wrap(builtin(site, new ArgCompiler(this, { ...ctx, where: false })));
    }
    const args = new ArgCompiler(this, {
      source: ctx.source,
      menu: argumentMenu(this.rt.schema, info, ctx.menu),
      where: false,
      valueWanted: ctx.valueWanted,
    });
    const special = this.menuBuiltins(site, args);
    if (special) return wrap(special);
    const where = site.where ? this.whereCondition(site.where, args.ctx) : undefined;
    return wrap(compileMenuCommand(site, args, where));
  }

  private site(
    cmd: Command,
    ctx: CompileContext,
    menu: readonly string[],
    info: CommandInfo,
    pathWords: number,
  ): CallSite {
    const text = ctx.source.text;
    const positional: Expr[] = headWords(cmd)
      .slice(pathWords)
      .map((t): Literal => ({
        kind: "Literal",
        literal: classifyLiteral(text.slice(t.start, t.end)),
        start: t.start,
        end: t.end,
      }));
    const named = new Map<string, NamedArg>();
    let where: Expr | undefined;
    for (const arg of cmd.args) {
      const values = globalFindValues(info, arg);
      if (values) for (const value of values) positional.push(value);
      else if (isPositional(arg)) positional.push(arg);
      else if (arg.kind === "NamedArg") named.set(fullArgName(info, text.slice(arg.start, arg.nameEnd)), arg);
      else
        where = where
          ? {
              kind: "Binary",
              opStart: -1,
              operator: "and",
              left: where,
              right: arg.condition,
              start: where.start,
              end: arg.end,
            }
          : arg.condition;
    }
    return {
      source: ctx.source,
      start: cmd.start,
      end: cmd.end,
      menu,
      info,
      positional,
      named,
      where,
      valueWanted: ctx.valueWanted,
    };
  }

  // ---- calls --------------------------------------------------------------------------------------------------

  /**
   * `$f a=1 "x"`: calls a code value with named arguments, `$1`, `$2`... and `$0`, the callee as written (`$f`: CHR
   * 7.23.3 prints `$f255|7|8` for `"$0|$1|$2"`, tikoci/centrs test/fixtures/explain/operators.json). Calling
   * what is not code (an undeclared function) gives nothing, as on RouterOS (Tips and Tricks: `typeof = nil`).
   */
  private call(cmd: Command, ctx: CompileContext): Eval {
    const calleeExpr = cmd.callee as Expr;
    const callee = this.exprIn(calleeExpr, ctx);
    const calledAs = calleeExpr.kind === "Variable" && !calleeExpr.dynamic ? calleeExpr.name : undefined;
    const text = ctx.source.text;
    const named: [string, Eval][] = [];
    const positional: Eval[] = [];
    for (const arg of cmd.args) {
      if (arg.kind === "NamedArg") {
        const value = arg.value;
        const name = text.slice(arg.start, arg.nameEnd);
        named.push([name, value ? this.callArgument(value, ctx) : () => ""]);
      } else if (isPositional(arg)) {
        positional.push(this.callArgument(arg, ctx));
      }
    }
    // `[($a->1)]`, `:parse "(...)"`: an expression as a line is its value; code it gives is applied.
    const expression = calleeExpr.kind === "Paren";
    return (s) =>
      then(callee(s), (f) => {
        const code =
          calledCode(f) ??
          (typeof f === "string" && f !== "" && !expression ? this.rt.parseCode(f) : undefined);
        if (!code) {
          if (typeof f === "object" && (f.type === "nothing" || f.type === "nil")) return NOTHING;
          // `($a->"k")` or `[find]` as a line: a value that is not code is the line's value (RouterOS applies it).
          if (calleeExpr.kind !== "Variable") return f;
          throw new ScriptError(`cannot call ${JSON.stringify(toStr(f))}: not a function`);
        }
        const args = new Map<string, Value>();
        if (calledAs !== undefined) args.set("0", `$${calledAs}`);
        const values: Value[] = [];
        // An expression as the callee (`[($funcs->"echo") x]`) has no name to give `$0`: the first unnamed argument
        // is `$0`, as in `($f <%% {x})` (amm0's router transcript, forum.mikrotik.com/t/
        // positional-arguments-in-array-function-0-vs-1/154024/3: only the second argument reaches `$1`).
        const toPositional = (v: Value): void => {
          if (expression && !args.has("0")) args.set("0", v);
          else values.push(v);
        };
        const steps = [
          ...named.map(
            ([name, e]) =>
              () =>
                then(e(s), (v) => void args.set(name, v)),
          ),
          ...positional.map((e) => () => then(e(s), toPositional)),
        ];
        return then(sequenceValues(steps, []), () => this.rt.callCode(code, s, args, values));
      });
  }

  /**
   * A function's argument: a bare word reaches the function as the text written, not read as a literal (no schema
   * types it). RouterOS's IL keeps `[$HexToNum 0xFF85]` as `0xFF85` where `:put 0xFF85` becomes `putmessage=65413`
   * (parse oracle, rextended's topic 151033/19); amm0's $tofloat splits `$tofloat 4343.1344` at its "." and his router
   * prints 1000:540::10f7, which a time (01:12:23.134400) would not give (forum.mikrotik.com/t/decimals/21737/10).
   */
  private callArgument(arg: Expr, ctx: CompileContext): Eval {
    if (arg.kind !== "Literal") return this.exprIn(arg, ctx);
    const word = toBytes(ctx.source.text.slice(arg.start, arg.end));
    return () => word;
  }

  /** A `where`/`find` condition as a test of one item. */
  whereCondition(
    condition: Expr,
    outer: CompileContext,
  ): (s: Scope, item: ReadonlyMap<string, Value>) => MaybePromise<boolean> {
    const ctx: CompileContext = { source: outer.source, menu: outer.menu, where: true, valueWanted: true };
    const test = this.exprIn(condition, ctx);
    return (s, item) => {
      const scope = s.child();
      scope.item = item;
      return then(test(scope), (v) => v === true || v === "true" || v === "yes");
    };
  }
}

function unsupportedCommand(name: string): Eval {
  return () => {
    throw new ScriptError(`${name} is not supported by the simulator`, "RSC4003");
  };
}

/** Runs statements from index `i`; stops when a control-flow signal is raised. */
function runFrom(items: readonly Eval[], i: number, s: Scope, last: Value): MaybePromise<Value> {
  for (; i < items.length; i++) {
    const r = (items[i] as Eval)(s);
    if (r instanceof Promise) return continueFrom(items, i, s, r);
    last = r;
    if (s.frame.signal !== Signal.None) return last;
  }
  return last;
}

async function continueFrom(
  items: readonly Eval[],
  i: number,
  s: Scope,
  pending: Promise<Value>,
): Promise<Value> {
  let last = await pending;
  for (i++; i < items.length && s.frame.signal === Signal.None; i++) last = await (items[i] as Eval)(s);
  return last;
}

/** Gives errors that have no location the range of this command. */
function withLocation(run: Eval, source: SourceText, start: number, end: number, command?: string): Eval {
  return (s) => {
    try {
      const r = run(s);
      if (r instanceof Promise)
        return r.catch((error: unknown) => {
          throw locate(error, source, start, end, command);
        });
      return r;
    } catch (error) {
      throw locate(error, source, start, end, command);
    }
  };
}

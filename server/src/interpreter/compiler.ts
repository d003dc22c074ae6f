// Compiles the syntax tree to closures once, binding every command to its menu and command from the schema.
import { describeResolveError, resolveCommand, type CommandInfo } from "../schema";
import {
  classifyLiteral,
  forEachStringPiece,
  isPositional,
  stringText,
  type ArrayLiteral,
  type Block,
  type Command,
  type Expr,
  type Literal,
  type NamedArg,
  type Statement,
  type StringLiteral,
  type Variable,
} from "../syntax";
import { RosArray } from "./array";
import { toBytes } from "./bytes";
import { locate, ScriptError } from "./errors";
import { toStr } from "./format";
import { literalValue } from "./literals";
import { finishValues, sequenceValues, then, type MaybePromise } from "./maybe";
import { compileQuote } from "./opValues";
import { BINARY, COMPARISONS, unary } from "./operators";
import type { CallSite, Eval, Runtime } from "./runtime";
import { Signal, type Scope } from "./scope";
import type { SourceText } from "./source";
import { Code, NOTHING, type Value } from "./values";
import { headTexts, headWord, headWords } from "../syntax/head";

/** The script cannot run: a bad command name found while compiling (syntax errors are found before). */
export class CompileError extends Error {
  override readonly name = "CompileError";
  constructor(
    message: string,
    readonly start: number,
    readonly end: number,
  ) {
    super(message);
  }
}

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

export class Compiler {
  /** Compiled function bodies, so that every call of a code value reuses them. */
  private readonly bodies = new WeakMap<readonly Statement[], Eval>();

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

  /** The code of a function value, compiled (once) as a script of its own: root menu, no outer variables. */
  code(code: Code): Eval {
    let run = this.bodies.get(code.body);
    if (!run) {
      run = this.body(code.body, { source: code.source, menu: [], where: false, valueWanted: false });
      this.bodies.set(code.body, run);
    }
    return run;
  }

  private statement(statement: Statement, ctx: CompileContext): Eval {
    switch (statement.kind) {
      case "Command":
        return this.command(statement, ctx);
      case "Block":
        return this.block(statement, ctx);
      case "Substitution":
        return this.body(statement.body, { ...ctx, valueWanted: true });
    }
  }

  private command(cmd: Command, ctx: CompileContext): Eval {
    const source = ctx.source;
    const wrap = (run: Eval): Eval => withLocation(run, source, cmd.start, cmd.end);
    if (cmd.callee) return wrap(this.call(cmd, ctx));
    const words = headTexts(source.text, cmd).map((word) => ({ text: word }));
    if (words.length === 0) {
      if (cmd.root) ctx.menu = [];
      return EMPTY;
    }
    const resolution = resolveCommand(this.rt.schema, ctx.menu, words, cmd.colon || cmd.root);
    if (resolution.error) {
      const token = headWord(cmd, resolution.error.wordIndex) ?? cmd;
      throw new CompileError(describeResolveError(resolution.error), token.start, token.end);
    }
    const info = resolution.command;
    if (!info) {
      ctx.menu = resolution.menuPath;
      return EMPTY;
    }
    const site = this.site(cmd, ctx, resolution.menuPath, info, resolution.pathWords);
    if (site.menu.length === 0) {
      const builtin = this.builtins.get(info.name);
      if (!builtin) return wrap(unsupportedCommand(`:${info.name}`));
      return wrap(builtin(site, new ArgCompiler(this, { ...ctx, where: false })));
    }
    const args = new ArgCompiler(this, {
      source: ctx.source,
      menu: site.menu,
      where: false,
      valueWanted: ctx.valueWanted,
    });
    const special = this.menuBuiltins(site, args);
    if (special) return wrap(special);
    return wrap(this.menuCommand(site, args));
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
      if (isPositional(arg)) positional.push(arg);
      else if (arg.kind === "NamedArg") named.set(text.slice(arg.start, arg.nameEnd), arg);
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

  /** `$f a=1 "x"`: calls a code value with named arguments and `$1`, `$2`... */
  private call(cmd: Command, ctx: CompileContext): Eval {
    const callee = this.exprIn(cmd.callee as Expr, ctx);
    const text = ctx.source.text;
    const named: [string, Eval][] = [];
    const positional: Eval[] = [];
    for (const arg of cmd.args) {
      if (arg.kind === "NamedArg") {
        const value = arg.value;
        const name = text.slice(arg.start, arg.nameEnd);
        named.push([name, value ? this.exprIn(value, ctx) : () => ""]);
      } else if (isPositional(arg)) {
        positional.push(this.exprIn(arg, ctx));
      }
    }
    return (s) =>
      then(callee(s), (f) => {
        const code =
          f instanceof Code ? f : typeof f === "string" && f !== "" ? this.rt.parseCode(f) : undefined;
        // `($a->"k")` or `[find]` as a line: a value that is not code is the line's value (RouterOS applies it).
        if (!code && cmd.callee?.kind !== "Variable") return f;
        if (!code)
          throw new ScriptError(
            `cannot call ${toStr(f) === "" ? "nothing" : JSON.stringify(toStr(f))}: not a function`,
          );
        const args = new Map<string, Value>();
        const values: Value[] = [];
        const steps = [
          ...named.map(
            ([name, e]) =>
              () =>
                then(e(s), (v) => void args.set(name, v)),
          ),
          ...positional.map((e) => () => then(e(s), (v) => void values.push(v))),
        ];
        return then(sequenceValues(steps, []), () => this.rt.callCode(code, s, args, values));
      });
  }

  // ---- menu commands --------------------------------------------------------------------------------------------

  private menuCommand(site: CallSite, c: ArgCompiler): Eval {
    const info = site.info;
    const switches = new Set<string>();
    const bound: [string, Eval][] = [];
    const extra: Eval[] = [];
    let position = 0;
    const text = site.source.text;
    for (const expr of site.positional) {
      if (expr.kind === "Literal") {
        const word = text.slice(expr.start, expr.end);
        if (info.arg(word)?.type === "switch" || GENERIC_SWITCHES.has(word)) {
          switches.add(word);
          continue;
        }
      }
      while (site.named.has(info.positional[position] ?? "")) position++;
      const name = info.positional[position++];
      if (name !== undefined) bound.push([name, c.expr(expr)]);
      else extra.push(c.expr(expr));
    }
    for (const [name, arg] of site.named) {
      if (!arg.value) bound.push([name, () => ""]);
      else if (arg.value.kind === "Literal" && info.arg(name)?.type === "switch") switches.add(name);
      else bound.push([name, c.expr(arg.value)]);
    }
    const where = site.where ? this.whereCondition(site.where, c.ctx) : undefined;
    const path = site.menu;
    const command = info.name;
    const key = `${path.join("/")}/${command}`;
    const names = bound.map(([name]) => name);
    const evals = [...bound.map(([, e]) => e), ...extra];
    const call = (s: Scope, values: readonly Value[]): MaybePromise<Value> => {
      const args = new Map<string, Value>();
      for (let i = 0; i < names.length; i++) args.set(names[i] as string, values[i] as Value);
      return this.rt.menuCommand(
        {
          site,
          key,
          path,
          command,
          args,
          switches,
          extra: values.slice(names.length),
          where: where ? (item) => where(s, item) : undefined,
        },
        s,
      );
    };
    return (s) => {
      const values: Value[] = [];
      for (let i = 0; i < evals.length; i++) {
        const v = (evals[i] as Eval)(s);
        if (v instanceof Promise) {
          return finishValues(
            evals.map((e) => () => e(s)),
            i,
            v,
            values,
          ).then((all) => call(s, all));
        }
        values.push(v);
      }
      return call(s, values);
    };
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

  // ---- expressions --------------------------------------------------------------------------------------------

  exprIn(expr: Expr, ctx: CompileContext): Eval {
    switch (expr.kind) {
      case "Literal":
        return this.literal(expr, ctx, false);
      case "String":
        return this.string(expr, ctx);
      case "Variable":
        return this.variable(expr, ctx);
      case "Substitution":
        return this.body(expr.body, { ...ctx, where: false, valueWanted: true });
      case "Paren":
        return this.exprIn(expr.expr, ctx);
      case "Array":
        return this.array(expr, ctx);
      case "Block": {
        const code = new Code(expr.body, ctx.source, expr.start + 1, expr.closed ? expr.end - 1 : expr.end);
        this.code(code);
        return () => code;
      }
      case "Unary": {
        if (expr.operator === ">") return compileQuote(this, expr.operand, ctx);
        const operand = this.exprIn(expr.operand, ctx);
        const operator = expr.operator;
        return (s) => then(operand(s), (v) => unary(operator, v));
      }
      case "Binary":
        return this.binary(expr.operator, expr.left, expr.right, ctx);
      case "Concat": {
        const parts = expr.parts.map((p) => this.exprIn(p, ctx));
        return (s) => {
          const values: Value[] = [];
          return then(
            sequenceValues(
              parts.map((p) => () => p(s)),
              values,
            ),
            () => values.map(toStr).join(""),
          );
        };
      }
      case "Missing":
        return () => {
          throw new ScriptError("syntax error: a value is missing here");
        };
    }
  }

  private literal(expr: Literal, ctx: CompileContext, plainValue: boolean): Eval {
    const text = ctx.source.text.slice(expr.start, expr.end);
    const value = literalValue(text, expr.literal);
    if (!ctx.where || plainValue || expr.literal !== "word") return () => value;
    const known = this.rt.schema.property(ctx.menu, text) !== undefined;
    return (s) => {
      const item = s.whereItem();
      if (item) {
        const property = item.get(text);
        if (property !== undefined) return property;
        if (known) return NOTHING;
      }
      return value;
    };
  }

  private variable(expr: Variable, ctx: CompileContext): Eval {
    const where = ctx.where;
    const read = (s: Scope, name: string): Value => {
      if (where) {
        const property = s.whereItem()?.get(name);
        if (property !== undefined) return property;
      }
      const slot = s.lookup(name);
      return slot ? slot.value : NOTHING;
    };
    if (expr.dynamic) {
      const nameOf = this.exprIn(expr.dynamic.expr, ctx);
      return (s) => then(nameOf(s), (n) => read(s, toStr(n)));
    }
    const name = expr.name;
    if (!where) {
      return (s) => {
        const slot = s.lookup(name);
        return slot ? slot.value : NOTHING;
      };
    }
    return (s) => read(s, name);
  }

  private binary(operator: string, left: Expr, right: Expr, ctx: CompileContext): Eval {
    const l = this.exprIn(left, ctx);
    const r =
      ctx.where && right.kind === "Literal" && COMPARISONS.has(operator)
        ? this.literal(right, ctx, true)
        : this.exprIn(right, ctx);
    if (operator === "&&" || operator === "and" || operator === "||" || operator === "or") {
      const isAnd = operator === "&&" || operator === "and";
      return (s) =>
        then(l(s), (a) => {
          const x = logical(a, operator);
          if (isAnd ? !x : x) return x;
          return then(r(s), (b) => logical(b, operator));
        });
    }
    const apply = BINARY[operator];
    if (!apply) return () => NOTHING;
    return (s) => {
      const a = l(s);
      if (a instanceof Promise) return a.then((av) => then(r(s), (bv) => apply(av, bv)));
      const b = r(s);
      if (b instanceof Promise) return b.then((bv) => apply(a, bv));
      return apply(a, b);
    };
  }

  private string(expr: StringLiteral, ctx: CompileContext): Eval {
    const text = ctx.source.text;
    const pieces: (string | Eval)[] = [];
    let literal = "";
    forEachStringPiece(
      text,
      expr,
      // Text as written is UTF-8 on the router; an escape's value is bytes already (`\C3\A9`).
      (piece, _start, _end, verbatim) => (literal += verbatim ? toBytes(piece) : piece),
      (part) => {
        if (literal !== "") pieces.push(literal);
        literal = "";
        pieces.push(part.kind === "Variable" ? this.variable(part, ctx) : this.exprIn(part, ctx));
      },
    );
    if (literal !== "" || pieces.length === 0) pieces.push(literal);
    if (pieces.length === 1 && typeof pieces[0] === "string") {
      const constant = pieces[0];
      return () => constant;
    }
    return (s) => {
      let out = "";
      for (let i = 0; i < pieces.length; i++) {
        const piece = pieces[i] as string | Eval;
        if (typeof piece === "string") {
          out += piece;
          continue;
        }
        const v = piece(s);
        if (v instanceof Promise) return finishString(pieces, i, s, out, v);
        out += toStr(v);
      }
      return out;
    };
  }

  private array(expr: ArrayLiteral, ctx: CompileContext): Eval {
    // RouterOS reads an empty `{}` as an (empty) block, not as an array: `[:toarray ""]` is the empty array.
    if (expr.elements.length === 0) return () => NOTHING;
    const text = ctx.source.text;
    const elements = expr.elements.map((element) => {
      let key: string | Eval | undefined;
      if (element.key?.kind === "String") key = this.string(element.key, ctx);
      else if (element.key) key = toBytes(text.slice(element.key.start, element.key.end));
      const value = element.value ? this.exprIn(element.value, ctx) : () => "";
      return { key, value };
    });
    return (s) => {
      const out = new RosArray();
      const steps = elements.map(
        ({ key, value }) =>
          () =>
            then(value(s), (v) => {
              if (key === undefined) out.push(v);
              else if (typeof key === "string") out.setKey(key, v);
              else return then(key(s), (k) => void out.setKey(toStr(k), v));
              return undefined;
            }),
      );
      return then(sequenceValues(steps, []), () => out);
    };
  }
}

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
        if (v instanceof Code) return this.compiler.rt.callCode(v, s, new Map(), []);
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

const GENERIC_SWITCHES: ReadonlySet<string> = new Set([
  "as-value",
  "count-only",
  "detail",
  "terse",
  "brief",
  "without-paging",
  "show-ids",
  "value-list",
  "once",
  "as-string",
  "as-string-value",
]);

function logical(value: Value, operator: string): boolean {
  if (typeof value === "boolean") return value;
  if (value === "true" || value === "yes") return true;
  if (value === "false" || value === "no") return false;
  throw new ScriptError(`operand of '${operator}' not boolean`);
}

function emptyString(at: number): Expr {
  return { kind: "String", interpolations: [], terminated: true, start: at, end: at };
}

function unsupportedCommand(name: string): Eval {
  return () => {
    throw new ScriptError(`${name} is not supported by the simulator`, "RSC4003");
  };
}

async function finishString(
  pieces: readonly (string | Eval)[],
  from: number,
  s: Scope,
  prefix: string,
  pending: Promise<Value>,
): Promise<string> {
  let out = prefix + toStr(await pending);
  for (let i = from + 1; i < pieces.length; i++) {
    const piece = pieces[i] as string | Eval;
    out += typeof piece === "string" ? piece : toStr(await piece(s));
  }
  return out;
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
function withLocation(run: Eval, source: SourceText, start: number, end: number): Eval {
  return (s) => {
    try {
      const r = run(s);
      if (r instanceof Promise)
        return r.catch((error: unknown) => {
          throw locate(error, source, start, end);
        });
      return r;
    } catch (error) {
      throw locate(error, source, start, end);
    }
  };
}

// Compiles expressions to closures: literals typed from their text, variables, operators, strings, array literals.
import {
  forEachStringPiece,
  type ArrayLiteral,
  type Expr,
  type Literal,
  type StringLiteral,
  type Variable,
} from "../syntax";
import { RosArray } from "./array";
import { toBytes } from "./bytes";
import type { CompileContext, Compiler } from "./compiler";
import { EngineError, ScriptError } from "./errors";
import { toStr } from "./format";
import { literalValue, memberValue } from "./literals";
import { sequenceValues, then, type MaybePromise } from "./maybe";
import { applyToArguments, compileQuote } from "./opValues";
import { COMPARISONS } from "../syntax/operators";
import { BINARY, unary } from "./operators";
import type { Eval } from "./runtime";
import type { Scope } from "./scope";
import { Code, NOTHING, type Value } from "./values";

export class ExpressionCompiler {
  constructor(private readonly compiler: Compiler) {}

  /**
   * `member`: the expression is an unkeyed member of an array literal or inside `( )`, where a bare word RouterOS cannot
   * read as a number, address, time or boolean reads the variable of that name, nothing when there is none (a CHR reads
   * `{abc}` as `$abc` and `{a_b=1}` as `(= $a_b 1)`; RouterOS 7.22.1 compiles `:while (lastkey != 113)` to
   * `(!= $lastkey 113)`, parse oracle IL), at any depth of its operators and parentheses, not inside strings,
   * commands or nested arrays, nor on the right of a comparison, where a word is text (`($s = running)`). A `where`
   * condition reads such words as the item's properties instead.
   */
  expr(expr: Expr, ctx: CompileContext, member = false): Eval {
    switch (expr.kind) {
      case "Literal":
        return this.literal(expr, ctx, false, member);
      case "String":
        return this.string(expr, ctx);
      case "Variable":
        return this.variable(expr, ctx);
      case "Substitution":
        return this.compiler.substitution(expr.body, ctx);
      case "Paren":
        return this.expr(expr.expr, ctx, true);
      case "Array":
        return this.array(expr, ctx);
      case "Block": {
        const end = expr.closed ? expr.end - 1 : expr.end;
        const code = new Code(expr.body, ctx.source, expr.start + 1, end, ctx.menu);
        this.compiler.code(code);
        return () => code;
      }
      case "Unary": {
        if (expr.operator === ">") return compileQuote(this.compiler, expr.operand, ctx);
        const operand = this.expr(expr.operand, ctx, member);
        const operator = expr.operator;
        return (s) => then(operand(s), (v) => unary(operator, v));
      }
      case "Binary":
        if (expr.opStart === -1) return this.juxtaposed(expr.left, expr.right, ctx, member);
        return this.binary(expr.operator, expr.left, expr.right, ctx, member);
      case "Concat":
        return this.concat(expr.parts, ctx);
      case "Missing":
        return () => {
          throw new ScriptError("syntax error: a value is missing here");
        };
    }
  }

  private literal(expr: Literal, ctx: CompileContext, plainValue: boolean, member = false): Eval {
    const text = ctx.source.text.slice(expr.start, expr.end);
    const value = member ? memberValue(text) : literalValue(text);
    if (!ctx.where && member && value === NOTHING && expr.literal === "word") return readVariable(text);
    if (!ctx.where || plainValue || expr.literal !== "word") return () => value;
    const known = this.compiler.rt.schema.property(ctx.menu, text) !== undefined;
    const word = toBytes(text);
    return (s) => {
      const item = s.whereItem();
      if (item) {
        const property = item.get(text);
        if (property !== undefined) return property;
        if (known) return NOTHING;
      }
      return word;
    };
  }

  variable(expr: Variable, ctx: CompileContext): Eval {
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
      const nameOf = this.expr(expr.dynamic.expr, ctx);
      return (s) => then(nameOf(s), (n) => read(s, toStr(n)));
    }
    const name = expr.name;
    return where ? (s) => read(s, name) : readVariable(name);
  }

  private binary(operator: string, left: Expr, right: Expr, ctx: CompileContext, member: boolean): Eval {
    const l = this.expr(left, ctx, member);
    // The right of a comparison is a value: a bare word there is its text (`where name=ether1` is `(= $name ether1)`,
    // RouterOS 7.22.1 IL), in a `where` as in `( )`; elsewhere in `( )` it reads a variable.
    const r =
      right.kind === "Literal" && COMPARISONS.has(operator) && (ctx.where || member)
        ? this.literal(right, ctx, true)
        : this.expr(right, ctx, member);
    if (operator === "&&" || operator === "and" || operator === "||" || operator === "or") {
      const isAnd = operator === "&&" || operator === "and";
      return (s) =>
        then(l(s), (a) => {
          const x = logical(a, operator);
          if (isAnd ? !x : x) return x;
          return then(r(s), (b) => logical(b, operator));
        });
    }
    if (operator === "<%%") {
      const rt = this.compiler.rt;
      return (s) => then(l(s), (f) => then(r(s), (args) => applyToArguments(rt, s, f, args)));
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

  /**
   * Operands side by side, RouterOS's unnamed node: `where disabled=no dynamic=no`, `(true any false)`. True when
   * every operand is true, false otherwise, also when one is no boolean: `(a b=1,2)` gives false and 2 on a CHR, where
   * `$a` is nothing (tikoci/centrs test/fixtures/explain/values.json, keyBinding; operators.json, runtime any-juxt).
   */
  private juxtaposed(left: Expr, right: Expr, ctx: CompileContext, member: boolean): Eval {
    const l = this.expr(left, ctx, member);
    const r = this.expr(right, ctx, member);
    return (s) => then(l(s), (a) => (isTrue(a) ? then(r(s), isTrue) : false));
  }

  /**
   * Juxtaposed values. The parser leaves a bare `,` between them as a word (`{"a", "b"}`, `{{1;2},{3;4}}`): there it
   * is the array operator, as RouterOS reads it (`(, "a" "b")`); otherwise the pieces join as text.
   */
  private concat(parts: readonly Expr[], ctx: CompileContext): Eval {
    const text = ctx.source.text;
    const isComma = (p: Expr): boolean => p.kind === "Literal" && text.slice(p.start, p.end) === ",";
    if (parts.some(isComma)) {
      const groups: Expr[][] = [[]];
      for (const p of parts) {
        if (isComma(p)) groups.push([]);
        else groups[groups.length - 1]?.push(p);
      }
      const operands = groups.filter((g) => g.length > 0).map((g) => this.concat(g, ctx));
      const comma = BINARY[","] as (a: Value, b: Value) => Value;
      return (s) => {
        const values: Value[] = [];
        return then(
          sequenceValues(
            operands.map((o) => () => o(s)),
            values,
          ),
          () => values.reduce((a, b) => comma(a, b)),
        );
      };
    }
    const evals = parts.map((p) => this.expr(p, ctx));
    if (evals.length === 1) return evals[0] as Eval;
    return (s) => {
      const values: Value[] = [];
      return then(
        sequenceValues(
          evals.map((p) => () => p(s)),
          values,
        ),
        () => values.map(toStr).join(""),
      );
    };
  }

  /** A string with interpolations; an interpolated array makes it one string per member (as the `.` operator does). */
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
        pieces.push(part.kind === "Variable" ? this.variable(part, ctx) : this.expr(part, ctx));
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
        if (v instanceof Promise || v instanceof RosArray) return joinFrom(pieces, i + 1, s, out, v);
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
      let value: Eval;
      if (!element.value && key !== undefined) {
        // `{a=}` is the member "a", not a key with an empty value; so are `{"a b"=}` and `{.id=}` (CHR 7.23.3:
        // tikoci/centrs test/fixtures/explain/values.json, interiorGrounding.keyBinding).
        const word = key;
        key = undefined;
        value = typeof word === "string" ? () => word : word;
      } else if (!element.value) value = () => "";
      else value = this.expr(element.value, ctx, key === undefined);
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

/**
 * The rest of an interpolated string from piece `from`, once a piece gave an array or must be waited for: with an
 * array, the `.` operator's rule (one string per member); otherwise plain text.
 */
function joinFrom(
  pieces: readonly (string | Eval)[],
  from: number,
  s: Scope,
  prefix: string,
  current: MaybePromise<Value>,
): MaybePromise<Value> {
  const concat = BINARY["."] as (a: Value, b: Value) => Value;
  const step = (acc: Value, i: number, v: Value): MaybePromise<Value> => {
    let out = acc instanceof RosArray || v instanceof RosArray ? concat(acc, v) : toStr(acc) + toStr(v);
    for (; i < pieces.length; i++) {
      const piece = pieces[i] as string | Eval;
      const next = typeof piece === "string" ? piece : piece(s);
      if (next instanceof Promise) {
        const at = i + 1;
        return next.then((w) => step(out, at, w));
      }
      out =
        out instanceof RosArray || next instanceof RosArray ? concat(out, next) : toStr(out) + toStr(next);
    }
    return out;
  };
  return then(current, (v) => step(prefix, from, v));
}

/** True for the boolean true (or its text); anything else, nothing included, is not. */
function isTrue(value: Value): boolean {
  return value === true || value === "true" || value === "yes";
}

function logical(value: Value, operator: string): boolean {
  if (typeof value === "boolean") return value;
  if (value === "true" || value === "yes") return true;
  if (value === "false" || value === "no") return false;
  throw new EngineError(`operand of '${operator}' not boolean`);
}

/** Reads the variable `name` where the code runs: its value, or nothing when none is declared. */
function readVariable(name: string): Eval {
  return (s) => {
    const slot = s.lookup(name);
    return slot ? slot.value : NOTHING;
  };
}

// Variables: `:local`, `:global` (visible only where declared or re-declared), `:set` (also `:set ($a->"k") v`).
import type { Expr } from "../../syntax";
import { RosArray, storedValue } from "../array";
import type { ArgCompiler, Builtin } from "../compiler";
import { ScriptError } from "../errors";
import { toStr } from "../format";
import { then, type MaybePromise } from "../maybe";
import type { CallSite, Eval } from "../runtime";
import type { Scope, Slot } from "../scope";
import { functionValue } from "../functions";
import { Code, NIL, NOTHING, type Value } from "../values";

/** The variable name argument: a word, a quoted string, `$name`, or an expression giving the name. */
function nameOf(site: CallSite, c: ArgCompiler): (s: Scope) => MaybePromise<string> {
  const word = c.wordArg(site, "name", 0);
  if (word !== undefined) return () => word;
  const expr = c.argExpr(site, "name", 0);
  if (!expr)
    return () => {
      throw new ScriptError("missing value for argument name");
    };
  const value = c.expr(expr);
  return (s) => then(value(s), toStr);
}

/** The value: `value=`/second unnamed argument, or `do={...}` (a function). Undefined when none is given. */
function valueOf(site: CallSite, c: ArgCompiler): Eval | undefined {
  if (c.has(site, "do")) {
    const value = c.arg(site, "do");
    return (s) => then(value(s), (v) => (v instanceof Code && v.type === "code" ? functionValue(v) : v));
  }
  if (c.has(site, "value", 1)) return c.arg(site, "value", 1);
  return undefined;
}

const localCommand: Builtin = (site, c) => {
  const name = nameOf(site, c);
  const value = valueOf(site, c);
  return (s) =>
    then(name(s), (n) => {
      if (!value) {
        // RouterOS 7.22+: a local declared without a value is nothing (CHR 7.23.3 `:local unset; :typeof $unset`).
        s.declare(n, NOTHING);
        return NOTHING;
      }
      return then(value(s), (v) => {
        s.declare(n, storedValue(v));
        return v;
      });
    });
};

const globalCommand: Builtin = (site, c) => {
  const name = nameOf(site, c);
  const value = valueOf(site, c);
  return (s) =>
    then(name(s), (n) => {
      // A function's parameter hides the global of its name even after `:global name` (manual, Functions).
      if (!value && s.isParameter(n)) return NOTHING;
      const slot = c.rt.globals.slot(n, true) as Slot;
      s.bind(n, slot);
      if (!value) return slot.value;
      return then(value(s), (v) => {
        slot.value = storedValue(v);
        return v;
      });
    });
};

/** `($a->k1->k2)`: the array holding the last key (created along the way) and that key. */
function elementTarget(
  expr: Expr,
  c: ArgCompiler,
): ((s: Scope) => MaybePromise<[RosArray, Value]>) | undefined {
  let e = expr;
  while (e.kind === "Paren") e = e.expr;
  if (e.kind !== "Binary" || e.operator !== "->") return undefined;
  const key = c.expr(e.right);
  const container = containerOf(e.left, c);
  return (s) => then(container(s), (array) => then(key(s), (k): [RosArray, Value] => [array, k]));
}

/** The array an expression names, creating it (or an element holding it) when it is not an array yet. */
function containerOf(expr: Expr, c: ArgCompiler): (s: Scope) => MaybePromise<RosArray> {
  let e = expr;
  while (e.kind === "Paren") e = e.expr;
  if (e.kind === "Variable" && !e.dynamic) {
    const name = e.name;
    return (s) => {
      const slot = s.assignable(name);
      if (!slot) throw new ScriptError(`no such variable ${name}: declare it with :local or :global first`);
      if (!(slot.value instanceof RosArray)) slot.value = new RosArray();
      return slot.value;
    };
  }
  const parent = elementTarget(e, c);
  if (parent) {
    return (s) =>
      then(parent(s), ([array, key]) => {
        const current = array.get(key);
        if (current instanceof RosArray) return current;
        const created = new RosArray();
        array.set(key, created);
        return created;
      });
  }
  const value = c.expr(e);
  return (s) =>
    then(value(s), (v) => {
      if (v instanceof RosArray) return v;
      throw new ScriptError("cannot set an element of a value that is not an array");
    });
}

const setCommand: Builtin = (site, c) => {
  const target = c.argExpr(site, "name", 0);
  const value = valueOf(site, c);
  const element = target ? elementTarget(target, c) : undefined;
  if (element) {
    return (s) =>
      then(element(s), ([array, key]) => {
        if (!value) {
          array.delete(key);
          return NIL;
        }
        return then(value(s), (v) => {
          array.set(key, storedValue(v));
          return NIL;
        });
      });
  }
  const name = nameOf(site, c);
  return (s) =>
    then(name(s), (n) => {
      const slot = s.assignable(n);
      if (!slot) throw new ScriptError(`no such variable ${n}: declare it with :local or :global first`);
      if (!value) {
        slot.removed = true;
        if (c.rt.globals.slots.get(n) === slot) c.rt.globals.remove(n);
        return NIL;
      }
      // `:put [:typeof [:set zzz 12]]` prints nil (forum.mikrotik.com topic 172543 post 22, a router's transcript).
      return then(value(s), (v) => {
        slot.value = storedValue(v);
        return NIL;
      });
    });
};

export const VARIABLE_BUILTINS: ReadonlyMap<string, Builtin> = new Map([
  ["local", localCommand],
  ["global", globalCommand],
  ["set", setCommand],
]);

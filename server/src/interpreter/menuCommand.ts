// Compiles a command of a menu (`/interface print`, `/iot mqtt publish ...`): arguments bound by the schema, then run.
import type { ArgInfo } from "../schema";
import type { Expr } from "../syntax";
import type { ArgCompiler } from "./argCompiler";
import { calledCode } from "./functions";
import { argumentValue } from "./literals";
import { finishValues, type MaybePromise } from "./maybe";
import type { CallSite, Eval } from "./runtime";
import type { Scope } from "./scope";
import type { Value } from "./values";

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

/** A menu command's argument: a bare word is read as the argument's type (`address=2.2` vs `comment=2.2`). */
function argument(expr: Expr, c: ArgCompiler, arg: ArgInfo | undefined): Eval {
  if (expr.kind !== "Literal") return c.expr(expr);
  const value = argumentValue(c.ctx.source.text.slice(expr.start, expr.end), arg);
  return () => value;
}

export function compileMenuCommand(
  site: CallSite,
  c: ArgCompiler,
  where: ((s: Scope, item: ReadonlyMap<string, Value>) => MaybePromise<boolean>) | undefined,
): Eval {
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
    if (name !== undefined) bound.push([name, argument(expr, c, info.arg(name))]);
    else extra.push(argument(expr, c, undefined));
  }
  for (const [name, arg] of site.named) {
    if (!arg.value) bound.push([name, () => ""]);
    else if (arg.value.kind === "Literal" && info.arg(name)?.type === "switch") switches.add(name);
    else bound.push([name, argument(arg.value, c, info.arg(name))]);
  }
  const path = site.menu;
  const command = info.name;
  const key = `${path.join("/")}/${command}`;
  const names = bound.map(([name]) => name);
  const evals = [...bound.map(([, e]) => e), ...extra];
  const call = (s: Scope, values: readonly Value[]): MaybePromise<Value> => {
    const args = new Map<string, Value>();
    // A `do={...}` function given as a property (`on-message=$handler`) is its code, as a `{...}` block is.
    for (let i = 0; i < names.length; i++)
      args.set(names[i] as string, calledCode(values[i] as Value) ?? (values[i] as Value));
    return c.rt.menuCommand(
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

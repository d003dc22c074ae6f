// The message an `/iot mqtt publish` line sends, when the editor can tell it without running the script: built by the
// interpreter's own value rules and `:serialize` (one implementation), so the preview is what the broker would get.
import { RosArray } from "../interpreter/array";
import { fromBytes, toBytes } from "../interpreter/bytes";
import { toStr } from "../interpreter/format";
import { toJson } from "../interpreter/json";
import { argumentValue, literalValue, memberValue } from "../interpreter/literals";
import { BINARY } from "../interpreter/operators";
import type { Value } from "../interpreter/values";
import {
  decodeEscape,
  isPositional,
  stringParts,
  type Expr,
  type Statement,
  type StringLiteral,
} from "../syntax";
import { headTexts } from "../syntax/head";
import type { DocumentAnalysis } from "./analysis";
import type { BoundCommand } from "./model/types";

/** How deep variables are followed to their one assignment (`:local a $b` → `$b`'s value...). */
const MAX_DEPTH = 8;

/**
 * The value of an expression made only of constants, or undefined when it depends on the run. `member`: an unkeyed
 * member of an array literal, whose bare words the interpreter reads as members (`{abc}` is nothing).
 */
export function staticValue(
  analysis: DocumentAnalysis,
  expr: Expr,
  depth = 0,
  member = false,
): Value | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const text = analysis.text;
  const inner = (e: Expr): Value | undefined => staticValue(analysis, e, depth + 1);
  const operand = (e: Expr): Value | undefined => staticValue(analysis, e, depth + 1, member);
  switch (expr.kind) {
    case "Literal":
      return (member ? memberValue : literalValue)(text.slice(expr.start, expr.end));
    case "String":
      return staticString(analysis, expr, depth);
    case "Paren":
      return operand(expr.expr);
    case "Variable": {
      const symbol = analysis.kinds.occurrenceStartingAt(expr.start)?.symbol;
      const [only] = symbol?.assignments ?? [];
      if (!symbol || symbol.assignments.length !== 1 || !only || symbol.isFunction) return undefined;
      if (symbol.occurrences.some((o) => o.role === "write")) return undefined;
      return inner(only);
    }
    case "Binary": {
      if ((expr.operator !== "." && expr.operator !== ",") || expr.opStart < 0) return undefined;
      const left = operand(expr.left);
      const right = left === undefined ? undefined : operand(expr.right);
      const apply = BINARY[expr.operator];
      return left === undefined || right === undefined || !apply ? undefined : apply(left, right);
    }
    case "Array": {
      const out = new RosArray();
      for (const element of expr.elements) {
        const key = element.key
          ? element.key.kind === "String"
            ? staticString(analysis, element.key, depth)
            : toBytes(text.slice(element.key.start, element.key.end))
          : undefined;
        if (element.key && key === undefined) return undefined;
        const v = element.value;
        // `{a=}` is the member "a", as the interpreter reads it.
        if (v === undefined) {
          out.push(key ?? "");
          continue;
        }
        const value = staticValue(analysis, v, depth + 1, key === undefined);
        if (value === undefined) return undefined;
        if (key === undefined) out.push(value);
        else out.setKey(toStr(key), value);
      }
      return out.size === 0 ? undefined : out;
    }
    case "Substitution":
      return serialized(analysis, expr.body, depth);
    default:
      return undefined;
  }
}

function staticString(analysis: DocumentAnalysis, expr: StringLiteral, depth: number): Value | undefined {
  const text = analysis.text;
  let out: Value = "";
  for (const part of stringParts(text, expr)) {
    if ("body" in part || "expr" in part || "nameStart" in part) {
      const value = staticValue(analysis, part, depth + 1);
      if (value === undefined) return undefined;
      out = (BINARY["."] as (a: Value, b: Value) => Value)(out, value);
      continue;
    }
    const raw = text.slice(part.start, part.end);
    const piece = part.kind === "StringText" ? toBytes(raw) : decodeEscape(raw);
    out = (BINARY["."] as (a: Value, b: Value) => Value)(out, piece);
  }
  return out;
}

/** `[:serialize to=json value=...]` with constant arguments: the JSON text `:serialize` writes. */
function serialized(
  analysis: DocumentAnalysis,
  body: readonly Statement[],
  depth: number,
): Value | undefined {
  const [command] = body;
  if (body.length !== 1 || command?.kind !== "Command") return undefined;
  const words = headTexts(analysis.text, command);
  if (!command.colon || words.length !== 1 || words[0] !== "serialize") return undefined;
  const named = new Map<string, Expr | undefined>();
  const positional: Expr[] = [];
  for (const arg of command.args) {
    if (arg.kind === "NamedArg") named.set(analysis.text.slice(arg.start, arg.nameEnd), arg.value);
    else if (isPositional(arg)) positional.push(arg);
  }
  const word = (name: string): string | undefined => {
    const e = named.get(name);
    if (e === undefined) return named.has(name) ? "" : undefined;
    const v = staticValue(analysis, e, depth + 1);
    return v === undefined ? undefined : toStr(v);
  };
  const to = word("to") ?? "json";
  const options = new Set((word("options") ?? "").split(",").map((o) => o.trim()));
  const valueExpr = named.get("value") ?? positional[0];
  if (to !== "json" || !valueExpr) return undefined;
  const value = staticValue(analysis, valueExpr, depth + 1);
  if (value === undefined) return undefined;
  const order = named.has("order") ? staticValue(analysis, named.get("order") as Expr, depth + 1) : undefined;
  return toJson(value, {
    pretty: options.has("json.pretty"),
    noStringConversion: options.has("json.no-string-conversion"),
    order:
      order instanceof RosArray
        ? order.values().map(toStr)
        : order === undefined
          ? undefined
          : [toStr(order)],
  });
}

/** The text `message=` of a publish line sends, when it is constant (as UTF-8 text), else undefined. */
export function publishPayload(analysis: DocumentAnalysis, bound: BoundCommand): string | undefined {
  if (bound.info?.name !== "publish" || bound.menuPath.join("/") !== "iot/mqtt") return undefined;
  const arg = bound.args.find((a) => a.kind === "named" && a.name === "message");
  const message = arg?.value;
  if (!message) return undefined;
  // A bare word is read as the argument's type, as the run reads it (`message=200ms` sends 200ms).
  const value =
    message.kind === "Literal"
      ? argumentValue(analysis.text.slice(message.start, message.end), arg?.info)
      : staticValue(analysis, message);
  return value === undefined ? undefined : fromBytes(toStr(value));
}

/** Markdown for a payload: a fenced block longer than any backtick run inside it, so no text can end it early. */
export function payloadMarkdown(payload: string): string {
  let longest = 2;
  for (const run of payload.matchAll(/`+/g)) longest = Math.max(longest, run[0].length);
  const fence = "`".repeat(longest + 1);
  const language = /^\s*[[{]/.test(payload) ? "json" : "text";
  return `**Message sent** (as the router builds it):\n\n${fence}${language}\n${payload}\n${fence}`;
}

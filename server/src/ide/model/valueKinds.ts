// Infers what kind of value an expression or a variable holds (num, str, time...), and a variable's constant value.
import { readWord, type PropertyInfo, type Schema, type ValueType } from "../../schema";
import { stringText, type Expr } from "../../syntax";
import { boundCommandOf } from "./lookup";
import type { BoundCommand, Occurrence, SemanticModel, ValueKind, VariableSymbol } from "./types";

/** A bare word's kind, read as the interpreter reads it (`2.2` is an ip, `a,b` an array, `ether1` a str). */
function wordKind(text: string): ValueKind {
  if (text.includes(",") && !text.startsWith(",") && !text.endsWith(",")) return "array";
  return readWord(text)?.type ?? "str";
}

const SCHEMA_KINDS: Partial<Readonly<Record<ValueType, ValueKind>>> = {
  string: "str",
  number: "num",
  bool: "bool",
  time: "time",
  ip: "ip",
  "ip-prefix": "ip-prefix",
  ip6: "ip6",
  "ip6-prefix": "ip6-prefix",
  mac: "mac",
  enum: "str",
  id: "id",
  date: "str",
  "broker-name": "str",
};

/** What root commands return, when it does not depend on their arguments. */
const ROOT_RESULTS: Readonly<Record<string, ValueKind>> = {
  len: "num",
  typeof: "str",
  // `:tostr` and `:serialize` give strings whose text may be a number or JSON: "unknown" keeps JSON checks quiet.
  tostr: "unknown",
  tonum: "num",
  tobool: "bool",
  totime: "time",
  toip: "ip",
  toip6: "ip6",
  toid: "id",
  toarray: "array",
  tonsec: "num",
  serialize: "unknown",
  rndnum: "num",
  rndstr: "str",
  jobname: "str",
  parse: "code",
  timestamp: "time",
  time: "time",
  range: "array",
  convert: "str",
  nothing: "nil",
  onerror: "bool",
};

const ARITHMETIC = new Set(["+", "-", "*", "/", "%"]);
const BOOLEAN_OPERATORS = new Set(["<", ">", "<=", ">=", "=", "!=", "~", "in", "&&", "and", "||", "or"]);

/** A readable name for a kind, as `:typeof` prints it (or "value of unknown type"). */
export function describeKind(kind: ValueKind): string {
  return kind === "unknown" ? "value of unknown type" : kind;
}

export class ValueKinds {
  private readonly bySymbol = new Map<VariableSymbol, ValueKind>();

  constructor(
    private readonly model: SemanticModel,
    private readonly schema: Schema,
    private readonly text: string,
  ) {}

  /** The occurrence whose reference starts at `start` (a `$name` node), if any: a binary search. */
  occurrenceStartingAt(start: number): Occurrence | undefined {
    const list = this.model.occurrences;
    let low = 0;
    let high = list.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((list[mid]?.start ?? 0) < start) low = mid + 1;
      else high = mid;
    }
    const found = list[low];
    return found?.start === start ? found : undefined;
  }

  ofSymbol(symbol: VariableSymbol): ValueKind {
    const known = this.bySymbol.get(symbol);
    if (known !== undefined) return known;
    if (symbol.isFunction) return "code";
    if (symbol.kind !== "local" && symbol.kind !== "global") return "unknown";
    this.bySymbol.set(symbol, "unknown"); // guards against cycles (`:set a $a`)
    let kind: ValueKind | undefined;
    for (const value of symbol.assignments) {
      const next = this.ofExpr(value);
      kind = kind === undefined || kind === next ? next : "unknown";
    }
    // A global keeps its value between scripts: one this document never assigns holds what another script stored.
    const result = kind ?? (symbol.kind === "global" ? "unknown" : "nil");
    this.bySymbol.set(symbol, result);
    return result;
  }

  /** The value of a variable assigned once, from a literal, and never changed: for hovers and JSON checks. */
  constantOf(symbol: VariableSymbol): string | undefined {
    if (symbol.kind !== "local" || symbol.assignments.length !== 1) return undefined;
    if (symbol.occurrences.some((o) => o.role === "write")) return undefined;
    const [value] = symbol.assignments;
    if (value?.kind === "Literal") return this.text.slice(value.start, value.end);
    if (value?.kind === "String" && value.interpolations.length === 0) {
      return stringText(this.text, value);
    }
    return undefined;
  }

  ofExpr(expr: Expr): ValueKind {
    switch (expr.kind) {
      case "Literal":
        return wordKind(this.text.slice(expr.start, expr.end));
      case "String":
      case "Concat":
        return "str";
      case "Variable": {
        if (expr.dynamic) return "unknown";
        const occurrence = this.occurrenceStartingAt(expr.start);
        return occurrence ? this.ofSymbol(occurrence.symbol) : "unknown";
      }
      case "Substitution": {
        const [first] = expr.body;
        if (first?.kind !== "Command" || expr.body.length !== 1) return "unknown";
        const bound = boundCommandOf(this.model, first);
        return bound ? this.ofCommand(bound) : "unknown";
      }
      case "Paren":
        return this.ofExpr(expr.expr);
      case "Array":
        return "array";
      case "Block":
        return "code";
      case "Unary":
        return expr.operator === "!" ? "bool" : this.ofExpr(expr.operand);
      case "Binary":
        return this.ofBinary(expr.operator, expr.left, expr.right);
      case "Missing":
        return "unknown";
    }
  }

  private ofBinary(operator: string, left: Expr, right: Expr): ValueKind {
    if (BOOLEAN_OPERATORS.has(operator)) return "bool";
    // A joined string may be a piece of JSON built step by step: its content is unknown.
    if (operator === ".") return "unknown";
    if (operator === ",") return "array";
    if (operator === "->") return "unknown";
    const a = this.ofExpr(left);
    const b = this.ofExpr(right);
    if (!ARITHMETIC.has(operator)) return a === b ? a : "unknown";
    if (a === "num" && b === "num") return "num";
    if (a === "time" || b === "time") return a === "unknown" || b === "unknown" ? "unknown" : "time";
    if (a === "ip" && b === "ip" && operator === "-") return "num";
    if (a === "ip" && b === "num") return "ip";
    return "unknown";
  }

  /** What a command returns inside `[...]`. */
  ofCommand(bound: BoundCommand): ValueKind {
    if (bound.rootCommand !== undefined) return ROOT_RESULTS[bound.rootCommand] ?? "unknown";
    switch (bound.info?.name) {
      case "get": {
        const property = this.getProperty(bound);
        if (property === null) return "array";
        return property ? (SCHEMA_KINDS[property.type] ?? "unknown") : "unknown";
      }
      case "find":
        return "array";
      case "add":
        return "id";
      case "print":
        if (bound.args.some((a) => a.kind === "switch" && a.name === "count-only")) return "num";
        return bound.args.some((a) => a.kind === "switch" && a.name === "as-value") ? "array" : "unknown";
      default:
        return "unknown";
    }
  }

  /** The property a `get` reads; null when it names none (the whole item); undefined when unknown. */
  getProperty(bound: BoundCommand): PropertyInfo | null | undefined {
    const arg = bound.args.find(
      (a) => a.name === "value-name" && (a.kind === "named" || a.kind === "positional"),
    );
    if (!arg) return null;
    const value = arg.value;
    if (value?.kind !== "Literal") return undefined;
    return this.schema.property(bound.menuPath, this.text.slice(value.start, value.end));
  }
}

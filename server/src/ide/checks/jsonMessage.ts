// Checks that a string meant to be JSON (an MQTT message) stays valid JSON once its variables are substituted.
import { decodeEscape, stringParts, type Expr, type StringLiteral } from "../../syntax";
import type { ValueKind } from "../model/types";

/** One character of the message after escapes are decoded, with the source range it comes from. */
interface CharUnit {
  readonly ch: string;
  readonly start: number;
  readonly end: number;
  /** Part of a variable's constant value, substituted: the variable as written, and whether it sits in a string. */
  readonly constant?: { readonly label: string; readonly inString: boolean };
}

/** A value only known at run time (`$var`, `$[cmd]`, `$(expr)`), of the kind inference could tell. */
interface Hole {
  readonly ch: undefined;
  readonly kind: ValueKind;
  readonly label: string;
  readonly start: number;
  readonly end: number;
  /** Inside a RouterOS string: quotes can be added around it with `\"` escapes. */
  readonly inString: boolean;
}

export type Unit = CharUnit | Hole;

/** Answers what inference knows about a variable or substitution found in a message. */
export interface HoleInfo {
  kindOf(expr: Expr): ValueKind;
  /** The constant text of a variable, substituted as is. */
  constantOf(expr: Expr): string | undefined;
}

export interface JsonProblem {
  readonly message: string;
  readonly start: number;
  readonly end: number;
  /** A value that needs quotes: where `\"` must go before and after it. */
  readonly quote?: { readonly start: number; readonly end: number };
}

const KIND_WORDS: Partial<Record<ValueKind, string>> = {
  str: "a string",
  time: "a time",
  ip: "an IP address",
  "ip-prefix": "an IP prefix",
  ip6: "an IPv6 address",
  "ip6-prefix": "an IPv6 prefix",
  mac: "a MAC address",
  id: "an item id",
  array: "an array",
  code: "code",
  nil: "nothing (nil)",
};

/** Kinds that print as valid JSON values: numbers and booleans, plus unknown ones (given the benefit of the doubt). */
const JSON_SAFE: ReadonlySet<ValueKind> = new Set(["num", "bool", "unknown"]);

/** Flattens a string literal (or a `.` concatenation of strings and values) into characters and holes. */
export function messageUnits(text: string, expr: Expr, info: HoleInfo): Unit[] | undefined {
  const units: Unit[] = [];
  const hole = (node: Expr, inString: boolean): void => {
    const constant = info.constantOf(node);
    const label = text.slice(node.start, Math.min(node.end, node.start + 40));
    if (constant !== undefined) {
      const from = { label, inString };
      for (const ch of constant) units.push({ ch, start: node.start, end: node.end, constant: from });
      return;
    }
    units.push({ ch: undefined, kind: info.kindOf(node), label, start: node.start, end: node.end, inString });
  };
  const addString = (literal: StringLiteral): void => {
    for (const part of stringParts(text, literal)) {
      if ("body" in part || "expr" in part || "nameStart" in part) {
        hole(part, true);
        continue;
      }
      const raw = text.slice(part.start, part.end);
      if (part.kind === "StringText") {
        for (let i = 0; i < raw.length; i++)
          units.push({ ch: raw.charAt(i), start: part.start + i, end: part.start + i + 1 });
      } else {
        for (const ch of decodeEscape(raw)) units.push({ ch, start: part.start, end: part.end });
      }
    }
  };
  const add = (node: Expr): boolean => {
    switch (node.kind) {
      case "String":
        addString(node);
        return true;
      case "Paren":
        return add(node.expr);
      case "Binary":
        if (node.operator !== ".") return false;
        return add(node.left) && add(node.right);
      case "Variable":
      case "Substitution":
        hole(node, false);
        return true;
      case "Literal":
        for (let i = node.start; i < node.end; i++) units.push({ ch: text.charAt(i), start: i, end: i + 1 });
        return true;
      default:
        return false;
    }
  };
  return add(expr) ? units : undefined;
}

function isSpace(unit: Unit | undefined): boolean {
  return unit?.ch === " " || unit?.ch === "\t" || unit?.ch === "\n" || unit?.ch === "\r";
}

/** True when the units open like JSON: `{` or `[` first (after spaces); `strict` also wants `{"`, `{}`, `[{`, `["`... */
export function looksLikeJson(units: readonly Unit[], strict: boolean): boolean {
  let i = 0;
  while (isSpace(units[i])) i++;
  const open = units[i]?.ch;
  if (open !== "{" && open !== "[") return false;
  if (!strict) return true;
  i++;
  while (isSpace(units[i])) i++;
  const next = units[i];
  if (next === undefined) return false;
  if (open === "{") return next.ch === '"' || next.ch === "}";
  return next.ch !== undefined && /^["{[\]0-9-]$/.test(next.ch);
}

class JsonChecker {
  private i = 0;

  constructor(private readonly units: readonly Unit[]) {}

  check(): JsonProblem | undefined {
    try {
      this.value();
      this.spaces();
      const rest = this.units[this.i];
      if (rest !== undefined)
        this.fail(rest, `unexpected ${this.show(rest)} after the end of the JSON value`);
      return undefined;
    } catch (problem) {
      if (problem instanceof JsonFailure) return problem.problem;
      if (problem instanceof JsonUnknowable) return undefined;
      throw problem;
    }
  }

  private spaces(): void {
    while (isSpace(this.units[this.i])) this.i++;
  }

  private show(unit: Unit): string {
    if (unit.ch === undefined) return unit.label;
    if (unit.ch === "\n") return "a line break";
    return `'${unit.ch}'`;
  }

  private fail(unit: Unit | undefined, message: string, quote?: { start: number; end: number }): never {
    const last = this.units[this.units.length - 1];
    const start = unit ? unit.start : (last?.end ?? 0);
    const end = unit ? unit.end : (last?.end ?? 0);
    throw new JsonFailure(quote ? { message, start, end, quote } : { message, start, end });
  }

  private value(): void {
    this.spaces();
    const unit = this.units[this.i];
    if (unit === undefined) this.fail(undefined, "the text ends where a JSON value was expected");
    if (unit.ch === undefined) {
      this.hole(unit);
      return;
    }
    const c = unit.ch;
    if (unit.constant && !/^[-0-9{["]$/.test(c) && !this.isJsonWord()) {
      const { label, inString } = unit.constant;
      const value = this.constantText(unit);
      const advice = inString ? `write \\"${label}\\"` : "put it inside a quoted JSON string";
      this.fail(
        unit,
        `${label} holds ${JSON.stringify(value)}, which is not a JSON value without quotes: ${advice}`,
        inString ? { start: unit.start, end: unit.end } : undefined,
      );
    }
    if (c === "{") this.object();
    else if (c === "[") this.array();
    else if (c === '"') this.string();
    else if (c === "-" || (c >= "0" && c <= "9")) this.number();
    else if (c === "t" || c === "f" || c === "n") this.word();
    else this.fail(unit, `expected a JSON value, found ${this.show(unit)}`);
  }

  private hole(unit: Hole): void {
    if (!JSON_SAFE.has(unit.kind)) {
      const advice = unit.inString ? `write \\"${unit.label}\\"` : "put it inside a quoted JSON string";
      this.fail(
        unit,
        `${unit.label} is ${KIND_WORDS[unit.kind] ?? unit.kind}, which is not a JSON value without quotes: ${advice}`,
        unit.inString ? { start: unit.start, end: unit.end } : undefined,
      );
    }
    this.i++;
    const next = this.units[this.i];
    if (next !== undefined && next.ch !== undefined && /^[0-9.eE+-]$/.test(next.ch)) this.number();
  }

  private object(): void {
    const open = this.units[this.i];
    this.i++;
    this.spaces();
    if (this.units[this.i]?.ch === "}") {
      this.i++;
      return;
    }
    for (;;) {
      this.spaces();
      const key = this.units[this.i];
      if (key === undefined) this.fail(open, "the object opened here is never closed with '}'");
      // A run-time value where a member name belongs may be a whole piece of JSON (`{$members}`): cannot tell.
      if (key.ch === undefined && JSON_SAFE.has(key.kind)) throw new JsonUnknowable();
      if (key.ch !== '"') this.fail(key, `expected a quoted member name, found ${this.show(key)}`);
      this.string();
      this.spaces();
      const colon = this.units[this.i];
      if (colon?.ch !== ":")
        this.fail(colon, `expected ':' after the member name, found ${colon ? this.show(colon) : "the end"}`);
      this.i++;
      this.value();
      this.spaces();
      const after = this.units[this.i];
      if (after?.ch === ",") {
        this.i++;
        this.spaces();
        if (this.units[this.i]?.ch === "}") this.fail(after, "trailing comma before '}' (JSON allows none)");
        continue;
      }
      if (after?.ch === "}") {
        this.i++;
        return;
      }
      if (after === undefined) this.fail(open, "the object opened here is never closed with '}'");
      const before = this.units[this.i - 1];
      const hint =
        after.ch === '"'
          ? " (a comma is missing between members)"
          : before?.ch === '"'
            ? ' (to put a quote inside a JSON string, write \\\\\\" in the RouterOS string)'
            : "";
      this.fail(after, `expected ',' or '}' after a member value, found ${this.show(after)}${hint}`);
    }
  }

  private array(): void {
    const open = this.units[this.i];
    this.i++;
    this.spaces();
    if (this.units[this.i]?.ch === "]") {
      this.i++;
      return;
    }
    for (;;) {
      this.value();
      this.spaces();
      const after = this.units[this.i];
      if (after?.ch === ",") {
        this.i++;
        this.spaces();
        if (this.units[this.i]?.ch === "]") this.fail(after, "trailing comma before ']' (JSON allows none)");
        continue;
      }
      if (after?.ch === "]") {
        this.i++;
        return;
      }
      if (after === undefined) this.fail(open, "the array opened here is never closed with ']'");
      this.fail(after, `expected ',' or ']' after an element, found ${this.show(after)}`);
    }
  }

  private string(): void {
    const open = this.units[this.i];
    this.i++;
    for (;;) {
      const unit = this.units[this.i];
      if (unit === undefined) this.fail(open, "the JSON string opened here is never closed");
      this.i++;
      if (unit.ch === undefined) continue;
      if (unit.ch === '"') return;
      if (unit.ch === "\\") {
        const escaped = this.units[this.i];
        if (escaped?.ch === undefined || !/^["\\/bfnrtu]$/.test(escaped.ch)) {
          this.fail(
            unit,
            'invalid escape in a JSON string: a backslash must be followed by one of " \\ / b f n r t u',
          );
        }
        this.i++;
        continue;
      }
      if (unit.ch.charCodeAt(0) < 0x20) {
        this.fail(
          unit,
          `${this.show(unit)} cannot appear inside a JSON string: write it as \\\\n, \\\\r or \\\\t`,
        );
      }
    }
  }

  private number(): void {
    const first = this.units[this.i];
    let text = "";
    while (this.i < this.units.length) {
      const unit = this.units[this.i];
      if (unit === undefined) break;
      if (unit.ch === undefined) {
        if (!JSON_SAFE.has(unit.kind)) this.hole(unit);
        text += "1";
      } else if (/^[0-9.eE+-]$/.test(unit.ch)) {
        text += unit.ch;
      } else {
        break;
      }
      this.i++;
    }
    if (!/^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$/.test(text)) {
      this.fail(first, `malformed JSON number '${text}'`);
    }
  }

  /** The whole constant a substituted character belongs to. */
  private constantText(unit: CharUnit): string {
    let text = "";
    for (const u of this.units)
      if (u.start === unit.start && u.end === unit.end && u.ch !== undefined) text += u.ch;
    return text;
  }

  /** `true`, `false` or `null` starts at the cursor. */
  private isJsonWord(): boolean {
    let text = "";
    for (let j = this.i; j < this.units.length && text.length < 5; j++) text += this.units[j]?.ch ?? "";
    return /^(true|false|null)/.test(text);
  }

  private word(): void {
    const first = this.units[this.i];
    let text = "";
    while (this.units[this.i]?.ch !== undefined && /^[a-z]$/.test(this.units[this.i]?.ch ?? "")) {
      text += this.units[this.i]?.ch ?? "";
      this.i++;
    }
    if (text !== "true" && text !== "false" && text !== "null") {
      this.fail(first, `'${text}' is not a JSON value: strings need double quotes (\\"${text}\\")`);
    }
  }
}

/** Unwinds the checker when run-time values make the structure unknowable; caught in `check`. */
class JsonUnknowable extends Error {}

/** Unwinds the recursive checker at the first problem; caught in `check`. */
class JsonFailure extends Error {
  constructor(readonly problem: JsonProblem) {
    super(problem.message);
  }
}

/** The first place where the message would stop being JSON, or undefined when it stays valid. */
export function checkJsonUnits(units: readonly Unit[]): JsonProblem | undefined {
  return new JsonChecker(units).check();
}

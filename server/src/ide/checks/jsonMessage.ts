// Checks that a string meant to be JSON (an MQTT message) stays valid JSON once its variables are substituted.
import { decodeEscape, stringParts, type Expr, type StringLiteral } from "../../syntax";
import { HOLE_TEXT, HOLE_VALUE, scanJson, type JsonError, type JsonInput } from "../../json";
import type { ValueKind } from "../model/types";

/**
 * One UTF-16 code unit of the message after escapes are decoded, with the source range it comes from (an emoji is two
 * units, as in a plain text, so that the scanner names it whole).
 */
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
      for (let i = 0; i < constant.length; i++)
        units.push({ ch: constant.charAt(i), start: node.start, end: node.end, constant: from });
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
        const decoded = decodeEscape(raw);
        for (let i = 0; i < decoded.length; i++)
          units.push({ ch: decoded.charAt(i), start: part.start, end: part.end });
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

/** The message's units as scanner input: characters by code, run-time values as holes of the kind that decides. */
class UnitInput implements JsonInput {
  readonly length: number;
  private readonly codes: Int32Array;

  constructor(private readonly units: readonly Unit[]) {
    this.length = units.length;
    this.codes = new Int32Array(units.length);
    for (let i = 0; i < units.length; i++) {
      const unit = units[i];
      if (unit === undefined) continue;
      if (unit.ch !== undefined) this.codes[i] = unit.ch.charCodeAt(0);
      else this.codes[i] = JSON_SAFE.has(unit.kind) ? HOLE_VALUE : HOLE_TEXT;
    }
  }

  codeAt(index: number): number {
    return this.codes[index] ?? 0;
  }

  holeLabel(index: number): string {
    const unit = this.units[index];
    return unit && unit.ch === undefined ? unit.label : "";
  }
}

/** A value that needs quotes: what it is, and where `\"` goes when it sits in a RouterOS string. */
function needsQuotes(unit: Unit, label: string, inString: boolean, what: string): JsonProblem {
  const advice = inString ? `write \\"${label}\\"` : "put it inside a quoted JSON string";
  const message = `${what}, which is not a JSON value without quotes: ${advice}`;
  const range = { start: unit.start, end: unit.end };
  return inString ? { message, ...range, quote: range } : { message, ...range };
}

/** The source range of the unit where the message breaks (the end of the last unit when it ends too early). */
function problemAt(units: readonly Unit[], unit: Unit | undefined, message: string): JsonProblem {
  const last = units[units.length - 1];
  const start = unit ? unit.start : (last?.end ?? 0);
  const end = unit ? unit.end : (last?.end ?? 0);
  return { message, start, end };
}

/** The whole constant a substituted character belongs to. */
function constantText(units: readonly Unit[], unit: CharUnit): string {
  let text = "";
  for (const u of units) if (u.start === unit.start && u.end === unit.end && u.ch !== undefined) text += u.ch;
  return text;
}

/** What the author of the RouterOS string most likely got wrong, after the scanner's own sentence. */
function hint(units: readonly Unit[], error: JsonError): string {
  const found = units[error.at]?.ch;
  switch (error.code) {
    case "value":
      return found !== undefined && /^[A-Za-z]$/.test(found)
        ? ' (strings need double quotes, written \\" in the RouterOS string)'
        : "";
    case "object-next":
      if (found === '"') return " (a comma is missing between properties)";
      return units[error.at - 1]?.ch === '"'
        ? ' (to put a quote inside a JSON string, write \\\\\\" in the RouterOS string)'
        : "";
    case "control-character":
      return ": write it as \\\\n, \\\\r or \\\\t in the RouterOS string";
    default:
      return "";
  }
}

/** The first place where the message would stop being JSON, or undefined when it stays valid (or cannot be told). */
export function checkJsonUnits(units: readonly Unit[]): JsonProblem | undefined {
  const error = scanJson(new UnitInput(units));
  if (error === undefined) return undefined;
  const unit = units[error.at];
  if (unit === undefined) return problemAt(units, unit, error.message + hint(units, error));
  if (unit.ch === undefined) {
    if (error.code === "hole") {
      const what = `${unit.label} is ${KIND_WORDS[unit.kind] ?? unit.kind}`;
      return needsQuotes(unit, unit.label, unit.inString, what);
    }
    // A run-time value where a property name belongs may be a whole piece of JSON (`{$members}`): cannot tell.
    if (error.code === "property-name" && JSON_SAFE.has(unit.kind)) return undefined;
  } else if (unit.constant && (error.code === "value" || error.code === "number")) {
    const { label, inString } = unit.constant;
    const what = `${label} holds ${JSON.stringify(constantText(units, unit))}`;
    return needsQuotes(unit, label, inString, what);
  }
  return problemAt(units, unit, error.message + hint(units, error));
}

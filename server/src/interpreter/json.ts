// `:serialize to=json` and `:deserialize from=json`: RouterOS arrays to and from JSON, exact for 64-bit numbers.
import { fromBytes, toBytes } from "./bytes";
import { RosArray } from "./array";
import { ScriptError } from "./errors";
import { toStr } from "./format";
import { parseIp, parseIp6, parseIp6Prefix, parseIpPrefix } from "./ip";
import { NIL, int64, type Value } from "./values";

export interface JsonOptions {
  /** `json.pretty`: indented output. */
  readonly pretty?: boolean;
  /** `json.no-string-conversion`: strings holding numbers stay strings (and JSON strings stay strings on reading). */
  readonly noStringConversion?: boolean;
  /** `order=`: these keys of an object first, in this order; the others after them, sorted. */
  readonly order?: readonly string[] | undefined;
}

const DECIMAL_TEXT = /^-?[0-9]+(?:\.[0-9]+)?$/;

/**
 * A string that reads as a decimal number, as `:serialize` writes it without json.no-string-conversion: a C double
 * printed with six decimals (manual: `"1234"` → `1234.000000`; forum 178959: `"0000000"` → `0.000000`).
 */
export function jsonNumberFromString(text: string): string | undefined {
  if (!DECIMAL_TEXT.test(text)) return undefined;
  const x = Number(text);
  let out: string;
  if (Math.abs(x) < 1e21) out = x.toFixed(6);
  else out = `${BigInt(x).toString()}.000000`;
  return text.startsWith("-") && !out.startsWith("-") ? `-${out}` : out;
}

const INTEGER = /^-?(0|[1-9][0-9]*)$/;
const MIN = -(2n ** 63n);
const MAX = 2n ** 63n - 1n;

function isInt64Text(text: string): boolean {
  if (!INTEGER.test(text) || text.length > 20) return false;
  const n = BigInt(text);
  return n >= MIN && n <= MAX;
}

/** A JSON string literal of a byte string: quotes, backslashes and control bytes escaped, other bytes as they are. */
export function jsonString(bytes: string): string {
  let out = '"';
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes.charCodeAt(i);
    if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += "\\\\";
    else if (c === 0x0a) out += "\\n";
    else if (c === 0x0d) out += "\\r";
    else if (c === 0x09) out += "\\t";
    else if (c === 0x08) out += "\\b";
    else if (c === 0x0c) out += "\\f";
    else if (c < 0x20 || c === 0x7f) out += `\\u${c.toString(16).padStart(4, "0")}`;
    else out += bytes[i];
  }
  return out + '"';
}

/** Serializes a value to JSON text (a byte string). */
export function toJson(value: Value, options: JsonOptions = {}): string {
  const indent = options.pretty ? "    " : "";
  const write = (v: Value, depth: number): string => {
    switch (typeof v) {
      case "bigint":
        return v.toString();
      case "boolean":
        return v ? "true" : "false";
      case "string":
        return (options.noStringConversion ? undefined : jsonNumberFromString(v)) ?? jsonString(v);
      default:
        break;
    }
    if (v.type === "nil" || v.type === "nothing") return "null";
    if (!(v instanceof RosArray)) return jsonString(toStr(v));
    const pad = indent.repeat(depth + 1);
    const close = indent.repeat(depth);
    const nl = options.pretty ? "\n" : "";
    const colon = options.pretty ? ": " : ":";
    if (!v.hasKeys()) {
      if (v.list.length === 0) return "[]";
      return `[${nl}${v.list.map((e) => pad + write(e, depth + 1)).join(`,${nl}`)}${nl}${close}]`;
    }
    const members: string[] = [];
    v.list.forEach((e, i) => members.push(`${pad}"${i}"${colon}${write(e, depth + 1)}`));
    for (const key of ordered(v.keys(), options.order))
      members.push(`${pad}${jsonString(key)}${colon}${write(v.get(key), depth + 1)}`);
    return `{${nl}${members.join(`,${nl}`)}${nl}${close}}`;
  };
  return write(value, 0);
}

/** Keys in the order `order=` asks for, then the rest in RouterOS's sorted order. */
export function ordered(keys: readonly string[], order: readonly string[] | undefined): readonly string[] {
  if (!order || order.length === 0) return keys;
  const present = new Set(keys);
  const first = order.filter((k) => present.has(k));
  const listed = new Set(first);
  return [...first, ...keys.filter((k) => !listed.has(k))];
}

/**
 * A JSON string as a console value: numbers, addresses and prefixes are typed (manual: json.no-string-conversion
 * "prevents implicit conversions from json string type to console values (number, ip, etc.)").
 */
function consoleValue(text: string): Value {
  if (isInt64Text(text)) return BigInt(text);
  const typed = parseIp(text) ?? parseIpPrefix(text) ?? parseIp6(text) ?? parseIp6Prefix(text);
  return typed ?? text;
}

/** Parses JSON text (a byte string holding UTF-8) into RouterOS values: objects become keyed arrays. */
export function fromJson(bytes: string, options: JsonOptions = {}): Value {
  const text = fromBytes(bytes);
  let i = 0;
  const fail = (what: string): never => {
    throw new ScriptError(`failure: invalid JSON at character ${i + 1}: ${what}`);
  };
  const space = (): void => {
    while (i < text.length && " \t\r\n".includes(text[i] as string)) i++;
  };
  const expect = (c: string): void => {
    if (text[i] !== c) fail(`expected '${c}'${i < text.length ? `, found '${text[i]}'` : ""}`);
    i++;
  };
  const str = (): string => {
    expect('"');
    let out = "";
    for (;;) {
      if (i >= text.length) fail("unterminated string");
      const c = text[i++] as string;
      if (c === '"') return out;
      if (c !== "\\") {
        out += c;
        continue;
      }
      const e = text[i++];
      const simple: Record<string, string> = {
        '"': '"',
        "\\": "\\",
        "/": "/",
        b: "\b",
        f: "\f",
        n: "\n",
        r: "\r",
        t: "\t",
      };
      if (e !== undefined && e in simple) out += simple[e];
      else if (e === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(i, i + 4))) {
        out += String.fromCharCode(parseInt(text.slice(i, i + 4), 16));
        i += 4;
      } else fail(`bad escape \\${e ?? ""}`);
    }
  };
  const value = (depth: number): Value => {
    if (depth > 200) fail("nested too deeply");
    space();
    const c = text[i];
    if (c === "{") {
      i++;
      const out = new RosArray();
      space();
      if (text[i] === "}") {
        i++;
        return out;
      }
      for (;;) {
        space();
        const key = toBytes(str());
        space();
        expect(":");
        out.setKey(key, value(depth + 1));
        space();
        if (text[i] === ",") {
          i++;
          continue;
        }
        expect("}");
        return out;
      }
    }
    if (c === "[") {
      i++;
      const out = new RosArray();
      space();
      if (text[i] === "]") {
        i++;
        return out;
      }
      for (;;) {
        out.push(value(depth + 1));
        space();
        if (text[i] === ",") {
          i++;
          continue;
        }
        expect("]");
        return out;
      }
    }
    if (c === '"') {
      const s = toBytes(str());
      return options.noStringConversion ? s : consoleValue(s);
    }
    const literal = /^(?:true|false|null|-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)/.exec(
      text.slice(i),
    );
    if (!literal) return fail(i < text.length ? `unexpected '${text[i]}'` : "unexpected end");
    i += literal[0].length;
    const word = literal[0];
    if (word === "true") return true;
    if (word === "false") return false;
    if (word === "null") return NIL;
    return isInt64Text(word) ? int64(BigInt(word)) : word;
  };
  const result = value(0);
  space();
  if (i < text.length) fail(`unexpected '${text[i]}' after the value`);
  return result;
}

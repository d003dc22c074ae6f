// The single source of truth for literal value rules: checks one value against an argument's or property's type.
import { codePointStart } from "../syntax/codePoints";
import { suggest, joinAlternatives } from "./suggest";
import type { ValueSpec } from "./types";
import {
  isHost,
  isIp4,
  isIp4Prefix,
  isIp4Range,
  isIp6,
  isIp6Prefix,
  isMac,
  readIp4Value,
} from "./values/address";
import { isDateTime } from "./values/date";
import { topicFilterProblem, topicNameProblem } from "./values/mqttTopic";
import { parseInteger } from "./values/number";
import { MAX_TIME_NS, formatDuration, formatTime, isTimeTooLong, msToNs, parseTime } from "./values/time";

/**
 * What is wrong with a value. "error": the value breaks a rule the router states. "warning": a plain word where the
 * router's hint shows a time or an address; such arguments sometimes take words the hint does not list (`none`).
 */
export interface ValueProblem {
  readonly message: string;
  readonly severity: "error" | "warning";
}

/** The argument or property being checked: its name (used in messages) and its value rules. */
export type ValueTarget = ValueSpec & { readonly name: string };

const BOOL_WORDS = new Set(["yes", "no", "true", "false"]);
const PLAIN_WORD = /^[A-Za-z][A-Za-z-]*$/;
const LISTED_ENUM_VALUES = 12;

const error = (message: string): ValueProblem => ({ message, severity: "error" });

/** `(got 3)`, `(got "a b")`, `(got an empty value)`: the offending text, shortened and quoted when needed. */
function got(text: string): string {
  if (text.length === 0) return "(got an empty value)";
  const short = text.length > 40 ? `${text.slice(0, codePointStart(text, 37))}...` : text;
  return /^[\w.:/*-]+$/.test(short) ? `(got ${short})` : `(got ${JSON.stringify(short)})`;
}

function orExtra(spec: ValueTarget): string {
  return spec.extraValues?.length ? ` or ${joinAlternatives(spec.extraValues)}` : "";
}

function listValues(values: readonly string[]): string {
  if (values.length <= LISTED_ENUM_VALUES) return joinAlternatives(values);
  return `${values.slice(0, LISTED_ENUM_VALUES - 2).join(", ")}, ... (${values.length} values)`;
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** `0, 1 or 2` for short ranges, `between 30 and 64800` otherwise. */
function rangeText(range: { readonly min: number; readonly max: number }): string {
  const span = range.max - range.min;
  return span <= 3
    ? joinAlternatives(Array.from({ length: span + 1 }, (_, i) => String(range.min + i)))
    : `between ${range.min} and ${range.max}`;
}

function checkNumber(spec: ValueTarget, text: string): ValueProblem | undefined {
  const value = parseInteger(text);
  const range = spec.range;
  if (value !== undefined && (!range || (value >= BigInt(range.min) && value <= BigInt(range.max))))
    return undefined;
  const expected = range ? rangeText(range) : "a whole number";
  return error(`${spec.name} must be ${expected}${orExtra(spec)} ${got(text)}`);
}

function checkBool(spec: ValueTarget, text: string): ValueProblem | undefined {
  return BOOL_WORDS.has(text)
    ? undefined
    : error(`${spec.name} must be yes or no${orExtra(spec)} ${got(text)}`);
}

function checkEnum(spec: ValueTarget, text: string): ValueProblem | undefined {
  const values = spec.enumValues ?? [];
  const known = new Set(values);
  if (spec.multiValue) {
    if (text === "") return undefined; // an empty list clears the property
    for (const part of text.split(",")) {
      if (known.has(part)) continue;
      const near = suggest(part, values, { max: 1 });
      const hint = near.length > 0 ? `; did you mean ${near[0]}?` : "";
      const what = part === "" ? "an empty element" : JSON.stringify(part);
      return error(
        `${spec.name} takes a comma-separated list of ${listValues(values)}; ${what} is not one of them${hint}`,
      );
    }
    return undefined;
  }
  if (known.has(text)) return undefined;
  const near = suggest(text, values, { max: 1 });
  const hint = near.length > 0 ? `; did you mean ${near[0]}?` : "";
  return error(`${spec.name} must be ${listValues(values)}${orExtra(spec)} ${got(text)}${hint}`);
}

/** The two-time forms of some time arguments: what joins the two, and an example for messages. */
const TIME_SEPARATORS: Readonly<Record<string, { readonly text: string; readonly example: string }>> = {
  "time-pair": { text: "/", example: "10s or 10s/20s (upload/download)" },
  "time-range": { text: "..", example: "4h or 4h..6h (a random time between)" },
};

function checkTime(spec: ValueTarget, text: string): ValueProblem | undefined {
  const separator = TIME_SEPARATORS[spec.format ?? ""];
  if (separator !== undefined && text.includes(separator.text)) {
    // upload/download (`burst-time=10s/20s`) or min..max (`reselect-interval=4h..6h`): each side is a time.
    const sides = text.split(separator.text);
    if (sides.length === 2 && sides.every((side) => parseTime(side) !== undefined)) {
      const single = { ...spec, format: undefined };
      return sides.map((side) => checkTime(single, side)).find((problem) => problem !== undefined);
    }
    return error(`${spec.name} must be a time such as ${separator.example}${orExtra(spec)} ${got(text)}`);
  }
  const [first = "", ...counts] = spec.format === "time-with-count" ? text.split(",") : [text];
  const ns = parseTime(first);
  if (ns === undefined && isTimeTooLong(first))
    return error(
      `${spec.name} must be at most ${formatTime(MAX_TIME_NS)}, the longest time RouterOS holds ${got(text)}`,
    );
  if (ns === undefined || counts.some((c) => parseInteger(c) === undefined)) {
    const example =
      spec.format === "time-with-count"
        ? "10s or 10s,10 (interval,count)"
        : (separator?.example ?? "30s, 1m30s or 00:01:30");
    const message = `${spec.name} must be a time such as ${example}${orExtra(spec)} ${got(text)}`;
    return { message, severity: PLAIN_WORD.test(text) ? "warning" : "error" };
  }
  const range = spec.timeRange;
  if (!range) return undefined;
  const min = msToNs(range.min);
  const max = range.max === undefined ? undefined : msToNs(range.max);
  if (ns >= min && (max === undefined || ns <= max)) return undefined;
  const bounds =
    max === undefined
      ? `at least ${formatDuration(min)}`
      : `between ${formatDuration(min)} and ${formatDuration(max)}`;
  return error(`${spec.name} must be ${bounds} ${got(text)}`);
}

/** The canonical form of a value RouterOS reads leniently (short IPv4 addresses), so that the full rules apply. */
const lenient =
  (test: (text: string) => boolean) =>
  (text: string): boolean => {
    const read = readIp4Value(text);
    return test(read ?? text);
  };

const ADDRESS_RULES: Readonly<Record<string, { test: (text: string) => boolean; expected: string }>> = {
  ip: { test: lenient(isIp4), expected: "an IPv4 address such as 192.168.88.1" },
  "ip-prefix": { test: lenient(isIp4Prefix), expected: "an IPv4 address or prefix such as 10.0.0.0/8" },
  "ip-range": {
    test: lenient(isIp4Range),
    expected: "an IPv4 address, range or prefix such as 10.0.0.1-10.0.0.9 or 10.0.0.0/24",
  },
  ip6: { test: isIp6, expected: "an IPv6 address such as 2001:db8::1" },
  "ip6-prefix": { test: isIp6Prefix, expected: "an IPv6 address or prefix such as 2001:db8::/32" },
  mac: { test: isMac, expected: "a MAC address such as 00:0C:42:12:34:56" },
};

/** Addresses may come as comma lists (the hints do not say which arguments take several). */
function checkAddress(spec: ValueTarget, text: string): ValueProblem | undefined {
  const rule = ADDRESS_RULES[spec.type];
  if (!rule || text.split(",").every((part) => rule.test(part))) return undefined;
  const message = `${spec.name} must be ${rule.expected}${orExtra(spec)} ${got(text)}`;
  // A plain word may be a name the hint does not list; a short address with a number above 255 (`10.300`) may be
  // read in a way not observed: warnings. Anything else breaks the address syntax: an error.
  const unsure = PLAIN_WORD.test(text) || SHORT_IP4_SHAPE.test(text);
  return { message, severity: unsure ? "warning" : "error" };
}

const SHORT_IP4_SHAPE = /^\d+\.\d+(?:\.\d+)?(?:\/\d+)?$/;

function checkString(spec: ValueTarget, text: string): ValueProblem | undefined {
  switch (spec.format) {
    case "hex":
      if (!/^[0-9A-Fa-f]*$/.test(text))
        return error(`${spec.name} must be hexadecimal digits (0-9, a-f) ${got(text)}`);
      break;
    case "host":
      if (!isHost(text)) return error(`${spec.name} must be a host name or an IP address ${got(text)}`);
      break;
    case "mqtt-topic":
    case "mqtt-topic-filter": {
      const problem = spec.format === "mqtt-topic" ? topicNameProblem(text) : topicFilterProblem(text);
      if (problem)
        return error(text === "" ? `${spec.name} ${problem}` : `${spec.name} ${problem} ${got(text)}`);
      break;
    }
    default:
      break;
  }
  const length = spec.lengthRange;
  if (length) {
    const bytes = utf8Length(text);
    if (length.max !== undefined && bytes > length.max)
      return error(`${spec.name} must be at most ${length.max} bytes long (got ${bytes})`);
    if (length.min !== undefined && bytes < length.min)
      return error(`${spec.name} must be at least ${length.min} bytes long (got ${bytes})`);
  }
  return undefined;
}

/**
 * Checks a literal value (the text after `name=`, quotes and escapes already removed; not `$var`, `[cmd]` or
 * `(expr)`, whose values are unknown until run time) against the rules of `spec`. Returns undefined when the value
 * is fine or when the type has no rules (unknown, script, switch, id).
 */
export function validateValue(spec: ValueTarget, text: string): ValueProblem | undefined {
  if (spec.extraValues?.includes(text)) return undefined;
  switch (spec.type) {
    case "number":
      return checkNumber(spec, text);
    case "bool":
      return checkBool(spec, text);
    case "enum":
      return checkEnum(spec, text);
    case "time":
      return checkTime(spec, text);
    case "ip":
    case "ip-prefix":
    case "ip-range":
    case "ip6":
    case "ip6-prefix":
    case "mac":
      return checkAddress(spec, text);
    case "string":
      return checkString(spec, text);
    case "date":
      return isDateTime(text)
        ? undefined
        : error(`${spec.name} must be a date such as 2024-01-31 ${got(text)}`);
    case "broker-name":
      return text.length > 0
        ? undefined
        : error(`${spec.name} must name a broker of /iot/mqtt/brokers ${got(text)}`);
    default:
      return undefined;
  }
}

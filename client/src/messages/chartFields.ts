// The numbers a payload holds, for charting: a bare number, or each numeric field of a JSON object by dotted path (RouterOS times as seconds); arrays and numbers inside other strings are left out.
import { parseTime } from "../../../server/src/schema/values/time";

/** One number found in a payload; `unit` is "s" for a RouterOS time converted to seconds. */
export interface NumericField {
  readonly name: string;
  readonly value: number;
  readonly unit?: "s";
}

export interface FieldLimits {
  /** Longer payloads are not charted (a chart reads every new message of its topic). */
  maxPayloadBytes: number;
  /** Objects nested deeper than this are skipped. */
  maxDepth: number;
  /** Fields taken from one payload; the rest are left out. */
  maxFields: number;
}

export const DEFAULT_FIELD_LIMITS: Readonly<FieldLimits> = {
  maxPayloadBytes: 64 * 1024,
  maxDepth: 8,
  maxFields: 64,
};

/** The name of the series of a bare numeric payload. */
export const BARE_SERIES = "value";

/** JSON's number grammar: what a bare payload must be to count as a number. */
const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
/** A RouterOS time starts with a digit and has a unit letter or a colon (`1d2h3m`, `00:05:12`); "12" stays text. */
const TIME_SHAPE = /^-?\d[\d.:a-z]*$/;
const TIME_MARK = /[a-z:]/;
const MAX_TIME_LENGTH = 40;
const NS_PER_SECOND = 1e9;

/** The numbers of one payload in document order; empty when it holds none (or is too long to chart). */
export function numericFields(
  payload: Buffer | string,
  limits: Readonly<FieldLimits> = DEFAULT_FIELD_LIMITS,
): NumericField[] {
  if (payload.length === 0 || payload.length > limits.maxPayloadBytes) return [];
  const text = (typeof payload === "string" ? payload : payload.toString("utf8")).trim();
  if (JSON_NUMBER.test(text)) {
    const value = Number(text);
    return Number.isFinite(value) ? [{ name: BARE_SERIES, value }] : [];
  }
  if (!text.startsWith("{")) {
    const seconds = timeSeconds(text);
    return seconds === undefined ? [] : [{ name: BARE_SERIES, value: seconds, unit: "s" }];
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  const out: NumericField[] = [];
  collect(parsed, "", 0, limits, out);
  return out;
}

/** A RouterOS time literal in seconds, or undefined when `text` is not one (plain numbers are not times here). */
export function timeSeconds(text: string): number | undefined {
  if (text.length > MAX_TIME_LENGTH || !TIME_SHAPE.test(text) || !TIME_MARK.test(text)) return undefined;
  const ns = parseTime(text);
  return ns === undefined ? undefined : Number(ns) / NS_PER_SECOND;
}

function collect(
  value: unknown,
  path: string,
  depth: number,
  limits: Readonly<FieldLimits>,
  out: NumericField[],
): void {
  if (value === null || typeof value !== "object" || Array.isArray(value) || depth > limits.maxDepth) return;
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    if (out.length >= limits.maxFields) return;
    const name = path === "" ? key : `${path}.${key}`;
    if (typeof child === "number") {
      if (Number.isFinite(child)) out.push({ name, value: child });
    } else if (typeof child === "string") {
      const seconds = timeSeconds(child);
      if (seconds !== undefined) out.push({ name, value: seconds, unit: "s" });
    } else if (child !== null && typeof child === "object") {
      collect(child, name, depth + 1, limits, out);
    }
  }
}

// Values as RouterOS prints them (`:put`, `:tostr`, string interpolation): arrays `a;b;c`, times `1w2d03:04:05`, ids `*1A`.
import { formatTime } from "../schema";
import type { RosArray } from "./array";
import { formatIp4, formatIp6 } from "./ip";
import type { Value } from "./values";

export function formatId(n: number): string {
  return `*${n.toString(16).toUpperCase()}`;
}

/** The text of a value (a byte string). */
export function toStr(value: Value): string {
  switch (typeof value) {
    case "string":
      return value;
    case "bigint":
      return value.toString();
    case "boolean":
      return value ? "true" : "false";
    default:
      break;
  }
  switch (value.type) {
    case "time":
      return formatTime(value.ns);
    case "ip":
      return formatIp4(value.n);
    case "ip-prefix":
      return `${formatIp4(value.n)}/${value.bits}`;
    case "ip6":
      return formatIp6(value.n);
    case "ip6-prefix":
      return `${formatIp6(value.n)}/${value.bits}`;
    case "id":
      return formatId(value.n);
    case "array":
      return formatArray(value);
    case "code":
      return "(code)";
    case "op":
      return "(op)";
    case "nil":
    case "nothing":
      return "";
  }
}

function formatArray(array: RosArray): string {
  const parts: string[] = [];
  for (const value of array.list) parts.push(toStr(value));
  for (const key of array.keys()) parts.push(`${key}=${toStr(array.get(key))}`);
  return parts.join(";");
}

/**
 * A value as `:environment print` shows it: strings in quotes, arrays in braces with `; ` between members
 * (`a={x=5; y=2}`, `test={"el1"; "el2"}`, `array={}`), as the manual's transcripts show.
 */
export function environmentText(value: Value): string {
  if (typeof value === "string") return `"${value.replace(/["\\]/g, (c) => `\\${c}`)}"`;
  if (typeof value !== "object" || value.type !== "array") return toStr(value);
  // A `do={...}` function ({nothing; code}, ./functions) shows as its members joined, `f=;(evl ...)` on a router.
  const [first, second] = value.list;
  if (value.list.length === 2 && !value.hasKeys() && first !== undefined && typeof first === "object")
    if (first.type === "nothing" && typeof second === "object" && second.type === "code") return toStr(value);
  const parts: string[] = [];
  for (const member of value.list) parts.push(environmentText(member));
  for (const key of value.keys()) parts.push(`${key}=${environmentText(value.get(key))}`);
  return `{${parts.join("; ")}}`;
}

// Property values of the simulated device: JSON from a profile, or script values, read as the type the schema gives.
import type { PropertyInfo } from "../../schema";
import { RosArray } from "../array";
import { toBytes } from "../bytes";
import { toBool, toNum, toTime } from "../convert";
import { toStr } from "../format";
import { parseIp, parseIp6, parseIp6Prefix, parseIpPrefix } from "../ip";
import { literalValue } from "../literals";
import { Code, Id, type Value } from "../values";

/** A JSON scalar or array from a device profile. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Reads a byte string as the property's type; text that does not fit stays a string (as RouterOS prints it). */
function fromText(bytes: string, property: PropertyInfo | undefined): Value {
  const text = bytes;
  switch (property?.type) {
    case "number": {
      const n = toNum(bytes);
      return typeof n === "bigint" ? n : bytes;
    }
    case "bool": {
      const b = toBool(bytes);
      return typeof b === "boolean" ? b : bytes;
    }
    case "time": {
      const t = toTime(bytes);
      return typeof t === "object" && t.type === "time" ? t : bytes;
    }
    case "ip":
      return parseIp(text) ?? bytes;
    case "ip-prefix":
      return parseIpPrefix(text) ?? parseIp(text) ?? bytes;
    case "ip6":
      return parseIp6(text) ?? bytes;
    case "ip6-prefix":
      return parseIp6Prefix(text) ?? bytes;
    case "id":
      return /^\*[0-9A-Fa-f]+$/.test(text) ? new Id(parseInt(text.slice(1), 16)) : bytes;
    case undefined:
    case "unknown":
      return /^-?[0-9]+$/.test(text) ? literalValue(text) : bytes;
    default:
      return bytes;
  }
}

/** A profile's JSON value as a RouterOS value of the property's type. */
export function valueFromJson(json: JsonValue, property: PropertyInfo | undefined): Value {
  if (typeof json === "number") return Number.isInteger(json) ? BigInt(json) : toBytes(String(json));
  if (typeof json === "boolean") return json;
  if (typeof json === "string") return fromText(toBytes(json), property);
  if (json === null) return "";
  if (Array.isArray(json)) return new RosArray(json.map((v) => valueFromJson(v, undefined)));
  return new RosArray(
    [],
    Object.entries(json).map(([k, v]): [string, Value] => [toBytes(k), valueFromJson(v, undefined)]),
  );
}

/** A value given by a script (`add port=1883`) stored as the property's type. */
export function valueForProperty(value: Value, property: PropertyInfo | undefined): Value {
  if (value instanceof Code || value instanceof RosArray) return value;
  if (!property) return value;
  if (property.type === "string" || property.type === "broker-name" || property.type === "enum")
    return typeof value === "string" ? value : toStr(value);
  if (property.type === "script") return value;
  if (typeof value !== "string") {
    if (property.type === "bool" && typeof value === "bigint") return value !== 0n;
    return value;
  }
  return fromText(value, property);
}

/** A stored value as scripts read it back: code given as `{...}` reads as its source text, as on RouterOS. */
export function readBack(value: Value): Value {
  return value instanceof Code ? toBytes(value.text()) : value;
}

/** Properties as scripts read them back (the same map when no value is code). */
export function readBackAll(props: ReadonlyMap<string, Value>): ReadonlyMap<string, Value> {
  for (const value of props.values())
    if (value instanceof Code) return new Map([...props].map(([k, v]) => [k, readBack(v)]));
  return props;
}

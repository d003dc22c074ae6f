// Bare words of the source as values: read by the schema's one reader (`readWord`, `readAs`), wrapped as RouterOS values.
import { readAs, readIp4Value, readWord, type ArgInfo, type ReadValue, type ValueType } from "../schema";
import { RosArray } from "./array";
import { toBytes } from "./bytes";
import { makeIp6Prefix, makeIpPrefix } from "./ip";
import { Id, Ip, Ip6, NOTHING, Time, type Value } from "./values";

/** A value the schema read, as an interpreter value. */
function toValue(read: ReadValue): Value {
  switch (read.type) {
    case "num":
    case "bool":
      return read.value;
    case "id":
      return new Id(read.n);
    case "time":
      return new Time(read.ns);
    case "ip":
      return new Ip(read.n);
    case "ip-prefix":
      return makeIpPrefix(read.n, read.bits);
    case "ip6":
      return new Ip6(read.n);
    case "ip6-prefix":
      return makeIp6Prefix(read.n, read.bits);
  }
}

function typed(text: string): Value | undefined {
  const read = readWord(text);
  return read === undefined ? undefined : toValue(read);
}

/** `a,b,c` written bare is a list: an array of its typed pieces (`:serialize value=a,b,c`, `{1,2}`). */
function list(text: string): RosArray | undefined {
  if (!text.includes(",") || text.startsWith(",") || text.endsWith(",")) return undefined;
  return new RosArray(text.split(",").map(literalValue));
}

/** A bare word in an expression or a global command's argument: typed, or its text. */
export function literalValue(text: string): Value {
  return list(text) ?? typed(text) ?? toBytes(text);
}

/** A bare word as an unkeyed member of an array literal: what RouterOS cannot read is nothing (`{abc}`, `{0X10}`). */
export function memberValue(text: string): Value {
  return list(text) ?? typed(text) ?? NOTHING;
}

const IP4_TEXT_TYPES: ReadonlySet<ValueType> = new Set(["ip", "ip-prefix", "ip-range"]);

/**
 * A bare word given to a menu command, read as the argument's type (`interval=2.2` is 2.2 s, `address=2.2` the
 * address 2.0.0.2, `comment=2.2` text); a word its type cannot read stays text, its short addresses written out
 * (`address=2.2/24` is "2.0.0.2/24", as RouterOS 7.22.1 compiles it), for the device's rules to judge.
 */
export function argumentValue(text: string, arg: ArgInfo | undefined): Value {
  const type = arg?.type ?? "unknown";
  const read = readAs(type, text);
  if (read !== undefined) return toValue(read);
  return toBytes(IP4_TEXT_TYPES.has(type) ? (readIp4Value(text) ?? text) : text);
}

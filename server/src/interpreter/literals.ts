// Bare words of the source typed as RouterOS types them: `2.2` ip, `1.256` time, `007` num, past 64 bits saturated.
import { classifyLiteral } from "../syntax";
import { RosArray } from "./array";
import { toBytes } from "./bytes";
import { makeIp6Prefix, ip6Mask, parseIp6, parseIp6Prefix, parseIpPrefix, parseIp } from "./ip";
import { Id, Ip, IpPrefix, NOTHING, Time, type Value } from "./values";

const MAX = 2n ** 63n - 1n;
const DECIMAL = /^-?[0-9]+$/;
const HEX = /^-?0x[0-9A-Fa-f]+$/;
const DOTTED = /^[0-9]{1,3}(?:\.[0-9]{1,3}){1,3}$/;
const DOTTED_PREFIX = /^([0-9]{1,3}(?:\.[0-9]{1,3}){1,3})\/([0-9]{1,2})$/;
const SECONDS_FRACTION = /^([0-9]+)\.([0-9]+)$/;
const ID = /^\*[0-9A-Fa-f]+$/;
const UNIT_PART = /([0-9]+)(?:\.([0-9]+))?(weeks?|w|days?|d|hours?|h|ms|mins?|m|us|ns|s)/y;
const CLOCK = /^(?:([0-9]+)w)?(?:([0-9]+)d)?([0-9]+):([0-9]{1,2})(?::([0-9]{1,2})(?:\.([0-9]{1,9}))?)?$/;

const NS: Readonly<Record<string, bigint>> = {
  w: 604_800_000_000_000n,
  d: 86_400_000_000_000n,
  h: 3_600_000_000_000n,
  m: 60_000_000_000n,
  s: 1_000_000_000n,
  ms: 1_000_000n,
  us: 1_000n,
  ns: 1n,
};
const UNIT: Readonly<Record<string, string>> = {
  week: "w",
  weeks: "w",
  day: "d",
  days: "d",
  hour: "h",
  hours: "h",
  min: "m",
  mins: "m",
};

/** An integer literal: decimal (leading zeros allowed) or `0x` hex; past 64 bits it saturates (CHR 7.23.3). */
function integer(text: string): bigint | undefined {
  if (!DECIMAL.test(text) && !HEX.test(text)) return undefined;
  const negative = text.startsWith("-");
  const digits = negative ? text.slice(1) : text;
  const magnitude = BigInt(digits);
  const clamped = magnitude > MAX ? MAX : magnitude;
  return negative ? -clamped : clamped;
}

/** `a.b` is `a.0.0.b`, `a.b.c` is `a.b.0.c`: RouterOS's shortened addresses; undefined when a part passes 255. */
function dottedAddress(text: string): number | undefined {
  const parts = text.split(".").map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  const [a = 0, b = 0, c = 0, d = 0] =
    parts.length === 2
      ? [parts[0], 0, 0, parts[1]]
      : parts.length === 3
        ? [parts[0], parts[1], 0, parts[2]]
        : parts;
  return ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
}

function scaled(whole: string, fraction: string | undefined, unit: bigint): bigint {
  let ns = BigInt(whole) * unit;
  if (fraction) ns += (BigInt(fraction) * unit) / 10n ** BigInt(fraction.length);
  return ns;
}

/**
 * A time literal in nanoseconds: unit sequences (repeated units add up: `1m1m` is two minutes), clock forms whose
 * fields may overflow (`00:60:00` is one hour) and `N.M` seconds; undefined past 2^63-1 ns.
 */
function timeNs(text: string): bigint | undefined {
  let ns: bigint | undefined;
  const clock = CLOCK.exec(text);
  const fraction = SECONDS_FRACTION.exec(text);
  if (clock) {
    const [, w = "0", d = "0", h = "0", m = "0", s = "0", frac] = clock;
    ns =
      BigInt(w) * (NS.w as bigint) +
      BigInt(d) * (NS.d as bigint) +
      BigInt(h) * (NS.h as bigint) +
      BigInt(m) * (NS.m as bigint) +
      BigInt(s) * (NS.s as bigint) +
      (frac ? scaled("0", frac, NS.s as bigint) : 0n);
  } else if (fraction) {
    ns = scaled(fraction[1] ?? "0", fraction[2], NS.s as bigint);
  } else {
    let total = 0n;
    UNIT_PART.lastIndex = 0;
    while (UNIT_PART.lastIndex < text.length) {
      const at = UNIT_PART.lastIndex;
      const part = UNIT_PART.exec(text);
      if (!part || part.index !== at) return undefined;
      const word = part[3] ?? "";
      total += scaled(part[1] ?? "0", part[2], NS[UNIT[word] ?? word] as bigint);
    }
    if (text.length === 0) return undefined;
    ns = total;
  }
  return ns > MAX ? undefined : ns;
}

/** The typed value of one bare word, or undefined when RouterOS cannot read it as anything but text. */
function typed(text: string): Value | undefined {
  if (text === "true" || text === "yes") return true;
  if (text === "false" || text === "no") return false;
  if (ID.test(text)) return new Id(parseInt(text.slice(1), 16));
  const n = integer(text);
  if (n !== undefined) return n;
  if (DOTTED.test(text)) {
    const address = dottedAddress(text);
    if (address !== undefined) return new Ip(address);
    // `256.1` and `1.256`: not an address, so seconds with a fraction.
    const seconds = SECONDS_FRACTION.test(text) ? timeNs(text) : undefined;
    return seconds === undefined ? undefined : new Time(seconds);
  }
  const prefix = DOTTED_PREFIX.exec(text);
  if (prefix) {
    const address = dottedAddress(prefix[1] ?? "");
    const bits = Number(prefix[2]);
    return address === undefined || bits > 32 ? undefined : new IpPrefix(address, bits);
  }
  if (text.includes(":")) {
    const ip6 = parseIp6(text);
    if (ip6) return ip6;
    const ip6Prefix = parseIp6Prefix(text);
    // An IPv6 prefix keeps only its network bits (`::1/0` is `::/0`).
    if (ip6Prefix) return makeIp6Prefix(ip6Prefix.n & ip6Mask(ip6Prefix.bits), ip6Prefix.bits);
  }
  if (/^[0-9]/.test(text)) {
    const ns = timeNs(text);
    if (ns !== undefined) return new Time(ns);
  }
  return undefined;
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

/**
 * A bare word given to a menu command (`add address=2.2 comment=2.2`): the menu's schema types it later, so only
 * words of an unambiguous shape are typed here and everything else stays text (as RouterOS types by argument).
 */
export function argumentValue(text: string): Value {
  switch (classifyLiteral(text)) {
    case "number":
      return integer(text) ?? toBytes(text);
    case "bool":
      return text === "true" || text === "yes";
    case "id":
      return new Id(parseInt(text.slice(1), 16));
    case "ip":
      return parseIp(text) ?? toBytes(text);
    case "ip-prefix":
      return parseIpPrefix(text) ?? toBytes(text);
    case "time": {
      const ns = timeNs(text);
      return ns === undefined ? toBytes(text) : new Time(ns);
    }
    case "ip6":
    case "ip6-prefix":
      return typed(text) ?? toBytes(text);
    default:
      return toBytes(text);
  }
}

// How RouterOS reads a value written bare in a script: by its shape (a word of an expression) or by an argument's type.
import type { ValueType } from "../types";
import { ip6Mask, readIp4Number, readIp4Prefix, readIp6Number, readIp6Prefix } from "./address";
import { parseInteger } from "./number";
import { parseTime } from "./time";

/** A typed value read from text; what reads as none of these stays text. */
export type ReadValue =
  | { readonly type: "num"; readonly value: bigint }
  | { readonly type: "bool"; readonly value: boolean }
  | { readonly type: "id"; readonly n: number }
  | { readonly type: "time"; readonly ns: bigint }
  | { readonly type: "ip"; readonly n: number }
  | { readonly type: "ip-prefix"; readonly n: number; readonly bits: number }
  | { readonly type: "ip6"; readonly n: bigint }
  | { readonly type: "ip6-prefix"; readonly n: bigint; readonly bits: number };

const TRUE: ReadValue = { type: "bool", value: true };
const FALSE: ReadValue = { type: "bool", value: false };
const ID = /^\*[0-9A-Fa-f]+$/;
const SHORT_DOTTED = /^[0-9]+\.[0-9]+(?:\.[0-9]+)?$/;

function bool(text: string): ReadValue | undefined {
  if (text === "true" || text === "yes") return TRUE;
  if (text === "false" || text === "no") return FALSE;
  return undefined;
}

function id(text: string): ReadValue | undefined {
  return ID.test(text) ? { type: "id", n: parseInt(text.slice(1), 16) } : undefined;
}

function num(value: bigint | undefined): ReadValue | undefined {
  return value === undefined ? undefined : { type: "num", value };
}

function time(ns: bigint | undefined): ReadValue | undefined {
  return ns === undefined ? undefined : { type: "time", ns };
}

function ip(n: number | undefined): ReadValue | undefined {
  return n === undefined ? undefined : { type: "ip", n };
}

function ip4Prefix(text: string): ReadValue | undefined {
  const prefix = readIp4Prefix(text);
  return prefix === undefined ? undefined : { type: "ip-prefix", n: prefix.n, bits: prefix.bits };
}

function ip6(text: string): ReadValue | undefined {
  const n = readIp6Number(text);
  return n === undefined ? undefined : { type: "ip6", n };
}

/** A bare IPv6 prefix keeps only its network bits (CHR 7.23.3: `::1/0` is `::/0`); an argument's keeps them all. */
function ip6Prefix(text: string, network: boolean): ReadValue | undefined {
  const prefix = readIp6Prefix(text);
  if (prefix === undefined) return undefined;
  return { type: "ip6-prefix", n: network ? prefix.n & ip6Mask(prefix.bits) : prefix.n, bits: prefix.bits };
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * A bare word of an expression, an array member or a global command's argument, typed by its shape as RouterOS
 * types it (CHR 7.23.3, tikoci/centrs values.json): `yes`/`true` bool, `*1A` id, `007`/`0x10` num (saturating at
 * ±(2^63-1)), `2.2` the address 2.0.0.2 (short forms), `1.1/24` a prefix, `::1` IPv6, then a time: `1.256` and
 * `256.1` (a dotted word that is no address) are seconds, `1m1m` two minutes, `00:60:00` one hour. Undefined when
 * RouterOS reads it as text (`ether1`, `0X10`, `1.1.256`, `100000w`, `00:11:22:33:44:55`).
 */
export function readWord(text: string): ReadValue | undefined {
  const first = text.charCodeAt(0);
  if (!isDigit(first)) {
    if (first === 42 /* * */) return id(text);
    if (first === 45 /* - */) return num(parseInteger(text, "saturate"));
    // `.1` is 00:00:00.100, `.5s` half a second: a fraction without its leading zero (CHR 7.23.3, `(.1)`).
    if (first === 46 /* . */) return isDigit(text.charCodeAt(1)) ? time(parseTime(`0${text}`)) : undefined;
    // Letters: a bool, or an IPv6 address that starts with a hex letter (`fe80::1`); `::1` too.
    if (text.indexOf(":") < 0) return bool(text);
    return ip6(text) ?? ip6Prefix(text, true);
  }
  const n = parseInteger(text, "saturate");
  if (n !== undefined) return { type: "num", value: n };
  const address = readIp4Number(text);
  if (address !== undefined) return { type: "ip", n: address };
  if (text.indexOf("/") >= 0) return ip4Prefix(text) ?? ip6Prefix(text, true);
  if (text.indexOf(":") >= 0) return ip6(text) ?? time(parseTime(text));
  return time(parseTime(text));
}

/**
 * The value of an argument of a known type written bare (`interval=2.2`, `address=2.2`), as RouterOS compiles it
 * (7.23.3 IL: `interval=2.2` is 00:00:02.200, `address=2.2` is 2.0.0.2, `comment=2.2` stays text): read as that type
 * (bare numbers are seconds where a time is expected); undefined where the text stays text (strings, enums, names,
 * and text the type cannot read, which the argument's rules then refuse). Of an argument whose type the tree does
 * not know, a word is read by its shape, except the short dotted forms, whose meaning depends on that type.
 */
export function readAs(type: ValueType, text: string): ReadValue | undefined {
  switch (type) {
    case "number":
      return num(parseInteger(text));
    case "bool":
      return bool(text);
    case "time":
      return time(parseTime(text));
    case "ip":
      return ip(readIp4Number(text));
    case "ip-prefix":
    case "ip-range":
      return ip4Prefix(text) ?? ip(readIp4Number(text));
    case "ip6":
      return ip6(text);
    case "ip6-prefix":
      return ip6Prefix(text, false);
    case "id":
      return id(text);
    case "unknown":
      return SHORT_DOTTED.test(text) ? undefined : readWord(text);
    default:
      return undefined;
  }
}

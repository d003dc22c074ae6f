// Syntax of RouterOS address literals: IPv4/IPv6 addresses and prefixes, IPv4 ranges, MAC addresses, host names.
import { isIp6 as hasIp6Shape } from "../../syntax/literals";

const IP4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const MAC = /^[0-9A-Fa-f]{2}(?:[:.-]?[0-9A-Fa-f]{2}){5}$/;
const HOST_LABEL = /^[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,62})$/;

/** The 32-bit value of a dotted-quad IPv4 address (`192.168.88.1`), or undefined. */
export function parseIp4(text: string): number | undefined {
  const m = IP4.exec(text);
  if (!m) return undefined;
  let value = 0;
  for (let i = 1; i <= 4; i++) {
    const octet = Number(m[i]);
    if (octet > 255) return undefined;
    value = value * 256 + octet;
  }
  return value;
}

export function isIp4(text: string): boolean {
  return parseIp4(text) !== undefined;
}

const IP4_SHORT = /^(\d{1,3})\.(\d{1,3})(?:\.(\d{1,3}))?$/;

/**
 * An IPv4 address as RouterOS reads it, in dotted-quad form: besides `a.b.c.d`, the short forms `a.b` (a.0.0.b) and
 * `a.b.c` (a.b.0.c), the last number being the lowest byte. RouterOS 7.22.1 compiles `2.2/24` as 2.0.0.2/24 and
 * prints `[:tostr 1.1]` as 1.0.0.1. (Numbers above 255 are not read here: how RouterOS spreads them is not observed.)
 */
export function readIp4(text: string): string | undefined {
  if (parseIp4(text) !== undefined) return text;
  const m = IP4_SHORT.exec(text);
  if (!m) return undefined;
  const parts = [m[1], m[2], m[3]].filter((p): p is string => p !== undefined).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  const last = parts.pop() ?? 0;
  while (parts.length < 3) parts.push(0);
  return [...parts, last].join(".");
}

/**
 * An IPv4 address, prefix (`a.b.c.d/n` or `/netmask`) or range (`a-b`) as RouterOS reads it, with short addresses
 * written out (`2.2/24` is 2.0.0.2/24), or undefined when it is none of them.
 */
export function readIp4Value(text: string): string | undefined {
  const dash = text.indexOf("-");
  if (dash >= 0) {
    const from = readIp4(text.slice(0, dash));
    const to = readIp4(text.slice(dash + 1));
    return from === undefined || to === undefined ? undefined : `${from}-${to}`;
  }
  const slash = text.indexOf("/");
  if (slash < 0) return readIp4(text);
  const address = readIp4(text.slice(0, slash));
  const suffix = text.slice(slash + 1);
  if (address === undefined) return undefined;
  if (prefixBits(suffix, 32) !== undefined || isIp4(suffix)) return `${address}/${suffix}`;
  return undefined;
}

function prefixBits(text: string, max: number): number | undefined {
  if (!/^\d{1,3}$/.test(text)) return undefined;
  const bits = Number(text);
  return bits <= max ? bits : undefined;
}

/** `10.0.0.0/8`; a bare address counts as /32, as RouterOS stores it. */
export function isIp4Prefix(text: string): boolean {
  const slash = text.indexOf("/");
  if (slash < 0) return isIp4(text);
  return isIp4(text.slice(0, slash)) && prefixBits(text.slice(slash + 1), 32) !== undefined;
}

/** IPv4 range forms of RouterOS hints: `A.B.C.D`, `A.B.C.D-A.B.C.D`, `A.B.C.D/0..32`, `A.B.C.D/A.B.C.D` (netmask). */
export function isIp4Range(text: string): boolean {
  const dash = text.indexOf("-");
  if (dash >= 0) {
    const from = parseIp4(text.slice(0, dash));
    const to = parseIp4(text.slice(dash + 1));
    return from !== undefined && to !== undefined && from <= to;
  }
  const slash = text.indexOf("/");
  if (slash >= 0 && isIp4(text.slice(slash + 1))) return isIp4(text.slice(0, slash));
  return isIp4Prefix(text);
}

/** IPv6 address with `::` compression and an optional IPv4 tail (`::ffff:1.2.3.4`); a `%zone` suffix is not allowed. */
export function isIp6(text: string): boolean {
  if (!hasIp6Shape(text)) return false;
  const tail = text.slice(text.lastIndexOf(":") + 1);
  return !tail.includes(".") || isIp4(tail);
}

/** `2001:db8::/32`; a bare address counts as /128. */
export function isIp6Prefix(text: string): boolean {
  const slash = text.indexOf("/");
  if (slash < 0) return isIp6(text);
  return isIp6(text.slice(0, slash)) && prefixBits(text.slice(slash + 1), 128) !== undefined;
}

/** Six bytes as hex pairs, separated by `:`, `-` or `.` or not at all (`AB[:|-|.]CD...` in RouterOS hints). */
export function isMac(text: string): boolean {
  return MAC.test(text);
}

/** A DNS host name (`broker.example.com`, `mqtt_1`): labels of letters, digits, `-`, `_`, separated by dots. */
export function isHostName(text: string): boolean {
  if (text.length === 0 || text.length > 253) return false;
  const labels = (text.endsWith(".") ? text.slice(0, -1) : text).split(".");
  return labels.every((l) => HOST_LABEL.test(l));
}

/** An IP address (v4 or v6) or a host name: what a broker `address` may be. */
export function isHost(text: string): boolean {
  return isIp4(text) || isIp6(text) || isHostName(text);
}

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
 * The 32-bit value of an IPv4 address as RouterOS reads it: besides `a.b.c.d`, the short forms `a.b` (a.0.0.b) and
 * `a.b.c` (a.b.0.c), the last number being the lowest byte; undefined when a part passes 255 (CHR 7.23.3, tikoci/centrs
 * values.json addressShortcut: `1.255` is 1.0.0.255, `1.1.256` and `1.1.1.256` are no address). The same reading
 * for a bare word (`:put 2.2` prints 2.0.0.2) and an address argument (RouterOS 7.22.1 compiles `2.2/24` as 2.0.0.2/24).
 */
export function readIp4Number(text: string): number | undefined {
  const full = parseIp4(text);
  if (full !== undefined) return full;
  const m = IP4_SHORT.exec(text);
  if (!m) return undefined;
  const a = Number(m[1]);
  const b = Number(m[2]);
  const c = m[3] === undefined ? undefined : Number(m[3]);
  if (a > 255 || b > 255 || (c ?? 0) > 255) return undefined;
  return c === undefined ? a * 0x1000000 + b : a * 0x1000000 + b * 0x10000 + c;
}

/** `a.b.c.d`, lower bits last. */
export function formatIp4(n: number): string {
  return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

/** An IPv4 address as RouterOS reads it (`readIp4Number`), in dotted-quad form; a dotted quad is kept as written. */
export function readIp4(text: string): string | undefined {
  if (parseIp4(text) !== undefined) return text;
  const n = readIp4Number(text);
  return n === undefined ? undefined : formatIp4(n);
}

/** An IPv4 network and prefix length. */
export interface Ip4Prefix {
  readonly n: number;
  readonly bits: number;
}

function ip4Prefix(text: string, address: (text: string) => number | undefined): Ip4Prefix | undefined {
  const slash = text.indexOf("/");
  if (slash < 0) return undefined;
  const n = address(text.slice(0, slash));
  const bits = prefixBits(text.slice(slash + 1), 32);
  return n === undefined || bits === undefined ? undefined : { n, bits };
}

/** A dotted-quad prefix `a.b.c.d/bits` (bits 0 to 32), as conversions and device profiles give it. */
export function parseIp4Prefix(text: string): Ip4Prefix | undefined {
  return ip4Prefix(text, parseIp4);
}

/** An IPv4 prefix with RouterOS's short addresses (`1.1/24` is 1.0.0.1/24: CHR 7.23.3, values.json members). */
export function readIp4Prefix(text: string): Ip4Prefix | undefined {
  return ip4Prefix(text, readIp4Number);
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

/** The 128-bit value of an IPv6 address (with `::` and an IPv4 tail), or undefined. */
export function readIp6Number(text: string): bigint | undefined {
  if (!isIp6(text)) return undefined;
  let body = text;
  const tail: number[] = [];
  const lastColon = text.lastIndexOf(":");
  if (text.slice(lastColon + 1).includes(".")) {
    const v4 = parseIp4(text.slice(lastColon + 1));
    if (v4 === undefined) return undefined;
    tail.push(v4 >>> 16, v4 & 0xffff);
    body = text.slice(0, lastColon + 1);
    if (!body.endsWith("::")) body = body.slice(0, -1);
  }
  const parse = (part: string): number[] => (part === "" ? [] : part.split(":").map((g) => parseInt(g, 16)));
  let groups: number[];
  const gap = body.indexOf("::");
  if (gap >= 0) {
    const head = parse(body.slice(0, gap));
    const rest = [...parse(body.slice(gap + 2)), ...tail];
    groups = [...head, ...new Array<number>(8 - head.length - rest.length).fill(0), ...rest];
  } else {
    groups = [...parse(body), ...tail];
  }
  let n = 0n;
  for (const g of groups) n = (n << 16n) | BigInt(g);
  return n;
}

/** All 128 bits of an IPv6 address. */
export const MASK128 = (1n << 128n) - 1n;

/** The network mask of an IPv4 prefix length. */
export function ip4Mask(bits: number): number {
  return bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
}

/** The network mask of an IPv6 prefix length. */
export function ip6Mask(bits: number): bigint {
  return bits === 0 ? 0n : (MASK128 << BigInt(128 - bits)) & MASK128;
}

/** An IPv6 prefix `address/bits` (bits 0 to 128), its address as written (`::1/0` keeps ::1). */
export function readIp6Prefix(text: string): { readonly n: bigint; readonly bits: number } | undefined {
  const slash = text.lastIndexOf("/");
  if (slash < 0) return undefined;
  const n = readIp6Number(text.slice(0, slash));
  const bits = prefixBits(text.slice(slash + 1), 128);
  return n === undefined || bits === undefined ? undefined : { n, bits };
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

// IPv4/IPv6 addresses and prefixes: parsing from text, canonical printing, masks and containment.
import { isIp6, parseIp4 } from "../schema";
import { Ip, Ip6, Ip6Prefix, IpPrefix } from "./values";

const MASK128 = (1n << 128n) - 1n;

export function ip4Mask(bits: number): number {
  return bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
}

export function ip6Mask(bits: number): bigint {
  return bits === 0 ? 0n : (MASK128 << BigInt(128 - bits)) & MASK128;
}

/** A prefix keeps its address as written (`10.9.9.1/24` is how `/ip address` stores an address); tests mask it. */
export function makeIpPrefix(n: number, bits: number): IpPrefix {
  return new IpPrefix(n >>> 0, bits);
}

export function makeIp6Prefix(n: bigint, bits: number): Ip6Prefix {
  return new Ip6Prefix(n, bits);
}

export function parseIp(text: string): Ip | undefined {
  const n = parseIp4(text);
  return n === undefined ? undefined : new Ip(n);
}

function prefixLength(text: string, max: number): number | undefined {
  if (!/^[0-9]{1,3}$/.test(text)) return undefined;
  const bits = Number(text);
  return bits <= max ? bits : undefined;
}

export function parseIpPrefix(text: string): IpPrefix | undefined {
  const slash = text.indexOf("/");
  if (slash < 0) return undefined;
  const n = parseIp4(text.slice(0, slash));
  const bits = prefixLength(text.slice(slash + 1), 32);
  return n === undefined || bits === undefined ? undefined : makeIpPrefix(n, bits);
}

/** The 128-bit value of an IPv6 address (with `::` and an IPv4 tail), or undefined. */
export function parseIp6Number(text: string): bigint | undefined {
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

export function parseIp6(text: string): Ip6 | undefined {
  const n = parseIp6Number(text);
  return n === undefined ? undefined : new Ip6(n);
}

export function parseIp6Prefix(text: string): Ip6Prefix | undefined {
  const slash = text.lastIndexOf("/");
  if (slash < 0) return undefined;
  const n = parseIp6Number(text.slice(0, slash));
  const bits = prefixLength(text.slice(slash + 1), 128);
  return n === undefined || bits === undefined ? undefined : makeIp6Prefix(n, bits);
}

export function formatIp4(n: number): string {
  return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

/** RFC 5952 form: lower case, leading zeros dropped, the longest run of two or more zero groups as `::`. */
export function formatIp6(n: bigint): string {
  if (n >> 32n === 0xffffn) return `::ffff:${formatIp4(Number(n & 0xffffffffn))}`;
  const groups: number[] = [];
  for (let i = 7; i >= 0; i--) groups.push(Number((n >> BigInt(i * 16)) & 0xffffn));
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = (gs: number[]): string => gs.map((g) => g.toString(16)).join(":");
  if (bestStart < 0) return hex(groups);
  return `${hex(groups.slice(0, bestStart))}::${hex(groups.slice(bestStart + bestLength))}`;
}

export function ip4InPrefix(n: number, prefix: IpPrefix): boolean {
  const mask = ip4Mask(prefix.bits);
  return (n & mask) >>> 0 === (prefix.n & mask) >>> 0;
}

export function ip6InPrefix(n: bigint, prefix: Ip6Prefix): boolean {
  const mask = ip6Mask(prefix.bits);
  return (n & mask) === (prefix.n & mask);
}

export { MASK128 };

// IPv4/IPv6 addresses and prefixes as values: read from text by the schema's readers, canonical printing, masks, containment.
import {
  MASK128,
  formatIp4,
  ip4Mask,
  ip6Mask,
  parseIp4,
  parseIp4Prefix,
  readIp6Number,
  readIp6Prefix,
} from "../schema";
import { Ip, Ip6, Ip6Prefix, IpPrefix } from "./values";

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

export function parseIpPrefix(text: string): IpPrefix | undefined {
  const prefix = parseIp4Prefix(text);
  return prefix === undefined ? undefined : makeIpPrefix(prefix.n, prefix.bits);
}

export function parseIp6(text: string): Ip6 | undefined {
  const n = readIp6Number(text);
  return n === undefined ? undefined : new Ip6(n);
}

export function parseIp6Prefix(text: string): Ip6Prefix | undefined {
  const prefix = readIp6Prefix(text);
  return prefix === undefined ? undefined : makeIp6Prefix(prefix.n, prefix.bits);
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

export { MASK128, formatIp4, ip4Mask, ip6Mask };

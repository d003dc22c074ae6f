// Classifies bare words of RouterOS source (numbers, addresses, times, ids...) by their shape, without evaluating them.

/** The literal classes a bare word can have. "word" is a plain string such as `ether1` or `accept`. */
export type LiteralKind =
  "word" | "number" | "bool" | "ip" | "ip-prefix" | "ip6" | "ip6-prefix" | "mac" | "time" | "id";

const DECIMAL = /^-?[0-9]+$/;
const HEX = /^0x[0-9A-Fa-f]+$/;
const IPV4 = /^(?:[0-9]{1,3}\.){3}[0-9]{1,3}$/;
const IPV4_PREFIX = /^(?:[0-9]{1,3}\.){3}[0-9]{1,3}\/[0-9]{1,2}$/;
const MAC = /^[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){5}$|^[0-9A-Fa-f]{2}(?:-[0-9A-Fa-f]{2}){5}$/;
const TIME_UNITS = /^(?:[0-9]+(?:\.[0-9]+)?(?:weeks?|w|days?|d|hours?|h|mins?|m|ms|us|ns|s))+$/;
/** `.1`, `.5s`: a fraction of a second, or of a unit, without its leading zero (CHR 7.23.3 compiles `(.1)` as 00:00:00.100). */
const TIME_LEADING_DOT = /^\.[0-9]+(?:weeks?|w|days?|d|hours?|h|mins?|m|ms|us|ns|s)?$/;
const TIME_CLOCK = /^(?:[0-9]+w)?(?:[0-9]+d)?[0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?$/;
const ID = /^\*[0-9A-Fa-f]+$/;
const HEX_GROUP = /^[0-9A-Fa-f]{1,4}$/;

/** True when `text` is an IPv6 address (with `::` compression and an optional embedded IPv4 tail). */
export function isIp6(text: string): boolean {
  if (text.indexOf(":") < 0) return false;
  let body = text;
  let ip4Groups = 0;
  const lastColon = text.lastIndexOf(":");
  const tail = text.slice(lastColon + 1);
  if (tail.indexOf(".") >= 0) {
    if (!IPV4.test(tail)) return false;
    ip4Groups = 2;
    body = text.slice(0, lastColon + 1);
    if (!body.endsWith("::")) body = body.slice(0, -1);
  }
  const compressed = body.indexOf("::");
  if (compressed >= 0) {
    if (body.indexOf("::", compressed + 1) >= 0) return false;
    const head = body.slice(0, compressed);
    const rest = body.slice(compressed + 2);
    const groups = [...(head ? head.split(":") : []), ...(rest ? rest.split(":") : [])];
    return groups.length + ip4Groups <= 7 && groups.every((g) => HEX_GROUP.test(g));
  }
  const groups = body.split(":");
  return groups.length + ip4Groups === 8 && groups.every((g) => HEX_GROUP.test(g));
}

function isIp6Prefix(text: string): boolean {
  const slash = text.lastIndexOf("/");
  if (slash < 0) return false;
  const bits = text.slice(slash + 1);
  return /^[0-9]{1,3}$/.test(bits) && Number(bits) <= 128 && isIp6(text.slice(0, slash));
}

/** Classifies the text of one bare word. Never throws; anything unrecognised is a "word". */
export function classifyLiteral(text: string): LiteralKind {
  const c = text.charCodeAt(0);
  const isDigit = c >= 48 && c <= 57;
  if (!isDigit && c !== 45 /* - */ && c !== 42 /* * */ && c !== 58 /* : */ && c !== 46 /* . */) {
    // Letters first: the common case (`ether1`, `accept`, `yes`). Only MACs and IPv6 start with a letter.
    if (text.indexOf(":") < 0 && text.length !== 17) {
      return text === "true" || text === "false" || text === "yes" || text === "no" ? "bool" : "word";
    }
  }
  if (c === 42) return ID.test(text) ? "id" : "word";
  if (c === 46 /* . */) return TIME_LEADING_DOT.test(text) ? "time" : "word";
  if (DECIMAL.test(text) || HEX.test(text)) return "number";
  if (IPV4.test(text)) return "ip";
  if (IPV4_PREFIX.test(text)) return "ip-prefix";
  if (MAC.test(text)) return "mac";
  if (TIME_UNITS.test(text) || TIME_CLOCK.test(text)) return "time";
  if (isIp6(text)) return "ip6";
  if (isIp6Prefix(text)) return "ip6-prefix";
  return "word";
}

/** True for literal kinds that are not plain words: the ones an expression accepts as operands. */
export function isValueShaped(kind: LiteralKind): boolean {
  return kind !== "word";
}

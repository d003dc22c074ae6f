// The conversion commands (`:tonum :tostr :tobool :toip :toip6 :totime :toid :toarray :tonsec`): nil on failure, as RouterOS.
import { parseInteger, parseTime } from "../schema";
import { RosArray } from "./array";
import { toStr } from "./format";
import { parseIp, parseIp6, parseIp6Prefix } from "./ip";
import { Id, Ip, NIL, Time, type Value } from "./values";

const NS_PER_S = 1_000_000_000n;

export function toNum(value: Value): Value {
  switch (typeof value) {
    case "bigint":
      return value;
    case "boolean":
      return value ? 1n : 0n;
    case "string":
      return parseInteger(value.trim()) ?? NIL;
    default:
      break;
  }
  switch (value.type) {
    case "time":
      return value.ns / NS_PER_S;
    case "ip":
      return BigInt(value.n);
    case "id":
      return BigInt(value.n);
    default:
      return NIL;
  }
}

export function toBool(value: Value): Value {
  switch (typeof value) {
    case "boolean":
      return value;
    case "bigint":
      return value !== 0n;
    case "string": {
      if (value === "true" || value === "yes") return true;
      if (value === "false" || value === "no") return false;
      return NIL;
    }
    default:
      return NIL;
  }
}

export function toIp(value: Value): Value {
  // Text must be an address: `:typeof [:toip "1.1.1.0/24"]` prints nil (forum.mikrotik.com/viewtopic.php?t=183631,
  // rextended's transcript, response 10).
  if (typeof value === "string") return parseIp(value.trim()) ?? NIL;
  if (typeof value === "bigint") return value >= 0n && value <= 0xffffffffn ? new Ip(Number(value)) : NIL;
  if (typeof value === "object" && value.type === "ip") return value;
  // A prefix converts to its address (`:toip 192.168.100.1/24` is 192.168.100.1).
  if (typeof value === "object" && value.type === "ip-prefix") return new Ip(value.n);
  return NIL;
}

export function toIp6(value: Value): Value {
  if (typeof value === "string") return parseIp6(value.trim()) ?? parseIp6Prefix(value.trim()) ?? NIL;
  if (typeof value === "object" && (value.type === "ip6" || value.type === "ip6-prefix")) return value;
  return NIL;
}

export function toTime(value: Value): Value {
  if (typeof value === "bigint") return new Time(value * NS_PER_S);
  if (typeof value === "string") {
    const ns = parseTime(value.trim()) ?? sinceEpoch(value.trim());
    return ns === undefined ? NIL : new Time(ns);
  }
  if (typeof value === "object" && value.type === "time") return value;
  return NIL;
}

/**
 * A date as `/system clock get date` gives it (`2024-11-22`, optionally with ` hh:mm:ss`) as the time since 1970-01-01:
 * RouterOS 7.16 prints 2864w1d00:00:00 for `:totime` of 2024-11-22 (forum.mikrotik.com topic 212738, rextended's
 * transcript; the thread notes 7.10 lacks it).
 */
function sinceEpoch(text: string): bigint | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}):(\d{2}))?$/.exec(text);
  if (!m) return undefined;
  const [year = 0, month = 0, day = 0, h = 0, min = 0, sec = 0] = m.slice(1).map((part) => Number(part ?? 0));
  if (month < 1 || month > 12 || day < 1 || day > 31 || h > 23 || min > 59 || sec > 59) return undefined;
  const ms = Date.UTC(year, month - 1, day, h, min, sec);
  return BigInt(ms) * 1_000_000n;
}

export function toNsec(value: Value): Value {
  const time = toTime(value);
  return time instanceof Time ? time.ns : NIL;
}

export function toId(value: Value): Value {
  if (typeof value === "object" && value.type === "id") return value;
  if (typeof value === "string" && /^\*[0-9A-Fa-f]+$/.test(value))
    return new Id(parseInt(value.slice(1), 16));
  if (typeof value === "bigint" && value >= 0n) return new Id(Number(value));
  return NIL;
}

/** `:toarray`: arrays as they are, strings split on the delimiter (default `,`), nothing as an empty array. */
export function toArray(value: Value, delimiter = ","): RosArray {
  if (value instanceof RosArray) return value;
  if (typeof value === "string") {
    if (value === "") return new RosArray();
    // Elements lose the spaces around them: `:toarray "jan, feb"` is `jan;feb`.
    return new RosArray(delimiter === "" ? [...value] : value.split(delimiter).map((e) => e.trim()));
  }
  if (typeof value === "object" && (value.type === "nil" || value.type === "nothing")) return new RosArray();
  return RosArray.of(value);
}

export { toStr };

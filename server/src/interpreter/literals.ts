// Bare words of the source as typed values: `5` num, `1h` time, `10.0.0.1` ip, `*1A` id, `yes` bool, anything else str.
import { parseInteger, parseTime } from "../schema";
import { classifyLiteral, type LiteralKind } from "../syntax";
import { toBytes } from "./bytes";
import { parseIp, parseIp6, parseIp6Prefix, parseIpPrefix } from "./ip";
import { Id, Time, type Value } from "./values";

/** The value of a bare word of kind `kind` (as the parser classified it). Falls back to a string. */
export function literalValue(text: string, kind: LiteralKind = classifyLiteral(text)): Value {
  switch (kind) {
    case "number":
      return parseInteger(text) ?? toBytes(text);
    case "bool":
      return text === "true" || text === "yes";
    case "time": {
      const ns = parseTime(text);
      return ns === undefined ? toBytes(text) : new Time(ns);
    }
    case "ip":
      return parseIp(text) ?? text;
    case "ip-prefix":
      return parseIpPrefix(text) ?? text;
    case "ip6":
      return parseIp6(text) ?? text;
    case "ip6-prefix":
      return parseIp6Prefix(text) ?? text;
    case "id":
      return new Id(parseInt(text.slice(1), 16));
    case "mac":
    case "word":
      return toBytes(text);
  }
}

// Bare words as RouterOS 7.22.1 writes them in its compiled form ("IL"): typed by shape or by the argument's type.
import {
  formatIp4,
  formatTime,
  readAs,
  readIp4Prefix,
  readWord,
  type ArgInfo,
  type ReadValue,
} from "../schema";
import { formatIp6 } from "./ip";

/**
 * A read value as the IL prints it: numbers in decimal (`0xFF` is `255`), times as `:put` shows them (`1s` is
 * `00:00:01`), booleans as `true`/`false`; a prefix given to an argument is the pair `address;bits`
 * (`address=2.2/24` is `2.0.0.2;24`), the same prefix in an expression keeps its slash (`(in 1.1.1.1 1.0.0.0/8)`).
 */
function readText(read: ReadValue, inArgument: boolean): string {
  switch (read.type) {
    case "num":
      return read.value.toString();
    case "bool":
      return read.value ? "true" : "false";
    case "id":
      return `*${read.n.toString(16).toUpperCase()}`;
    case "time":
      return formatTime(read.ns);
    case "ip":
      return formatIp4(read.n);
    case "ip-prefix":
      return `${formatIp4(read.n)}${inArgument ? ";" : "/"}${read.bits}`;
    case "ip6":
      return formatIp6(read.n);
    case "ip6-prefix":
      return `${formatIp6(read.n)}${inArgument ? ";" : "/"}${read.bits}`;
  }
}

/** A list written bare (`path=ip,address`): its pieces, each typed, joined by `;` as every IL list is. */
function listText(text: string, read: (piece: string) => string): string | undefined {
  if (!text.includes(",") || text.startsWith(",") || text.endsWith(",")) return undefined;
  return text.split(",").map(read).join(";");
}

/** A bare word of an expression or an array member, typed by its shape (`0xFF85` is `65413`). */
export function wordText(text: string, lists = true): string {
  const list = lists ? listText(text, (piece) => wordText(piece)) : undefined;
  if (list !== undefined) return list;
  const read = readWord(text);
  return read === undefined ? text : readText(read, false);
}

/**
 * A bare word given to an argument: read as the argument's type when it has one (`delay-time=60` is `00:01:00`,
 * `disabled=no` is `false`), else as RouterOS 7.22.1's IL shows: a menu command's word by its shape, `a,b` as a list
 * (`path=ip,address` is `ip;address`); a global command's unnamed word by its shape, without lists (`:tostr 1.1` is
 * 1.0.0.1), its named word as text but `a,b` as a list (`:resolve server=1.1` keeps `1.1`, `:serialize order=a,b` is
 * `a;b`); text the type cannot read stays as written.
 */
export function argumentWordText(
  text: string,
  arg: ArgInfo | undefined,
  menuCommand: boolean,
  named: boolean,
): string {
  if (arg === undefined) return wordText(text);
  const list =
    menuCommand || named
      ? listText(text, (piece) => argumentWordText(piece, arg, menuCommand, named))
      : undefined;
  if (list !== undefined) return list;
  if (arg.type === "enum" || arg.type === "script" || arg.type === "string") return text;
  if (!menuCommand && arg.type === "unknown") return named ? text : wordText(text, false);
  const read = readAs(arg.type, text);
  if (read !== undefined) return readText(read, menuCommand);
  // An address argument takes a prefix too, host bits kept (`/ip address add address=169.254.1.1/16` is
  // `169.254.1.1;16`).
  const prefix = arg.type === "ip" ? readIp4Prefix(text) : undefined;
  return prefix === undefined ? text : `${formatIp4(prefix.n)}${menuCommand ? ";" : "/"}${prefix.bits}`;
}

// The run-time values of RouterOS scripts: num (64-bit), str (bytes), bool, time (ns), addresses, id, array, code, nil, nothing.
import type { Statement } from "../syntax";
import type { RosArray } from "./array";
import type { SourceText } from "./source";

/** A time interval in nanoseconds (RouterOS keeps 64-bit nanoseconds). */
export class Time {
  readonly type = "time";
  constructor(readonly ns: bigint) {}
}

/** An IPv4 address as an unsigned 32-bit number. */
export class Ip {
  readonly type = "ip";
  constructor(readonly n: number) {}
}

/** An IPv4 prefix, with the address as written (host bits kept). */
export class IpPrefix {
  readonly type = "ip-prefix";
  constructor(
    readonly n: number,
    readonly bits: number,
  ) {}
}

/** An IPv6 address as an unsigned 128-bit number. */
export class Ip6 {
  readonly type = "ip6";
  constructor(readonly n: bigint) {}
}

export class Ip6Prefix {
  readonly type = "ip6-prefix";
  constructor(
    readonly n: bigint,
    readonly bits: number,
  ) {}
}

/** An internal item id such as `*1A`. */
export class Id {
  readonly type = "id";
  constructor(readonly n: number) {}
}

/** A piece of code (a `do={...}` function, `:parse` result or on-message script): statements and where they came from. */
export class Code {
  /** "op" for code quoted by the `>` operator (./opValues). */
  readonly type: "code" | "op" = "code";
  constructor(
    readonly body: readonly Statement[],
    readonly source: SourceText,
    /** The range of the code in its source, for printing it back. */
    readonly start: number,
    readonly end: number,
    /** The menu its relative command names resolve in: where a `do={...}` is written; the root for parsed text. */
    readonly menu: readonly string[] = [],
  ) {}

  /** The code's text as written. */
  text(): string {
    return this.source.text.slice(this.start, this.end);
  }
}

/** The type of a declared but unset variable and of failed conversions. */
export class Nil {
  readonly type = "nil";
}

/** The result of `:nothing`, of reading an unknown variable, and of a command that returns nothing. */
export class Nothing {
  readonly type = "nothing";
}

export const NIL = new Nil();
export const NOTHING = new Nothing();

/** num is a bigint, str a byte string, bool a boolean; everything else an object with a `type` tag. */
export type Value =
  bigint | string | boolean | Time | Ip | IpPrefix | Ip6 | Ip6Prefix | Id | RosArray | Code | Nil | Nothing;

export type TypeName =
  | "num"
  | "str"
  | "bool"
  | "time"
  | "ip"
  | "ip-prefix"
  | "ip6"
  | "ip6-prefix"
  | "id"
  | "array"
  | "code"
  | "op"
  | "nil"
  | "nothing";

/** The type name `:typeof` prints. */
export function typeOf(value: Value): TypeName {
  switch (typeof value) {
    case "bigint":
      return "num";
    case "string":
      return "str";
    case "boolean":
      return "bool";
    default:
      return value.type;
  }
}

export function isNothing(value: Value): value is Nothing | Nil {
  return value === NOTHING || value === NIL;
}

const MIN = -(2n ** 63n);
const MAX = 2n ** 63n - 1n;

/** Wraps a result to 64-bit signed, as the router's arithmetic does. */
export function int64(n: bigint): bigint {
  return n >= MIN && n <= MAX ? n : BigInt.asIntN(64, n);
}

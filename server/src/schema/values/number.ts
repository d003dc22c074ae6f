// RouterOS integer literals: 64-bit signed decimal (`-5`, `1883`, `007`) or hexadecimal (`0x1F`, not `0X1F`).

const DECIMAL = /^-?\d+$/;
const HEX = /^-?0x[0-9A-Fa-f]+$/;
const MIN = -(2n ** 63n);
const MAX = 2n ** 63n - 1n;

/**
 * What a value past 64 bits becomes. "saturate": a number word of a script stops at ±(2^63-1) (CHR 7.23.3:
 * `9223372036854775808` is 9223372036854775807, `-9223372036854775808` is -9223372036854775807); "reject": no
 * number (a number argument, `:tonum`: how RouterOS reads those past 64 bits is not observed, so no value is assumed).
 */
export type IntegerOverflow = "saturate" | "reject";

/** The value of an integer literal, or undefined when `text` is not one (or, with "reject", overflows 64 bits). */
export function parseInteger(text: string, overflow: IntegerOverflow = "reject"): bigint | undefined {
  if (!DECIMAL.test(text) && !HEX.test(text)) return undefined;
  const negative = text.startsWith("-");
  const magnitude = BigInt(negative ? text.slice(1) : text);
  if (overflow === "saturate") {
    const clamped = magnitude > MAX ? MAX : magnitude;
    return negative ? -clamped : clamped;
  }
  const value = negative ? -magnitude : magnitude;
  return value < MIN || value > MAX ? undefined : value;
}

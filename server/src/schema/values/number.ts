// RouterOS integer literals: 64-bit signed decimal (`-5`, `1883`) or hexadecimal (`0x1F`).

const DECIMAL = /^-?\d+$/;
const HEX = /^-?0x[0-9A-Fa-f]+$/;
const MIN = -(2n ** 63n);
const MAX = 2n ** 63n - 1n;

/** The exact value of an integer literal, or undefined when `text` is not one or overflows 64 bits. */
export function parseInteger(text: string): bigint | undefined {
  if (!DECIMAL.test(text) && !HEX.test(text)) return undefined;
  const negative = text.startsWith("-");
  const magnitude = BigInt(negative ? text.slice(1) : text);
  const value = negative ? -magnitude : magnitude;
  return value < MIN || value > MAX ? undefined : value;
}

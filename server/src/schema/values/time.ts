// RouterOS time values: reading literals (1d2h3m4s, 00:01:30, 200ms, bare seconds) to exact nanoseconds and printing them.

const NS = {
  w: 604_800_000_000_000n,
  d: 86_400_000_000_000n,
  h: 3_600_000_000_000n,
  m: 60_000_000_000n,
  s: 1_000_000_000n,
  ms: 1_000_000n,
  us: 1_000n,
  ns: 1n,
} as const;

type Unit = keyof typeof NS;

const UNIT_WORDS: Readonly<Record<string, Unit>> = {
  w: "w",
  week: "w",
  weeks: "w",
  d: "d",
  day: "d",
  days: "d",
  h: "h",
  hour: "h",
  hours: "h",
  m: "m",
  min: "m",
  mins: "m",
  s: "s",
  ms: "ms",
  us: "us",
  ns: "ns",
};

const UNIT_PART = /(\d+)(?:\.(\d+))?(weeks?|w|days?|d|hours?|h|ms|mins?|m|us|ns|s)/y;
const CLOCK = /^(?:(\d+)w)?(?:(\d+)d)?(\d+):(\d{1,2})(?::(\d{1,2})(?:\.(\d{1,9}))?)?$/;
const BARE = /^(\d+)(?:\.(\d+))?$/;

/** The longest time RouterOS holds: 2^63-1 ns, 15250w1d23:47:16.854775807 (CHR 7.23.3: `15251w` is no time). */
export const MAX_TIME_NS = 2n ** 63n - 1n;

/** `digits.fraction` × unit, truncated to whole nanoseconds. */
function scaled(whole: string, fraction: string | undefined, unit: bigint): bigint {
  let ns = BigInt(whole) * unit;
  if (fraction) ns += (BigInt(fraction) * unit) / 10n ** BigInt(fraction.length);
  return ns;
}

function parseUnsigned(text: string): bigint | undefined {
  const bare = BARE.exec(text);
  if (bare) return scaled(bare[1] ?? "0", bare[2], NS.s);
  const clock = CLOCK.exec(text);
  if (clock) {
    // Fields past 59 carry over: `00:60:00` is 01:00:00 (CHR 7.23.3, tikoci/centrs values.json colonTime).
    const [, w = "0", d = "0", h = "0", m = "0", s = "0", fraction] = clock;
    return (
      BigInt(w) * NS.w +
      BigInt(d) * NS.d +
      BigInt(h) * NS.h +
      BigInt(m) * NS.m +
      BigInt(s) * NS.s +
      (fraction ? scaled("0", fraction, NS.s) : 0n)
    );
  }
  let total = 0n;
  UNIT_PART.lastIndex = 0;
  while (UNIT_PART.lastIndex < text.length) {
    const at = UNIT_PART.lastIndex;
    const part = UNIT_PART.exec(text);
    if (!part || part.index !== at) return undefined;
    const unit = UNIT_WORDS[part[3] ?? ""];
    if (unit === undefined) return undefined;
    total += scaled(part[1] ?? "0", part[2], NS[unit]);
  }
  return text.length > 0 ? total : undefined;
}

/** A time's magnitude without the 64-bit limit, or undefined when `text` has no time syntax. */
function readMagnitude(text: string): bigint | undefined {
  return text.startsWith("-") ? parseUnsigned(text.slice(1)) : parseUnsigned(text);
}

/**
 * Reads a RouterOS time literal to nanoseconds (exact, as RouterOS keeps 64-bit nanoseconds; see `:tonsec`): the one
 * reader of times for the checker, the interpreter and conversions. Accepts unit sequences `1w2d3h4m5s`, `1.5h`,
 * `200ms`, `10us`, `0.1day1.2s`, where repeated units add up (`1m1m` is two minutes) (units w/week(s), d/day(s),
 * h/hour(s), m/min(s), s, ms, us, ns), clock forms `hh:mm`, `hh:mm:ss`, `hh:mm:ss.fraction` with optional `Nw` / `Nd`
 * prefixes (`1w2d03:04:05.5`) whose fields may pass 59, bare seconds `30` / `1.5` (how a time argument reads them:
 * RouterOS 7.23.3 compiles `interval=2.2` as 00:00:02.200), and a leading `-`. Returns undefined for anything else
 * and past 2^63-1 ns (`100000w` is no time). A bare word of a script is read by `readWord`, where a number or an
 * address comes first.
 */
export function parseTime(text: string): bigint | undefined {
  const magnitude = readMagnitude(text);
  if (magnitude === undefined || magnitude > MAX_TIME_NS) return undefined;
  return text.startsWith("-") ? -magnitude : magnitude;
}

/** True when `text` has a time's syntax but is longer than RouterOS can hold (`100000w`). */
export function isTimeTooLong(text: string): boolean {
  const magnitude = readMagnitude(text);
  return magnitude !== undefined && magnitude > MAX_TIME_NS;
}

const two = (n: bigint): string => n.toString().padStart(2, "0");

/** RouterOS's canonical form, as `:put` prints times: `00:00:05.003`, `2d11:00:12`, `1w2d03:04:05.500`. */
export function formatTime(ns: bigint): string {
  if (ns < 0n) return `-${formatTime(-ns)}`;
  const weeks = ns / NS.w;
  const days = (ns % NS.w) / NS.d;
  const hours = (ns % NS.d) / NS.h;
  const minutes = (ns % NS.h) / NS.m;
  const seconds = (ns % NS.m) / NS.s;
  const fraction = ns % NS.s;
  let out = `${weeks > 0n ? `${weeks}w` : ""}${days > 0n ? `${days}d` : ""}${two(hours)}:${two(minutes)}:${two(seconds)}`;
  if (fraction > 0n) {
    const digits = fraction.toString().padStart(9, "0");
    out +=
      "." +
      (fraction % NS.ms === 0n ? digits.slice(0, 3) : fraction % NS.us === 0n ? digits.slice(0, 6) : digits);
  }
  return out;
}

/** Compact unit form, as RouterOS writes ranges in hints: `7w17h2m47s295ms`, `200ms`, `0s`. */
export function formatDuration(ns: bigint): string {
  if (ns < 0n) return `-${formatDuration(-ns)}`;
  if (ns === 0n) return "0s";
  let rest = ns;
  let out = "";
  for (const unit of ["w", "d", "h", "m", "s", "ms", "us", "ns"] as const) {
    const n = rest / NS[unit];
    if (n > 0n) out += `${n}${unit}`;
    rest %= NS[unit];
  }
  return out;
}

/** Milliseconds (as stored in time ranges) to nanoseconds. */
export function msToNs(ms: number): bigint {
  return BigInt(Math.round(ms)) * NS.ms;
}

// Reconnect delays: exponential growth with random jitter and a cap, so many editors and routers do not hammer a broker in step.

export interface BackoffOptions {
  /** Delay before the first retry (default 1000 ms). */
  initialMs: number;
  /** Upper bound of any delay (default 30 s). */
  maxMs: number;
  /** Growth per attempt (default 2). */
  factor: number;
  /** Spread as a fraction of the delay: 0.2 draws from ±20 % (default 0.2). */
  jitter: number;
  /** Give up after this many failed attempts in a row (default: never). */
  maxAttempts: number;
}

export const DEFAULT_BACKOFF: Readonly<BackoffOptions> = {
  initialMs: 1000,
  maxMs: 30_000,
  factor: 2,
  jitter: 0.2,
  maxAttempts: Number.POSITIVE_INFINITY,
};

/** Checks the options, so a bad setting is reported at construction instead of as a busy loop later. */
export function resolveBackoff(options: Partial<BackoffOptions> = {}): BackoffOptions {
  const o = { ...DEFAULT_BACKOFF, ...options };
  if (!(o.initialMs > 0)) throw new RangeError(`backoff initialMs must be > 0, got ${o.initialMs}`);
  if (!(o.maxMs >= o.initialMs))
    throw new RangeError(`backoff maxMs (${o.maxMs}) must be >= initialMs (${o.initialMs})`);
  if (!(o.factor >= 1)) throw new RangeError(`backoff factor must be >= 1, got ${o.factor}`);
  if (!(o.jitter >= 0 && o.jitter < 1))
    throw new RangeError(`backoff jitter must be in [0, 1), got ${o.jitter}`);
  if (!(o.maxAttempts >= 1)) throw new RangeError(`backoff maxAttempts must be >= 1, got ${o.maxAttempts}`);
  return o;
}

/**
 * Delay before retry number `attempt` (1 = first retry): `initialMs * factor^(attempt-1)`, capped at `maxMs`,
 * then spread by ±jitter and capped again. `random` returns a number in [0, 1).
 */
export function backoffDelay(
  attempt: number,
  options: BackoffOptions,
  random: () => number = Math.random,
): number {
  const exponent = Math.max(0, attempt - 1);
  const base = Math.min(options.maxMs, options.initialMs * Math.pow(options.factor, exponent));
  const spread = 1 - options.jitter + 2 * options.jitter * random();
  return Math.round(Math.min(options.maxMs, base * spread));
}

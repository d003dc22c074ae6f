// Time source and timers behind one small interface, so deadlines, backoff and batching can run on a fake clock in tests.

/** An opaque timer handle returned by {@link Clock.setTimeout}. */
export type TimerHandle = object | number;

export interface Clock {
  /** Milliseconds since the epoch (or any fixed origin, as long as it only moves forward). */
  now(): number;
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/** The real clock: `Date.now` and Node's timers. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout | number),
};

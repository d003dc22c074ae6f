// A host built from parts with real-time defaults: what tests, the CLI runner and the language server start from.
import type { Device } from "./device/device";
import { createDevice } from "./device/profile";
import type { HostCommand, InterpreterHost, LogLevel } from "./host";

export interface HostClock {
  now(): number;
  monotonic(): number;
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

/** A timer API (Node's, or a test's fake clock). */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * Longest single timer: Node fires a timer of 2^31 ms or more (24.8 days) after 1 ms, so longer waits are chained
 * from timers of at most this long.
 */
export const LONGEST_TIMER_MS = 2 ** 31 - 1;

function abortError(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new Error("aborted");
}

/** Waits `ms` on `timers`, one timer after another for long waits; rejects as soon as `signal` aborts. */
export function sleepOn(timers: Timers, ms: number, signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal.aborted) {
      reject(abortError(signal));
      return;
    }
    let remaining = Math.max(0, ms);
    let timer: unknown;
    const onAbort = (): void => {
      timers.clearTimeout(timer);
      reject(abortError(signal));
    };
    const wait = (): void => {
      const step = Math.min(remaining, LONGEST_TIMER_MS);
      remaining -= step;
      timer = timers.setTimeout(() => {
        if (remaining > 0) return wait();
        signal.removeEventListener("abort", onAbort);
        resolve();
      }, step);
    };
    signal.addEventListener("abort", onAbort, { once: true });
    wait();
  });
}

const nodeTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout | undefined),
};

/** Real time: `Date.now`, `performance.now` and timers that stop when the signal aborts. */
export const realClock: HostClock = {
  now: () => Date.now(),
  monotonic: () => performance.now(),
  sleep: (ms, signal) => sleepOn(nodeTimers, ms, signal),
};

export interface BasicHostOptions {
  readonly device?: Device;
  readonly put?: (line: string) => void;
  readonly log?: (level: LogLevel, message: string) => void;
  readonly clock?: HostClock;
  readonly random?: () => number;
  /** Host commands by `menu/path/command`. */
  readonly commands?: ReadonlyMap<string, HostCommand>;
}

export function createBasicHost(options: BasicHostOptions = {}): InterpreterHost {
  const clock = options.clock ?? realClock;
  const commands = options.commands ?? new Map<string, HostCommand>();
  return {
    put: options.put ?? (() => {}),
    log: options.log ?? (() => {}),
    now: () => clock.now(),
    monotonic: () => clock.monotonic(),
    sleep: (ms, signal) => clock.sleep(ms, signal),
    random: options.random ?? Math.random,
    device: options.device ?? createDevice(),
    command: (path) => commands.get(path),
  };
}

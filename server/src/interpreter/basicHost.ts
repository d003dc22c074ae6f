// A host built from parts with real-time defaults: what tests, the CLI runner and the language server start from.
import type { Device } from "./device/device";
import { createDevice } from "./device/profile";
import type { HostCommand, InterpreterHost, LogLevel } from "./host";

export interface HostClock {
  now(): number;
  monotonic(): number;
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

/** Real time: `Date.now`, `performance.now` and timers that stop when the signal aborts. */
export const realClock: HostClock = {
  now: () => Date.now(),
  monotonic: () => performance.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal.aborted) {
        reject(signal.reason instanceof Error ? signal.reason : new Error("aborted"));
        return;
      }
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(signal.reason instanceof Error ? signal.reason : new Error("aborted"));
      };
      const timer = setTimeout(() => {
        signal.removeEventListener("abort", onAbort);
        resolve();
      }, ms);
      signal.addEventListener("abort", onAbort, { once: true });
    }),
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

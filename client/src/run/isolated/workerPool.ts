// Warm workers for isolated runs: a worker whose run ended well waits, not holding the process open, for the next run with the same settings (it starts at once, its code already optimised); an idle one ends after a minute.
import { Worker, type ResourceLimits } from "node:worker_threads";

const IDLE_MS = 60_000;

/**
 * How far the thread's hard heap limit sits above a run's memory cap. The worker's watch stops a script at the cap
 * (memoryWatch.ts); the hard limit only ends a worker whose memory grew where the watch does not look. Past the hard
 * limit V8 gives a worker's thread 16 MB more to stop in, and a single allocation larger than what is left aborts the
 * whole process (FATAL ERROR: CALL_AND_RETRY_LAST, nodejs/node#47224): the key table of an array with a million keys
 * (about 29 MB) or a 16 MiB string must never be the allocation that meets the hard limit.
 */
const HARD_LIMIT_HEADROOM_MB = 64;

/**
 * Every limit of the worker's JavaScript engine, set rather than left to V8 (whose young generation follows the
 * machine's memory). The code range stays V8's (0: its default). A `--max-old-space-size` given to the whole process
 * overrides the old generation's (nodejs/node#43991); the worker's watch still holds the run to its cap.
 */
export function hardLimits(memoryLimitMb: number): Required<ResourceLimits> {
  return {
    maxOldGenerationSizeMb: memoryLimitMb + HARD_LIMIT_HEADROOM_MB,
    maxYoungGenerationSizeMb: 48,
    codeRangeSizeMb: 0,
    stackSizeMb: 4,
  };
}

interface Idle {
  readonly worker: Worker;
  readonly timer: NodeJS.Timeout;
  readonly forget: () => void;
}

const idle = new Map<string, Idle>();

function keyOf(file: string, memoryLimitMb: number): string {
  return `${memoryLimitMb}\0${file}`;
}

function release(key: string, kept: Idle): void {
  if (idle.get(key) === kept) idle.delete(key);
  clearTimeout(kept.timer);
  kept.worker.off("exit", kept.forget);
  kept.worker.off("error", kept.forget);
}

/** A worker for a run: a warm one kept from an earlier run, or a new one with its hard limits. */
export function takeWorker(file: string, memoryLimitMb: number): Worker {
  const key = keyOf(file, memoryLimitMb);
  const kept = idle.get(key);
  if (kept) {
    release(key, kept);
    kept.worker.ref();
    return kept.worker;
  }
  return new Worker(file, {
    resourceLimits: hardLimits(memoryLimitMb),
    // Not the parent's flags (an inspector port, a heap size meant for the editor).
    execArgv: [],
  });
}

/**
 * Ends a worker whose run has ended (or that is not kept), and resolves once its thread has stopped. It listens for
 * the worker's 'error' to the last: a worker can meet its heap limit after its run's result (a stopped script still
 * unwinding), and an 'error' nobody listens for would be thrown in this thread, before the 'exit' that ends the wait.
 */
export function retireWorker(worker: Worker): Promise<void> {
  worker.on("error", () => undefined);
  return worker.terminate().then(
    () => undefined,
    () => undefined,
  );
}

/** Keeps a worker whose run ended well for the next run (one per settings; an older one ends). */
export function keepWorker(worker: Worker, file: string, memoryLimitMb: number): void {
  const key = keyOf(file, memoryLimitMb);
  const previous = idle.get(key);
  if (previous) {
    release(key, previous);
    void retireWorker(previous.worker);
  }
  const kept: Idle = {
    worker,
    timer: setTimeout(() => {
      release(key, kept);
      void retireWorker(worker);
    }, IDLE_MS),
    // A worker that fails or ends while it waits is not used again (and its error is not the process's).
    forget: () => release(key, kept),
  };
  kept.timer.unref();
  worker.on("exit", kept.forget);
  worker.on("error", kept.forget);
  worker.unref();
  idle.set(key, kept);
}

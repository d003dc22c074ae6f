// Warm workers for isolated runs: a worker whose run ended well waits, not holding the process open, for the next run with the same settings (it starts at once, its code already optimised); an idle one ends after a minute.
import { Worker } from "node:worker_threads";

const IDLE_MS = 60_000;

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

/** A worker for a run: a warm one kept from an earlier run, or a new one with the heap cap. */
export function takeWorker(file: string, memoryLimitMb: number): Worker {
  const key = keyOf(file, memoryLimitMb);
  const kept = idle.get(key);
  if (kept) {
    release(key, kept);
    kept.worker.ref();
    return kept.worker;
  }
  return new Worker(file, {
    resourceLimits: { maxOldGenerationSizeMb: memoryLimitMb },
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

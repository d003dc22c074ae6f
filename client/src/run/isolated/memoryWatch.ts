// Keeps an isolated run within its memory cap: the worker's heap plus its memory outside the heap is looked at where script values grow and every few milliseconds, and past the cap the script is stopped at its statement (RSC4010).
import { getHeapStatistics } from "node:v8";
import { CancelledError, watchGrowth } from "../../../../server/src/interpreter";
import { MemoryCapReason } from "../runner";
import { memoryCapMessage } from "./protocol";

const MIB = 1024 * 1024;
/** Growth the interpreter reports (an estimate) between two looks at the memory. */
const LOOK_EVERY_BYTES = MIB;
/** Looks also this often, for memory that grows elsewhere (device menus, received messages). */
const LOOK_EVERY_MS = 25;

/**
 * What this thread holds: its JavaScript heap (live and not yet collected) and its external memory. The latter is
 * not under the thread's heap limit: buffers, and strings Node decodes from a buffer outside the heap when they are
 * over about 1 MB (`:convert` results, received payloads), which a script can keep as values.
 */
export function memoryHeld(): number {
  const stats = getHeapStatistics();
  return stats.used_heap_size + stats.external_memory;
}

/**
 * Stops the run when this thread holds more than `limitMb`: the signal aborts with a MemoryCapReason, and growth the
 * interpreter reports after that throws at once, so that a statement that grows by itself stops inside itself. That
 * happens at the same statement however loaded the machine is: the growth, not a timer, decides when to look. The
 * thread's hard heap limit sits above the cap (workerPool.ts) for what grows unseen. Returns the function that stops
 * watching.
 */
export function watchMemory(limitMb: number, controller: AbortController): () => void {
  const limit = limitMb * MIB;
  const reason = new MemoryCapReason(memoryCapMessage(limitMb));
  let reached = false;
  let grown = 0;
  const look = (): boolean => {
    if (!reached && memoryHeld() >= limit) {
      reached = true;
      controller.abort(reason);
    }
    return reached;
  };
  const timer = setInterval(() => {
    if (look()) clearInterval(timer);
  }, LOOK_EVERY_MS);
  timer.unref();
  const unwatch = watchGrowth((bytes) => {
    if (!reached) {
      grown += bytes;
      if (grown < LOOK_EVERY_BYTES) return;
      grown = 0;
    }
    if (look()) throw new CancelledError(reason.message);
  });
  return () => {
    clearInterval(timer);
    unwatch();
  };
}

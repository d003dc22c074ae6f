// Time slicing: long-running scripts give the event loop a turn every few milliseconds and notice cancellation.
import { CancelledError } from "./errors";

/** Checks the clock every this many steps (a step is a loop iteration or a call). */
const CHECK_EVERY = 32;

export class Slicer {
  private steps = 0;
  private sliceStart: number;

  constructor(
    private readonly clock: () => number,
    /** Work time between two yields to the event loop. */
    private readonly sliceMs = 10,
  ) {
    this.sliceStart = clock();
  }

  /** Counts a step; true when the current slice is used up and the caller must `await pause()` before going on. */
  due(signal: AbortSignal): boolean {
    if (++this.steps % CHECK_EVERY !== 0) return false;
    return signal.aborted || this.clock() - this.sliceStart >= this.sliceMs;
  }

  /** Yields to the event loop (a macrotask), then throws if the run was cancelled meanwhile. */
  async pause(signal: AbortSignal): Promise<void> {
    checkSignal(signal);
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.sliceStart = this.clock();
    checkSignal(signal);
  }
}

export function checkSignal(signal: AbortSignal): void {
  if (signal.aborted) throw new CancelledError(reasonText(signal.reason));
}

function reasonText(reason: unknown): string {
  if (reason instanceof Error && reason.name !== "AbortError") return reason.message;
  if (typeof reason === "string") return reason;
  return "script cancelled";
}

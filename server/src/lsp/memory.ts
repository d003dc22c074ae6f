// Keeps the server's memory near what its documents need: a small young generation, and a collection when idle.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/**
 * V8 grows its young generation to 32 MB after the first large parse and never gives it back, and lets the old
 * generation fill with several versions of garbage before collecting. A language server holds long-lived trees and
 * replaces them on every edit, so neither default fits: keep the young generation at its initial size and collect
 * the old generation once it doubles. Both flags are read by V8 at each collection, so setting them at run time works.
 * Called once, before the first document arrives.
 */
export function tuneHeap(): void {
  try {
    setFlagsFromString("--semi-space-growth-factor=1");
    setFlagsFromString("--heap-growing-percent=100");
  } catch {
    // Not fatal: the defaults only cost memory.
  }
}

/**
 * Every edit of a large document leaves the previous analysis behind as garbage; V8 collects it lazily, so the
 * process keeps growing while the user types and stays large afterwards. After `idleMs` without activity, one full
 * collection gives that memory back. `gc` is exposed at run time (the documented `--expose-gc` flag, set through
 * `v8.setFlagsFromString`) because the server cannot choose the flags it is started with.
 */
export class IdleCollector {
  private timer: NodeJS.Timeout | undefined;
  private readonly gc: (() => void) | undefined;

  constructor(private readonly idleMs = 1000) {
    try {
      setFlagsFromString("--expose-gc");
      const gc: unknown = runInNewContext("gc");
      this.gc = typeof gc === "function" ? (gc as () => void) : undefined;
    } catch {
      this.gc = undefined;
    }
  }

  /** Something happened: collect once things have been quiet for `idleMs`. */
  poke(): void {
    if (!this.gc) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.gc?.();
      // A second pass once the first one's sweeping is done lets V8 release the emptied pages.
      const again = setTimeout(() => this.gc?.(), 200);
      again.unref();
    }, this.idleMs);
    this.timer.unref();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

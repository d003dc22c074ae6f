// Returns memory after bursts of work: one full garbage collection once the server has been idle for a moment.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

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

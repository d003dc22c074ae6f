// Runs checks in a worker thread with a time limit per input: a hang or a crash of the worker is a finding, not the end of the run.
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { FuzzInput } from "./inputs";
import type { CheckRequest, CheckResult } from "./worker";

export type Verdict =
  | { readonly kind: "ok"; readonly wallMs: number; readonly cpuMs: number }
  | { readonly kind: "crash"; readonly error: string; readonly wallMs: number; readonly cpuMs: number }
  | { readonly kind: "hang"; readonly wallMs: number };

/**
 * The worker's stack is made as small as the main thread's (about 1 MB; workers get 4 MB by default), so that input
 * too deep for the language server or the CLI is too deep here too.
 */
const WORKER_LIMITS = { stackSizeMb: 1, maxOldGenerationSizeMb: 2048 };

export class Checker {
  private worker: Worker | undefined;
  private nextId = 1;

  constructor(private readonly perInputMs: number) {}

  private start(): Worker {
    const worker = new Worker(join(__dirname, "worker.js"), { resourceLimits: WORKER_LIMITS });
    worker.unref();
    this.worker = worker;
    return worker;
  }

  /** Checks one input; a worker that hangs or dies is replaced for the next one. */
  check(input: FuzzInput, seed: number): Promise<Verdict> {
    const worker = this.worker ?? this.start();
    const request: CheckRequest = { id: this.nextId++, input, seed };
    const started = performance.now();
    return new Promise<Verdict>((resolve) => {
      const finish = (verdict: Verdict, replace: boolean): void => {
        clearTimeout(timer);
        worker.off("message", onMessage);
        worker.off("error", onError);
        worker.off("exit", onExit);
        if (replace) {
          this.worker = undefined;
          void worker.terminate();
        }
        resolve(verdict);
      };
      const onMessage = (result: CheckResult): void => {
        if (result.id !== request.id) return;
        const { wallMs, cpuMs } = result;
        if (result.error === undefined) finish({ kind: "ok", wallMs, cpuMs }, false);
        else finish({ kind: "crash", error: result.error, wallMs, cpuMs }, false);
      };
      const onError = (error: Error): void => {
        const wallMs = performance.now() - started;
        finish(
          { kind: "crash", error: `worker died: ${error.name}: ${error.message}`, wallMs, cpuMs: NaN },
          true,
        );
      };
      const onExit = (code: number): void => {
        const wallMs = performance.now() - started;
        finish({ kind: "crash", error: `worker exited (${code})`, wallMs, cpuMs: NaN }, true);
      };
      const timer = setTimeout(
        () => finish({ kind: "hang", wallMs: this.perInputMs }, true),
        this.perInputMs,
      );
      worker.on("message", onMessage);
      worker.on("error", onError);
      worker.on("exit", onExit);
      worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }
}

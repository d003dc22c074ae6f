// Scripts a run starts beside its own (on-message and scheduled scripts): text compiled once, each run a job, runs and failures counted.
import type { Interpreter, ScriptFailure, Value } from "../../../server/src/interpreter";
import { Code, toStr } from "../../../server/src/interpreter";

/** Code that can run, or why it cannot (syntax, command names, undeclared variables). */
export type Runnable = Code | readonly ScriptFailure[];

/** Waits for a free place before a run starts (`parallel-scripts-limit`); `acquire` returns undefined when one is free now. */
export interface RunSlot {
  acquire(): Promise<void> | undefined;
  release(): void;
}

export interface ScriptRunsOptions {
  readonly interpreter: Interpreter;
  readonly signal: AbortSignal;
  readonly onFailure: (failure: ScriptFailure) => void;
  /** A run was stopped by the signal, where it was (not a failure of its own: the signal's reason says why). */
  readonly onStopped?: (at: ScriptFailure) => void;
}

/** Compiled texts kept at most; more are dropped (a script that rewrites its handler on every run). */
const COMPILED_LIMIT = 256;

/** A failure of the runner itself while it ran a script. */
function internalFailure(error: unknown, code: Code): ScriptFailure {
  const message = error instanceof Error ? error.message : String(error);
  const at = code.source.position(code.start);
  return {
    code: "RSC4008",
    message: `internal error: ${message}`,
    source: code.source.name,
    start: code.start,
    end: code.end,
    ...at,
  };
}

export class ScriptRuns {
  private readonly inFlight = new Set<Promise<void>>();
  private readonly compiled = new Map<string, Runnable>();
  private started = 0;
  private failed = 0;

  constructor(private readonly options: ScriptRunsOptions) {}

  /** How many runs started (or could not start). */
  get runs(): number {
    return this.started;
  }

  /** How many of those failed: an error ended the script, or it could not start. */
  get failures(): number {
    return this.failed;
  }

  /** Resolves when no run is running or waiting. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /**
   * The code of a script value: code as it is, text compiled (once per name and text) as a script of its own named
   * `name` with `injected` variables declared; undefined when it is empty.
   */
  codeOf(value: Value | undefined, name: string, injected: ReadonlySet<string>): Runnable | undefined {
    if (value instanceof Code) return value.body.length > 0 ? value : undefined;
    const source = value === undefined ? "" : toStr(value);
    if (source.trim() === "") return undefined;
    const key = `${name}\n${source}`;
    let code = this.compiled.get(key);
    if (!code) {
      try {
        code = this.options.interpreter.compileScript(source, name, injected);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return [
          {
            code: "RSC4008",
            message: `internal error: ${message}`,
            source: name,
            start: 0,
            end: 0,
            line: 1,
            column: 1,
          },
        ];
      }
      if (this.compiled.size >= COMPILED_LIMIT) this.compiled.clear();
      this.compiled.set(key, code);
    }
    return code;
  }

  /**
   * Starts a run of `code` as a job named `name` (a failed compilation counts as a failed run). The script runs
   * synchronously up to its first wait when `slot` has room. The promise (undefined when nothing runs) never rejects.
   */
  launch(
    code: Runnable,
    job: { readonly name: string; readonly variables?: Iterable<readonly [string, Value]> },
    slot?: RunSlot,
  ): Promise<void> | undefined {
    if (!(code instanceof Code)) {
      if (this.options.signal.aborted) return undefined;
      this.started++;
      this.failed++;
      for (const failure of code) this.options.onFailure(failure);
      return undefined;
    }
    const run = this.execute(code, job, slot).catch((error: unknown) => {
      this.failed++;
      this.options.onFailure(internalFailure(error, code));
    });
    this.inFlight.add(run);
    void run.then(() => this.inFlight.delete(run));
    return run;
  }

  private async execute(
    code: Code,
    job: { readonly name: string; readonly variables?: Iterable<readonly [string, Value]> },
    slot: RunSlot | undefined,
  ): Promise<void> {
    const waiting = slot?.acquire();
    if (waiting) await waiting;
    this.started++;
    try {
      if (this.options.signal.aborted) return;
      const outcome = await this.options.interpreter.runCode(code, {
        name: job.name,
        signal: this.options.signal,
        ...(job.variables ? { variables: job.variables } : {}),
      });
      if (outcome.status === "error") {
        this.failed++;
        for (const f of outcome.failures) this.options.onFailure(f);
      } else if (outcome.status === "cancelled" && outcome.at) {
        this.options.onStopped?.(outcome.at);
      }
    } finally {
      slot?.release();
    }
  }
}

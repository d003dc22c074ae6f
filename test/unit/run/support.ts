// Helpers for runner tests: collect a run's output and broker traffic, and stop a listening run once enough has happened.
import type { LogLevel, ScriptFailure } from "../../../server/src/interpreter";
import { runScript, runScriptIsolated, type RunOptions, type RunResult } from "../../../client/src/run";
import { waitFor } from "../../support/waitFor";

export interface Collected {
  readonly out: string[];
  readonly logs: string[];
  readonly handlerFailures: ScriptFailure[];
}

export function collector(): Collected & { output: RunOptions["output"] } {
  const out: string[] = [];
  const logs: string[] = [];
  return {
    out,
    logs,
    handlerFailures: [],
    output: {
      put: (line) => out.push(line),
      log: (level: LogLevel, message) => logs.push(`${level} ${message}`),
    },
  };
}

/**
 * Runs a script as the product does, in a worker thread (runScriptIsolated); in this thread (runScript) when the test
 * gives a fake clock or randomness, which cannot cross to a worker. When `until` is given, the run is stopped (as by
 * Ctrl+C) once it returns true.
 */
export async function run(
  text: string,
  options: Partial<RunOptions> = {},
  until?: (c: Collected) => boolean,
): Promise<{ result: RunResult } & Collected> {
  const c = collector();
  const controller = new AbortController();
  const inThread =
    options.clock !== undefined || options.schedulerClock !== undefined || options.random !== undefined;
  const running = (inThread ? runScript : runScriptIsolated)(text, {
    fileName: "test.rsc",
    output: c.output,
    signal: controller.signal,
    timeoutMs: 20_000,
    onHandlerFailure: (f) => c.handlerFailures.push(f),
    ...options,
  });
  if (until) {
    await waitFor(() => until(c), { what: "the expected on-message output", timeoutMs: 15_000 }).finally(() =>
      controller.abort(),
    );
  }
  const result = await running;
  return { result, out: c.out, logs: c.logs, handlerFailures: c.handlerFailures };
}

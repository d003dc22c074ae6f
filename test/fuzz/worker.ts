// The fuzzer's worker thread: checks the inputs it is sent, one at a time, and says how each went and how long it took.
import { parentPort } from "node:worker_threads";
import { checkInput } from "./checkInput";
import type { FuzzInput } from "./inputs";

export interface CheckRequest {
  readonly id: number;
  readonly input: FuzzInput;
  readonly seed: number;
}

export interface CheckResult {
  readonly id: number;
  /** Undefined when every check passed; else the error's name, message and first frames. */
  readonly error: string | undefined;
  readonly wallMs: number;
  /**
   * CPU time of the process during the checks whose work grows with the input (the main thread only waits): fairer
   * than wall time on a shared machine.
   */
  readonly cpuMs: number;
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const frames = (error.stack ?? "")
    .split("\n")
    .filter((l) => l.trimStart().startsWith("at "))
    .slice(0, 4);
  return [`${error.name}: ${error.message}`, ...frames.map((f) => f.trim())].join("\n");
}

const port = parentPort;
if (port) {
  port.on("message", (request: CheckRequest) => {
    const wall = performance.now();
    const done = (error: string | undefined, cpuMs: number): void => {
      const result: CheckResult = { id: request.id, error, wallMs: performance.now() - wall, cpuMs };
      port.postMessage(result);
    };
    checkInput(request.input, request.seed).then(
      (cpuMs) => done(undefined, cpuMs),
      (error: unknown) => done(describe(error), NaN),
    );
  });
}

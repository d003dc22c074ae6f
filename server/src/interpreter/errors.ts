// Run-time errors of scripts (RouterOS-like messages with the range of the failing command) and cancellation.
import type { SourceText } from "./source";

/** Stable codes of run-time problems (the RSC4xxx range of the diagnostic catalog). */
export type RuntimeCode =
  /** A command failed (`no such item`, `failure: ...`, bad operand types...). */
  | "RSC4001"
  /** The script raised it with `:error`. */
  | "RSC4002"
  /** The simulated device cannot do it (a menu missing from the profile, a command with no simulation). */
  | "RSC4003"
  /** An `/iot mqtt` operation failed (broker unknown, unreachable, refused, not acknowledged). */
  | "RSC4004"
  /** The script does not compile: a syntax error or a bad command name. Nothing ran. */
  | "RSC4007"
  /** The script uses a variable no `:local`/`:global` declares where it is used. Nothing ran. */
  | "RSC4009";

export interface SourceRange {
  readonly source: SourceText;
  readonly start: number;
  readonly end: number;
  /** The failing command as a router names it in a script error: `:put`, `/interface/get`. */
  readonly command?: string;
}

/** An error a script can catch (`:do {} on-error=`, `:onerror`); uncaught, it ends the script. */
export class ScriptError extends Error {
  override readonly name = "ScriptError";
  /** Where it happened: the innermost command that failed. Set by the command that lets it through. */
  at: SourceRange | undefined;

  /**
   * What the simulator adds to the router's message in its own report (`(ether9)` after `no such item`); the
   * message alone is what `:onerror` and `on-error=` see, since scripts compare it (`$e = "no such item"`).
   */
  readonly detail: string | undefined;

  constructor(
    message: string,
    readonly code: RuntimeCode = "RSC4001",
    at?: SourceRange,
    detail?: string,
  ) {
    super(message);
    this.at = at;
    this.detail = detail;
  }

  /** The message with the simulator's detail, for reports; never empty (`:error ""` raises an empty message). */
  get report(): string {
    const message =
      this.message !== ""
        ? this.message
        : this.code === "RSC4002"
          ? "error raised by the script, with an empty message"
          : "failed, with an empty message";
    return this.detail === undefined ? message : `${message} ${this.detail}`;
  }
}

/**
 * A failure of the script engine itself (operand types, comparisons, a condition that is not boolean): a router
 * prints it as `Script Error: cannot compare if array is more than array (:put; line 1)` (tikoci/centrs
 * test/fixtures/explain/operators.json, CHR 7.23.3), where a terminal prints a command's failure or `:error` as the
 * message alone (`invalid value for argument address`, `failure: dns name does not exist`).
 */
export class EngineError extends ScriptError {}

/** A failure of the simulated device or an unsupported command. */
export function unsupported(message: string): ScriptError {
  return new ScriptError(message, "RSC4003");
}

/** The run was cancelled (AbortSignal, timeout): not catchable by the script. */
export class CancelledError extends Error {
  override readonly name = "CancelledError";
  /** The command that was running when the run was cancelled (set like a ScriptError's). */
  at: SourceRange | undefined;

  constructor(message = "script cancelled") {
    super(message);
  }
}

/** Sets the range of an error that has none yet, so the innermost failing command is the one reported. */
export function locate(
  error: unknown,
  source: SourceText,
  start: number,
  end: number,
  command?: string,
): unknown {
  const at: SourceRange = command === undefined ? { source, start, end } : { source, start, end, command };
  if (error instanceof ScriptError || error instanceof CancelledError) {
    error.at ??= at;
    return error;
  }
  const limit = hostLimit(error);
  return limit === undefined ? error : new ScriptError(limit, "RSC4001", at);
}

/**
 * The failure a limit of the host (JavaScript) makes, in RouterOS's words, or undefined for any other error: it is
 * then reported at the command that hit it, like the router's own failures, not as an internal error. A value past
 * what the engine can hold at all (the caps of limits.ts stop most before) is the statement's error too.
 */
export function hostLimit(error: unknown): string | undefined {
  if (!(error instanceof RangeError)) return undefined;
  if (/call stack/i.test(error.message)) return "failure: too deep recursion";
  if (/invalid (string|array) length|allocation failed/i.test(error.message))
    return `failure: not enough memory for the value (${error.message})`;
  return undefined;
}

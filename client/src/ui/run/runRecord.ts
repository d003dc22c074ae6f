// What one VS Code run did (no vscode import): its state, output lines, published messages and failures, bounded in memory, and the read-only view the extension API hands out.
import type { ScriptFailure } from "../../../../server/src/interpreter";
import {
  failedBeside,
  type BesideCounts,
  type PublishedMessage,
  type RunResult,
  type RunStatus,
} from "../../run";

/** starting: checking settings and brokers; running: the script runs; listening: on-message and scheduled scripts run. */
export type RunState = "starting" | "running" | "listening" | RunStatus;

export interface PublishedView {
  readonly broker: string;
  readonly topic: string;
  readonly qos: number;
  readonly retain: boolean;
  /** The payload as UTF-8. */
  readonly payload: string;
}

export interface FailureView {
  readonly code: string;
  readonly message: string;
  readonly source: string;
  readonly line: number;
  readonly column: number;
}

/** A run as the extension API shows it (a copy: later changes of the run do not show in it). */
export interface ScriptRunView {
  readonly id: number;
  /** The name the script ran under (the file name, or the untitled editor's title). */
  readonly file: string;
  readonly uri: string;
  readonly state: RunState;
  /** Every line the run wrote to the "RouterOS Script Run" channel (the newest ones when there were very many). */
  readonly output: readonly string[];
  readonly published: readonly PublishedView[];
  /** Why the script stopped (error, cancel or timeout), located. */
  readonly failures: readonly FailureView[];
  /** Failures of on-message scripts, scheduled scripts and `:execute` jobs while the run went on. */
  readonly handlerFailures: readonly FailureView[];
  /** Broker names the script used that neither the brokers view nor the script knows. */
  readonly unknownBrokers: readonly string[];
  /** The short result shown when the run ended. */
  readonly summary: string | undefined;
}

/**
 * How an ended run shows: a script that ended ok is still an error when on-message runs, scheduled runs or
 * `:execute` jobs failed (as `rsc run` exits 1).
 */
export function endState(result: Pick<RunResult, "status"> & BesideCounts): RunStatus {
  return result.status === "ok" && failedBeside(result) ? "error" : result.status;
}

/** What activate() adds to the extension API for runs. */
export interface ScriptRunApi {
  /** The newest run (running or ended), if any. */
  lastRun(): ScriptRunView | undefined;
}

/** Lines and messages a record keeps; older ones are dropped (the output channel still has them). */
export const RECORD_LIMIT = 10_000;

function failureView(f: ScriptFailure): FailureView {
  return { code: f.code, message: f.message, source: f.source, line: f.line, column: f.column };
}

function pushBounded<T>(list: T[], item: T): void {
  list.push(item);
  if (list.length > RECORD_LIMIT) list.splice(0, list.length - RECORD_LIMIT);
}

export class RunRecord {
  state: RunState = "starting";
  summary: string | undefined;
  private readonly output: string[] = [];
  private readonly published: PublishedView[] = [];
  private readonly failures: FailureView[] = [];
  private readonly handlerFailures: FailureView[] = [];
  private readonly unknown = new Set<string>();

  constructor(
    readonly id: number,
    readonly file: string,
    readonly uri: string,
  ) {}

  get ended(): boolean {
    return this.state !== "starting" && this.state !== "running" && this.state !== "listening";
  }

  line(text: string): void {
    pushBounded(this.output, text);
  }

  publish(message: PublishedMessage): void {
    pushBounded(this.published, {
      broker: message.broker,
      topic: message.topic,
      qos: message.qos,
      retain: message.retain,
      payload: message.payload.toString("utf8"),
    });
  }

  fail(failure: ScriptFailure): void {
    this.failures.push(failureView(failure));
  }

  handlerFail(failure: ScriptFailure): void {
    pushBounded(this.handlerFailures, failureView(failure));
  }

  unknownBroker(name: string): void {
    this.unknown.add(name);
  }

  view(): ScriptRunView {
    return {
      id: this.id,
      file: this.file,
      uri: this.uri,
      state: this.state,
      output: [...this.output],
      published: [...this.published],
      failures: [...this.failures],
      handlerFailures: [...this.handlerFailures],
      unknownBrokers: [...this.unknown],
      summary: this.summary,
    };
  }
}

// Runs a script in a worker thread of its own with a memory cap, so that nothing a script does freezes or exhausts this process: Stop and the timeout end it within a second, by force when it is stuck in one operation.
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Worker } from "node:worker_threads";
import { realClock, type ScriptFailure } from "../../../../server/src/interpreter";
import { declaredBrokersOnly, ManagedMqtt, type MqttPort } from "../mqttPort";
import { stoppedFailure } from "../runner";
import type { RunCounts, RunOptions, RunResult } from "../runTypes";
import { DeclaredBrokers, MqttBridge } from "./mqttBridge";
import { keepWorker, retireWorker, takeWorker } from "./workerPool";
import { unpackCounts, unpackItems } from "./itemWire";
import {
  CONTROL_SLOTS,
  HANDLED,
  memoryCapMessage,
  REPLIED,
  STOPPING,
  type RunNews,
  type WorkerBatch,
  type WorkerItem,
  type WorkerStart,
} from "./protocol";

export interface IsolatedRunOptions extends Omit<RunOptions, "clock" | "schedulerClock" | "random"> {
  /**
   * The memory in MB a run may use (the worker's heap and its memory outside the heap): a run that needs more ends
   * with RSC4010, at the statement that grew past it (default 512).
   */
  readonly memoryLimitMb?: number;
  /** The worker's script (tests); default: runWorker.js beside this code, in the bundle as in the compiled tree. */
  readonly workerFile?: string;
}

const DEFAULT_MEMORY_MB = 512;
/** How long a stopped run (Stop, its timeout) may take to end by itself before its worker is ended by force. */
export const STOP_GRACE_MS = 750;

const NOTHING_COUNTED: RunCounts = {
  published: 0,
  onMessageRuns: 0,
  failedOnMessageRuns: 0,
  scheduledRuns: 0,
  failedScheduledRuns: 0,
  executeJobs: 0,
  failedExecuteJobs: 0,
};

function defaultWorkerFile(): string {
  const file = join(__dirname, "runWorker.js");
  if (!existsSync(file)) throw new Error(`the script runner's worker is missing: ${file}`);
  return file;
}

/** A batch of the worker, unpacked. */
interface Batch extends Omit<WorkerBatch, "items" | "counts"> {
  readonly items: readonly WorkerItem[];
  readonly counts: RunCounts;
}

/** Tells each run's messages from those of an earlier run of the same (warm) worker. */
let lastRunId = 0;

/** Runs one script in a worker thread. Never throws for anything the script or the brokers do. */
export function runScriptIsolated(text: string, options: IsolatedRunOptions): Promise<RunResult> {
  return new IsolatedRun(text, options).result;
}

class IsolatedRun {
  readonly result: Promise<RunResult>;
  private resolve!: (result: RunResult) => void;
  private readonly control = new Int32Array(new SharedArrayBuffer(CONTROL_SLOTS * 4));
  private readonly brokers = new DeclaredBrokers();
  private readonly port: MqttPort;
  private readonly bridge: MqttBridge;
  private readonly worker: Worker;
  private readonly workerFile: string;
  private readonly memoryLimitMb: number;
  private readonly runId = ++lastRunId;
  /** The worker said how the run ended and that it can serve another run. */
  private endedWell = false;
  private readonly handlerFailures: ScriptFailure[] = [];
  private counts: RunCounts = NOTHING_COUNTED;
  private published = 0;
  /** Batches wait here while an earlier one waits for a publish (the order of output and messages holds). */
  private queue: Promise<void> | undefined;
  private killTimer = new AbortController();
  /** When the worker is ended by force, if it has not ended by then. */
  private killAt = Number.POSITIVE_INFINITY;
  private listened = false;
  private ending = false;
  private readonly onAbort = (): void => this.stop(this.reasonText());
  private readonly onMessage = (batch: WorkerBatch): void => {
    if (batch.run === this.runId) this.receive(batch);
  };
  private readonly onError = (error: Error): void => this.crashed(error);
  private readonly onExit = (code: number): void => this.exited(code);

  constructor(
    text: string,
    private readonly options: IsolatedRunOptions,
  ) {
    this.result = new Promise((resolve) => (this.resolve = resolve));
    const given = options.mqtt;
    this.port =
      (typeof given === "function" ? given(this.brokers) : given) ??
      new ManagedMqtt({
        resolve: options.brokers ?? declaredBrokersOnly,
        declared: (name) => this.brokers.declared(name),
        ...(options.mqttLog ? { log: options.mqttLog } : {}),
        ...(options.unknownBrokerHint ? { unknownBrokerHint: options.unknownBrokerHint } : {}),
        ...(options.mqttDeadlineMs !== undefined ? { deadlineMs: options.mqttDeadlineMs } : {}),
      });
    this.memoryLimitMb = options.memoryLimitMb ?? DEFAULT_MEMORY_MB;
    this.workerFile = options.workerFile ?? defaultWorkerFile();
    const start: WorkerStart = {
      run: this.runId,
      text,
      memoryLimitMb: this.memoryLimitMb,
      control: this.control.buffer,
      ...(options.fileName !== undefined ? { fileName: options.fileName } : {}),
      ...(options.device !== undefined ? { device: options.device } : {}),
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.listen !== undefined ? { listen: options.listen } : {}),
    };
    this.worker = takeWorker(this.workerFile, this.memoryLimitMb);
    this.worker.postMessage({ kind: "run", start });
    this.bridge = new MqttBridge({
      port: this.port,
      send: (message) => this.send(message),
      onPublish: (message) => {
        this.published++;
        options.onPublish?.(message);
      },
      onLateFailure: (message) => options.output.log("error", message),
    });
    this.worker.on("message", this.onMessage);
    this.worker.on("error", this.onError);
    this.worker.on("exit", this.onExit);
    options.signal?.addEventListener("abort", this.onAbort, { once: true });
    if (options.signal?.aborted) this.onAbort();
  }

  private get fileName(): string {
    return this.options.fileName ?? "script.rsc";
  }

  private reasonText(): string {
    const reason: unknown = this.options.signal?.reason;
    return reason instanceof Error ? reason.message : "script cancelled";
  }

  private send(news: RunNews): void {
    if (this.ending) return;
    this.worker.postMessage({ kind: "news", run: this.runId, news });
    if (news.kind === "reply") {
      // The reply is in the worker's port now: a worker blocked until it comes wakes at once.
      Atomics.add(this.control, REPLIED, 1);
      Atomics.notify(this.control, REPLIED);
    }
  }

  /** Asks the worker to stop; ends it by force when it has not ended within STOP_GRACE_MS. */
  private stop(reason: string): void {
    if (this.ending) return;
    Atomics.store(this.control, STOPPING, 1);
    Atomics.notify(this.control, HANDLED);
    Atomics.notify(this.control, REPLIED);
    this.send({ kind: "stop", reason });
    this.armKill("cancelled", STOP_GRACE_MS);
  }

  /** Ends the worker by force in `ms` (an earlier deadline wins), with the failure of a stopped run. */
  private armKill(status: "cancelled" | "timeout", ms: number): void {
    const at = Date.now() + ms;
    if (at >= this.killAt) return;
    this.killAt = at;
    this.killTimer.abort();
    const timer = new AbortController();
    this.killTimer = timer;
    // realClock's timers, not setTimeout: a timeout of 24.8 days or more would fire at once.
    realClock.sleep(ms, timer.signal).then(
      () => {
        const failure = stoppedFailure(
          this.fileName,
          status === "timeout",
          this.options.timeoutMs,
          undefined,
          " (it was ended in the middle of an operation that did not give way)",
        );
        this.end({ status, failures: [failure] });
      },
      () => undefined,
    );
  }

  // ---- batches from the worker ----------------------------------------------------------------------------

  private receive(packed: WorkerBatch): void {
    const batch: Batch = { ...packed, items: unpackItems(packed.items), counts: unpackCounts(packed.counts) };
    const handle = (): Promise<void> | undefined => this.handleFrom(batch, 0);
    if (this.queue) {
      this.queue = this.queue.then(handle);
      return;
    }
    const waiting = handle();
    if (waiting) {
      const queued: Promise<void> = waiting.then(() => {
        if (this.queue === queued) this.queue = undefined;
      });
      this.queue = queued;
    }
  }

  /** Handles the batch's items from `index` on; a promise when one has to wait for a publish. */
  private handleFrom(batch: Batch, index: number): Promise<void> | undefined {
    for (let i = index; i < batch.items.length; i++) {
      const waiting = this.handleItem(batch.items[i] as WorkerItem);
      if (waiting) return waiting.then(() => this.handleFrom(batch, i + 1));
    }
    this.counts = batch.counts;
    Atomics.add(this.control, HANDLED, 1);
    Atomics.notify(this.control, HANDLED);
    if (batch.result) {
      this.endedWell = batch.reusable === true;
      this.end(batch.result);
    }
    return undefined;
  }

  private handleItem(item: WorkerItem): Promise<void> | undefined {
    const { options } = this;
    switch (item.t) {
      case "started":
        if (options.timeoutMs !== undefined) this.armKill("timeout", options.timeoutMs + STOP_GRACE_MS);
        return undefined;
      case "put":
        options.output.put(item.line);
        return undefined;
      case "log":
        options.output.log(item.level, item.message);
        return undefined;
      case "failure":
        this.handlerFailures.push(item.failure);
        options.onHandlerFailure?.(item.failure, item.origin);
        return undefined;
      case "listening":
        this.listened = true;
        options.onListening?.(item.listening);
        return undefined;
      case "declared":
        this.brokers.replace(item.brokers);
        return undefined;
      case "brokersChanged":
        this.bridge.brokersChanged();
        return undefined;
      case "call":
        this.bridge.call(item.id, item.call);
        return undefined;
      case "publish0":
        return this.bridge.publishNow(item);
    }
  }

  // ---- the end ----------------------------------------------------------------------------------------------

  private crashed(error: Error): void {
    const code = (error as { code?: unknown }).code;
    if (code === "ERR_WORKER_OUT_OF_MEMORY") {
      // The thread's hard limit: something grew past the cap faster than the worker's watch could see.
      this.end({
        status: "error",
        failures: [this.unlocated("RSC4010", memoryCapMessage(this.memoryLimitMb))],
      });
      return;
    }
    this.end({ status: "error", failures: [this.unlocated("RSC4008", `internal error: ${error.message}`)] });
  }

  private exited(code: number): void {
    if (this.ending) return;
    this.end({
      status: "error",
      failures: [
        this.unlocated("RSC4008", `internal error: the run's worker ended early (exit code ${code})`),
      ],
    });
  }

  private unlocated(code: string, message: string): ScriptFailure {
    return { code, message, source: this.fileName, start: 0, end: 0, line: 1, column: 1 };
  }

  /** Ends the run once: the worker ended, what it sent handled, the run's own connections closed. */
  private end(ended: Pick<RunResult, "status" | "failures"> & Partial<RunResult>): void {
    if (this.ending) return;
    this.ending = true;
    this.killTimer.abort();
    this.options.signal?.removeEventListener("abort", this.onAbort);
    void this.finish(ended);
  }

  private async finish(ended: Pick<RunResult, "status" | "failures"> & Partial<RunResult>): Promise<void> {
    // The pool or the retirement listens to the worker from here on (an 'error' may still come: see retireWorker).
    let retired: Promise<void> | undefined;
    if (this.endedWell) keepWorker(this.worker, this.workerFile, this.memoryLimitMb);
    else retired = retireWorker(this.worker);
    this.worker.off("message", this.onMessage);
    this.worker.off("error", this.onError);
    this.worker.off("exit", this.onExit);
    await retired;
    await this.queue?.catch(() => undefined);
    this.bridge.dispose();
    if (this.options.mqtt === undefined) await this.port.close().catch(() => undefined);
    this.resolve({
      ...this.counts,
      handlerFailures: this.handlerFailures,
      listened: this.listened,
      ...ended,
      published: this.published,
    });
  }
}

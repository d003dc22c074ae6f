// Entry of an isolated run's worker thread: runs scripts (each with its on-message, scheduled and :execute runs) one run at a time, MQTT through the parent, output and failures back to it in order.
import { getHeapStatistics } from "node:v8";
import { parentPort, type MessagePort } from "node:worker_threads";
import { MemoryCapReason, startRun, type StartedRun } from "../runner";
import type { RunCounts } from "../runTypes";
import { Outbox } from "./outbox";
import type { ParentMessage, RunNews, WorkerBatch, WorkerStart } from "./protocol";
import { RemoteMqtt } from "./remoteMqtt";
import { ReplyWait } from "./replyWait";

const NOTHING_COUNTED: RunCounts = {
  published: 0,
  onMessageRuns: 0,
  failedOnMessageRuns: 0,
  scheduledRuns: 0,
  failedScheduledRuns: 0,
  executeJobs: 0,
  failedExecuteJobs: 0,
};

/** Share of the memory cap at which the script is stopped where it is (the hard limit ends the worker past it). */
const MEMORY_WATCH_SHARE = 0.85;
const MEMORY_WATCH_MS = 25;
/** A worker whose heap is past this share of the cap when its run ends is not kept for another run. */
const REUSE_SHARE = 0.25;

/**
 * Stops the run at the statement it is at when the heap nears the cap: a located error, while the thread's hard
 * limit (resourceLimits) is what ends a run that grows faster than this looks. Returns the function that stops
 * watching.
 */
function watchMemory(limitMb: number, controller: AbortController): () => void {
  const limit = limitMb * 1024 * 1024 * MEMORY_WATCH_SHARE;
  const timer = setInterval(() => {
    if (getHeapStatistics().used_heap_size < limit) return;
    clearInterval(timer);
    controller.abort(
      new MemoryCapReason(
        `the script needed more than the ${limitMb} MB of memory a run may use, and was stopped`,
      ),
    );
  }, MEMORY_WATCH_MS);
  timer.unref();
  return () => clearInterval(timer);
}

/** One run in this worker. */
class WorkerRun {
  private remote: RemoteMqtt | undefined;
  /** Read by the outbox from the first call on, which may come while startRun is still starting the script. */
  private started: StartedRun | undefined;
  private readonly controller = new AbortController();

  constructor(
    readonly id: number,
    start: WorkerStart,
    port: MessagePort,
    dispatch: (message: ParentMessage) => void,
    onEnd: () => void,
  ) {
    const control = new Int32Array(start.control);
    const replyWait = new ReplyWait(port, control, id);
    const replies = { wait: (call: number) => replyWait.wait(call), dispatch };
    const outbox = new Outbox(
      id,
      (batch: WorkerBatch) => port.postMessage(batch),
      control,
      () => this.started?.counts() ?? NOTHING_COUNTED,
    );
    const stopWatching = watchMemory(start.memoryLimitMb, this.controller);
    // At once: the parent arms the timeout from here, even if the script never gives way after this.
    outbox.send({ t: "started" });
    const run = startRun(start.text, {
      ...(start.fileName !== undefined ? { fileName: start.fileName } : {}),
      ...(start.device !== undefined ? { device: start.device } : {}),
      ...(start.timeoutMs !== undefined ? { timeoutMs: start.timeoutMs } : {}),
      ...(start.listen !== undefined ? { listen: start.listen } : {}),
      signal: this.controller.signal,
      output: {
        put: (line) => outbox.push({ t: "put", line }),
        log: (level, message) => outbox.push({ t: "log", level, message }),
      },
      mqtt: (brokers) => (this.remote = new RemoteMqtt(outbox, brokers, replies)),
      onHandlerFailure: (failure, origin) => outbox.push({ t: "failure", failure, origin }),
      onListening: (listening) => outbox.push({ t: "listening", listening }),
    });
    this.started = run;
    // The runner never rejects; should it, the error ends the worker and the parent reports it.
    void run.result.then((result) => {
      stopWatching();
      // Garbage a run left would count against the next run's heap watch: a worker holding much is not reused.
      const reusable = getHeapStatistics().used_heap_size < start.memoryLimitMb * 1024 * 1024 * REUSE_SHARE;
      outbox.close(result, reusable);
      onEnd();
    });
  }

  deliver(news: RunNews): void {
    if (news.kind === "stop") this.controller.abort(new Error(news.reason));
    else this.remote?.deliver(news);
  }
}

function main(): void {
  const port = parentPort;
  if (!port) throw new Error("runWorker.js runs as a worker thread of an isolated run");
  let current: WorkerRun | undefined;
  // Every message of the parent, whether its event brought it or a blocking wait took it from the port.
  const dispatch = (message: ParentMessage): void => {
    if (message.kind === "run") {
      const run: WorkerRun = new WorkerRun(message.start.run, message.start, port, dispatch, () => {
        if (current === run) current = undefined;
      });
      current = run;
    } else if (message.run === current?.id) {
      current.deliver(message.news);
    }
  };
  port.on("message", dispatch);
}

main();

// Entry of an isolated run's worker thread: runs the script (and its on-message, scheduled and :execute runs) here, MQTT through the parent, output and failures back to it in order.
import { getHeapStatistics } from "node:v8";
import { parentPort, workerData } from "node:worker_threads";
import { MemoryCapReason, startRun, type StartedRun } from "../runner";
import type { RunCounts } from "../runTypes";
import { Outbox } from "./outbox";
import type { ParentMessage, WorkerBatch, WorkerStart } from "./protocol";
import { RemoteMqtt } from "./remoteMqtt";

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

/**
 * Stops the run at the statement it is at when the heap nears the cap: a located error, while the thread's hard
 * limit (resourceLimits) is what ends a run that grows faster than this looks.
 */
function watchMemory(limitMb: number, controller: AbortController): void {
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
}

function main(): void {
  const port = parentPort;
  if (!port) throw new Error("runWorker.js runs as a worker thread of an isolated run");
  const start = workerData as WorkerStart;
  // Read by the outbox from the first call on, which may come while startRun is still starting the script.
  const current: { run?: StartedRun } = {};
  let remote: RemoteMqtt | undefined;
  const outbox = new Outbox(
    (batch: WorkerBatch) => port.postMessage(batch),
    new Int32Array(start.control),
    () => current.run?.counts() ?? NOTHING_COUNTED,
  );
  const controller = new AbortController();
  port.on("message", (message: ParentMessage) => {
    if (message.kind === "stop") controller.abort(new Error(message.reason));
    else remote?.deliver(message);
  });
  watchMemory(start.memoryLimitMb, controller);
  // At once: the parent arms the timeout from here, even if the script never gives way after this.
  outbox.send({ t: "started" });
  const run = startRun(start.text, {
    ...(start.fileName !== undefined ? { fileName: start.fileName } : {}),
    ...(start.device !== undefined ? { device: start.device } : {}),
    ...(start.timeoutMs !== undefined ? { timeoutMs: start.timeoutMs } : {}),
    ...(start.listen !== undefined ? { listen: start.listen } : {}),
    signal: controller.signal,
    output: {
      put: (line) => outbox.push({ t: "put", line }),
      log: (level, message) => outbox.push({ t: "log", level, message }),
    },
    mqtt: (brokers) => (remote = new RemoteMqtt(outbox, brokers)),
    onHandlerFailure: (failure, origin) => outbox.push({ t: "failure", failure, origin }),
    onListening: (listening) => outbox.push({ t: "listening", listening }),
  });
  // The runner never rejects; should it, the error ends the worker and the parent reports it.
  current.run = run;
  void run.result.then((result) => outbox.flush(result));
}

main();

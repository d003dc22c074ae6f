// Entry of an isolated run's worker thread: runs scripts (each with its on-message, scheduled and :execute runs) one run at a time, MQTT through the parent, output and failures back to it in order.
import { parentPort, type MessagePort } from "node:worker_threads";
import { startRun, type StartedRun } from "../runner";
import type { RunCounts } from "../runTypes";
import { Outbox } from "./outbox";
import { memoryHeld, watchMemory } from "./memoryWatch";
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

/** A worker holding more than this share of the memory cap when its run ends is not kept for another run. */
const REUSE_SHARE = 0.25;

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
      const reusable = memoryHeld() < start.memoryLimitMb * 1024 * 1024 * REUSE_SHARE;
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

// A run's worker that reaches its thread's hard heap limit (what the memory watch is there to prevent): with the script text "before" it never sends a result; with "after" it sends its result first, and its parent, held until this thread is gone, sees the out-of-memory error after the run's end.
import { readlinkSync } from "node:fs";
import { parentPort } from "node:worker_threads";
import { packCounts, packItem } from "../../client/src/run/isolated/itemWire";
import type { PackedItems, ParentMessage, WorkerBatch } from "../../client/src/run/isolated/protocol";
import type { RunCounts, RunResult } from "../../client/src/run/runTypes";

const NOTHING_COUNTED: RunCounts = {
  published: 0,
  onMessageRuns: 0,
  failedOnMessageRuns: 0,
  scheduledRuns: 0,
  failedScheduledRuns: 0,
  executeJobs: 0,
  failedExecuteJobs: 0,
};

parentPort?.once("message", (message: ParentMessage) => {
  if (message.kind !== "run") return;
  const { run, text } = message.start;
  const post = (items: PackedItems, result?: RunResult): void => {
    const batch: WorkerBatch = {
      kind: "batch",
      run,
      items,
      counts: packCounts(NOTHING_COUNTED),
      // Not reusable, as after a run stopped at its memory cap: the parent ends the worker.
      ...(result ? { result, reusable: false } : {}),
    };
    parentPort?.postMessage(batch);
  };
  if (text === "after") {
    const items: PackedItems = [];
    packItem(items, { t: "started" });
    // The directory of this OS thread (Linux: /proc/thread-self links to <pid>/task/<tid>), gone once it has ended.
    packItem(items, { t: "put", line: `/proc/${readlinkSync("/proc/thread-self")}` });
    post(items);
    post([], { status: "ok", failures: [], handlerFailures: [], listened: false, ...NOTHING_COUNTED });
  }
  // Many small arrays: the heap limit ends this thread with ERR_WORKER_OUT_OF_MEMORY (one huge allocation would
  // abort the whole process instead).
  const held: number[][] = [];
  for (;;) held.push(new Array<number>(1024).fill(held.length));
});

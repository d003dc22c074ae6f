// A run's worker stuck in one operation that never gives way (what no script can be made to do on purpose any more): asked for a run, it tells its parent it started, prints one line, then spins.
import { parentPort } from "node:worker_threads";
import { packCounts, packItem } from "../../client/src/run/isolated/itemWire";
import type { PackedItems, ParentMessage, WorkerBatch } from "../../client/src/run/isolated/protocol";

parentPort?.once("message", (message: ParentMessage) => {
  if (message.kind !== "run") return;
  const items: PackedItems = [];
  packItem(items, { t: "started" });
  packItem(items, { t: "put", line: "stuck from here on" });
  const batch: WorkerBatch = {
    kind: "batch",
    run: message.start.run,
    items,
    counts: packCounts({
      published: 0,
      onMessageRuns: 0,
      failedOnMessageRuns: 0,
      scheduledRuns: 0,
      failedScheduledRuns: 0,
      executeJobs: 0,
      failedExecuteJobs: 0,
    }),
  };
  parentPort?.postMessage(batch);
  // Spin until the parent ends this thread (the loop never yields; only Worker.terminate() stops it).
  for (let spins = 0; spins >= 0; spins = (spins + 1) % 1_000_000);
});

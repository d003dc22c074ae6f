// The worker's side of the channel to its parent: items queued in order and sent in batches (at the next turn of the event loop, when a batch is full, or with a call), the worker waiting while the parent is too far behind.
import type { RunCounts, RunResult } from "../runTypes";
import { packCounts, packItem } from "./itemWire";
import {
  BATCH_ITEMS,
  BATCH_WINDOW,
  HANDLED,
  STOPPING,
  type PackedItems,
  type WorkerBatch,
  type WorkerItem,
} from "./protocol";

/** Longest single wait for the parent; the wait goes on until the parent catches up or the run stops. */
const WAIT_SLICE_MS = 50;

export class Outbox {
  private items: PackedItems = [];
  private count = 0;
  private sent = 0;
  private scheduled = false;
  private closed = false;

  constructor(
    private readonly run: number,
    private readonly post: (batch: WorkerBatch) => void,
    private readonly control: Int32Array,
    private readonly counts: () => RunCounts,
  ) {}

  /** Queues an item; sends the batch when it is full. */
  push(item: WorkerItem): void {
    if (this.closed) return;
    packItem(this.items, item);
    if (++this.count >= BATCH_ITEMS) this.flush();
    else if (!this.scheduled) {
      // At the next turn of the event loop, not at the next microtask: a loop that awaits on every iteration would
      // otherwise send a batch per item.
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  /** Queues an item and sends the batch at once (a call: the worker waits for its reply). */
  send(item: WorkerItem): void {
    if (this.closed) return;
    packItem(this.items, item);
    this.count++;
    this.flush();
  }

  /** Sends what is queued now. */
  flush(end?: { readonly result: RunResult; readonly reusable: boolean }): void {
    this.scheduled = false;
    if (this.closed || (this.count === 0 && end === undefined)) return;
    this.waitForParent();
    const items = this.items;
    this.items = [];
    this.count = 0;
    this.sent++;
    this.post({ kind: "batch", run: this.run, items, counts: packCounts(this.counts()), ...(end ?? {}) });
  }

  /** Sends the last batch, with how the run ended; nothing of this run goes out after it. */
  close(result: RunResult, reusable: boolean): void {
    this.flush({ result, reusable });
    this.closed = true;
  }

  /**
   * Blocks the worker while the parent has not handled all but BATCH_WINDOW batches: a script that prints or
   * publishes in a tight loop goes at the speed the parent can show and send, and the parent's memory stays bounded.
   */
  private waitForParent(): void {
    for (;;) {
      const handled = Atomics.load(this.control, HANDLED);
      if (this.sent - handled < BATCH_WINDOW || Atomics.load(this.control, STOPPING) !== 0) return;
      Atomics.wait(this.control, HANDLED, handled, WAIT_SLICE_MS);
    }
  }
}

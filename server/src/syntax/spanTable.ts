// Offset pairs of many nodes kept in shared Int32Array chunks: a run of pairs per node, no object per pair or per run.

/** Shared by every node whose run is empty. */
export const EMPTY_SPANS: Int32Array = new Int32Array(0);

/**
 * Builds runs of [start, end) pairs one at a time: `begin`, then `push` each pair; the run is
 * `chunk[index .. index + 2 * count)`. A run never straddles two chunks: when a chunk fills up mid-run, the run moves
 * to a fresh chunk. Runs are never moved after they end, so nodes may hold on to (chunk, index).
 */
export class SpanTable {
  chunk: Int32Array;
  /** Where the current run starts in `chunk`. */
  index = 0;
  private fill = 0;

  constructor(private readonly chunkSize: number) {
    this.chunk = new Int32Array(chunkSize);
  }

  begin(): void {
    this.index = this.fill;
  }

  push(start: number, end: number): void {
    if (this.fill + 2 > this.chunk.length) this.moveRun();
    this.chunk[this.fill++] = start;
    this.chunk[this.fill++] = end;
  }

  /** Pairs in the current run. */
  get count(): number {
    return (this.fill - this.index) >> 1;
  }

  private moveRun(): void {
    const run = this.chunk.subarray(this.index, this.fill);
    const next = new Int32Array(Math.max(this.chunkSize, run.length * 2 + 2));
    next.set(run);
    this.chunk = next;
    this.fill = run.length;
    this.index = 0;
  }
}

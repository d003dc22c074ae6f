// Messages per second over a sliding window, counted in one-second buckets so each event costs O(1) and memory is fixed.

export class RateWindow {
  private readonly buckets: number[];
  private readonly bucketSeconds: number[];
  private firstMs: number | undefined;

  /** @param windowSeconds length of the sliding window, in whole seconds. */
  constructor(readonly windowSeconds = 10) {
    if (!Number.isInteger(windowSeconds) || windowSeconds < 1) {
      throw new RangeError(`rate window must be a whole number of seconds >= 1, got ${windowSeconds}`);
    }
    this.buckets = new Array<number>(windowSeconds).fill(0);
    this.bucketSeconds = new Array<number>(windowSeconds).fill(-1);
  }

  record(nowMs: number, count = 1): void {
    this.firstMs ??= nowMs;
    const second = Math.floor(nowMs / 1000);
    const i = second % this.windowSeconds;
    if (this.bucketSeconds[i] !== second) {
      this.bucketSeconds[i] = second;
      this.buckets[i] = 0;
    }
    this.buckets[i] = (this.buckets[i] ?? 0) + count;
  }

  /** Events per second over the window (the last `windowSeconds - 1` whole seconds plus the current one), scaled to the time covered; at least one second is assumed. */
  perSecond(nowMs: number): number {
    const second = Math.floor(nowMs / 1000);
    let total = 0;
    for (let i = 0; i < this.windowSeconds; i++) {
      const s = this.bucketSeconds[i] ?? -1;
      if (s >= 0 && s > second - this.windowSeconds && s <= second) total += this.buckets[i] ?? 0;
    }
    if (total === 0 || this.firstMs === undefined) return 0;
    // The current second is only partly over, and a young counter has not seen a whole window yet.
    const windowCovered = this.windowSeconds - 1 + (nowMs - second * 1000) / 1000;
    const covered = Math.min(windowCovered, (nowMs - this.firstMs) / 1000);
    return total / Math.max(covered, 1);
  }
}

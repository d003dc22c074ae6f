// A manual clock for deterministic tests of timers: time moves only when the test calls advance().
import type { Clock, TimerHandle } from "../../client/src/mqtt/clock";

/** Node's longest timer: a longer one fires after 1 ms (https://nodejs.org/api/timers.html#settimeoutcallback-delay-args). */
const NODE_TIMEOUT_MAX = 2 ** 31 - 1;

interface Timer {
  id: number;
  at: number;
  callback: () => void;
}

export class FakeClock implements Clock {
  private time: number;
  private nextId = 1;
  private timers: Timer[] = [];

  constructor(start = 1_700_000_000_000) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  /** Like Node's: a delay of 2^31 ms or more (24.8 days) fires after 1 ms. */
  setTimeout(callback: () => void, ms: number): TimerHandle {
    const delay = ms > NODE_TIMEOUT_MAX ? 1 : Math.max(0, ms);
    const timer = { id: this.nextId++, at: this.time + delay, callback };
    this.timers.push(timer);
    return timer.id;
  }

  clearTimeout(handle: TimerHandle): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }

  /** Timers not yet fired. */
  get pending(): number {
    return this.timers.length;
  }

  /** Moves time forward by `ms`, firing every timer that falls due, in order. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.time = due.at;
      due.callback();
    }
    this.time = end;
  }
}

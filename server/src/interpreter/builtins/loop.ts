// The one loop driver of every looping command: break/continue handling, time slicing and cancellation.
import type { MaybePromise } from "../maybe";
import type { Runtime } from "../runtime";
import { Signal, type Scope } from "../scope";
import { NOTHING, type Value } from "../values";

/** One iteration: runs it and says whether to go on (false: the loop is over). */
export type Iteration = (i: number) => MaybePromise<boolean>;

/** What the loop does after an iteration, given the frame's signal. */
function settle(s: Scope): "next" | "stop" {
  const frame = s.frame;
  switch (frame.signal) {
    case Signal.None:
      return "next";
    case Signal.Continue:
      frame.signal = Signal.None;
      return "next";
    case Signal.Break:
      frame.signal = Signal.None;
      return "stop";
    default:
      return "stop"; // return and exit travel on
  }
}

/** Runs iterations 0, 1, 2... synchronously while they are synchronous, yielding to the event loop every slice. */
export function runLoop(s: Scope, rt: Runtime, iteration: Iteration): MaybePromise<Value> {
  const signal = s.frame.job.signal;
  for (let i = 0; ; i++) {
    const r = iteration(i);
    if (r instanceof Promise) return runLoopAsync(s, rt, iteration, i, r);
    if (!r || settle(s) === "stop") return NOTHING;
    if (rt.slicer.due(signal)) return runLoopAsync(s, rt, iteration, i, rt.slicer.pause(signal).then(resume));
  }
}

const resume = (): null => null;

/** The same loop once something is pending; `pending` is the current iteration (or null after a pause). */
async function runLoopAsync(
  s: Scope,
  rt: Runtime,
  iteration: Iteration,
  i: number,
  pending: Promise<boolean | null>,
): Promise<Value> {
  const signal = s.frame.job.signal;
  let r = await pending;
  for (;;) {
    if (r !== null) {
      if (!r || settle(s) === "stop") return NOTHING;
      if (rt.slicer.due(signal)) await rt.slicer.pause(signal);
    }
    i++;
    r = await iteration(i);
  }
}

// `:delay` of 24.8 days or more (2^31 ms, past Node's longest timer) waits the whole time, on the fake clock, and stays cancellable.
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  createBasicHost,
  Interpreter,
  sleepOn,
  SourceText,
  type HostClock,
} from "../../../server/src/interpreter";
import { FakeClock } from "../../support/fakeClock";
import { waitFor } from "../../support/waitFor";

const DAY_MS = 86_400_000;

/** The script's `:delay` on the fake clock (which, like Node, fires a timer of 2^31 ms or more after 1 ms). */
function hostClock(clock: FakeClock): HostClock {
  return {
    now: () => clock.now(),
    monotonic: () => performance.now(),
    sleep: (ms, signal) => sleepOn(clock, ms, signal),
  };
}

function start(script: string, clock: FakeClock, signal?: AbortSignal) {
  const lines: string[] = [];
  const interpreter = new Interpreter(
    createBasicHost({ clock: hostClock(clock), put: (l) => lines.push(l) }),
  );
  const outcome = interpreter.run(new SourceText("delay.rsc", script), signal ? { signal } : {});
  return { lines, outcome };
}

/** [delay as written, its length in days]: each one waits until its very end, not a moment less. */
const LONG_DELAYS: readonly [string, number][] = [
  ["25d", 25],
  ["4w", 28],
  ["1000d", 1000],
];

for (const [written, days] of LONG_DELAYS) {
  test(`:delay ${written} waits ${days} days`, async () => {
    const clock = new FakeClock();
    const { lines, outcome } = start(`:put before\n:delay ${written}\n:put after`, clock);
    await waitFor(() => clock.pending > 0, { what: "the delay's timer" });
    clock.advance(days * DAY_MS - 1);
    // Timers that fire early would have let the script go on by now.
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(lines, ["before"]);
    clock.advance(1);
    const ended = await outcome;
    assert.equal(ended.status, "ok");
    assert.deepEqual(lines, ["before", "after"]);
  });
}

test(":delay 25d stops at once when the run is cancelled, leaving no timer", async () => {
  const clock = new FakeClock();
  const controller = new AbortController();
  const { lines, outcome } = start(":delay 25d\n:put after", clock, controller.signal);
  await waitFor(() => clock.pending > 0, { what: "the delay's timer" });
  clock.advance(10 * DAY_MS);
  controller.abort(new Error("stopped by the test"));
  const ended = await outcome;
  assert.equal(ended.status, "cancelled");
  assert.equal(clock.pending, 0);
  assert.deepEqual(lines, []);
});

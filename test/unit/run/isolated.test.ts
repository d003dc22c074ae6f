// Runs in a worker thread: a runaway regex, a memory bomb, a busy loop and an operation that never gives way all end as they should, and this process goes on serving runs.
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { runScriptIsolated, type IsolatedRunOptions, type RunResult } from "../../../client/src/run";
import { waitFor, within } from "../../support/waitFor";
import { collector } from "./support";

/** A worker that starts, prints one line and spins in one operation forever (only terminating it ends it). */
const STUCK_WORKER = join(__dirname, "..", "..", "support", "stuckWorker.js");
/** A worker that grows until its thread's hard heap limit ends it: before its result ("before"), or after ("after"). */
const HEAP_LIMIT_WORKER = join(__dirname, "..", "..", "support", "heapLimitWorker.js");
/** Linux shows each thread of this process as a directory; the test below waits for one to be gone. */
const THREAD_DIRS = existsSync("/proc/thread-self");

async function isolated(
  text: string,
  options: Partial<IsolatedRunOptions> = {},
  stopWhen?: (out: readonly string[]) => boolean,
): Promise<{ result: RunResult; out: string[] }> {
  const c = collector();
  const controller = new AbortController();
  const running = runScriptIsolated(text, {
    fileName: "iso.rsc",
    output: c.output,
    signal: controller.signal,
    ...options,
  });
  if (stopWhen) {
    await waitFor(() => stopWhen(c.out), { what: "the script's output", timeoutMs: 15_000 });
    controller.abort(new Error("stopped by the test"));
  }
  return { result: await running, out: c.out };
}

/** This process still runs scripts after what a test did. */
async function stillServing(): Promise<void> {
  const { result, out } = await isolated(':put "still here"');
  assert.equal(result.status, "ok", JSON.stringify(result.failures));
  assert.deepEqual(out, ["still here"]);
}

describe("a run that would freeze its host", () => {
  test("a catastrophic regex matches in linear time; the loop after it ends at the timeout", async () => {
    const script = [
      `:local x "${"a".repeat(40)}b"`,
      ':put ($x ~ "^(a+)+\\$")',
      ':while (true) do={ :set x ($x . "") }',
    ].join("\n");
    const { result, out } = await isolated(script, { timeoutMs: 1000 });
    assert.deepEqual(out, ["false"]);
    assert.equal(result.status, "timeout");
    assert.equal(result.failures[0]?.code, "RSC4006");
    assert.equal(result.failures[0]?.message, "script did not finish within 1 s");
    assert.equal(result.failures[0]?.line, 3, "where the script was");
    await stillServing();
  });

  test("Stop during a busy loop ends the run where it was", async () => {
    const script = ':put "looping"\n:local n 0\n:while (true) do={ :set n ($n + 1) }';
    const { result, out } = await isolated(script, {}, (lines) => lines.includes("looping"));
    assert.deepEqual(out, ["looping"]);
    assert.equal(result.status, "cancelled");
    assert.equal(result.failures[0]?.code, "RSC4005");
    assert.equal(result.failures[0]?.line, 3);
    await stillServing();
  });
});

/**
 * Scripts that grow past a run's memory cap (64 MB here): [what, script, the line of the statement that grows]. Each
 * ends with the memory error at that statement, whatever the machine's load: the cap is looked at where values grow.
 */
const MEMORY_BOMBS: readonly [what: string, script: readonly string[], line: number][] = [
  [
    "many small values kept, one statement at a time",
    [
      ':local s "0123456789"',
      ":for i from=1 to=7 do={ :set s ($s . $s) }",
      ':local kept [:toarray ""]',
      ":for i from=0 to=999999 do={ :set ($kept->$i) ($s . $i) }",
    ],
    4,
  ],
  [
    // Each statement doubles the array nested in it (two elements each: no cap of a value stops it).
    "one statement that grows past the cap by itself",
    [":local a {1}", ":while (true) do={ :set a {$a; $a} }"],
    2,
  ],
  [
    // Node keeps a string decoded from a buffer outside the JavaScript heap when it is over about 1 MB: the thread's
    // heap limit does not see it (40 of these used to end "ok", holding 640 MB).
    "strings held outside the JavaScript heap (:convert results)",
    [
      ':local s "0123456789abcdef"',
      ":for i from=1 to=19 do={ :set s ($s . $s) }",
      ":set s [:pick $s 0 8000000]",
      ':local all [:toarray ""]',
      ":for j from=0 to=39 do={ :set ($all->$j) [:convert ($s . $j) to=hex] }",
    ],
    5,
  ],
  [
    // Each copy rebuilds the array's key table; a large one is a single large allocation.
    "copies of an array with many keys",
    [
      ':local a [:toarray ""]',
      ':for i from=0 to=99999 do={ :set ($a->("k" . $i)) $i }',
      ':local all [:toarray ""]',
      ":for j from=0 to=999 do={ :set ($all->$j) $a }",
    ],
    4,
  ],
  [
    // The main script has ended; the run goes on for its scheduled script (it used to end "ok").
    "a scheduled script, after the script ended",
    [
      "/system scheduler add name=grow interval=100ms on-event={",
      '  :local s "0123456789"',
      "  :for i from=1 to=7 do={ :set s ($s . $s) }",
      '  :local kept [:toarray ""]',
      "  :for i from=0 to=999999 do={ :set ($kept->$i) ($s . $i) }",
      "}",
    ],
    5,
  ],
  [
    // Strings of their own (a :pick copies), not pieces of one shared string.
    "an :execute job, after the script ended",
    [
      ":execute {",
      '  :local s "0123456789"',
      "  :for i from=1 to=7 do={ :set s ($s . $s) }",
      '  :local kept [:toarray ""]',
      "  :for i from=0 to=999999 do={ :set ($kept->$i) [:pick ($s . $i) 1 2000] }",
      "}",
    ],
    5,
  ],
];

describe("a memory bomb ends with the memory error at the statement that grows, and this process lives on", () => {
  for (const [what, script, line] of MEMORY_BOMBS) {
    test(what, async () => {
      const { result } = await isolated(script.join("\n"), { memoryLimitMb: 64, timeoutMs: 60_000 });
      assert.equal(result.status, "error", JSON.stringify(result.failures));
      assert.equal(result.failures[0]?.code, "RSC4010");
      assert.match(result.failures[0]?.message ?? "", /more than the 64 MB of memory a run may use/);
      assert.equal(result.failures[0]?.line, line, "the statement that was growing");
      await stillServing();
    });
  }
});

/** Holds this thread (no event-loop turn) until `directory` is gone: the worker's OS thread has ended. */
function holdUntilGone(directory: string): void {
  const deadline = Date.now() + 30_000;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  while (existsSync(directory)) {
    if (Date.now() > deadline) throw new Error(`the worker's thread (${directory}) did not end within 30 s`);
    Atomics.wait(pause, 0, 0, 2);
  }
}

describe("a run's worker that meets its thread's hard heap limit", () => {
  test("before its result: the run ends with the memory error, and this process lives on", async () => {
    const { result } = await isolated("before", { workerFile: HEAP_LIMIT_WORKER, memoryLimitMb: 16 });
    assert.equal(result.status, "error", JSON.stringify(result.failures));
    assert.equal(result.failures[0]?.code, "RSC4010");
    assert.match(result.failures[0]?.message ?? "", /more than the 16 MB of memory a run may use/);
    await stillServing();
  });

  test(
    "just after its result: the run ends with that result, and the late error is nobody's (not uncaught, no hang)",
    { skip: THREAD_DIRS ? false : "needs Linux's /proc/thread-self" },
    async () => {
      // This thread is held, inside the output of the worker's first batch, until the worker's thread is gone: its
      // out-of-memory error then always comes after the batch with its result. The run used to stop listening to the
      // worker at its end, so that error was unhandled and the 'exit' its ending waited for never came.
      const c = collector();
      const running = runScriptIsolated("after", {
        fileName: "iso.rsc",
        workerFile: HEAP_LIMIT_WORKER,
        memoryLimitMb: 16,
        output: {
          put: (line) => {
            holdUntilGone(line);
            c.output.put(line);
          },
          log: (level, message) => c.output.log(level, message),
        },
      });
      const result = await within(running, 30_000, "the run");
      assert.equal(result.status, "ok", JSON.stringify(result.failures));
      assert.equal(c.out.length, 1);
      await stillServing();
    },
  );
});

describe("a long timeout", () => {
  test("a timeout of 30 days does not fire at once (Node's timers fire after 1 ms past 24.8 days)", async () => {
    const { result, out } = await isolated(':delay 50ms\n:put "done"', { timeoutMs: 30 * 86_400_000 });
    assert.equal(result.status, "ok", JSON.stringify(result.failures));
    assert.deepEqual(out, ["done"]);
  });
});

describe("a run stuck in one operation that never gives way", () => {
  test("the timeout ends it by force, with what it printed before", async () => {
    const { result, out } = await isolated("", { workerFile: STUCK_WORKER, timeoutMs: 300 });
    assert.deepEqual(out, ["stuck from here on"]);
    assert.equal(result.status, "timeout");
    assert.equal(result.failures[0]?.code, "RSC4006");
    assert.match(
      result.failures[0]?.message ?? "",
      /^script did not finish within 0.3 s \(it was ended in the middle/,
    );
    await stillServing();
  });

  test("Stop ends it by force", async () => {
    const { result } = await isolated("", { workerFile: STUCK_WORKER }, (lines) => lines.length > 0);
    assert.equal(result.status, "cancelled");
    assert.equal(result.failures[0]?.code, "RSC4005");
    await stillServing();
  });
});

describe("what crosses from the worker", () => {
  test("a flood of output arrives whole and in order (the worker waits while this side catches up)", async () => {
    const { result, out } = await isolated(":for i from=1 to=100000 do={ :put $i }");
    assert.equal(result.status, "ok");
    assert.equal(out.length, 100_000);
    assert.ok(
      out.every((line, i) => line === String(i + 1)),
      "every line, in order",
    );
  });

  test("a run leaves nothing to the next one, though the next may use the same (warm) worker", async () => {
    const first = await isolated(':global leak "from the first run"\n:put $leak');
    assert.deepEqual(first.out, ["from the first run"]);
    const second = await isolated(":global leak\n:put [:typeof $leak]");
    assert.equal(second.result.status, "ok", JSON.stringify(second.result.failures));
    assert.deepEqual(second.out, ["nothing"]);
  });

  test("a syntax error is reported as before, nothing run", async () => {
    const { result, out } = await isolated(':put "a"\n:put (1 +');
    assert.equal(result.status, "error");
    assert.deepEqual(out, []);
    assert.equal(result.failures[0]?.line, 2);
  });
});

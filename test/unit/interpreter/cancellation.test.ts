// Runaway scripts never freeze the host: the evaluator yields to the event loop and stops when its AbortSignal fires.
import assert from "node:assert/strict";
import { test } from "node:test";
import { createBasicHost, Interpreter, SourceText, type RunOutcome } from "../../../server/src/interpreter";
import { within } from "../../support/waitFor";

/**
 * Starts a script, waits until the event loop has had `turns` timer turns while it runs, then aborts it.
 * A script that never yields starves the timers: the test then fails on its timeout.
 */
async function abortWhileRunning(
  text: string,
  turns = 3,
): Promise<{ outcome: RunOutcome; turns: number; output: string[] }> {
  const output: string[] = [];
  const interpreter = new Interpreter(createBasicHost({ put: (l) => output.push(l) }));
  const controller = new AbortController();
  const running = interpreter.run(new SourceText("runaway.rsc", text), { signal: controller.signal });
  let seen = 0;
  while (seen < turns) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    seen++;
  }
  controller.abort();
  const outcome = await within(running, 5000, "the cancelled script");
  return { outcome, turns: seen, output };
}

const RUNAWAYS: readonly [name: string, script: string, line: number][] = [
  ["an empty endless loop", ":while (true) do={}", 1],
  ["endless arithmetic", ":local x 0\n:while (true) do={ :set x ($x + 1) }", 2],
  ["endless calls", ":local f do={ :return 1 }\n:while (true) do={ :local r [$f] }", 2],
  ["an endless :for", ':for i from=1 to=9223372036854775807 do={ :local s "$i" }', 1],
  ["an endless :do while", ":do { :local y 1 } while=(true)", 1],
];

for (const [name, script, line] of RUNAWAYS) {
  test(`${name} lets timers run and stops when aborted`, { timeout: 10_000 }, async () => {
    const { outcome, turns } = await abortWhileRunning(script);
    assert.equal(turns, 3, "timers fired while the script ran");
    assert.equal(outcome.status, "cancelled");
    if (outcome.status === "cancelled") assert.equal(outcome.at?.line, line, "reports where the script was");
  });
}

test("on-error does not catch a cancellation", { timeout: 10_000 }, async () => {
  const { outcome, output } = await abortWhileRunning(
    ':do { :while (true) do={} } on-error={ :put "caught" }\n:put "after"',
  );
  assert.equal(outcome.status, "cancelled");
  assert.deepEqual(output, []);
});

test(":onerror does not catch a cancellation either", { timeout: 10_000 }, async () => {
  const { outcome, output } = await abortWhileRunning(
    ':onerror e in={ :while (true) do={} } do={ :put "caught $e" }',
  );
  assert.equal(outcome.status, "cancelled");
  assert.deepEqual(output, []);
});

test(":delay is cancelled by the signal", { timeout: 10_000 }, async () => {
  const { outcome, output } = await abortWhileRunning(':put "waiting"\n:delay 1h\n:put "never"', 1);
  assert.equal(outcome.status, "cancelled");
  assert.deepEqual(output, ["waiting"]);
  if (outcome.status === "cancelled") assert.equal(outcome.at?.line, 2);
});

test("a signal aborted before the start runs nothing", async () => {
  const output: string[] = [];
  const interpreter = new Interpreter(createBasicHost({ put: (l) => output.push(l) }));
  const controller = new AbortController();
  controller.abort();
  const outcome = await interpreter.run(new SourceText("x.rsc", ':put "no"'), { signal: controller.signal });
  assert.equal(outcome.status, "cancelled");
  assert.deepEqual(output, []);
});

test("background :execute jobs end with the run's signal", { timeout: 10_000 }, async () => {
  const interpreter = new Interpreter(createBasicHost());
  const controller = new AbortController();
  const outcome = await interpreter.run(new SourceText("x.rsc", ":execute { :while (true) do={} }"), {
    signal: controller.signal,
  });
  assert.equal(outcome.status, "ok");
  controller.abort();
  await within(interpreter.whenIdle(), 5000, "the background job");
});

// Reconnect delays as a table: exponential growth, cap, jitter bounds, and refusal of bad settings.
import { test } from "node:test";
import assert from "node:assert/strict";
import { backoffDelay, resolveBackoff } from "../../../client/src/mqtt/backoff";

const noJitter = resolveBackoff({ initialMs: 500, maxMs: 8000, factor: 2, jitter: 0 });

test("delays double from initialMs and stop at maxMs", () => {
  const expected = [500, 1000, 2000, 4000, 8000, 8000, 8000];
  assert.deepEqual(
    expected.map((_, i) => backoffDelay(i + 1, noJitter)),
    expected,
  );
});

test("jitter spreads each delay within ±jitter and never past maxMs", () => {
  const options = resolveBackoff({ initialMs: 1000, maxMs: 30_000, factor: 2, jitter: 0.2 });
  const cases: Array<[attempt: number, random: number, expected: number]> = [
    [1, 0, 800],
    [1, 0.5, 1000],
    [1, 0.999999, 1200],
    [3, 0, 3200],
    [10, 0.999999, 30_000],
    [10, 0, 24_000],
  ];
  for (const [attempt, random, expected] of cases) {
    assert.equal(
      backoffDelay(attempt, options, () => random),
      expected,
      `attempt ${attempt}, random ${random}`,
    );
  }
});

test("bad settings are refused with the setting's name", () => {
  const bad: Array<[Parameters<typeof resolveBackoff>[0], RegExp]> = [
    [{ initialMs: 0 }, /initialMs/],
    [{ initialMs: 5000, maxMs: 1000 }, /maxMs/],
    [{ factor: 0.5 }, /factor/],
    [{ jitter: 1 }, /jitter/],
    [{ maxAttempts: 0 }, /maxAttempts/],
  ];
  for (const [options, message] of bad) assert.throws(() => resolveBackoff(options), message);
});

// The growth watch a host may set for its thread sees script values grow and can stop the script inside the statement that grows, which the script cannot catch.
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  CancelledError,
  createBasicHost,
  Interpreter,
  SourceText,
  watchGrowth,
} from "../../../server/src/interpreter";

/** The watch below stops a script once it was told of this much growth. */
const STOP_AFTER_BYTES = 1024 * 1024;

/** [what, script, the statement that grows]: each is stopped there, whatever wraps it. */
const GROWERS: readonly [what: string, script: string, statement: string][] = [
  [
    "elements added one at a time",
    ':local a [:toarray ""]\n:for i from=0 to=999999 do={ :set ($a->$i) $i }',
    ":set ($a->$i) $i",
  ],
  [
    "keys added one at a time",
    ':local a [:toarray ""]\n:for i from=0 to=999999 do={ :set ($a->("k" . $i)) $i }',
    ':set ($a->("k" . $i)) $i',
  ],
  [
    "strings joined",
    ':local s ""\n:for i from=0 to=999999 do={ :set s ($s . "0123456789") }',
    ':set s ($s . "0123456789")',
  ],
  // No cap of a value stops this one; the statement itself is stopped while it copies.
  [
    "an array that doubles in one statement",
    ":local a {1}\n:while (true) do={ :set a {$a; $a} }",
    ":set a {$a; $a}",
  ],
  [
    "growth inside :do on-error (the stop is not the script's to catch)",
    ':local a [:toarray ""]\n:do { :for i from=0 to=999999 do={ :set ($a->$i) $i } } on-error={ :put "caught" }',
    ":set ($a->$i) $i",
  ],
  [
    "growth inside :onerror",
    ':local a [:toarray ""]\n:onerror e in={ :for i from=0 to=999999 do={ :set ($a->$i) $i } } do={ :put "caught" }',
    ":set ($a->$i) $i",
  ],
];

for (const [what, script, statement] of GROWERS) {
  test(`the growth watch stops ${what} at the statement`, { timeout: 60_000 }, async () => {
    const lines: string[] = [];
    let told = 0;
    const unwatch = watchGrowth((bytes) => {
      told += bytes;
      if (told > STOP_AFTER_BYTES) throw new CancelledError("grew too much");
    });
    try {
      const interpreter = new Interpreter(createBasicHost({ put: (l) => lines.push(l) }));
      const outcome = await interpreter.run(new SourceText("grow.rsc", script));
      assert.equal(outcome.status, "cancelled", JSON.stringify(outcome).slice(0, 300));
      assert.equal(outcome.status === "cancelled" ? outcome.reason : "", "grew too much");
      const at = outcome.status === "cancelled" ? outcome.at : undefined;
      assert.equal(script.slice(at?.start, at?.end), statement);
      assert.deepEqual(lines, [], "nothing caught it");
    } finally {
      unwatch();
    }
  });
}

test("a thread has one growth watch at a time; without one, growth goes nowhere", async () => {
  let told = 0;
  const unwatch = watchGrowth((bytes) => (told += bytes));
  try {
    assert.throws(() => watchGrowth(() => undefined), /already watches/);
  } finally {
    unwatch();
  }
  const script =
    ':local a [:toarray ""]\n:for i from=0 to=9999 do={ :set ($a->$i) "0123456789" }\n:put [:len $a]';
  const lines: string[] = [];
  const outcome = await new Interpreter(createBasicHost({ put: (l) => lines.push(l) })).run(
    new SourceText("grow.rsc", script),
  );
  assert.equal(outcome.status, "ok");
  assert.deepEqual(lines, ["10000"]);
  assert.equal(told, 0, "the watch, once removed, is told nothing");
  // Removed, a new watch may be set.
  watchGrowth(() => undefined)();
});

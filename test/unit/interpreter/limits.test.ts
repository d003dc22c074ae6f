// Strings and arrays have caps: a script that grows one too far fails with a RouterOS-style error at the statement that did it, never an internal error.
import assert from "node:assert/strict";
import { test } from "node:test";
import { createBasicHost, Interpreter, SourceText } from "../../../server/src/interpreter";

/** [what, script, the failing statement's text, message start]. */
const CASES: readonly [what: string, script: string, statement: string, message: string][] = [
  [
    "a string doubled with .",
    ':local s "x"\n:while (true) do={ :set s ($s . $s) }',
    ":set s ($s . $s)",
    "failure: string too long",
  ],
  [
    "a string doubled by interpolation",
    ':local s "x"\n:while (true) do={ :set s "$s$s" }',
    ':set s "$s$s"',
    "failure: string too long",
  ],
  [
    "an array doubled with ,",
    ":local a {1}\n:while (true) do={ :set a ($a, $a) }",
    ":set a ($a, $a)",
    "failure: array too large",
  ],
  [
    "an array grown one element at a time",
    ':local a [:toarray ""]\n:for i from=0 to=2000000 do={ :set ($a->$i) $i }',
    ":set ($a->$i) $i",
    "failure: array too large",
  ],
  [
    "a range past the cap",
    ":put 1\n:put [:len [:range 1 2000000]]",
    ":range 1 2000000",
    "failure: array too large",
  ],
];

for (const [what, script, statement, message] of CASES) {
  test(`${what}: ${message}`, { timeout: 60_000 }, async () => {
    const outcome = await new Interpreter(createBasicHost()).run(new SourceText("cap.rsc", script));
    assert.equal(outcome.status, "error", JSON.stringify(outcome).slice(0, 300));
    const failure = outcome.status === "error" ? outcome.failures[0] : undefined;
    assert.equal(failure?.code, "RSC4001");
    assert.ok(failure?.message.startsWith(message), failure?.message);
    assert.equal(script.slice(failure?.start, failure?.end), statement);
  });
}

test("a script can catch the cap's error like any failure", async () => {
  const lines: string[] = [];
  const script =
    ':local s "x"\n:onerror e in={ :while (true) do={ :set s ($s . $s) } } do={ :put "caught: $e" }';
  const outcome = await new Interpreter(createBasicHost({ put: (l) => lines.push(l) })).run(
    new SourceText("cap.rsc", script),
  );
  assert.equal(outcome.status, "ok");
  assert.match(lines[0] ?? "", /^caught: failure: string too long/);
});

// Failures of real runs land on the failing command in the Problems panel: a table of scripts, each naming the command that fails; plus the edge cases of the mapping (CRLF, empty ranges, stale offsets, foreign sources).
import { test } from "node:test";
import assert from "node:assert/strict";
import type { ScriptFailure } from "../../../server/src/interpreter";
import { LineIndex } from "../../../server/src/syntax";
import { runScript } from "../../../client/src/run";
import { failureDiagnostic, type RunDiagnostic } from "../../../client/src/ui/run/failureRanges";

const NAME = "t.rsc";

interface Case {
  readonly what: string;
  readonly script: string;
  /** The command the diagnostic covers (undefined: no diagnostic); its first occurrence in the script. */
  readonly at: string | undefined;
  readonly severity?: RunDiagnostic["severity"];
  /** A piece of the diagnostic's message. */
  readonly says: string;
}

const CASES: readonly Case[] = [
  {
    what: ":error on the second line",
    script: ':put "a"\n:error "boom"',
    at: ':error "boom"',
    says: "boom",
  },
  {
    what: "an error inside a function points inside it",
    script: ':local f do={\n  :error "inside"\n}\n$f',
    at: ':error "inside"',
    says: "inside",
  },
  {
    what: "an unknown broker: the whole publish command",
    script: ':local b "nowhere"\n/iot mqtt publish broker=$b topic=t message=m',
    at: "/iot mqtt publish broker=$b topic=t message=m",
    says: 'no broker named "nowhere"',
  },
  {
    what: "a runaway loop that times out is a warning where it was",
    script: ':put "start"\n:while (true) do={}',
    at: ":while (true) do={}",
    severity: "warning",
    says: "did not finish",
  },
  {
    what: "code from :parse is put on the first line, naming where it failed",
    script: ':local c [:parse ":error \\"p\\""]\n$c',
    at: ':local c [:parse ":error \\"p\\""]',
    says: "p (in <parse>, line 1, column 1)",
  },
  {
    what: "syntax errors are left to the language server",
    script: ":put (",
    at: undefined,
    says: "",
  },
];

function textAt(text: string, d: RunDiagnostic): string {
  const lines = new LineIndex(text);
  return text.slice(lines.offsetAt(d.start), lines.offsetAt(d.end));
}

for (const c of CASES) {
  test(`run failure → diagnostic: ${c.what}`, async () => {
    const result = await runScript(c.script, {
      fileName: NAME,
      output: { put: () => {}, log: () => {} },
      timeoutMs: 300,
    });
    assert.notEqual(result.status, "ok");
    const [failure] = result.failures;
    assert.ok(failure, "the run reports a failure");
    const d = failureDiagnostic(failure, { name: NAME, text: c.script });
    if (c.at === undefined) {
      assert.equal(d, undefined);
      return;
    }
    assert.ok(d, "a diagnostic");
    assert.equal(textAt(c.script, d), c.at);
    assert.equal(d.severity, c.severity ?? "error");
    assert.ok(d.message.includes(c.says), d.message);
    assert.equal(d.code, failure.code);
  });
}

function failureOf(over: Partial<ScriptFailure>): ScriptFailure {
  return { code: "RSC4002", message: "m", source: NAME, start: 0, end: 0, line: 1, column: 1, ...over };
}

test("edge cases: empty ranges run to the end of the line, CRLF counts as one break, stale offsets use line and column", () => {
  const text = ':put "a"\r\n:error "x"   \\\r\n  more\r\n';
  const second = text.indexOf(":error");
  const cases: Array<[string, ScriptFailure, string]> = [
    [
      "an empty range covers the rest of its line, without blanks or a continuation",
      failureOf({ start: second, end: second }),
      ':error "x"',
    ],
    ["an exact range stays as it is", failureOf({ start: second, end: second + 6 }), ":error"],
    [
      "offsets past the text fall back to line and column",
      failureOf({ start: 999, end: 1000, line: 3, column: 3 }),
      "more",
    ],
  ];
  for (const [what, failure, expected] of cases) {
    const d = failureDiagnostic(failure, { name: NAME, text });
    assert.ok(d, what);
    assert.equal(textAt(text, d), expected, what);
  }
});

test("cancelled runs are information; on-message and :execute job failures say so", () => {
  const text = ":while (true) do={}";
  const cancelled = failureDiagnostic(failureOf({ code: "RSC4005", end: text.length }), { name: NAME, text });
  assert.equal(cancelled?.severity, "information");
  const handler = failureDiagnostic(failureOf({ end: 6 }), { name: NAME, text }, "handler");
  assert.equal(handler?.message, "on-message script: m");
  const job = failureDiagnostic(failureOf({ end: 6 }), { name: NAME, text }, "job");
  assert.equal(job?.message, ":execute job: m");
});

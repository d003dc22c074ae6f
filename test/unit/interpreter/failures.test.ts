// Script failures as Problems-panel diagnostics: run-time codes from the catalog, syntax errors with the parser's codes, exact ranges.
import assert from "node:assert/strict";
import { test } from "node:test";
import { createBasicHost, failureDiagnostic, Interpreter, SourceText } from "../../../server/src/interpreter";

const CASES: readonly [script: string, code: string, message: string, text: string][] = [
  [':put 1\n:error "boom"', "RSC4002", "error raised by the script: boom", ':error "boom"'],
  [":put (1 / 0)", "RSC4001", "division by zero", ":put (1 / 0)"],
  [
    "/system resource get nope",
    "RSC4001",
    "input does not match any value of value-name",
    "/system resource get nope",
  ],
  ["/ip route print", "RSC4003", "not simulated: the device profile has no /ip/route", "/ip route print"],
  ["/ip rute print", "RSC4001", "bad command name rute in /ip", "rute"],
  [":put 1\n:set nope 2", "RSC4009", "the script cannot run: variable nope is not declared", "nope"],
  [":put (1 +", "RSC2006", "expected a value, found end of file", ""],
  // Limits of the host are failures of the command that hit them, not internal errors at 1:1.
  [
    ':local s "0123456789abcdef"\n:for i from=1 to=40 do={ :set s ($s . $s) }',
    "RSC4001",
    "failure: string too long",
    ":set s ($s . $s)",
  ],
  [":global f do={ :global f; :return [$f] }\n:put [$f]", "RSC4001", "failure: too deep recursion", "$f"],
  [`:put (${"(".repeat(300)}1${")".repeat(300)})`, "RSC2016", "nested too deeply: more than 200 levels", "("],
];

for (const [script, code, message, text] of CASES) {
  test(`${code}: ${JSON.stringify(script)}`, async () => {
    const outcome = await new Interpreter(createBasicHost()).run(new SourceText("f.rsc", script));
    assert.equal(outcome.status, "error");
    const failure = outcome.status === "error" ? outcome.failures[0] : undefined;
    assert.ok(failure);
    const d = failureDiagnostic(failure);
    assert.equal(d.code, code);
    assert.equal(d.severity, "error");
    assert.ok(d.message.startsWith(message), d.message);
    assert.equal(script.slice(d.start, d.end), text);
  });
}

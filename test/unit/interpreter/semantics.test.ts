// RouterOS semantics as tables: every case of test/fixtures/interpreter/*.rsc runs and must print exactly what it expects.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { caseFiles, parseCases, runCase } from "./cases";

for (const { file, text } of caseFiles()) {
  describe(file, () => {
    const cases = parseCases(file, text);
    test("has cases, each with an expectation", () => {
      assert.ok(cases.length > 0, `${file} has no #== cases`);
      for (const c of cases)
        assert.ok(c.expected.length > 0, `${file}:${c.line} "${c.name}" expects nothing`);
    });
    for (const c of cases) {
      test(`${c.name} (${file}:${c.line})`, async () => {
        assert.deepEqual(await runCase(c), c.expected);
      });
    }
  });
}

// A short seeded run of the fuzzer (npm run fuzz runs it for longer): the same inputs every time, none may crash or hang.
import assert from "node:assert/strict";
import { test } from "node:test";
import { runFuzz } from "../../fuzz/engine";

test(
  "120 fuzzed scripts, device profiles and payloads: no crash, no hang",
  { timeout: 300_000 },
  async () => {
    const report = await runFuzz({ seed: 20_240_611, inputs: 120, perInputMs: 60_000 });
    const total = report.tried.script + report.tried.profile + report.tried.payload;
    assert.equal(total, 120);
    assert.ok(
      report.tried.script > 0 && report.tried.profile > 0 && report.tried.payload > 0,
      "every kind tried",
    );
    assert.deepEqual(
      report.findings.map((f) => `${f.kind} ${f.input} (${f.origin}): ${f.error}`),
      [],
    );
  },
);

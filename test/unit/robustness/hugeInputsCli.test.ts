// Deep, long and many (issue 12, item 4) through rsc check and rsc run: exit 1 with a located message, never 70 (a crash).
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { runCheck } from "../../../cli/src/check";
import { runRun } from "../../../cli/src/run";
import { DEEP_PROFILE, HUGE_SCRIPTS } from "../../support/hugeInputs";

const dir = mkdtempSync(join(tmpdir(), "rsc-huge-"));
after(() => rmSync(dir, { recursive: true, force: true }));

interface Captured {
  out: string;
  err: string;
  stdout: (t: string) => void;
  stderr: (t: string) => void;
  onInterrupt: () => () => void;
}

function captured(): Captured {
  const io: Captured = {
    out: "",
    err: "",
    onInterrupt: () => () => {},
    stdout: (t: string) => {
      io.out += t;
    },
    stderr: (t: string) => {
      io.err += t;
    },
  };
  return io;
}

const LOCATED = (file: string): RegExp =>
  new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:\\d+:\\d+: `);

describe("huge inputs through rsc", () => {
  HUGE_SCRIPTS.forEach(({ name, text, broken }, i) => {
    const file = join(dir, `huge-${i}.rsc`);
    writeFileSync(file, text);

    test(`rsc check, ${name}: exit ${broken ? 1 : 0}${broken ? ", errors located" : ""}`, () => {
      const io = captured();
      const status = runCheck([file], { stdout: io.stdout, stderr: io.stderr, readStdin: () => "" });
      assert.equal(status, broken ? 1 : 0, io.err);
      if (broken) assert.match(io.out, LOCATED(file));
    });

    test(
      `rsc run, ${name}: exit ${broken ? 1 : 0}${broken ? ", the error located" : ""}`,
      { timeout: 120_000 },
      async () => {
        const io = captured();
        const status = await runRun([file, "--timeout", "20"], io);
        assert.equal(status, broken ? 1 : 0, io.err);
        if (broken) assert.match(io.out + io.err, LOCATED(file));
      },
    );
  });

  test("rsc run --device with a profile of 200,000 '[': the profile refused with the place", async () => {
    const script = join(dir, "one.rsc");
    const profile = join(dir, "deep.json");
    writeFileSync(script, ":put 1\n");
    writeFileSync(profile, DEEP_PROFILE);
    const io = captured();
    const status = await runRun([script, "--device", profile], io);
    assert.equal(status, 2);
    assert.match(
      io.err,
      /bad device profile .*deep\.json: line 1, column 200001: invalid JSON: expected a value/,
    );
  });
});

// The `$rsc` problem matcher of package.json applied to the real output of `rsc check` and `rsc run` (the built CLI):
// every diagnostic becomes one Problems entry with its file, position, severity, code and message; nothing else does.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { isAbsolute, join } from "node:path";
import { after, describe, test } from "node:test";
import type { CheckedDiagnostic } from "../../../cli/src/checkFormats";
import { fromRoot } from "../../support/paths";

interface Pattern {
  regexp: string;
  file: number;
  line: number;
  column: number;
  severity: number;
  code: number;
  message: number;
}
interface Matcher {
  name: string;
  owner: string;
  severity: string;
  fileLocation: [string, string];
  pattern: Pattern;
}

const manifest = JSON.parse(readFileSync(fromRoot("package.json"), "utf8")) as {
  contributes: { problemMatchers: Matcher[]; taskDefinitions: { type: string }[] };
};
const matcher = manifest.contributes.problemMatchers.find((m) => m.name === "rsc");

interface Problem {
  file: string;
  line: number;
  column: number;
  severity: string;
  code: string | undefined;
  message: string;
}

/** What VS Code makes of the output: the pattern per line, the file located as `autoDetect` does. */
function problems(output: string, workspaceFolder: string): Problem[] {
  assert.ok(matcher, "package.json contributes the rsc problem matcher");
  const { pattern } = matcher;
  const regexp = new RegExp(pattern.regexp);
  const out: Problem[] = [];
  for (const line of output.split(/\r?\n/)) {
    const m = regexp.exec(line);
    if (!m) continue;
    const file = m[pattern.file] ?? "";
    out.push({
      file: isAbsolute(file) ? file : join(workspaceFolder, file),
      line: Number(m[pattern.line]),
      column: Number(m[pattern.column]),
      severity: m[pattern.severity] ?? matcher.severity,
      code: m[pattern.code],
      message: m[pattern.message] ?? "",
    });
  }
  return out;
}

function rsc(
  args: readonly string[],
  cwd: string,
): { status: number | null; stdout: string; stderr: string } {
  const cli = fromRoot("bin", "rsc.js");
  if (!existsSync(fromRoot("dist", "cli.js")))
    assert.fail("dist/cli.js is missing: run node scripts/build.mjs");
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const workspace = mkdtempSync(join(tmpdir(), "rsc-matcher-"));
after(() => rmSync(workspace, { recursive: true, force: true }));
mkdirSync(join(workspace, "sub dir"));
writeFileSync(join(workspace, "broken.rsc"), ":local topic 1\n:if ($topic = 1) do={\n  :put $topik\n");
writeFileSync(
  join(workspace, "sub dir", "typo.rsc"),
  "/iot mqtt publsh broker=x topic=t message=m\n:put 1:2\n",
);
writeFileSync(join(workspace, "clean.rsc"), ':local a "x: 1:2: y"\n:put $a\n');

describe("the $rsc problem matcher", () => {
  test("is declared as the tasks use it: owner rsc, paths found relative to the workspace folder or absolute", () => {
    assert.ok(matcher);
    assert.equal(matcher.owner, "rsc");
    assert.deepEqual(matcher.fileLocation, ["autoDetect", "${workspaceFolder}"]);
    assert.ok(manifest.contributes.taskDefinitions.some((t) => t.type === "rsc"));
  });

  test("rsc check . in the workspace folder: one entry per diagnostic, the summary line ignored", () => {
    const text = rsc(["check", "."], workspace);
    const json = rsc(["check", "--format", "json", "."], workspace);
    assert.equal(text.status, 1, text.stderr);
    const expected = (JSON.parse(json.stdout) as CheckedDiagnostic[]).map((d) => ({
      file: join(workspace, d.file),
      line: d.line,
      column: d.column,
      severity: d.severity,
      code: d.code,
      message: d.message,
    }));
    assert.ok(expected.length >= 3, json.stdout);
    assert.ok(expected.some((p) => p.severity === "error") && expected.some((p) => p.severity === "warning"));
    assert.ok(expected.some((p) => p.file === join(workspace, "sub dir", "typo.rsc")));
    assert.match(text.stdout, /^3 files, /m);
    assert.deepEqual(problems(text.stdout, workspace), expected);
  });

  test("absolute paths stay as they are", () => {
    const file = join(workspace, "broken.rsc");
    const found = problems(rsc(["check", file], tmpdir()).stdout, "/elsewhere");
    assert.ok(found.length > 0);
    assert.ok(found.every((p) => p.file === file));
  });

  test("a clean run gives no entry (its summary and its text do not look like problems)", () => {
    const r = rsc(["check", "clean.rsc"], workspace);
    assert.equal(r.status, 0);
    assert.equal(r.stdout, "1 file, no problems\n");
    assert.deepEqual(problems(r.stdout, workspace), []);
  });

  test("a failing rsc run: its file:line:column message is an error entry", () => {
    writeFileSync(join(workspace, "fails.rsc"), ':put "one"\n:error "stopped here"\n');
    const r = rsc(["run", "fails.rsc"], workspace);
    assert.equal(r.status, 1, r.stderr);
    assert.deepEqual(problems(r.stdout + r.stderr, workspace), [
      {
        file: join(workspace, "fails.rsc"),
        line: 2,
        column: 1,
        severity: "error",
        code: undefined,
        message: "stopped here",
      },
    ]);
  });
});

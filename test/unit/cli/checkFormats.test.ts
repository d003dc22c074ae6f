// `rsc check` output formats: GitHub annotations and SARIF 2.1.0 built from known diagnostics, the summary line, and
// the real CLI's formats agreeing with its JSON on real files.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { runCheck } from "../../../cli/src/check";
import { githubLine, sarifLog, summaryLine, type CheckedDiagnostic } from "../../../cli/src/checkFormats";
import { packageVersion } from "../../../cli/src/version";
import { UsageError } from "../../../cli/src/usage";
import { fromRoot } from "../../support/paths";

const dir = mkdtempSync(join(tmpdir(), "rsc-check-"));
after(() => rmSync(dir, { recursive: true, force: true }));

function diag(overrides: Partial<CheckedDiagnostic>): CheckedDiagnostic {
  return {
    file: "scripts/a.rsc",
    line: 3,
    column: 5,
    endLine: 3,
    endColumn: 9,
    severity: "error",
    code: "RSC2001",
    message: "expected closing brace",
    ...overrides,
  };
}

function check(argv: readonly string[], stdin = ""): { status: number; out: string; err: string } {
  let out = "";
  let err = "";
  const status = runCheck(argv, {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    readStdin: () => stdin,
  });
  return { status, out, err };
}

describe("summary line", () => {
  for (const [files, severities, expected] of [
    [12, [], "12 files, no problems"],
    [1, [], "1 file, no problems"],
    [3, ["error", "error", "warning"], "3 files, 2 errors, 1 warning"],
    [2, ["hint", "info", "info", "warning"], "2 files, 1 warning, 2 info, 1 hint"],
  ] as const) {
    test(expected, () => {
      assert.equal(
        summaryLine(
          files,
          severities.map((severity) => diag({ severity })),
        ),
        `${expected}\n`,
      );
    });
  }
});

describe("GitHub workflow annotations", () => {
  for (const [name, d, expected] of [
    [
      "an error",
      diag({}),
      "::error file=scripts/a.rsc,line=3,endLine=3,col=5,endColumn=9,title=RSC2001::expected closing brace",
    ],
    [
      "a warning",
      diag({ severity: "warning", code: "RSC3010" }),
      "::warning file=scripts/a.rsc,line=3,endLine=3,col=5,endColumn=9,title=RSC3010::expected closing brace",
    ],
    ["info is a notice", diag({ severity: "info" }), "::notice "],
    ["a hint is a notice", diag({ severity: "hint" }), "::notice "],
    [
      "commas, colons, % and line breaks are escaped",
      diag({ file: "a,b:c%.rsc", message: "50% done:\nnext, line\r" }),
      "::error file=a%2Cb%3Ac%25.rsc,line=3,endLine=3,col=5,endColumn=9,title=RSC2001::50%25 done:%0Anext, line%0D",
    ],
  ] as const) {
    test(name, () => {
      const line = githubLine(d);
      assert.ok(line.endsWith("\n"));
      assert.ok(line.startsWith(expected), line);
      if (expected.endsWith(" ")) return;
      assert.equal(line, `${expected}\n`);
    });
  }
});

describe("SARIF 2.1.0", () => {
  const log = sarifLog(
    [
      diag({}),
      diag({ severity: "warning", code: "RSC3010", file: "dir with space/b#1.rsc", message: "not declared" }),
      diag({ severity: "hint", code: "RSC3010", file: "/abs/c.rsc" }),
      diag({ severity: "info", code: "RSC9999", file: "-" }),
    ],
    "1.2.3",
  ) as {
    version: string;
    $schema: string;
    runs: {
      tool: {
        driver: {
          name: string;
          version: string;
          rules: { id: string; shortDescription: { text: string } }[];
        };
      };
      columnKind: string;
      results: {
        ruleId: string;
        ruleIndex: number;
        level: string;
        message: { text: string };
        locations: {
          physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> };
        }[];
      }[];
    }[];
  };
  const run = log.runs[0];

  test("one run of the rsc driver, its version, UTF-16 columns", () => {
    assert.equal(log.version, "2.1.0");
    assert.match(log.$schema, /sarif-2\.1\.0/);
    assert.equal(log.runs.length, 1);
    assert.equal(run?.tool.driver.name, "rsc");
    assert.equal(run?.tool.driver.version, "1.2.3");
    assert.equal(run?.columnKind, "utf16CodeUnits");
  });

  test("one rule per code, described from the catalog; results point at their rule", () => {
    const rules = run?.tool.driver.rules ?? [];
    assert.deepEqual(
      rules.map((r) => r.id),
      ["RSC2001", "RSC3010", "RSC9999"],
    );
    assert.match(rules[0]?.shortDescription.text ?? "", /closing brace/);
    assert.doesNotMatch(rules[0]?.shortDescription.text ?? "", /\{0\}/);
    for (const result of run?.results ?? []) assert.equal(rules[result.ruleIndex]?.id, result.ruleId);
  });

  test("levels, messages, regions and artifact URIs", () => {
    const results = run?.results ?? [];
    assert.deepEqual(
      results.map((r) => r.level),
      ["error", "warning", "note", "note"],
    );
    assert.equal(results[1]?.message.text, "not declared");
    assert.deepEqual(results[0]?.locations[0]?.physicalLocation.region, {
      startLine: 3,
      startColumn: 5,
      endLine: 3,
      endColumn: 9,
    });
    assert.deepEqual(
      results.map((r) => r.locations[0]?.physicalLocation.artifactLocation.uri),
      ["scripts/a.rsc", "dir%20with%20space/b%231.rsc", "file:///abs/c.rsc", "stdin"],
    );
  });
});

describe("rsc check on real files", () => {
  const bad = join(dir, "bad.rsc");
  const good = join(dir, "good.rsc");
  writeFileSync(bad, ":local topic 1\n:if ($topic = 1) do={\n  :put $topik\n");
  writeFileSync(good, ":local a 1\n:put $a\n");

  test("text: problems, then the summary; --quiet leaves the summary out", () => {
    const loud = check([bad, good]);
    assert.equal(loud.status, 1);
    const lines = loud.out.trimEnd().split("\n");
    assert.match(lines.at(-1) ?? "", /^2 files, 1 error, 1 warning$/);
    assert.ok(
      lines.slice(0, -1).every((l) => l.startsWith(`${bad}:`)),
      loud.out,
    );
    const quiet = check(["--quiet", bad, good]);
    assert.equal(quiet.out, lines.slice(0, -1).join("\n") + "\n");
    assert.deepEqual(check([good]), { status: 0, out: "1 file, no problems\n", err: "" });
    assert.deepEqual(check(["-q", good]), { status: 0, out: "", err: "" });
  });

  test("github and sarif report what json reports", () => {
    const json = JSON.parse(check(["--format", "json", bad, good]).out) as CheckedDiagnostic[];
    assert.equal(json.length, 2);
    const github = check(["--format=github", bad, good]);
    assert.equal(github.status, 1);
    assert.deepEqual(github.out, json.map((d) => githubLine(d)).join(""));
    const sarif = check(["--format", "sarif", bad, good]);
    assert.equal(sarif.status, 1);
    assert.deepEqual(JSON.parse(sarif.out), sarifLog(json, packageVersion()));
  });

  test("an unknown format is a usage error that lists the formats", () => {
    assert.throws(
      () => check(["--format", "xml", good]),
      (e: unknown) => {
        assert.ok(e instanceof UsageError);
        assert.match(e.message, /text, json, github, sarif/);
        return true;
      },
    );
  });

  test("the version is the package's", () => {
    const manifest = JSON.parse(readFileSync(fromRoot("package.json"), "utf8")) as { version: string };
    assert.equal(packageVersion(), manifest.version);
  });
});

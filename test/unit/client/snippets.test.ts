// The shipped snippets: each one, expanded with its default values as VS Code inserts it, passes `rsc check` with no
// error; prefixes are unique, and the manifest points at the file.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { runCheck } from "../../../cli/src/check";
import type { CheckedDiagnostic } from "../../../cli/src/checkFormats";
import { fromRoot } from "../../support/paths";

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description: string;
}

const manifest = JSON.parse(readFileSync(fromRoot("package.json"), "utf8")) as {
  contributes: { snippets: { language: string; path: string }[] };
};
const contributed = manifest.contributes.snippets.find((s) => s.language === "routeros");
const snippets = JSON.parse(
  readFileSync(fromRoot(contributed?.path ?? "snippets/routeros.json"), "utf8"),
) as Record<string, Snippet>;

/**
 * The text VS Code inserts when every placeholder keeps its default: `${1:x}` is x, `${1|a,b|}` is a, `$1` repeats
 * tab stop 1's default, `$0` is empty, `\$ \} \\` are the characters themselves. Variables are refused.
 */
function expandSnippet(body: string): string {
  const defaults = new Map<string, string>();
  let at = 0;
  const parse = (closing: string | undefined): string => {
    let out = "";
    while (at < body.length) {
      const ch = body[at] ?? "";
      if (closing !== undefined && ch === closing) return out;
      if (ch === "\\" && "$}\\".includes(body[at + 1] ?? "")) {
        out += body[at + 1];
        at += 2;
      } else if (ch === "$") {
        out += tabStop();
      } else {
        out += ch;
        at++;
      }
    }
    assert.equal(closing, undefined, `unclosed placeholder in ${body}`);
    return out;
  };
  const tabStop = (): string => {
    const simple = /^\$(\d+)/.exec(body.slice(at));
    if (simple) {
      at += simple[0].length;
      return defaults.get(simple[1] ?? "") ?? "";
    }
    const open = /^\$\{(\d+)([:|}])/.exec(body.slice(at));
    assert.ok(open, `only tab stops are used, found ${body.slice(at, at + 20)}`);
    const [whole, index = "", kind] = open;
    at += whole.length;
    if (kind === "}") return defaults.get(index) ?? "";
    let value: string;
    if (kind === ":") {
      value = parse("}");
      at++;
    } else {
      const end = body.indexOf("|}", at);
      value = body.slice(at, end).split(",")[0] ?? "";
      at = end + 2;
    }
    if (!defaults.has(index)) defaults.set(index, value);
    return defaults.get(index) ?? value;
  };
  return parse(undefined);
}

const dir = mkdtempSync(join(tmpdir(), "rsc-snippets-"));
after(() => rmSync(dir, { recursive: true, force: true }));

describe("snippets", () => {
  test("the manifest contributes them for routeros; prefixes are unique", () => {
    assert.ok(contributed, "contributes.snippets has a routeros entry");
    const prefixes = Object.values(snippets).flatMap((s) =>
      Array.isArray(s.prefix) ? s.prefix : [s.prefix],
    );
    assert.equal(new Set(prefixes).size, prefixes.length, prefixes.join(", "));
    // VS Code matches a prefix against the word before the cursor: one word, no spaces.
    for (const prefix of prefixes) assert.match(prefix, /^[\w-]+$/, prefix);
    assert.ok(Object.keys(snippets).length >= 4);
  });

  test("the expander follows VS Code's snippet rules", () => {
    assert.equal(expandSnippet("a ${1:x} \\$b ${2|yes,no|} $1 ${3:${1:y}z} $0\\}"), "a x $b yes x xz }");
  });

  for (const [name, snippet] of Object.entries(snippets)) {
    test(`"${name}" passes rsc check with no error`, () => {
      const text = expandSnippet(Array.isArray(snippet.body) ? snippet.body.join("\n") : snippet.body);
      const file = join(dir, `${name.replace(/\W+/g, "-")}.rsc`);
      writeFileSync(file, `${text}\n`);
      let out = "";
      const status = runCheck(["--format", "json", file], {
        stdout: (t) => (out += t),
        stderr: (t) => assert.fail(t),
        readStdin: () => "",
      });
      const problems = JSON.parse(out) as CheckedDiagnostic[];
      assert.deepEqual(
        problems.filter((p) => p.severity === "error" || p.severity === "warning"),
        [],
        `${name} expands to:\n${text}`,
      );
      assert.equal(status, 0);
      assert.ok(snippet.description.length > 0);
    });
  }
});

// The value of a string literal known before a run (escapes decoded, continued lines joined), as a table.
import assert from "node:assert/strict";
import { test } from "node:test";
import { parse, stringText, type StringLiteral } from "../../../server/src/syntax";
import { walk } from "../../../server/src/syntax/walk";

/** [the literal as written in a script, its value]. */
const CASES: readonly (readonly [string, string])[] = [
  ['""', ""],
  ['"plain"', "plain"],
  ['"tab\\tnew\\nline"', "tab\tnew\nline"],
  ['"quote \\" backslash \\\\ dollar \\$"', 'quote " backslash \\ dollar $'],
  ['"hex \\41\\42"', "hex AB"],
  ['"space\\_here"', "space here"],
  ['"a lone $ sign"', "a lone $ sign"],
  // `\` + line end continues the literal; the next line's indentation is not text (exports indent it).
  ['"one \\\n    two"', "one two"],
  ['"one\\\r\n\ttwo"', "onetwo"],
  // An export's script: `\r\` at the end of a line, then indentation, then `\n` and the next line.
  ['":local a 1\\r\\\n    \\n:put \\$a"', ":local a 1\r\n:put $a"],
  // Only indentation right after the continuation goes: later spaces stay.
  ['"x\\\n  y  z"', "xy  z"],
];

for (const [source, value] of CASES) {
  test(`stringText ${JSON.stringify(source)}`, () => {
    const text = `:put ${source}`;
    const parsed = parse(text);
    assert.deepEqual(parsed.diagnostics, [], "the literal parses without error");
    let literal: StringLiteral | undefined;
    walk(parsed.script, (node) => {
      if (node.kind === "String" && literal === undefined) literal = node;
    });
    assert.ok(literal, "a string literal");
    assert.equal(stringText(text, literal), value);
  });
}

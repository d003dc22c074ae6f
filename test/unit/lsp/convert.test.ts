// The LSP layer's conversions: semantic token encoding (relative, one line each) and incremental document changes.
import assert from "node:assert/strict";
import { test } from "node:test";
import { encodeSemanticTokens } from "../../../server/src/lsp/convert";
import { OpenDocuments } from "../../../server/src/lsp/documents";
import { LineIndex } from "../../../server/src/syntax";

const tokenCases: readonly {
  readonly name: string;
  readonly text: string;
  readonly tokens: readonly [number, number][];
  readonly data: readonly number[];
}[] = [
  {
    name: "one line",
    text: "ab cd",
    tokens: [
      [0, 2],
      [3, 5],
    ],
    data: [0, 0, 2, 1, 0, 0, 3, 2, 1, 0],
  },
  {
    name: "next lines restart the column",
    text: "ab\n  cd\nef",
    tokens: [
      [0, 2],
      [5, 7],
      [8, 10],
    ],
    data: [0, 0, 2, 1, 0, 1, 2, 2, 1, 0, 1, 0, 2, 1, 0],
  },
  {
    name: "a token across lines is split",
    text: "abc\r\ndef",
    tokens: [[1, 8]],
    data: [0, 1, 2, 1, 0, 1, 0, 3, 1, 0],
  },
  { name: "empty tokens are dropped", text: "abc", tokens: [[1, 1]], data: [] },
];

for (const c of tokenCases) {
  test(`semantic token encoding: ${c.name}`, () => {
    const tokens = c.tokens.map(([start, end]) => ({ start, end, type: 1, modifiers: 0 }));
    assert.deepEqual(encodeSemanticTokens(new LineIndex(c.text), c.text, tokens), c.data);
  });
}

test("open documents apply ranged and whole-text changes in order, remembering the edits", () => {
  const documents = new OpenDocuments();
  documents.open("u", 1, "line one\nline two\n");
  const after = documents.change("u", 2, [
    { range: { start: { line: 1, character: 5 }, end: { line: 1, character: 8 } }, text: "2" },
    { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: "# " },
  ]);
  assert.equal(after?.text, "# line one\nline 2\n");
  assert.equal(after?.version, 2);
  assert.deepEqual(after?.pending, [
    { start: 14, end: 17, text: "2" },
    { start: 0, end: 0, text: "# " },
  ]);
  const replaced = documents.change("u", 3, [{ text: "new" }]);
  assert.equal(replaced?.text, "new");
  assert.deepEqual(replaced?.pending, []);
  assert.equal(replaced?.incremental, false);
  assert.equal(documents.change("missing", 1, [{ text: "x" }]), undefined);
});

// Nesting of any depth parses: below MAX_NESTING without complaint, past it with RSC2016 where the limit is reached, never a tree deeper than four nodes per level.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parse, type Node } from "../../../server/src/syntax";
import { MAX_NESTING } from "../../../server/src/syntax/limits";
import { SkipUntil, skipNestedEnd } from "../../../server/src/syntax/skipNested";
import { childrenOf } from "../../../server/src/syntax/walk";
import { deepScripts } from "../../support/deepScripts";

/** Depth of the deepest node (the script is depth 0), found without recursion. */
function treeDepth(root: Node): number {
  let deepest = 0;
  const stack: [Node, number][] = [[root, 0]];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const [node, depth] = top;
    deepest = Math.max(deepest, depth);
    for (const child of childrenOf(node)) stack.push([child, depth + 1]);
  }
  return deepest;
}

function assertLossless(text: string, tokens: { toArray(): { start: number; end: number }[] }): void {
  let at = 0;
  for (const token of tokens.toArray()) {
    assert.equal(token.start, at, `tokens are contiguous at ${at}`);
    at = token.end;
  }
  assert.equal(at, text.length, "tokens cover the whole text");
}

/** The deepest any tree may be: four nodes per level of nesting (block, command, argument, value), and a little. */
const DEEPEST_TREE = 4 * MAX_NESTING + 4;

describe("nesting below the limit", () => {
  for (const shape of deepScripts(8)) {
    const n = shape.levels === 0 ? 3072 : Math.floor((MAX_NESTING - 3) / shape.levels);
    test(`${shape.name}, ${n} deep: no nesting error`, () => {
      const text = deepScripts(n).find((s) => s.name === shape.name)?.text ?? "";
      const result = parse(text, { strictProgress: true });
      assertLossless(text, result.tokens);
      assert.deepEqual(
        result.diagnostics.filter((d) => d.code === "RSC2016"),
        [],
      );
    });
  }
});

describe("nesting past the limit", () => {
  for (const shape of deepScripts(3072)) {
    // Flat shapes never nest; code in strings nests inside the string, which is parsed when it is analysed or run.
    if (shape.levels === 0 || shape.name.startsWith("code in strings")) continue;
    test(`${shape.name}, 3072 deep: RSC2016 at the limit, a tree no deeper than the limit allows`, () => {
      const result = parse(shape.text, { strictProgress: true });
      assertLossless(shape.text, result.tokens);
      const tooDeep = result.diagnostics.filter((d) => d.code === "RSC2016");
      // Where an earlier error makes the parser skip the rest quietly (`"` where a command must start, a command
      // inside parentheses), that error stands for it; the tree stays as shallow all the same.
      const skippedQuietly = ["strings, open", "parentheses, broken"].includes(shape.name);
      assert.ok(tooDeep.length > 0 || (skippedQuietly && result.diagnostics.length > 0), "RSC2016 reported");
      for (const d of tooDeep) {
        assert.ok(d.start < shape.text.length && d.end > d.start, "on a character of the text");
        assert.match(d.message, new RegExp(`more than ${MAX_NESTING} levels`));
      }
      assert.ok(treeDepth(result.script) <= DEEPEST_TREE, `tree depth ${treeDepth(result.script)}`);
    });
  }
});

describe("the end of what is skipped past the limit", () => {
  const cases: [string, SkipUntil, string][] = [
    // [text with | where the skip starts, mode, text skipped]
    ["|{a}b", SkipUntil.GroupClosed, "{a}"],
    ["|[a [b] c]d", SkipUntil.GroupClosed, "[a [b] c]"],
    ['|("a)" [x])y', SkipUntil.GroupClosed, '("a)" [x])'],
    ['|$["$[:put "]"]" ]x', SkipUntil.GroupClosed, '$["$[:put "]"]" ]'],
    ['|$("\\")")z', SkipUntil.GroupClosed, '$("\\")")'],
    ["|{\n# a } in a comment\n}x", SkipUntil.GroupClosed, "{\n# a } in a comment\n}"],
    ["|{ :put (a#b) }x", SkipUntil.GroupClosed, "{ :put (a#b) }"],
    ["|{ never closed", SkipUntil.GroupClosed, "{ never closed"],
    ["|+ 1 + (2) ] + 3", SkipUntil.UnmatchedCloser, "+ 1 + (2) "],
    ["|+ 1\n+ 2)", SkipUntil.UnmatchedCloser, "+ 1\n+ 2"],
    ["|and b=(1;2) and c\nnext", SkipUntil.LineEnd, "and b=(1;2) and c"],
    ["|and b=1; next", SkipUntil.LineEnd, "and b=1"],
    ["|and b=\\\n  c\nnext", SkipUntil.LineEnd, "and b=\\\n  c"],
  ];
  for (const [marked, until, skipped] of cases) {
    test(JSON.stringify(marked), () => {
      const from = marked.indexOf("|");
      const text = marked.slice(0, from) + marked.slice(from + 1);
      assert.equal(text.slice(from, skipNestedEnd(text, from, until)), skipped);
    });
  }

  test("200,000 open brackets: one linear pass to the end", () => {
    const text = "[".repeat(200_000);
    assert.equal(skipNestedEnd(text, 0, SkipUntil.GroupClosed), text.length);
  });
});

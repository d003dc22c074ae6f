// Did-you-mean: Damerau-Levenshtein distance and the choice and order of suggestions.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { editDistance, joinAlternatives, suggest } from "../../../server/src/schema";

test("editDistance counts insertions, deletions, substitutions and adjacent swaps", () => {
  const table: readonly [string, string, number][] = [
    ["", "", 0],
    ["", "abc", 3],
    ["print", "print", 0],
    ["prnt", "print", 1],
    ["pirnt", "print", 1],
    ["kitten", "sitting", 3],
    ["ca", "ac", 1],
    ["publsih", "publish", 1],
    ["brokers", "broker", 1],
  ];
  for (const [a, b, d] of table) {
    assert.equal(editDistance(a, b), d, `${a} -> ${b}`);
    assert.equal(editDistance(b, a), d, `${b} -> ${a}`);
  }
  assert.equal(editDistance("abcdef", "uvwxyz", 2), 3, "stops past the limit");
});

test("property: distance is symmetric, zero only for equal words, at most the longer length", () => {
  const word = fc.string({ unit: fc.constantFrom("a", "b", "c", "-"), maxLength: 8 });
  fc.assert(
    fc.property(word, word, (a, b) => {
      const d = editDistance(a, b);
      assert.equal(d, editDistance(b, a));
      assert.equal(d === 0, a === b);
      assert.ok(d <= Math.max(a.length, b.length));
    }),
  );
});

test("suggest keeps the nearest candidates, best first", () => {
  const commands = ["add", "edit", "export", "find", "get", "print", "remove", "reset", "set"];
  const table: readonly [string, readonly string[], readonly string[]][] = [
    ["prnt", commands, ["print"]],
    ["pri", commands, ["print"]],
    ["st", commands, ["set"]],
    ["rest", commands, ["reset"]],
    ["remve", commands, ["remove"]],
    ["xyzzy", commands, []],
    ["gte", commands, ["get"]],
    ["publsh", ["publish", "subscribe", "unsubscribe"], ["publish"]],
    ["resourse", ["resource", "routerboard", "reset"], ["resource"]],
    ["print", commands, []],
  ];
  for (const [name, candidates, expected] of table)
    assert.deepEqual(suggest(name, candidates), expected, name);
  assert.deepEqual(suggest("ab", ["abc", "abd", "abe", "abf"], { max: 2 }), ["abc", "abd"]);
  assert.deepEqual(suggest("x", ["y", "z"], { maxDistance: 0 }), []);
});

test("joinAlternatives", () => {
  assert.equal(joinAlternatives([]), "");
  assert.equal(joinAlternatives(["a"]), "a");
  assert.equal(joinAlternatives(["a", "b"]), "a or b");
  assert.equal(joinAlternatives(["a", "b", "c"], "and"), "a, b and c");
});

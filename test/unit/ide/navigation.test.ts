// Go to definition, references and rename at a `|` cursor; expected ranges are marked «like this».
import assert from "node:assert/strict";
import { test } from "node:test";
import { definition, prepareRename, references, rename } from "../../../server/src/ide/navigation";
import { analyzeText, applyEdits, withCursor, withMarkers } from "../../support/cursor";

function checkDefinition(source: string): void {
  const { text, offset, ranges } = withMarkers(source);
  assert.deepEqual(definition(analyzeText(text), offset), ranges, `definition in ${source}`);
}

function checkReferences(source: string): void {
  const { text, offset, ranges } = withMarkers(source);
  assert.deepEqual(references(analyzeText(text), offset, true), ranges, `references in ${source}`);
}

const definitions = [
  ":local «cpu» 1\n:put $cp|u",
  ":global «g» 1\n:if (true) do={ :global «g»; :put $|g }",
  ":foreach «k»,v in={1} do={ :put $|k }",
  ":for «i» from=1 to=2 do={ :put $|i }",
  ":onerror «e» in={ :error x } do={ :put $|e }",
  ':local «"my-var"» 1\n:put $"my-|var"',
  ":global f do={ :put ($«a» + $|a) }",
  ":local x 1\n{ :local «x» 2; :put $|x }",
  ":put $undecl|ared",
  // In code written in a string: the string's own script.
  '/system script add name=s source=":local «cpu» 1\\r\\n:put \\$c|pu"',
];

const referenceCases = [
  ":local «cpu» 1\n:put $«cp|u»\n:set «cpu» 2",
  ':local «name» "x"\n:put "hi $«na|me»"',
  ":local x 1\n{ :local «x» 2; :put $«|x» }\n:put $x",
  ":global «g» 1\n:global «g»\n:put $«|g»",
  ':local «"my-var"» 1\n:put "$\\"«my-|var»\\""',
  // In code written in a string; the outer `cpu` is another variable.
  ':local cpu 0\n/system scheduler add name=t on-event=":local «cpu» 1; :put \\$«c|pu»; :set «cpu» 2"',
];

for (const source of definitions)
  test(`definition: ${JSON.stringify(source)}`, () => checkDefinition(source));
for (const source of referenceCases)
  test(`references: ${JSON.stringify(source)}`, () => checkReferences(source));

interface RenameCase {
  readonly source: string;
  readonly newName: string;
  readonly expected?: string;
  /** A substring of the refusal. */
  readonly error?: string;
}

const renames: readonly RenameCase[] = [
  {
    source: ":local cpu 1\n:put $c|pu\n:set cpu 2",
    newName: "load",
    expected: ":local load 1\n:put $load\n:set load 2",
  },
  { source: ':local n 1\n:put "n=$|n!"', newName: "count", expected: ':local count 1\n:put "n=$count!"' },
  {
    source: ":local cpu 1\n:put $|cpu",
    newName: "cpu load",
    expected: ':local "cpu load" 1\n:put $"cpu load"',
  },
  {
    source: ':local cpu 1\n:put "x $|cpu"',
    newName: "my-cpu",
    expected: ':local "my-cpu" 1\n:put "x $\\"my-cpu\\""',
  },
  {
    source: ':local "my-var" 1\n:put $"my-|var"',
    newName: "plain",
    expected: ':local "plain" 1\n:put $"plain"',
  },
  {
    source: ":global f do={ :return ($a + 1) }\n:put [$f a=|2]\n:put [$f a=3]",
    newName: "x",
    error: "Only variables",
  },
  {
    source: ":global f do={ :return ($|a + 1) }\n:put [$f a=2]",
    newName: "amount",
    expected: ":global f do={ :return ($amount + 1) }\n:put [$f amount=2]",
  },
  {
    source: ":local x 1\n{ :local x 2; :put $|x }\n:put $x",
    newName: "y",
    expected: ":local x 1\n{ :local y 2; :put $y }\n:put $x",
  },
  { source: ":local a 1\n:local b 2\n:put $|a", newName: "b", error: "clash" },
  { source: ":local a 1\n:put $|a", newName: "and", error: "operator keyword" },
  { source: ":local a 1\n:put $|a", newName: "12", error: "unnamed argument" },
  { source: ":local a 1\n:put $|a", newName: 'say"hi', error: "quote" },
  { source: ":foreach k in={1} do={ :put $|k }", newName: "my key", error: "loop counter" },
  {
    source: "/iot mqtt subscriptions add on-message={ :put $msg|Data }",
    newName: "data",
    error: "run context",
  },
  { source: ":global f do={ :put $|1 }", newName: "first", error: "unnamed argument" },
];

for (const c of renames) {
  test(`rename: ${JSON.stringify(c.source)} to ${c.newName}`, () => {
    const { text, offset } = withCursor(c.source);
    const analysis = analyzeText(text);
    const result = rename(analysis, offset, c.newName);
    if (c.error !== undefined) {
      assert.ok("error" in result, `expected a refusal, got edits`);
      assert.ok(result.error.includes(c.error), result.error);
      return;
    }
    assert.ok("edits" in result, "error" in result ? result.error : "");
    assert.equal(applyEdits(text, result.edits), c.expected);
  });
}

test("prepareRename: the name's range and the current name", () => {
  const { text, offset } = withCursor(':local cpu 1\n:put "x $c|pu"');
  const result = prepareRename(analyzeText(text), offset);
  assert.ok(!("error" in result));
  assert.equal(text.slice(result.start, result.end), "cpu");
  assert.equal(result.placeholder, "cpu");
});

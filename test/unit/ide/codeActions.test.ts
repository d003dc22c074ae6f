// Quick fixes at a `|` cursor: the action with the given title, applied, gives the expected text.
import assert from "node:assert/strict";
import { test } from "node:test";
import { codeActions } from "../../../server/src/ide/codeActions";
import { analyzeText, applyEdits, withCursor } from "../../support/cursor";

interface Case {
  readonly source: string;
  readonly title: string;
  readonly expected: string;
}

const PUBLISH_PREFIX = ":local name [/system identity get name]\n";

const cases: readonly Case[] = [
  { source: "/ip route pr|nt", title: "Change to 'print'", expected: "/ip route print" },
  { source: ":foree|ach i in={1} do={}", title: "Change to 'foreach'", expected: ":foreach i in={1} do={}" },
  {
    source: "/iot mqtt publish topic=a message=b ret|ian=yes",
    title: "Change to 'retain'",
    expected: "/iot mqtt publish topic=a message=b retain=yes",
  },
  {
    source: "/system resource get cpu-l|od",
    title: "Change to 'cpu-load'",
    expected: "/system resource get cpu-load",
  },
  {
    source: ":local cpuLoad 1\n:put $cpuL|od",
    title: "Change to 'cpuLoad'",
    expected: ":local cpuLoad 1\n:put $cpuLoad",
  },
  // Abbreviations RouterOS accepts get a hint whose fix writes the full name (IL: `to-address=` is `to-addresses=`).
  {
    source: "/ip firewall nat add chain=srcnat action=masquerade to-add|ress=1.2.3.4",
    title: "Write the full name 'to-addresses'",
    expected: "/ip firewall nat add chain=srcnat action=masquerade to-addresses=1.2.3.4",
  },
  { source: "/log wa|rn x", title: "Write the full name 'warning'", expected: "/log warning x" },
  { source: "/ip dh|cp print", title: "Change to 'dhcp-server'", expected: "/ip dhcp-server print" },
  { source: ":put $|x", title: "Declare 'x' with :local", expected: ":local x\n:put $x" },
  { source: ":put $|x", title: "Declare 'x' with :global", expected: ":global x\n:put $x" },
  { source: "{\n  :put $|x\n}", title: "Declare 'x' with :local", expected: "{\n  :local x\n  :put $x\n}" },
  {
    source: ":if (true) do={ :put $|x }",
    title: "Declare 'x' with :local",
    expected: ":if (true) do={ :local x; :put $x }",
  },
  { source: ":put [:len $|x]", title: "Declare 'x' with :local", expected: ":local x\n:put [:len $x]" },
  {
    source: "/iot mqtt pub|lish broker=b",
    title: "Add missing arguments message= topic=",
    expected: '/iot mqtt publish broker=b message="" topic=""',
  },
  {
    source: "/iot mqtt brokers a|dd name=x",
    title: "Add missing argument address=",
    expected: '/iot mqtt brokers add name=x address=""',
  },
  {
    source: `${PUBLISH_PREFIX}/iot mqtt publish topic=t message="{\\"n\\":$na|me}"`,
    title: 'Quote this value in the JSON (\\"...\\")',
    expected: `${PUBLISH_PREFIX}/iot mqtt publish topic=t message="{\\"n\\":\\"$name\\"}"`,
  },
  {
    source: '/system script add name=s source=":local a 1\\r\\n/syt|em reboot"',
    title: "Change to 'system'",
    expected: '/system script add name=s source=":local a 1\\r\\n/system reboot"',
  },
];

for (const c of cases) {
  test(`code action: ${c.title} in ${JSON.stringify(c.source)}`, () => {
    const { text, offset } = withCursor(c.source);
    const actions = codeActions(analyzeText(text), offset, offset);
    const action = actions.find((a) => a.title === c.title);
    assert.ok(action, `no '${c.title}' among: ${actions.map((a) => a.title).join(" | ")}`);
    assert.equal(applyEdits(text, action.edits), c.expected);
  });
}

test("code actions: nothing to fix, nothing offered", () => {
  const { text, offset } = withCursor(":local x 1\n:put $|x");
  assert.deepEqual(codeActions(analyzeText(text), offset, offset), []);
});

// Completion at a `|` cursor: menus in both path spellings, commands, arguments, values, variables and broker names.
import assert from "node:assert/strict";
import { test } from "node:test";
import { complete } from "../../../server/src/ide/completion";
import type { CompletionEntry } from "../../../server/src/ide/types";
import { analyzeText, withCursor } from "../../support/cursor";

interface Case {
  readonly name: string;
  readonly source: string;
  /** Labels that must be offered. */
  readonly includes?: readonly string[];
  /** Labels that must not be offered. */
  readonly excludes?: readonly string[];
  /** Nothing at all may be offered. */
  readonly empty?: boolean;
  /** The text one item inserts. */
  readonly inserts?: { readonly label: string; readonly text: string };
  /** The text the items replace (from the document), checked on the first item. */
  readonly replaces?: string;
  readonly brokers?: readonly string[];
}

function checkCompletion(c: Case): void {
  const { text, offset } = withCursor(c.source);
  const items = complete(analyzeText(text), offset, { brokerNames: () => c.brokers ?? [] });
  const labels = items.map((i: CompletionEntry) => i.label);
  if (c.empty) assert.deepEqual(labels, [], `${c.name}: expected no items`);
  for (const label of c.includes ?? [])
    assert.ok(labels.includes(label), `${c.name}: missing ${label} in ${labels.join(" ")}`);
  for (const label of c.excludes ?? []) assert.ok(!labels.includes(label), `${c.name}: unexpected ${label}`);
  if (c.inserts) {
    const item = items.find((i) => i.label === c.inserts?.label);
    assert.equal(item?.insertText, c.inserts.text, `${c.name}: insert text of ${c.inserts.label}`);
  }
  if (c.replaces !== undefined) {
    const first = items[0];
    assert.ok(first, `${c.name}: no items`);
    assert.equal(text.slice(first.start, first.end), c.replaces, `${c.name}: replaced text`);
  }
}

const cases: readonly Case[] = [
  // Menus and commands, in both path spellings, absolute and relative.
  {
    name: "sub-menus after a space",
    source: "/iot mqtt |",
    includes: ["brokers", "subscriptions", "publish"],
    excludes: [":put"],
  },
  {
    name: "sub-menus after a slash",
    source: "/iot/mqtt/|",
    includes: ["brokers", "publish"],
    excludes: [":put"],
  },
  { name: "partial command word", source: "/iot mqtt pub|", includes: ["publish"], replaces: "pub" },
  { name: "partial word, slash spelling", source: "/iot/mqtt/bro|", includes: ["brokers"], replaces: "bro" },
  { name: "root menus after /", source: "/|", includes: ["iot", "system", "interface"] },
  { name: "first word of an absolute path", source: "/sys|", includes: ["system"], replaces: "sys" },
  {
    name: "relative to the current menu",
    source: "/iot mqtt brokers\n|",
    includes: ["add", "print", ":put", ":local"],
  },
  {
    name: "relative word after a menu line",
    source: "/iot mqtt brokers\nad|",
    includes: ["add"],
    replaces: "ad",
  },
  { name: "relative path words", source: "/iot\nmqtt |", includes: ["brokers", "publish"] },
  {
    name: "menu of a nested block",
    source: "/iot mqtt brokers\n:if (true) do={ | }",
    includes: ["add", ":put"],
  },
  { name: "absolute paths from inside a menu", source: "/iot mqtt brokers\n|", includes: ["/ip", "/system"] },
  {
    name: "empty script",
    source: "|",
    includes: ["iot", "system", ":put", ":local", ":foreach", ":log"],
    excludes: ["/ip"],
  },
  {
    name: "menu path words insert a trailing space",
    source: "/iot |",
    inserts: { label: "mqtt", text: "mqtt " },
  },
  // Global commands.
  {
    name: "after a colon",
    source: ":|",
    includes: ["put", "local", "global", "foreach", "serialize", "log"],
  },
  { name: "partial global command", source: ":fore|", includes: ["foreach"], replaces: "fore" },
  {
    name: "log topics are commands of the global log menu",
    source: ":log |",
    includes: ["info", "warning", "error", "debug"],
  },
  {
    name: "arguments of a global command",
    source: ":serialize |",
    includes: ["to", "value", "options"],
    inserts: { label: "to", text: "to=" },
  },
  {
    name: "code arguments insert a block",
    source: ":if (true) |",
    inserts: { label: "do", text: "do={ $0 }" },
  },
  // Arguments.
  {
    name: "publish arguments",
    source: "/iot mqtt publish |",
    includes: ["broker", "topic", "message", "qos", "retain", "as-value"],
    inserts: { label: "topic", text: "topic=" },
  },
  {
    name: "given arguments are not offered again",
    source: "/iot mqtt publish topic=a |",
    includes: ["message"],
    excludes: ["topic"],
  },
  { name: "partial argument name", source: "/iot mqtt publish top|", includes: ["topic"], replaces: "top" },
  {
    name: "editing the name of name=value",
    source: "/iot mqtt publish qo|=1",
    inserts: { label: "qos", text: "qos" },
  },
  {
    name: "switches insert no '='",
    source: "/interface print |",
    inserts: { label: "without-paging", text: "without-paging" },
  },
  {
    name: "broker add arguments",
    source: "/iot mqtt brokers add |",
    includes: ["name", "address", "port", "ssl", "keep-alive"],
  },
  {
    name: "get value names",
    source: "/system resource get |",
    includes: ["cpu-load", "uptime", "free-memory", "version"],
  },
  {
    name: "get value names with a prefix",
    source: "/system resource get cpu|",
    includes: ["cpu-load"],
    replaces: "cpu",
  },
  {
    name: "value-name= values",
    source: "/system routerboard get value-name=|",
    includes: ["model", "serial-number"],
  },
  {
    name: "where conditions offer properties",
    source: "/interface print where |",
    includes: ["name", "running", "mtu"],
  },
  // Values.
  { name: "yes/no values", source: "/iot mqtt publish retain=|", includes: ["yes", "no"] },
  { name: "qos 0..2", source: "/iot mqtt publish qos=|", includes: ["0", "1", "2"], excludes: ["3"] },
  { name: "partial value", source: "/iot mqtt brokers add ssl=y|", includes: ["yes"], replaces: "y" },
  { name: ":serialize to=json", source: ":serialize to=|", includes: ["json", "dsv"] },
  { name: ":deserialize from=", source: ":deserialize from=|", includes: ["json"] },
  {
    name: "logging topics after a comma",
    source: "/system logging add topics=info,|",
    includes: ["warning", "script"],
    replaces: "",
  },
  {
    name: "brokers defined in the document",
    source: "/iot mqtt brokers add name=home address=1.2.3.4\n/iot mqtt publish broker=|",
    includes: ["home"],
  },
  {
    name: "brokers sent by the client",
    source: "/iot mqtt publish broker=|",
    includes: ["cloud"],
    brokers: ["cloud"],
  },
  {
    name: "broker names in quotes",
    source: '/iot mqtt publish broker="|"',
    includes: ["my broker"],
    brokers: ["my broker"],
    inserts: { label: "my broker", text: '"my broker"' },
  },
  { name: "variables as values", source: ':local b "x"\n/iot mqtt publish broker=|', includes: ["$b"] },
  // Variables.
  { name: ":set offers variables", source: ":local cpu 1\n:set |", includes: ["cpu", "value"] },
  { name: "variables after $", source: ":local cpu 1\n:global up 2\n:put $|", includes: ["cpu", "up"] },
  { name: "partial variable", source: ":local cpuLoad 1\n:put $cp|", includes: ["cpuLoad"], replaces: "cp" },
  { name: "variables inside strings", source: ':local cpu 1\n:put "load $|"', includes: ["cpu"] },
  { name: "not yet declared", source: ":put $|\n:local later 1", excludes: ["later"] },
  { name: "locals of a closed block are gone", source: "{ :local inner 1 }\n:put $|", excludes: ["inner"] },
  {
    name: "locals of enclosing blocks",
    source: ":local outer 1\n:if (true) do={ :put $| }",
    includes: ["outer"],
  },
  { name: "loop counters", source: ":foreach k,v in={1;2} do={ :put $| }", includes: ["k", "v"] },
  { name: ":for counter", source: ":for i from=1 to=3 do={ :put $| }", includes: ["i"] },
  { name: ":onerror variable", source: ':onerror e in={ :error "x" } do={ :put $| }', includes: ["e"] },
  {
    name: "on-message variables",
    source: "/iot mqtt subscriptions add on-message={ :put $| }",
    includes: ["msgData", "msgTopic"],
  },
  { name: "no on-message variables elsewhere", source: ":put $|", excludes: ["msgData"] },
  {
    name: "outer locals are not visible in a function",
    source: ":local x 1\n:local f do={ :put $| }",
    excludes: ["x"],
  },
  {
    name: "quoted names",
    source: ':local "my-var" 1\n:put $|',
    includes: ["my-var"],
    inserts: { label: "my-var", text: '"my-var"' },
  },
  {
    name: "function parameters at a call",
    source: ":global f do={ :put ($a + $b) }\n$f |",
    includes: ["a", "b"],
    inserts: { label: "a", text: "a=" },
  },
  // Code written in a string: the same items, escaped for the string.
  {
    name: "commands in code written in a string",
    source: '/system scheduler add name=t on-event="/iot mqtt pub|"',
    includes: ["publish"],
    replaces: "pub",
  },
  {
    name: "variables in code written in a string, after an escaped $",
    source: '/system script add name=s source=":local cpu 1\\r\\n:put \\$c|"',
    inserts: { label: "cpu", text: "cpu" },
    replaces: "c",
  },
  {
    name: "quoted names in code written in a string get escaped quotes",
    source: '/system script add name=s source=":local \\"my-var\\" 1; :put \\$|"',
    inserts: { label: "my-var", text: '\\"my-var\\"' },
  },
  // Nothing where nothing fits.
  { name: "inside a comment", source: "# /iot mqtt |", empty: true },
  { name: "inside a string", source: ':put "/iot |"', empty: true },
  { name: "unknown menu", source: "/nosuchmenu |", empty: true },
];

for (const c of cases) test(`completion: ${c.name}`, () => checkCompletion(c));

test("completion never throws on any prefix of a script", () => {
  const script =
    ':local b "x"\n/iot mqtt publish broker=$b topic="a/b" message="{\\"a\\":1}" qos=1\n:foreach i in=[/interface find] do={ :put $i }\n';
  const analysisText = script;
  for (let offset = 0; offset <= analysisText.length; offset++) {
    const prefix = analysisText.slice(0, offset);
    complete(analyzeText(prefix), offset, { brokerNames: () => [] });
    complete(analyzeText(analysisText), offset, { brokerNames: () => [] });
  }
});

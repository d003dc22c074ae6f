// Hover at a `|` cursor: menus, commands, arguments, properties and variables, in Markdown.
import assert from "node:assert/strict";
import { test } from "node:test";
import { hover } from "../../../server/src/ide/hover";
import { analyzeText, withCursor } from "../../support/cursor";

interface Case {
  readonly source: string;
  /** Substrings the Markdown must contain; undefined: no hover at all. */
  readonly contains: readonly string[] | undefined;
  /** The hovered text (the range the hover covers). */
  readonly covers?: string;
}

function checkHover(c: Case): void {
  const { text, offset } = withCursor(c.source);
  const result = hover(analyzeText(text), offset);
  if (c.contains === undefined) {
    assert.equal(result, undefined, `expected no hover at ${c.source}`);
    return;
  }
  assert.ok(result, `expected a hover at ${c.source}`);
  for (const s of c.contains)
    assert.ok(
      result.contents.includes(s),
      `hover of ${c.source} lacks ${JSON.stringify(s)}:\n${result.contents}`,
    );
  if (c.covers !== undefined) assert.equal(text.slice(result.start, result.end), c.covers);
}

const cases: readonly Case[] = [
  // The message of a publish line, built by the interpreter's serializer (manual, :serialize: "1234" → 1234.000000).
  {
    source:
      ':local p {"string"="1234";"number"=1234}\n/iot mqtt pub|lish broker=b topic=t message=[:serialize to=json value=$p]',
    contains: ["Message sent", '{"number":1234,"string":1234.000000}'],
    covers: "publish",
  },
  {
    source:
      "/iot mqtt publish broker=b topic=t mess|age=[:serialize to=json {a=2.2;t=1h} options=json.no-string-conversion]",
    contains: ['{"a":"2.0.0.2","t":"01:00:00"}'],
  },
  {
    source: ':local v "7.1"\n/iot mqtt publish broker=b topic=t mess|age="{\\"ros\\":\\"$v\\"}"',
    contains: ['{"ros":"7.1"}'],
  },
  // A bare message is read as its argument's type, text, as the run sends it (CHR 7.23.3 IL: `comment=200ms` stays
  // 200ms; tikoci/centrs values.json contexts).
  {
    source: "/iot mqtt publish broker=b topic=t mess|age=200ms",
    contains: ["```text\n200ms\n```"],
  },
  {
    source: "/iot mqtt pub|lish broker=b topic=t message=[/system resource get cpu-load]",
    contains: ["/iot/mqtt publish"],
  },
  // Abbreviations: how RouterOS reads them (RouterOS 7.22.1 compiles `to-address=` as `to-addresses=`, `/log warn`
  // as /log/warning).
  {
    source: "/ip firewall nat add chain=srcnat action=src-nat to-add|ress=1.2.3.4",
    contains: ["RouterOS reads `to-address` as `to-addresses`", "**to-addresses**"],
    covers: "to-address",
  },
  { source: "/log wa|rn message=x", contains: ["RouterOS reads `warn` as `warning`"], covers: "warn" },
  { source: "/sy|s script print", contains: ["RouterOS reads `sys` as `system`", "/system"], covers: "sys" },
  { source: "/system scr|ipt print", contains: ["/system/script"], covers: "script" },
  // Values RouterOS reads leniently (IL: `2.2/24` is compiled as 2.0.0.2/24).
  {
    source: "/ip address add interface=ether1 address=2.|2/24",
    contains: ["RouterOS reads `2.2/24` as `2.0.0.2/24`", "**address**"],
    covers: "2.2/24",
  },
  { source: "/io|t mqtt publish", contains: ["/iot**", "mqtt"], covers: "iot" },
  { source: "/iot mq|tt publish", contains: ["/iot/mqtt", "settings menu", "brokers"], covers: "mqtt" },
  { source: "/iot/mqtt/bro|kers", contains: ["/iot/mqtt/brokers", "list menu"] },
  {
    source: "/iot mqtt pub|lish topic=a message=b",
    contains: ["/iot/mqtt publish", "message=", "topic="],
    covers: "publish",
  },
  { source: "/iot mqtt publish q|os=1", contains: ["**qos**", "number 0..2", "default `0`"], covers: "qos" },
  { source: "/iot mqtt publish qos=|1", contains: ["**qos**"], covers: "1" },
  { source: "/iot mqtt publish to|pic=a", contains: ["**topic**", "MQTT topic"] },
  {
    source: "/iot mqtt brokers add keep|-alive=60",
    contains: ["keep-alive", "30..64800", "Since RouterOS 7.11.3"],
  },
  { source: "/iot mqtt brokers add pass|word=x", contains: ["secret"] },
  {
    source: "/system resource get cpu-l|oad",
    contains: ["**cpu-load**", "/system/resource", "read-only"],
    covers: "cpu-load",
  },
  { source: "/system package get value-name=vers|ion [find]", contains: ["**version**"] },
  { source: "/interface print where run|ning", contains: ["**running**"] },
  { source: ":p|ut 1", contains: [":put", "message"] },
  { source: ":lo|g info x", contains: ["/log"] },
  {
    source: ":local cpu [/system resource get cpu-load]\n:put $c|pu",
    contains: ["$cpu: num", "Local variable", "line 1"],
    covers: "$cpu",
  },
  { source: ':local t "a/b"\n:put $|t', contains: ["$t: str", "Value: `a/b`"] },
  // A variable's kind is its bare value's type as the run reads it (CHR 7.23.3, tikoci/centrs values.json: `2.2` ip,
  // `1.256` time, `100000w` str).
  { source: ":local a 2.2\n:put $|a", contains: ["$a: ip"] },
  { source: ":local b 1.256\n:put $|b", contains: ["$b: time"] },
  { source: ":local c 100000w\n:put $|c", contains: ["$c: str"] },
  { source: ":global g 5\n:put $|g", contains: ["Global variable", "declared again"] },
  { source: ":global add do={ :return ($a + $b) }\n:put [$ad|d a=1 b=2]", contains: ["Global function"] },
  { source: ":global add do={ :return ($|a + $b) }", contains: ["Function parameter", "Parameter of `add`"] },
  { source: ":foreach k,v in={1} do={ :put $|v }", contains: ["Loop counter"] },
  { source: "/iot mqtt subscriptions add on-message={ :put $msgD|ata }", contains: ["payload"] },
  // Code written in strings: the same hovers, over the source text (an escape is covered whole).
  {
    source: '/system scheduler add name=t on-event="/iot mqtt pub|lish topic=a message=b"',
    contains: ["/iot/mqtt publish"],
    covers: "publish",
  },
  {
    source: '/system script add name=s source=":local cpu 5\\r\\n:put \\$c|pu"',
    contains: ["$cpu: num", "Local variable"],
    covers: "\\$cpu",
  },
  { source: '/iot mqtt subscriptions add topic=t on-message=":put \\$msgD|ata"', contains: ["payload"] },
  // A string that is not code is a value: its argument is what a hover tells.
  { source: ':put "/iot mqtt pub|lish"', contains: ["**message** of `:put`"], covers: '"/iot mqtt publish"' },
  { source: "# a comm|ent", contains: undefined },
  { source: ":put $unkn|own", contains: ["`$unknown` is not declared here"], covers: "$unknown" },
];

for (const c of cases) test(`hover: ${c.source.replace(/\n/g, "\\n")}`, () => checkHover(c));

// JSON messages: where a message stops being JSON once its variables are substituted (the «marked» span), or that it stays valid.
import assert from "node:assert/strict";
import { test } from "node:test";
import { computeDiagnostics } from "../../../server/src/ide/diagnostics";
import { withMarkers } from "../../support/cursor";

const VARIABLES = [
  ":local name [/system identity get name]",
  ":local cpu [/system resource get cpu-load]",
  ":local up [/system resource get uptime]",
  ":local flag ([/system resource get cpu-load] > 50)",
  ':local model "RB5009"',
  ":local count 3",
  ":local unknown [:pick $name 0 2]",
  ':local joined ("1," . $count)',
  ":local hour 1h",
  ":local dotted 2.2",
  ":local nums {1;2}",
].join("\n");

interface Case {
  /** A publish message (or any RouterOS value after `message=`), with «» around the expected problem, or none. */
  readonly message: string;
  /** Substring of the problem; undefined when the message is valid. */
  readonly problem?: string;
}

const cases: readonly Case[] = [
  // Valid once substituted.
  { message: '"{\\"cpu\\":$cpu,\\"name\\":\\"$name\\",\\"up\\":\\"$up\\"}"' },
  { message: '"{\\"hot\\":$flag,\\"n\\":$count}"' },
  { message: '"{\\"model\\":\\"$model\\"}"' },
  { message: '"[1, 2, {\\"a\\": null}, [true, false], -1.5e3]"' },
  { message: '"{\\"x\\":$unknown}"' },
  { message: '"{\\"cpu\\":$[/system resource get cpu-load]}"' },
  { message: '"{}"' },
  { message: '"{\\"a\\":1,\\\n  \\"b\\":2}"' },
  { message: '("{\\"cpu\\":" . $cpu . ",\\"name\\":\\"" . $name . "\\"}")' },
  { message: '"{\\"data\\":$[:serialize to=json value={a=1}]}"' },
  { message: '"{$[:tostr 1]}"' },
  { message: '"[$joined]"' },
  { message: '"{\\"a\\":\\"caf\\\\u00e9\\"}"' },
  // Constants as the router prints them: the interpreter's value rules and serializer (manual, :serialize).
  { message: '"{\\"t\\":\\"$hour\\",\\"ip\\":\\"$dotted\\"}"' },
  { message: '"{\\"n\\":$[:serialize to=json $nums]}"' },
  { message: '"{\\"t\\":«$hour»}"', problem: '$hour holds "01:00:00"' },
  { message: '"{\\"ip\\":«$dotted»}"', problem: '$dotted holds "2.0.0.2"' },
  // Broken.
  { message: '"{\\"name\\":«$name»}"', problem: "$name is a string" },
  { message: '"{\\"up\\":«$up»}"', problem: "$up is a time" },
  { message: '"{\\"model\\":«$model»}"', problem: '$model holds "RB5009"' },
  { message: '"{\\"a\\":1 «\\"»b\\":2}"', problem: "a comma is missing" },
  { message: '"{\\"a\\":1«,»}"', problem: "trailing comma before '}'" },
  { message: '"[1,2«,»]"', problem: "trailing comma before ']'" },
  { message: '"{\\"m\\":\\"say \\"«h»i\\"\\"}"', problem: 'write \\\\\\" in the RouterOS string' },
  { message: '"«{»\\"a\\":1"', problem: "never closed with '}'" },
  { message: '"{\\"a\\":«t»ru}"', problem: "expected a value, found 'tru'" },
  { message: '"{«a»:1}"', problem: "expected a property name in double quotes" },
  { message: '"{\\"a\\":«0»1}"', problem: "malformed number '01'" },
  { message: '"{\\"a\\":\\"line«\\n»break\\"}"', problem: "a line break inside a string must be escaped" },
  { message: '"{\\"a\\":1}«x»"', problem: "after the end of the JSON value" },
  { message: '("{\\"name\\":" . «$name» . "}")', problem: "$name is a string" },
  { message: '"{\\"a\\":\\"«\\\\»q\\"}"', problem: "invalid escape \\q in a string" },
  { message: '"{\\"a\\":«\\"»x}"', problem: "unterminated string" },
];

for (const c of cases) {
  test(`JSON message ${c.message}`, () => {
    const source = `${VARIABLES}\n/iot mqtt publish topic=t message=${c.message}|`;
    const { text, ranges } = withMarkers(source);
    const json = computeDiagnostics(text).filter((d) => d.code === "RSC3020");
    if (c.problem === undefined) {
      assert.deepEqual(
        json.map((d) => d.message),
        [],
      );
      return;
    }
    assert.equal(json.length, 1, `one JSON problem expected, got: ${json.map((d) => d.message).join(" | ")}`);
    const [d] = json;
    assert.ok(d, "no diagnostic");
    assert.ok(d.message.includes(c.problem), d.message);
    assert.deepEqual({ start: d.start, end: d.end }, ranges[0]);
  });
}

test("strings that only look like JSON at a glance are left alone", () => {
  const text = [
    ':put "[*] Gathering system info..."',
    ':log info "{ not json }"',
    ':put "{$name}"',
    ":local name 1",
  ].join("\n");
  assert.deepEqual(
    computeDiagnostics(text).filter((d) => d.code === "RSC3020"),
    [],
  );
});

// Signature help at a `|` cursor: the command's arguments, with the one being written active.
import assert from "node:assert/strict";
import { test } from "node:test";
import { signatureHelp } from "../../../server/src/ide/signatureHelp";
import { analyzeText, withCursor } from "../../support/cursor";

interface Case {
  readonly source: string;
  /** The start of the signature label; undefined: no signature. */
  readonly label: string | undefined;
  /** The active parameter's text in the label. */
  readonly active?: string;
}

const cases: readonly Case[] = [
  { source: "/iot mqtt publish |", label: "/iot/mqtt publish message=<", active: undefined },
  { source: "/iot mqtt publish qos=|", label: "/iot/mqtt publish", active: "[qos=<number 0..2>]" },
  {
    source: "/iot mqtt publish topic=a/|b",
    label: "/iot/mqtt publish",
    active: "topic=<MQTT topic (no + or #), at most 16384 bytes>",
  },
  { source: ":put |", label: ":put <message", active: "<message: value>" },
  { source: ":foreach i in=$x |", label: ":foreach <counter", active: undefined },
  {
    source: "/system resource get |",
    label: "/system/resource get <value-name",
    active: "<value-name: value>",
  },
  { source: "/iot mqtt pub|lish", label: undefined },
  { source: "# nothing |", label: undefined },
  // Code written in a string.
  {
    source: '/system scheduler add name=t on-event="/iot mqtt publish qos=|"',
    label: "/iot/mqtt publish",
    active: "[qos=<number 0..2>]",
  },
];

for (const c of cases) {
  test(`signature help: ${c.source}`, () => {
    const { text, offset } = withCursor(c.source);
    const result = signatureHelp(analyzeText(text), offset);
    if (c.label === undefined) {
      assert.equal(result, undefined);
      return;
    }
    assert.ok(result, `no signature at ${c.source}`);
    assert.ok(result.label.startsWith(c.label), `label ${result.label}`);
    const active =
      result.activeParameter === undefined ? undefined : result.parameters[result.activeParameter];
    assert.equal(active ? result.label.slice(active.label[0], active.label[1]) : undefined, c.active);
  });
}

// One reader, two contexts: a bare word typed by its shape (`readWord`) and a value read as its argument's type (`readAs`).
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  formatIp4,
  formatTime,
  readAs,
  readWord,
  type ReadValue,
  type ValueType,
} from "../../../server/src/schema";

/** A read value as `type value`, printed as RouterOS prints it; "text" when the text stays text. */
function show(read: ReadValue | undefined): string {
  if (read === undefined) return "text";
  switch (read.type) {
    case "num":
    case "bool":
      return `${read.type} ${read.value}`;
    case "time":
      return `time ${formatTime(read.ns)}`;
    case "ip":
      return `ip ${formatIp4(read.n)}`;
    case "ip-prefix":
      return `ip-prefix ${formatIp4(read.n)}/${read.bits}`;
    case "id":
      return `id *${read.n.toString(16).toUpperCase()}`;
    default:
      return `${read.type} ${read.n.toString(16)}/${"bits" in read ? read.bits : 128}`;
  }
}

// [text, as a bare word, as a time argument, as an ip argument, as a number argument, as an unknown argument]
const table: readonly [string, string, string, string, string, string][] = [
  // CHR 7.23.3 (tikoci/centrs values.json): `2.2` is an address, `interval=2.2` 2.2 s, `comment=2.2` text
  ["2.2", "ip 2.0.0.2", "time 00:00:02.200", "ip 2.0.0.2", "text", "text"],
  ["2.1.1", "ip 2.1.0.1", "text", "ip 2.1.0.1", "text", "text"],
  ["1.256", "time 00:00:01.256", "time 00:00:01.256", "text", "text", "text"],
  ["256.1", "time 00:04:16.100", "time 00:04:16.100", "text", "text", "text"],
  ["1.1.256", "text", "text", "text", "text", "text"],
  ["30", "num 30", "time 00:00:30", "text", "num 30", "num 30"],
  ["200ms", "time 00:00:00.200", "time 00:00:00.200", "text", "text", "time 00:00:00.200"],
  ["00:60:00", "time 01:00:00", "time 01:00:00", "text", "text", "time 01:00:00"],
  ["100000w", "text", "text", "text", "text", "text"],
  ["9223372036854775808", "num 9223372036854775807", "text", "text", "text", "num 9223372036854775807"],
  ["1.1/24", "ip-prefix 1.0.0.1/24", "text", "text", "text", "ip-prefix 1.0.0.1/24"],
  ["yes", "bool true", "text", "text", "text", "bool true"],
  ["-1s", "text", "time -00:00:01", "text", "text", "text"],
  ["0X10", "text", "text", "text", "text", "text"],
  ["*1A", "id *1A", "text", "text", "text", "id *1A"],
  ["ether1", "text", "text", "text", "text", "text"],
];

const CONTEXTS: readonly ValueType[] = ["time", "ip", "number", "unknown"];

for (const [text, word, ...asArgument] of table) {
  test(`${text}: ${word} as a word; ${CONTEXTS.map((c, i) => `${c}: ${asArgument[i]}`).join(", ")}`, () => {
    assert.equal(show(readWord(text)), word);
    CONTEXTS.forEach((context, i) => assert.equal(show(readAs(context, text)), asArgument[i], context));
  });
}

test("a bare IPv6 prefix keeps its network bits; an argument's keeps the address as written", () => {
  const word = readWord("::1/0");
  const argument = readAs("ip6-prefix", "::1/0");
  assert.deepEqual(word, { type: "ip6-prefix", n: 0n, bits: 0 });
  assert.deepEqual(argument, { type: "ip6-prefix", n: 1n, bits: 0 });
});

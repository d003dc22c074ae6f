// Property: the grammar gives a value the same literal class (ip, time, mac...) as the lexer's classifyLiteral.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { classifyLiteral, type LiteralKind } from "../../../server/src/syntax/literals";
import { tokenize } from "./tokenizer";

/** The grammar scope of each literal class, for a value written as `name=<value>`. */
const SCOPE_KIND: readonly [RegExp, LiteralKind][] = [
  [/^constant\.numeric\.integer\./, "number"],
  [/^constant\.language\.boolean\./, "bool"],
  [/^constant\.numeric\.ipv4-prefix\./, "ip-prefix"],
  [/^constant\.numeric\.ipv4\./, "ip"],
  [/^constant\.numeric\.ipv6-prefix\./, "ip6-prefix"],
  [/^constant\.numeric\.ipv6\./, "ip6"],
  [/^constant\.numeric\.mac-address\./, "mac"],
  [/^constant\.numeric\.time\./, "time"],
  [/^constant\.numeric\.id\./, "id"],
  [/^string\.unquoted\./, "word"],
];

/** The literal class the grammar shows for `value`, or a description of why it has none. */
async function grammarKind(value: string): Promise<string> {
  const prefix = "/x set a=";
  const [tokens = []] = await tokenize(prefix + value);
  const valueTokens = tokens.filter((t) => t.start >= prefix.length);
  const [only] = valueTokens;
  if (valueTokens.length !== 1 || only === undefined) {
    return `split into ${JSON.stringify(valueTokens.map((t) => t.text))}`;
  }
  const last = only.scopes[only.scopes.length - 1] ?? "";
  return SCOPE_KIND.find(([scope]) => scope.test(last))?.[1] ?? `unexpected scope ${last}`;
}

const byte = fc.integer({ min: 0, max: 255 });
const hex = (min: number, max: number) => fc.stringMatching(new RegExp(`^[0-9a-fA-F]{${min},${max}}$`));
const ipv4 = fc.tuple(byte, byte, byte, byte).map((b) => b.join("."));
const ipv6Full = fc.array(hex(1, 4), { minLength: 8, maxLength: 8 }).map((g) => g.join(":"));
const ipv6Compressed = fc
  .tuple(fc.array(hex(1, 4), { maxLength: 3 }), fc.array(hex(1, 4), { maxLength: 3 }))
  .map(([head, tail]) => `${head.join(":")}::${tail.join(":")}`);
const ipv6 = fc.oneof(ipv6Full, ipv6Compressed);
const unit = fc.constantFrom(
  "w",
  "week",
  "weeks",
  "d",
  "day",
  "days",
  "h",
  "hour",
  "hours",
  "m",
  "min",
  "mins",
);
const timeUnits = fc
  .array(
    fc.tuple(
      fc.nat(999),
      fc.option(fc.nat(99), { nil: undefined }),
      fc.oneof(unit, fc.constantFrom("s", "ms", "us", "ns")),
    ),
    {
      minLength: 1,
      maxLength: 4,
    },
  )
  .map((parts) => parts.map(([n, frac, u]) => `${n}${frac === undefined ? "" : `.${frac}`}${u}`).join(""));
const two = fc.integer({ min: 0, max: 59 }).map((n) => String(n).padStart(2, "0"));
const timeClock = fc
  .tuple(
    fc.option(fc.nat(52), { nil: undefined }),
    fc.option(fc.nat(6), { nil: undefined }),
    fc.integer({ min: 0, max: 23 }),
    two,
    fc.option(fc.tuple(two, fc.option(fc.nat(999999), { nil: undefined })), { nil: undefined }),
  )
  .map(([w, d, h, m, rest]) => {
    const seconds = rest === undefined ? "" : `:${rest[0]}${rest[1] === undefined ? "" : `.${rest[1]}`}`;
    return `${w === undefined ? "" : `${w}w`}${d === undefined ? "" : `${d}d`}${h}:${m}${seconds}`;
  });

/** Values of every literal class the lexer knows, in the shapes scripts and exports use. */
const literal = fc.oneof(
  fc.nat().map(String),
  fc.nat().map((n) => `-${n}`),
  hex(1, 8).map((h) => `0x${h}`),
  fc.constantFrom("true", "false", "yes", "no"),
  ipv4,
  fc.tuple(ipv4, fc.integer({ min: 0, max: 32 })).map(([ip, bits]) => `${ip}/${bits}`),
  ipv6,
  fc.tuple(ipv6, fc.integer({ min: 0, max: 128 })).map(([ip, bits]) => `${ip}/${bits}`),
  fc
    .tuple(fc.array(hex(2, 2), { minLength: 6, maxLength: 6 }), fc.constantFrom(":", "-"))
    .map(([bytes, sep]) => bytes.join(sep)),
  timeUnits,
  timeClock,
  hex(1, 8).map((h) => `*${h}`),
  fc.stringMatching(/^[a-z][-a-z0-9_.]{0,12}$/).filter((w) => !/[-.]$/.test(w)),
);

test("the grammar and the lexer agree on the literal class of a value", async () => {
  await fc.assert(
    fc.asyncProperty(literal, async (value) => {
      assert.equal(await grammarKind(value), classifyLiteral(value), `value ${JSON.stringify(value)}`);
    }),
    { numRuns: 1500 },
  );
});

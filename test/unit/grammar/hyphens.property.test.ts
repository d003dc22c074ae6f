// Property: a hyphenated name built from keywords (`do-in`, `nil-if-to`) is one token with no keyword scope, in every position.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { tokenize } from "./tokenizer";

/** Words the grammar gives a meaning of their own when they stand alone. */
const KEYWORDS = [
  "do",
  "in",
  "if",
  "to",
  "log",
  "ip",
  "and",
  "or",
  "not",
  "yes",
  "no",
  "true",
  "false",
  "while",
  "for",
  "foreach",
  "local",
  "global",
  "put",
  "set",
  "find",
  "where",
  "on",
  "error",
  "else",
  "from",
  "step",
  "return",
  "break",
  "exit",
  "add",
  "print",
  "get",
  "len",
  "time",
];

/** Scopes that must never appear inside a hyphenated name. */
const FORBIDDEN =
  /^(keyword\.|support\.function\.builtin\.|storage\.type\.|constant\.language\.|constant\.numeric\.)/;

/** Where a name can stand, with `W` for the name and the scope it should get there. */
const PLACES: readonly { readonly template: string; readonly scope: RegExp }[] = [
  { template: ":put W", scope: /^string\.unquoted\./ },
  { template: "/ip firewall filter add W=1", scope: /^entity\.other\.attribute-name\./ },
  { template: "/ip firewall filter add comment=W", scope: /^string\.unquoted\./ },
  { template: ":put (W)", scope: /^variable\.other\.property\./ },
  { template: "/interface print where W=1", scope: /^variable\.other\.property\./ },
  { template: "W", scope: /^entity\.name\.(namespace|function)\./ },
  { template: "/ip W print", scope: /^entity\.name\.namespace\./ },
  { template: ':put "$[:put W]"', scope: /^string\.unquoted\./ },
];

const part = fc.oneof(fc.constantFrom(...KEYWORDS), fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/));
const hyphenated = fc
  .tuple(fc.constantFrom(...KEYWORDS), fc.array(part, { minLength: 1, maxLength: 3 }), fc.nat(3))
  .map(([keyword, rest, at]) => {
    const parts = [...rest];
    parts.splice(at % (parts.length + 1), 0, keyword);
    return parts.join("-");
  });

test("hyphenated names never show a keyword inside them", async () => {
  await fc.assert(
    fc.asyncProperty(hyphenated, fc.constantFrom(...PLACES), async (name, place) => {
      const line = place.template.replace("W", name);
      const start = place.template.indexOf("W");
      const [tokens = []] = await tokenize(line);
      const covering = tokens.filter((t) => t.start < start + name.length && t.start + t.text.length > start);
      const where = `${JSON.stringify(line)} -> ${JSON.stringify(covering)}`;
      assert.equal(covering.length, 1, `the name is split into several tokens: ${where}`);
      const [token] = covering;
      assert.ok(token !== undefined && token.text === name, `the token is not exactly the name: ${where}`);
      const last = token.scopes[token.scopes.length - 1] ?? "";
      assert.match(last, place.scope, `wrong scope: ${where}`);
      const bad = token.scopes.filter((s) => FORBIDDEN.test(s));
      assert.deepEqual(bad, [], `keyword scope inside a hyphenated name: ${where}`);
    }),
    { numRuns: 400 },
  );
});

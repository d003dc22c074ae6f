// The first error RouterOS reports comes first, in RouterOS's words; run-time errors before it are warnings.
import assert from "node:assert/strict";
import { test } from "node:test";
import { computeDiagnostics } from "../../../server/src/ide/diagnostics";
import { LineIndex } from "../../../server/src/syntax";

/** `L:C severity CODE`, then RouterOS's part of the message (the trailing parenthesis), if any. */
function render(source: string): string[] {
  const lines = new LineIndex(source);
  return computeDiagnostics(source).map((d) => {
    const at = lines.positionAt(d.start);
    const note = /\((RouterOS[^()]*|code in a string[^()]*)\)$/.exec(d.message)?.[1];
    return `${at.line + 1}:${at.character + 1} ${d.severity} ${d.code}${note ? ` | ${note}` : ""}`;
  });
}

// Each source: the rule, and where RouterOS's behaviour was seen (the parse oracle: RouterOS 7.22.1's `:parse`
// verdicts on forum scripts, tikoci/lsp-routeros-ts test-data).
const CASES: readonly { rule: string; source: string; expected: readonly string[] }[] = [
  {
    rule: "after a menu, RouterOS wanted a command name (oracle: `/ip/socks> print` fails at `>`)",
    source: "/ip/socks> print\n",
    expected: ["1:10 error RSC2014 | RouterOS: expected command name"],
  },
  {
    rule: "after a word it does not know, a syntax error (oracle: `[admin@MikroTik] >` fails at `@`)",
    source: "[admin@MikroTik] > /ip address print\n",
    expected: [
      "1:2 warning RSC3001 | RouterOS stops at the syntax error at line 1 column 7 first, before this line runs",
      "1:7 error RSC2014 | RouterOS: syntax error",
    ],
  },
  {
    rule: "after a command it knows, the end of the command (oracle: `tostr: ;c` fails at `:`)",
    source: "tostr: ;c\n",
    expected: ["1:6 error RSC2014 | RouterOS: expected end of command", "1:9 error RSC3001"],
  },
  {
    rule: "our message already in RouterOS's words: nothing added (oracle: `:local name($i->7)` fails at `(`)",
    source: ":local i {1}\n:local name($i->0)\n",
    expected: ["2:12 error RSC2004"],
  },
  {
    rule: "a bad command name before the syntax error is a warning: RouterOS stops at the syntax error first",
    source: ":put 1\nfrom x\n:put (1 @ 2)\nfrom y\n",
    expected: [
      "2:1 warning RSC3001 | RouterOS stops at the syntax error at line 3 column 9 first, before this line runs",
      "3:9 error RSC2011 | RouterOS: syntax error",
      "4:1 error RSC3001",
    ],
  },
  {
    rule: "without a syntax error, a bad command name stays an error (oracle: `bad command name 65413`)",
    source: ":put 1\n65413\n",
    expected: ["2:1 error RSC3001"],
  },
  {
    rule: "an unknown argument stops RouterOS (oracle: `/ip address add name=x` fails at `name`)",
    source: "/iot mqtt publish topic=a message=b retian=yes\n",
    expected: ["1:37 error RSC3002 | RouterOS: expected end of command"],
  },
  {
    rule: '`:set` of an undeclared variable stops RouterOS (oracle: `{ :set msg "asdf" }` fails at `msg`)',
    source: '{ :set msg "asdf" }\n',
    expected: ["1:8 error RSC3010 | RouterOS: syntax error"],
  },
  {
    rule: "code in a string is read only when it runs: its errors are warnings of this script",
    source: '/system script add name=x source=":put (1"\n',
    expected: ["1:42 warning RSC2003 | code in a string: RouterOS reads it only when it runs it"],
  },
];

for (const { rule, source, expected } of CASES) {
  test(`RouterOS verdict: ${rule}`, () => {
    assert.deepEqual(render(source), expected);
  });
}

// The `~` operator: POSIX extended regular expressions as RouterOS has them, matched in linear time (RE2), and what RE2 cannot do reported at the statement.
import assert from "node:assert/strict";
import { test } from "node:test";
import { createBasicHost, Interpreter, SourceText } from "../../../server/src/interpreter";

/** [subject, pattern (as the script's string holds it), expected]; sources in the comments. */
const MATCHES: readonly [subject: string, pattern: string, expected: boolean][] = [
  // POSIX bracket expressions and classes (https://pubs.opengroup.org/onlinepubs/9699919799/basedefs/V1_chap09.html)
  ["abc123", "[[:digit:]]{3}", true],
  ["abc12", "^[[:alpha:]]+[[:digit:]]{3}$", false],
  ["a_b", "^[[:word:]]+$", true],
  ["x y", "[[:space:]]", true],
  ["]", "[]]", true],
  ["-", "[a-]", true],
  ["b", "[^a]", true],
  ["\n", "[^a]", true],
  // A backslash is an ordinary character inside brackets (router: ("a"~"[\\D]") is false; behaviour case 087)
  ["a", "[\\D]", false],
  ["\\", "[\\D]", true],
  ["D", "[\\w]", false],
  // GNU escapes outside brackets keep their meaning (router: ("a"~"\\w") and ("a"~"\\D") are true; case 087)
  ["a", "\\w", true],
  ["a", "\\D", true],
  ["1", "\\D", false],
  ["hello world", "\\<world\\>", true],
  ["helloworld", "\\<world", false],
  // Escaped punctuation is literal; an escaped letter without a meaning is the letter (as before)
  ["a.b", "a\\.b", true],
  ["axb", "a\\.b", false],
  ["q", "\\q", true],
  ["a/b", "a\\/b", true],
  // POSIX without REG_NEWLINE: a newline is an ordinary character, `.` matches it (regcomp, REG_NEWLINE)
  ["a\nb", "a.b", true],
  ["a\rb", "a.b", true],
  // Anchors, alternation, intervals
  ["routeros", "^routeros|^system", true],
  ["ether1", "^ether[0-9]+$", true],
  ["wlan1", "^ether", false],
  ["aaa", "^a{2,3}$", true],
  ["a{", "a{", true],
  // Bytes above 0x7f are single characters (strings are bytes: "é" is two)
  ["caf\u00c3\u00a9", "caf.{2}$", true],
  ["caf\u00c3\u00a9", "caf.$", false],
  // A Perl group `(?...` is no POSIX ERE: no match, not an error (amm0's router transcript, forum.mikrotik.com/t/
  // regex-format-in-conditional-dns-forwarding/176872/12); bracket repetition as in posts 9 and 25 of that thread
  ["test-01.ad.localdomain", "^(?![\\w]*[-][\\d]{2})(.*[\\.]?ad\\.localdomain)$", false],
  ["a", "(?=a)", false],
  ["aaa", "[a]{4}", false],
  ["a1com", "a[.]com", false],
  // Catastrophic for a backtracking engine, linear here
  [`${"a".repeat(5000)}b`, "^(a+)+$", false],
  [`${"a".repeat(5000)}`, "^(a|aa)+$", true],
  [`${"x".repeat(20_000)}`, "(x+x+)+y", false],
];

for (const [subject, pattern, expected] of MATCHES) {
  test(`${JSON.stringify(subject.length > 40 ? `${subject.slice(0, 20)}…(${subject.length})` : subject)} ~ ${JSON.stringify(pattern)} is ${expected}`, async () => {
    // The subject and the pattern as the script's variables: their bytes as they are, without script escaping.
    const outcome = await new Interpreter(createBasicHost()).run(
      new SourceText("re.rsc", ":return ($s ~ $p)"),
      {
        variables: [
          ["s", subject],
          ["p", pattern],
        ],
      },
    );
    assert.deepEqual(outcome.status === "ok" ? outcome.value : outcome, expected);
  });
}

/** [script, code, message start]: what a pattern RE2 cannot run, or a bad one, reports, at the statement. */
const FAILURES: readonly [script: string, code: string, message: string][] = [
  [
    ':put 1\n:put ("abab" ~ "(ab)\\\\1")',
    "RSC4003",
    "the back-reference \\1 in regex (ab)\\1 cannot be matched: the simulator matches regular expressions in linear time (RE2)",
  ],
  [':put 1\n:put ("a" ~ "a{1001}")', "RSC4001", 'invalid regular expression "a{1001}"'],
  [':put 1\n:put ("a" ~ "[[:nope:]]")', "RSC4001", "invalid character class in regex [[:nope:]]"],
];

for (const [script, code, message] of FAILURES) {
  test(`${code}: ${JSON.stringify(script)}`, async () => {
    const outcome = await new Interpreter(createBasicHost()).run(new SourceText("f.rsc", script));
    assert.equal(outcome.status, "error", JSON.stringify(outcome));
    const failure = outcome.status === "error" ? outcome.failures[0] : undefined;
    assert.equal(failure?.code, code);
    assert.ok(failure?.message.startsWith(message), failure?.message);
    assert.equal(failure?.line, 2, "the failing statement's line");
  });
}

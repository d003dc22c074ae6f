// Redaction as a table: URL credentials, key=value pairs, JSON fields, PEM private keys, and literal secrets in any encoding.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Worker } from "node:worker_threads";
import { SecretRedactor, redactText } from "../../../client/src/mqtt/redact";

const CASES: Array<[input: string, expected: string, secrets?: string[]]> = [
  ["mqtt://router:hunter2@10.0.0.1:1883", "mqtt://router:***@10.0.0.1:1883"],
  ["mqtts://u:p%40ss@h and mqtt://v:x@h2", "mqtts://u:***@h and mqtt://v:***@h2"],
  ["mqtt://host:1883/no/credentials", "mqtt://host:1883/no/credentials"],
  ["password=abc123 user=bob", "password=*** user=bob"],
  ["Password: 'x y z' next", "Password: '***' next"],
  ['{"username":"bob","password":"p\\"w"}', '{"username":"bob","password":"***"}'],
  ["passphrase=k3y;other=1", "passphrase=***;other=1"],
  ["pwd:abc", "pwd:***"],
  [
    "key:\n-----BEGIN EC PRIVATE KEY-----\nMHcCAQEE\n-----END EC PRIVATE KEY-----\nafter",
    "key:\n[private key redacted]\nafter",
  ],
  ["-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIF...truncated", "[private key redacted]"],
  ["login failed for s3cr3t-P@ss", "login failed for ***", ["s3cr3t-P@ss"]],
  ["encoded s3cr3t-P%40ss here", "encoded *** here", ["s3cr3t-P@ss"]],
  ['json "q\\"uote"', 'json "***"', ['q"uote']],
  ["ab stays", "ab stays", ["ab"]],
  // Credentials without `://`: a mistyped URL, a CLI `NAME=URL` spec, a quoted value.
  ["user:Secret@host:1", "user:***@host:1"],
  ["--broker b=user:Secret@host:1", "--broker b=user:***@host:1"],
  ["mqtt//user:Secret@host:1 and mqtt:/u:pw@h", "mqtt//user:***@host:1 and mqtt:/u:***@h"],
  ['URL "bob:pa$$@10.0.0.1"', 'URL "bob:***@10.0.0.1"'],
  ['{"url":"mqtt://u:p\'w"x@h"}', '{"url":"mqtt://u:***@h"}'],
  ["mqtt://:only-password@h", "mqtt://:***@h"],
  // No password: left alone.
  ["bob@example.com at 12:30", "bob@example.com at 12:30"],
  ['{"time":"12:30","by":"me@x"}', '{"time":"12:30","by":"me@x"}'],
  ["http://x.com/path?email=a@b.com", "http://x.com/path?email=a@b.com"],
  ["user:@host", "user:@host"],
];

test("redactText removes secrets by pattern and by value", () => {
  for (const [input, expected, secrets] of CASES) {
    assert.equal(redactText(input, secrets), expected, input);
  }
});

/**
 * Inputs built to make a backtracking pattern quadratic or worse. The URL pattern this file replaced took 1.7 s on
 * 80 KB of "a." and minutes on 1 MB. Each input is redacted in a worker thread, so the test's timeout can fire while
 * a pattern is stuck (a stuck pattern blocks its own thread); the assertions check the result, not the time.
 */
const ADVERSARIAL: Array<[what: string, input: string, expected: string]> = [
  ["a scheme that never comes", "a.".repeat(500_000), "a.".repeat(500_000)],
  ["a long scheme", `${"a.".repeat(500_000)}://u:pw@h`, `${"a.".repeat(500_000)}://u:***@h`],
  ["a word of colons", `${"a:".repeat(500_000)}@h`, `a:***@h`],
  ["a word of at signs", `u:${"@".repeat(1_000_000)}h`, `u:***@h`],
  ["schemes without credentials", "x://a ".repeat(200_000), "x://a ".repeat(200_000)],
  [
    "an unclosed quoted password",
    `password="${"x ".repeat(500_000)}`,
    `password="***"${" x".repeat(499_999)} `,
  ],
  ["private keys without an end", "-----BEGIN PRIVATE KEY-----".repeat(40_000), "[private key redacted]"],
];

/** `redactText(input)` in a worker thread that does not keep the process alive. */
function redactInWorker(input: string): Promise<string> {
  const worker = new Worker(
    `const { parentPort, workerData } = require("node:worker_threads");
     parentPort.postMessage(require(workerData.module).redactText(workerData.input));`,
    { eval: true, workerData: { module: require.resolve("../../../client/src/mqtt/redact"), input } },
  );
  worker.unref();
  return new Promise((resolve, reject) => {
    worker.once("message", (text: string) => resolve(text));
    worker.once("error", reject);
  });
}

for (const [what, input, expected] of ADVERSARIAL) {
  test(`redaction stays linear on adversarial input: ${what} (1 MB)`, { timeout: 20_000 }, async () => {
    assert.ok(input.length >= 1_000_000, `${input.length} characters`);
    assert.equal(await redactInWorker(input), expected);
  });
}

test("SecretRedactor remembers every secret it was given", () => {
  const r = new SecretRedactor();
  r.add("first-secret");
  r.add(undefined);
  r.add("");
  r.add("second-secret");
  assert.equal(r.redact("a first-secret b second-secret c"), "a *** b *** c");
});

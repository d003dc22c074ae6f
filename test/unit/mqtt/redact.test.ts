// Redaction as a table: URL credentials, key=value pairs, JSON fields, PEM private keys, and literal secrets in any encoding.
import { test } from "node:test";
import assert from "node:assert/strict";
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
];

test("redactText removes secrets by pattern and by value", () => {
  for (const [input, expected, secrets] of CASES) {
    assert.equal(redactText(input, secrets), expected, input);
  }
});

test("SecretRedactor remembers every secret it was given", () => {
  const r = new SecretRedactor();
  r.add("first-secret");
  r.add(undefined);
  r.add("");
  r.add("second-secret");
  assert.equal(r.redact("a first-secret b second-secret c"), "a *** b *** c");
});

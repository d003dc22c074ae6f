// Settings entries to profiles and back: RouterOS names and defaults, typed or RouterOS-text values, schema-checked values, TLS extras, secrets found in settings, unknown keys.
import { test } from "node:test";
import assert from "node:assert/strict";
import { profileToSettings, settingsToProfile } from "../../../client/src/brokers/brokerSettings";
import { validateBrokerProfile } from "../../../client/src/brokers/profileValidation";
import { makeBrokerProfile, type BrokerProfile } from "../../../client/src/mqtt";

const W = "user settings, entry 1";

const READ_CASES: Array<{
  title: string;
  raw: unknown;
  profile?: Partial<BrokerProfile> | "none";
  problems?: string[];
  secrets?: Record<string, string>;
}> = [
  { title: "minimal", raw: { name: "home", address: "10.0.0.1" }, profile: {} },
  {
    title: "typed values",
    raw: { name: "home", address: "10.0.0.1", port: 8883, ssl: true, "keep-alive": 120, "will-qos": 2 },
    profile: { port: 8883, ssl: true, keepAlive: 120, willQos: 2 },
  },
  {
    title: "RouterOS text values",
    raw: {
      name: "home",
      address: "10.0.0.1",
      port: "8883",
      ssl: "yes",
      "auto-connect": "no",
      "parallel-scripts-limit": "off",
    },
    profile: { port: 8883, ssl: true, autoConnect: false, parallelScriptsLimit: "off" },
  },
  {
    title: "parallel-scripts-limit as a number",
    raw: { name: "home", address: "10.0.0.1", "parallel-scripts-limit": 20 },
    profile: { parallelScriptsLimit: 20 },
  },
  {
    title: "TLS extras and MQTT 5",
    raw: {
      name: "home",
      address: "10.0.0.1",
      ssl: true,
      "mqtt-version": "5",
      tls: {
        "ca-file": "/c/ca.pem",
        "verify-server": false,
        "certificate-file": "/c/c.pem",
        "key-file": "/c/k.pem",
        "server-name": "broker.lan",
      },
    },
    profile: {
      ssl: true,
      protocolVersion: 5,
      tls: {
        caFile: "/c/ca.pem",
        verifyServer: false,
        certFile: "/c/c.pem",
        keyFile: "/c/k.pem",
        servername: "broker.lan",
      },
    },
  },
  {
    title: "values the schema refuses keep their defaults and are reported",
    raw: { name: "home", address: "10.0.0.1", port: 70000, "keep-alive": 5, "will-qos": 3 },
    profile: {},
    problems: [
      `${W}: port must be between 0 and 65535 (got 70000)`,
      `${W}: keep-alive must be between 30 and 64800 (got 5)`,
      `${W}: will-qos must be 0, 1 or 2 (got 3)`,
    ],
  },
  {
    title: "wrong JSON types",
    raw: { name: "home", address: "10.0.0.1", ssl: 1, port: true, username: 5 },
    profile: {},
    problems: [
      `${W}: port must be a number`,
      `${W}: ssl must be true or false`,
      `${W}: username must be a string`,
    ],
  },
  {
    title: "missing address",
    raw: { name: "home" },
    profile: { address: "" },
    problems: [`${W}: address is required`],
  },
  {
    title: "missing name gives no profile",
    raw: { address: "10.0.0.1" },
    profile: "none",
    problems: [`${W}: name is required`],
  },
  {
    title: "not an object",
    raw: "home",
    profile: "none",
    problems: [`${W} is not an object with name and address`],
  },
  {
    title: "unknown keys with a suggestion",
    raw: { name: "home", address: "10.0.0.1", prot: 1, tls: { "ca-flie": "x" } },
    profile: {},
    problems: [
      `${W}: unknown setting "prot"; did you mean "port"?`,
      `${W}: unknown TLS setting "ca-flie"; did you mean "ca-file"?`,
    ],
  },
  {
    title: "secrets written into settings are picked up to be moved",
    raw: { name: "home", address: "10.0.0.1", password: "hunter22", passphrase: "keypass" },
    profile: {},
    secrets: { password: "hunter22", passphrase: "keypass" },
  },
  {
    title: "a client certificate without its key",
    raw: { name: "home", address: "10.0.0.1", tls: { "certificate-file": "/c/c.pem" } },
    profile: { tls: { verifyServer: true, certFile: "/c/c.pem" } },
    problems: [`${W}: a client certificate file needs its key file (tls.key-file)`],
  },
  {
    title: "bad mqtt-version",
    raw: { name: "home", address: "10.0.0.1", "mqtt-version": "3" },
    profile: {},
    problems: [`${W}: mqtt-version must be "3.1.1" or "5"`],
  },
];

for (const c of READ_CASES) {
  test(`settings to profile: ${c.title}`, () => {
    const result = settingsToProfile(c.raw, W);
    if (c.profile === "none") assert.equal(result.profile, undefined);
    else
      assert.deepEqual(
        result.profile,
        makeBrokerProfile({ name: "home", address: "10.0.0.1", ...c.profile }),
      );
    assert.deepEqual(
      result.problems.map((p) => p.message),
      c.problems ?? [],
    );
    assert.deepEqual(result.plaintextSecrets, c.secrets ?? {});
  });
}

const WRITE_CASES: Array<[title: string, fields: Partial<BrokerProfile>, expected: Record<string, unknown>]> =
  [
    ["defaults are left out", {}, { name: "home", address: "10.0.0.1" }],
    [
      "non-defaults are written with RouterOS names",
      {
        port: 8883,
        ssl: true,
        clientId: "r1",
        autoConnect: true,
        parallelScriptsLimit: 5,
        willTopic: "s",
        willRetain: true,
      },
      {
        name: "home",
        address: "10.0.0.1",
        port: 8883,
        ssl: true,
        "client-id": "r1",
        "auto-connect": true,
        "parallel-scripts-limit": 5,
        "will-topic": "s",
        "will-retain": true,
      },
    ],
    [
      "TLS extras under tls, verify-server only when off",
      { tls: { verifyServer: false, caFile: "/ca.pem" }, protocolVersion: 5 },
      {
        name: "home",
        address: "10.0.0.1",
        "mqtt-version": "5",
        tls: { "ca-file": "/ca.pem", "verify-server": false },
      },
    ],
  ];

for (const [title, fields, expected] of WRITE_CASES) {
  test(`profile to settings: ${title}, and back`, () => {
    const profile = makeBrokerProfile({ name: "home", address: "10.0.0.1", ...fields });
    const written = profileToSettings(profile);
    assert.deepEqual(written, expected);
    const back = settingsToProfile(JSON.parse(JSON.stringify(written)), W);
    assert.deepEqual(back.problems, []);
    assert.deepEqual(back.profile, profile);
  });
}

test("profile to settings keeps unknown keys of the previous entry and drops secrets", () => {
  const profile = makeBrokerProfile({ name: "home", address: "10.0.0.1" });
  const written = profileToSettings(profile, {
    name: "old",
    address: "x",
    comment: "lab",
    password: "leak",
    port: 1,
  });
  assert.deepEqual(written, { name: "home", address: "10.0.0.1", comment: "lab" });
});

test("the profile validator reports each bad property through the schema", () => {
  const profile = makeBrokerProfile({ name: "", address: "not a host!", keepAlive: 5, willTopic: "a/#" });
  assert.deepEqual(
    validateBrokerProfile(profile).map((p) => p.property),
    ["name", "address", "keep-alive", "will-topic"],
  );
  assert.deepEqual(validateBrokerProfile(makeBrokerProfile({ name: "ok", address: "10.0.0.1" })), []);
});

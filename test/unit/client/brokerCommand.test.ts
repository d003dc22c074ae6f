// "Copy as RouterOS command": profile to `/iot mqtt brokers add ...`, defaults left out, password only when asked, and the line imports back to the same profile.
import { test } from "node:test";
import assert from "node:assert/strict";
import { brokerAddCommand, brokersExport } from "../../../client/src/brokers/brokerCommand";
import { findBrokersInScript } from "../../../client/src/brokers/importBrokers";
import { makeBrokerProfile, type BrokerProfile } from "../../../client/src/mqtt";

const CASES: Array<
  [title: string, fields: Partial<BrokerProfile>, password: string | undefined, expected: string]
> = [
  ["defaults only", {}, undefined, "/iot mqtt brokers add name=home address=192.168.88.10"],
  [
    "non-default properties in RouterOS order",
    { port: 8883, ssl: true, certificate: "aws.crt", clientId: "router1", keepAlive: 120, autoConnect: true },
    undefined,
    "/iot mqtt brokers add name=home address=192.168.88.10 port=8883 ssl=yes certificate=aws.crt client-id=router1 keep-alive=120 auto-connect=yes",
  ],
  [
    "username without password",
    { username: "alice" },
    undefined,
    "/iot mqtt brokers add name=home address=192.168.88.10 username=alice",
  ],
  [
    "password when asked, quoted and escaped",
    { username: "alice" },
    'p"a$s\\',
    '/iot mqtt brokers add name=home address=192.168.88.10 username=alice password="p\\"a\\$s\\\\"',
  ],
  [
    "last will",
    { willTopic: "routers/home/status", willMessage: "offline", willQos: 1, willRetain: true },
    undefined,
    '/iot mqtt brokers add name=home address=192.168.88.10 will-topic="routers/home/status" will-message=offline will-qos=1 will-retain=yes',
  ],
  [
    "parallel-scripts-limit",
    { parallelScriptsLimit: 10 },
    undefined,
    "/iot mqtt brokers add name=home address=192.168.88.10 parallel-scripts-limit=10",
  ],
  [
    "editor-only TLS settings are not router properties",
    { ssl: true, tls: { verifyServer: false, caFile: "/tmp/ca.pem" }, protocolVersion: 5 },
    undefined,
    "/iot mqtt brokers add name=home address=192.168.88.10 ssl=yes",
  ],
  [
    "a name with a space",
    { name: "lab broker" },
    undefined,
    '/iot mqtt brokers add name="lab broker" address=192.168.88.10',
  ],
];

for (const [title, fields, password, expected] of CASES) {
  test(`copy as command: ${title}`, () => {
    const profile = makeBrokerProfile({ name: "home", address: "192.168.88.10", ...fields });
    const line = brokerAddCommand(profile, password !== undefined ? { password } : {});
    assert.equal(line, expected);
    const scan = findBrokersInScript(line);
    const found = scan.brokers[0];
    assert.deepEqual(found?.problems, []);
    assert.equal(found?.password, password);
    const routerOnly = { ...profile, tls: { verifyServer: true }, protocolVersion: 4 };
    assert.deepEqual(found?.profile, routerOnly);
  });
}

test("export style: menu line then one add per broker", () => {
  const text = brokersExport(
    [
      makeBrokerProfile({ name: "a", address: "10.0.0.1" }),
      makeBrokerProfile({ name: "b", address: "10.0.0.2", port: 1884 }),
    ],
    new Map([["b", "secret"]]),
  );
  assert.equal(
    text,
    "/iot mqtt brokers\nadd name=a address=10.0.0.1\nadd name=b address=10.0.0.2 port=1884 password=secret\n",
  );
  assert.deepEqual(
    findBrokersInScript(text).brokers.map((b) => [b.profile?.name, b.profile?.port, b.password]),
    [
      ["a", 1883, undefined],
      ["b", 1884, "secret"],
    ],
  );
});

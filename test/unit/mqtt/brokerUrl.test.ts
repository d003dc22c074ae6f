// CLI broker URLs as tables: what parses into which profile, and which URLs fail with which sentence (never showing the password).
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseBrokerUrl } from "../../../client/src/mqtt/brokerUrl";
import { MqttError } from "../../../client/src/mqtt/errors";

const VALID: Array<[url: string, expected: Record<string, unknown>, password?: string]> = [
  [
    "mqtt://192.168.88.1",
    { name: "192.168.88.1:1883", address: "192.168.88.1", port: 1883, ssl: false, username: "" },
  ],
  ["mqtt://broker.lan:1884/", { address: "broker.lan", port: 1884 }],
  ["mqtts://broker.lan", { port: 8883, ssl: true }],
  ["MQTTS://Broker.LAN:9883", { address: "broker.lan", port: 9883, ssl: true }],
  ["mqtt://[::1]:1883", { address: "::1", name: "::1:1883" }],
  ["mqtt://router:s3cret@10.0.0.2", { username: "router", address: "10.0.0.2" }, "s3cret"],
  ["mqtt://us%40er:p%40ss%3Aword@h", { username: "us@er" }, "p@ss:word"],
  ["mqtt://token-only@h", { username: "token-only" }],
  [
    "mqtt://h?client-id=editor-1&keep-alive=120&auto-connect=yes",
    { clientId: "editor-1", keepAlive: 120, autoConnect: true },
  ],
  ["mqtt://h?protocol-version=5", { protocolVersion: 5 }],
  [
    "mqtts://h?ca=/etc/ca.pem&cert=c.pem&key=k.pem&verify=no&servername=broker.example",
    {
      tls: {
        caFile: "/etc/ca.pem",
        certFile: "c.pem",
        keyFile: "k.pem",
        verifyServer: false,
        servername: "broker.example",
      },
    },
  ],
];

test("valid broker URLs become profiles, with the password kept apart", async () => {
  for (const [url, expected, password] of VALID) {
    const parsed = parseBrokerUrl(url);
    for (const [key, value] of Object.entries(expected)) {
      assert.deepEqual((parsed.profile as unknown as Record<string, unknown>)[key], value, `${url}: ${key}`);
    }
    assert.equal(parsed.password, password, url);
    assert.equal(await parsed.secrets.getPassword(parsed.profile.name), password);
    assert.ok(!JSON.stringify(parsed.profile).includes(password ?? "\u0000"), "password inside the profile");
  }
  assert.equal(parseBrokerUrl("mqtt://h", { name: "lab" }).profile.name, "lab");
});

const INVALID: Array<[url: string, message: RegExp]> = [
  ["192.168.88.1:1883", /must start with mqtt:\/\/ or mqtts:\/\//],
  ["http://h", /unsupported scheme "http:\/\/"/],
  ["ws://h", /does not speak MQTT over WebSocket/],
  ["mqtt://", /no host|not a valid URL/],
  ["mqtt://h:99999", /not a valid URL/],
  ["mqtt://h:0", /port 0/],
  ["mqtt://h/some/path", /unexpected path "\/some\/path"/],
  ["mqtt://h#frag", /unexpected fragment/],
  ["mqtt://h?keep-alive=soon", /keep-alive must be a whole number, got "soon"/],
  ["mqtt://h?verify=maybe", /verify must be yes or no/],
  ["mqtt://h?protocol-version=3", /protocol-version must be 4/],
  ["mqtt://h?colour=blue", /unknown parameter "colour"; known: client-id/],
  ["mqtt://h?ca=x.pem", /need mqtts:\/\//],
  ["mqtt://u:bad%zzpass@h", /bad %-escape/],
];

test("bad broker URLs fail with what is wrong, and never echo the password", () => {
  for (const [url, message] of INVALID) {
    assert.throws(
      () => parseBrokerUrl(url),
      (e: unknown) => e instanceof MqttError && e.kind === "invalid-url" && message.test(e.message),
      url,
    );
  }
  const leaky = [
    "mqtt://u:TopSecret99@h:99999",
    "mqtt://u:TopSecret99@h/path",
    "mqtt://u:Top/Secret99@h",
    "mqtt://u:TopSecret99@",
  ];
  for (const url of leaky) {
    try {
      parseBrokerUrl(url);
      assert.fail(`${url} parsed`);
    } catch (e) {
      assert.ok(e instanceof MqttError, String(e));
      assert.ok(!/TopSecret99|Top\/Secret99/.test(e.message), e.message);
      assert.ok(e.message.includes("u:***@"), e.message);
    }
  }
});

// Value validation for every value type: accepted literals, rejected ones, and the wording of the messages.
import assert from "node:assert/strict";
import { test } from "node:test";
import { getSchema, validateValue, type ValueTarget } from "../../../server/src/schema";

/** A real argument `menu command arg`, or an inline spec for types whose real arguments are rare. */
type Target = string | ValueTarget;

/** undefined: accepted; a string: the exact error message; a RegExp: error message pattern; `warning:` prefix: a warning. */
type Expect = undefined | string | RegExp | { warning: RegExp };

const cases: readonly [Target, string, Expect][] = [
  // numbers and ranges
  ["iot/mqtt publish qos", "0", undefined],
  ["iot/mqtt publish qos", "2", undefined],
  ["iot/mqtt publish qos", "3", "qos must be 0, 1 or 2 (got 3)"],
  ["iot/mqtt publish qos", "-1", "qos must be 0, 1 or 2 (got -1)"],
  ["iot/mqtt publish qos", "high", "qos must be 0, 1 or 2 (got high)"],
  ["iot/mqtt/brokers add keep-alive", "60", undefined],
  ["iot/mqtt/brokers add keep-alive", "29", "keep-alive must be between 30 and 64800 (got 29)"],
  ["iot/mqtt/brokers add keep-alive", "64801", "keep-alive must be between 30 and 64800 (got 64801)"],
  ["iot/mqtt/brokers add port", "8883", undefined],
  ["iot/mqtt/brokers add port", "0x22B3", undefined],
  ["iot/mqtt/brokers add port", "70000", "port must be between 0 and 65535 (got 70000)"],
  ["iot/mqtt/brokers add port", "1883.5", "port must be between 0 and 65535 (got 1883.5)"],
  ["iot/mqtt/brokers add parallel-scripts-limit", "off", undefined],
  ["iot/mqtt/brokers add parallel-scripts-limit", "3", undefined],
  ["iot/mqtt/brokers add parallel-scripts-limit", "1000", undefined],
  [
    "iot/mqtt/brokers add parallel-scripts-limit",
    "2",
    "parallel-scripts-limit must be between 3 and 1000 or off (got 2)",
  ],
  [
    "iot/mqtt/brokers add parallel-scripts-limit",
    "on",
    "parallel-scripts-limit must be between 3 and 1000 or off (got on)",
  ],
  [
    { name: "count", type: "number" },
    "99999999999999999999",
    "count must be a whole number (got 99999999999999999999)",
  ],
  [{ name: "count", type: "number" }, "-12", undefined],
  // yes/no
  ["iot/mqtt publish retain", "yes", undefined],
  ["iot/mqtt publish retain", "no", undefined],
  ["iot/mqtt publish retain", "true", undefined],
  ["iot/mqtt publish retain", "false", undefined],
  ["iot/mqtt publish retain", "maybe", "retain must be yes or no (got maybe)"],
  ["iot/mqtt publish retain", "", "retain must be yes or no (got an empty value)"],
  // enums, single and comma lists
  [" resolve type", "ipv4", undefined],
  [" resolve type", "ipv5", "type must be any, any6, ipv4 or ipv6 (got ipv5); did you mean ipv4?"],
  ["certificate add key-usage", "tls-server,tls-client", undefined],
  ["certificate add key-usage", "", undefined],
  [
    "certificate add key-usage",
    "tls-server,tls-clent",
    /"tls-clent" is not one of them; did you mean tls-client\?$/,
  ],
  ["certificate add key-usage", "tls-server,", /an empty element is not one of them/],
  [
    { name: "mode", type: "enum", enumValues: Array.from({ length: 20 }, (_, i) => `m${i}`) },
    "x",
    /\.\.\. \(20 values\)/,
  ],
  // time syntax and ranges
  [" delay delay-time", "1d2h3m4s", undefined],
  [" delay delay-time", "00:01:30", undefined],
  [" delay delay-time", "1w2d03:04:05.5", undefined],
  [" delay delay-time", "200ms", undefined],
  [" delay delay-time", "30", undefined],
  [" delay delay-time", "1.5h", undefined],
  [" delay delay-time", "00:61:00", undefined],
  [
    " delay delay-time",
    "00:100:00",
    /^delay-time must be a time such as 30s, 1m30s or 00:01:30 \(got 00:100:00\)$/,
  ],
  [
    "system/scheduler add interval",
    "100000w",
    "interval must be at most 15250w1d23:47:16.854775807, the longest time RouterOS holds (got 100000w)",
  ],
  [" delay delay-time", "5 s", 'delay-time must be a time such as 30s, 1m30s or 00:01:30 (got "5 s")'],
  [" delay delay-time", "8w", "delay-time must be between 0s and 7w17h2m47s (got 8w)"],
  [" delay delay-time", "soon", { warning: /^delay-time must be a time/ }],
  ["iot/mqtt/subscriptions monitor-data interval", "10ms", "interval must be between 20ms and 5s (got 10ms)"],
  ["iot/mqtt/subscriptions monitor-data interval", "00:00:00.020", undefined],
  ["ip/address print interval", "100ms", "interval must be at least 200ms (got 100ms)"],
  ["ip/address print interval", "1w", undefined],
  ["interface/gre add keepalive", "10s,10", undefined],
  ["interface/gre add keepalive", "10s", undefined],
  [
    "interface/gre add keepalive",
    "10s,x",
    /keepalive must be a time such as 10s or 10s,10 \(interval,count\)/,
  ],
  // addresses
  [{ name: "gateway", type: "ip" }, "192.168.88.1", undefined],
  [{ name: "gateway", type: "ip" }, "10.0.0.1,10.0.0.2", undefined],
  [
    { name: "gateway", type: "ip" },
    "256.1.1.1",
    "gateway must be an IPv4 address such as 192.168.88.1 (got 256.1.1.1)",
  ],
  [{ name: "gateway", type: "ip" }, "router", { warning: /^gateway must be an IPv4 address/ }],
  [{ name: "dst", type: "ip-prefix" }, "10.0.0.0/8", undefined],
  [{ name: "dst", type: "ip-prefix" }, "10.0.0.1", undefined],
  [{ name: "dst", type: "ip-prefix" }, "10.0.0.0/33", /^dst must be an IPv4 address or prefix/],
  [{ name: "range", type: "ip-range" }, "10.0.0.1-10.0.0.9", undefined],
  [{ name: "range", type: "ip-range" }, "10.0.0.0/255.255.255.0", undefined],
  [
    { name: "range", type: "ip-range" },
    "10.0.0.9-10.0.0.1",
    /^range must be an IPv4 address, range or prefix/,
  ],
  [{ name: "addr6", type: "ip6" }, "2001:db8::1", undefined],
  [{ name: "addr6", type: "ip6" }, "::ffff:192.0.2.1", undefined],
  [{ name: "addr6", type: "ip6" }, "2001:db8:::1", /^addr6 must be an IPv6 address such as 2001:db8::1/],
  [{ name: "net6", type: "ip6-prefix" }, "2001:db8::/32", undefined],
  [{ name: "net6", type: "ip6-prefix" }, "2001:db8::/129", /^net6 must be an IPv6 address or prefix/],
  ["interface/bonding add forced-mac-address", "00:0C:42:12:34:56", undefined],
  ["interface/bonding add forced-mac-address", "00-0C-42-12-34-56", undefined],
  ["interface/bonding add forced-mac-address", "000C.4212.3456", undefined],
  ["interface/bonding add forced-mac-address", "00:0C:42:12:34", /^forced-mac-address must be a MAC address/],
  ["iot/mqtt/brokers add address", "broker.example.com", undefined],
  ["iot/mqtt/brokers add address", "192.168.88.33", undefined],
  ["iot/mqtt/brokers add address", "2001:db8::10", undefined],
  [
    "iot/mqtt/brokers add address",
    "mqtt://broker",
    "address must be a host name or an IP address (got mqtt://broker)",
  ],
  // strings: length, hex, MQTT topics
  ["iot/mqtt publish message", "x".repeat(32768), undefined],
  ["iot/mqtt publish message", "x".repeat(32769), "message must be at most 32768 bytes long (got 32769)"],
  [" toarray delimiter", "", "delimiter must be at least 1 bytes long (got 0)"],
  [" toarray delimiter", "é,é", "delimiter must be at most 3 bytes long (got 5)"],
  [{ name: "key", type: "string", format: "hex" }, "DEADbeef01", undefined],
  [
    { name: "key", type: "string", format: "hex" },
    "xyz",
    "key must be hexadecimal digits (0-9, a-f) (got xyz)",
  ],
  ["iot/mqtt publish topic", "devices/router1/telemetry", undefined],
  [
    "iot/mqtt publish topic",
    "a/+/b",
    'topic must not contain the wildcards + or # (they are only for subscribing) (got "a/+/b")',
  ],
  ["iot/mqtt publish topic", "a/#", /^topic must not contain the wildcards/],
  ["iot/mqtt publish topic", "", "topic must not be empty"],
  ["iot/mqtt subscribe topic", "a/+/b/#", undefined],
  ["iot/mqtt subscribe topic", "#", undefined],
  ["iot/mqtt subscribe topic", "a/#/b", 'topic may use # only as the whole last level (a/b/#) (got "a/#/b")'],
  ["iot/mqtt subscribe topic", "a/b+", 'topic may use + only as a whole level (a/+/c) (got "a/b+")'],
  // dates, broker names, types without rules
  [{ name: "date", type: "date" }, "2024-02-29", undefined],
  [{ name: "date", type: "date" }, "apr/13/2023", undefined],
  [{ name: "date", type: "date" }, "2023-05-22 16:57:00", undefined],
  [{ name: "date", type: "date" }, "2023-02-29", "date must be a date such as 2024-01-31 (got 2023-02-29)"],
  ["iot/mqtt publish broker", "AWS", undefined],
  ["iot/mqtt publish broker", "", "broker must name a broker of /iot/mqtt/brokers (got an empty value)"],
  ["iot/mqtt/subscriptions add on-message", "{:log info $msgData}", undefined],
  ["iot/mqtt publish as-value", "anything", undefined],
  ["ip/address set numbers", "0,1,2", undefined],
  [" put message", "whatever", undefined],
];

function resolveTarget(target: Target): ValueTarget {
  if (typeof target !== "string") return target;
  const [menu = "", command = "", arg = ""] = target.split(" ");
  const info = getSchema().command(menu, command)?.arg(arg);
  assert.ok(info, `no argument ${target}`);
  return info;
}

for (const [target, value, expected] of cases) {
  const label = typeof target === "string" ? target.trim() : `${target.type} ${target.name}`;
  test(`validate ${label} = ${JSON.stringify(value.length > 30 ? `${value.slice(0, 12)}...(${value.length})` : value)}`, () => {
    const problem = validateValue(resolveTarget(target), value);
    if (expected === undefined) {
      assert.equal(problem, undefined);
    } else if (typeof expected === "string") {
      assert.deepEqual(problem, { message: expected, severity: "error" });
    } else if (expected instanceof RegExp) {
      assert.equal(problem?.severity, "error");
      assert.match(problem.message, expected);
    } else {
      assert.equal(problem?.severity, "warning");
      assert.match(problem.message, expected.warning);
    }
  });
}

test("every typed argument of the tree accepts its own default value", () => {
  const schema = getSchema();
  let checked = 0;
  for (const path of schema.menuPaths()) {
    for (const name of schema.menu(path)?.commands ?? []) {
      for (const arg of schema.command(path, name)?.args ?? []) {
        if (arg.default === undefined) continue;
        assert.equal(validateValue(arg, arg.default), undefined, `/${[...path, name].join("/")} ${arg.name}`);
        checked++;
      }
    }
  }
  assert.ok(checked >= 20, `checked ${checked} defaults`);
});

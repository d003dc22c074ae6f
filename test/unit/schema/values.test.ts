// Literal parsers: RouterOS times (exact nanoseconds, canonical printing), integers, addresses, dates, MQTT topics.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import {
  formatDuration,
  formatTime,
  isDateTime,
  isHost,
  isIp4Prefix,
  isIp4Range,
  isIp6,
  isIp6Prefix,
  isMac,
  parseDate,
  parseInteger,
  parseIp4,
  parseTime,
  topicFilterProblem,
  topicNameProblem,
} from "../../../server/src/schema";

const S = 1_000_000_000n;

test("parseTime: accepted forms, in nanoseconds", () => {
  const table: readonly [string, bigint][] = [
    ["1d2h3m4s", (86400n + 7200n + 180n + 4n) * S],
    ["00:01:30", 90n * S],
    ["01:30", 5400n * S],
    ["1w2d03:04:05.5", (9n * 86400n + 3n * 3600n + 4n * 60n + 5n) * S + S / 2n],
    ["2d11:00:12", (2n * 86400n + 11n * 3600n + 12n) * S],
    ["200ms", 200_000_000n],
    ["30", 30n * S],
    ["1.5", 1_500_000_000n],
    ["0s", 0n],
    ["1.5h", 5400n * S],
    ["0.1day1.2s", 8640n * S + 1_200_000_000n],
    ["3days", 3n * 86400n * S],
    ["2weeks", 2n * 604800n * S],
    ["5min", 300n * S],
    ["1hour", 3600n * S],
    ["10us", 10_000n],
    ["7ns", 7n],
    ["7w17h2m47s295ms", 4_294_967_295_000_000n],
    ["00:00:00.481891543", 481_891_543n],
    [
      "2735w1d21:41:43.481891543",
      ((2735n * 7n + 1n) * 86400n + 21n * 3600n + 41n * 60n + 43n) * S + 481_891_543n,
    ],
    ["-1s", -S],
    ["-00:00:01", -S],
    // repeated units add up, clock fields carry over (CHR 7.23.3, tikoci/centrs values.json timeOrdering, colonTime)
    ["1m1m", 120n * S],
    ["1ms1s", 1_001_000_000n],
    ["00:60:00", 3600n * S],
    ["00:00:60", 60n * S],
    ["15250w1d23:47:16.854775807", 2n ** 63n - 1n],
    ["9223372036s", 9_223_372_036n * S],
  ];
  for (const [text, ns] of table) assert.equal(parseTime(text), ns, text);
});

test("parseTime: rejected forms", () => {
  for (const text of [
    "",
    "-",
    "s",
    "1x",
    "1 s",
    "1s2",
    "00:100:00",
    "1:2:3:4",
    // past 2^63-1 ns (CHR 7.23.3: `15251w`, `106752d`, `9223372037s` are no time)
    "15251w",
    "106752d",
    "9223372037s",
    "99999999999999999999s",
    "abc",
    "1..2s",
    "--1s",
    "1d-2h",
    "0x10",
  ])
    assert.equal(parseTime(text), undefined, JSON.stringify(text));
});

test("formatTime and formatDuration print the router's forms", () => {
  const table: readonly [bigint, string, string][] = [
    [0n, "00:00:00", "0s"],
    [200_000_000n, "00:00:00.200", "200ms"],
    [5_003_000_000n, "00:00:05.003", "5s3ms"],
    [(2n * 86400n + 11n * 3600n + 12n) * S, "2d11:00:12", "2d11h12s"],
    [(9n * 86400n + 3n * 3600n + 4n * 60n + 5n) * S + S / 2n, "1w2d03:04:05.500", "1w2d3h4m5s500ms"],
    [1_500n, "00:00:00.000001500", "1us500ns"],
    [2_000n, "00:00:00.000002", "2us"],
    [-S, "-00:00:01", "-1s"],
  ];
  for (const [ns, canonical, compact] of table) {
    assert.equal(formatTime(ns), canonical);
    assert.equal(formatDuration(ns), compact);
  }
});

test("property: printing a time and parsing it back gives the same nanoseconds", () => {
  fc.assert(
    fc.property(fc.bigInt({ min: -(2n ** 62n), max: 2n ** 62n }), (ns) => {
      assert.equal(parseTime(formatTime(ns)), ns);
      assert.equal(parseTime(formatDuration(ns)), ns);
    }),
    { numRuns: 2000 },
  );
});

test("parseInteger: decimal and hex, 64-bit signed", () => {
  const table: readonly [string, bigint | undefined][] = [
    ["0", 0n],
    ["-5", -5n],
    ["1883", 1883n],
    ["0x1F", 31n],
    ["-0x10", -16n],
    ["9223372036854775807", 2n ** 63n - 1n],
    ["9223372036854775808", undefined],
    ["-9223372036854775808", -(2n ** 63n)],
    ["1.5", undefined],
    ["1e3", undefined],
    ["", undefined],
    ["+1", undefined],
    ["0x", undefined],
  ];
  for (const [text, value] of table) assert.equal(parseInteger(text), value, text);
});

test("parseInteger saturating: a number word past 64 bits stops at ±(2^63-1) (CHR 7.23.3)", () => {
  const table: readonly [string, bigint | undefined][] = [
    ["9223372036854775808", 2n ** 63n - 1n],
    ["-9223372036854775808", -(2n ** 63n - 1n)],
    ["99999999999999999999", 2n ** 63n - 1n],
    ["0x7fffffffffffffff", 2n ** 63n - 1n],
    ["007", 7n],
    ["0X10", undefined],
  ];
  for (const [text, value] of table) assert.equal(parseInteger(text, "saturate"), value, text);
});

test("address syntax", () => {
  const table: readonly [(text: string) => boolean, string, boolean][] = [
    [(t) => parseIp4(t) !== undefined, "0.0.0.0", true],
    [(t) => parseIp4(t) !== undefined, "255.255.255.255", true],
    [(t) => parseIp4(t) !== undefined, "1.2.3", false],
    [(t) => parseIp4(t) !== undefined, "1.2.3.256", false],
    [isIp4Prefix, "192.168.0.0/16", true],
    [isIp4Prefix, "192.168.0.0/", false],
    [isIp4Range, "10.0.0.1-10.0.0.1", true],
    [isIp4Range, "10.0.0.0/255.255.0.0", true],
    [isIp4Range, "10.0.0.0-", false],
    [isIp6, "::", true],
    [isIp6, "::1", true],
    [isIp6, "fe80::1:2:3:4", true],
    [isIp6, "1:2:3:4:5:6:7:8", true],
    [isIp6, "1:2:3:4:5:6:7:8:9", false],
    [isIp6, "1:2:3:4:5:6:1.2.3.4", true],
    [isIp6, "12345::1", false],
    [isIp6, "1::2::3", false],
    [isIp6Prefix, "::/0", true],
    [isIp6Prefix, "2001:db8::/64", true],
    [isMac, "00:0c:42:AB:cd:EF", true],
    [isMac, "000C4212ABCD", true],
    [isMac, "00:0C:42:12:34:5G", false],
    [isHost, "mqtt.eclipseprojects.io", true],
    [isHost, "my_broker", true],
    [isHost, "-bad.example", false],
    [isHost, "a..b", false],
    [isHost, "", false],
  ];
  for (const [check, text, ok] of table) assert.equal(check(text), ok, text);
  assert.equal(parseIp4("192.168.88.1"), 0xc0a85801);
});

test("dates: ISO since 7.10, mmm/dd/yyyy before", () => {
  assert.deepEqual(parseDate("2023-04-13"), { year: 2023, month: 4, day: 13 });
  assert.deepEqual(parseDate("Apr/13/2023"), { year: 2023, month: 4, day: 13 });
  for (const bad of ["2023-13-01", "2023-04-31", "foo/13/2023", "13/04/2023", "2023-4-13"])
    assert.equal(parseDate(bad), undefined, bad);
  assert.equal(isDateTime("2023-05-22 16:57:00"), true);
  assert.equal(isDateTime("2023-05-22T16:57"), true);
  assert.equal(isDateTime("2023-05-22 4pm"), false);
});

test("MQTT topic names and filters", () => {
  const table: readonly [string, string | undefined, string | undefined][] = [
    // topic, problem as a name (publish), problem as a filter (subscribe)
    ["a/b/c", undefined, undefined],
    ["/leading/slash", undefined, undefined],
    ["a/+/c", "must not contain the wildcards + or # (they are only for subscribing)", undefined],
    ["#", "must not contain the wildcards + or # (they are only for subscribing)", undefined],
    [
      "a/#/c",
      "must not contain the wildcards + or # (they are only for subscribing)",
      "may use # only as the whole last level (a/b/#)",
    ],
    [
      "a/b#",
      "must not contain the wildcards + or # (they are only for subscribing)",
      "may use # only as the whole last level (a/b/#)",
    ],
    [
      "a/+b",
      "must not contain the wildcards + or # (they are only for subscribing)",
      "may use + only as a whole level (a/+/c)",
    ],
    ["", "must not be empty", "must not be empty"],
    ["a\u0000b", "must not contain a NUL character", "must not contain a NUL character"],
  ];
  for (const [topic, asName, asFilter] of table) {
    assert.equal(topicNameProblem(topic), asName, topic);
    assert.equal(topicFilterProblem(topic), asFilter, topic);
  }
});

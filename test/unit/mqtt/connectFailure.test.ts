// Classification of connect failures as a table of the errors Node and the `mqtt` package really produce.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ErrorWithReasonCode } from "mqtt";
import { makeBrokerProfile } from "../../../client/src/mqtt/brokerProfile";
import { describeConnectFailure } from "../../../client/src/mqtt/connectFailure";
import type { MqttErrorKind } from "../../../client/src/mqtt/errors";

const errno = (code: string, message = `connect ${code}`): Error =>
  Object.assign(new Error(message), { code });

const CASES: Array<
  [what: string, error: unknown, ssl: boolean, kind: MqttErrorKind, message: RegExp, transient: boolean]
> = [
  [
    "refused",
    errno("ECONNREFUSED"),
    false,
    "connection-refused",
    /connection refused by broker\.lan:1883 \(broker "b"\)/,
    true,
  ],
  ["no route", errno("EHOSTUNREACH"), false, "host-unreachable", /host broker\.lan is unreachable/, true],
  ["no network", errno("ENETUNREACH"), false, "host-unreachable", /ENETUNREACH/, true],
  [
    "unknown name",
    errno("ENOTFOUND", "getaddrinfo ENOTFOUND broker.lan"),
    false,
    "dns",
    /DNS: the host name "broker\.lan" of broker "b" was not found/,
    true,
  ],
  ["no dns server", errno("EAI_AGAIN"), false, "dns", /failed for now; is a DNS server reachable/, true],
  ["os timeout", errno("ETIMEDOUT"), false, "timeout", /no answer from broker\.lan:1883/, true],
  [
    "reset",
    errno("ECONNRESET"),
    false,
    "closed-before-connack",
    /closed the connection before accepting it; is this an MQTT port/,
    true,
  ],
  [
    "connack timeout",
    new Error("connack timeout"),
    false,
    "timeout",
    /did not accept the connection\. If this port expects TLS, set ssl=yes/,
    true,
  ],
  [
    "v3 bad password",
    new ErrorWithReasonCode("Connection refused: Bad username or password", 4),
    false,
    "auth",
    /refused the login: bad username or password/,
    false,
  ],
  [
    "v3 not authorised",
    new ErrorWithReasonCode("Connection refused: Not authorized", 5),
    false,
    "auth",
    /refused the login: not authorized/,
    false,
  ],
  [
    "v5 bad password",
    new ErrorWithReasonCode("Connection refused: Bad User Name or Password", 134),
    false,
    "auth",
    /bad user name or password/,
    false,
  ],
  [
    "v3 protocol",
    new ErrorWithReasonCode("x", 1),
    false,
    "broker-rejected",
    /does not accept MQTT 3\.1\.1/,
    false,
  ],
  [
    "v3 client id",
    new ErrorWithReasonCode("x", 2),
    false,
    "broker-rejected",
    /rejected the client id "r1-editor"/,
    false,
  ],
  ["v3 unavailable", new ErrorWithReasonCode("x", 3), false, "broker-rejected", /server unavailable/, true],
  [
    "v5 banned",
    new ErrorWithReasonCode("x", 138),
    false,
    "broker-rejected",
    /refused the connection: banned/,
    false,
  ],
  [
    "not TLS",
    errno("ERR_SSL_WRONG_VERSION_NUMBER", "ssl3_get_record:wrong version number"),
    true,
    "tls-handshake",
    /port does not speak TLS/,
    false,
  ],
  [
    "client cert needed",
    errno("ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED", "tlsv13 alert certificate required"),
    true,
    "tls-handshake",
    /asks for a client certificate/,
    false,
  ],
  [
    "client cert refused",
    errno("ERR_SSL_TLSV1_ALERT_UNKNOWN_CA", "tlsv1 alert unknown ca"),
    true,
    "tls-handshake",
    /refused the client certificate/,
    false,
  ],
  [
    "other",
    new Error("something odd"),
    false,
    "unknown",
    /connecting to broker "b" \(mqtt:\/\/broker\.lan:1883\) failed: something odd/,
    true,
  ],
];

test("connect failures get a kind, a sentence and a retry policy", async () => {
  for (const [what, error, ssl, kind, message, transient] of CASES) {
    const profile = makeBrokerProfile({
      name: "b",
      address: "broker.lan",
      ssl,
      clientId: "r1-editor",
      username: ssl ? "" : "u",
    });
    const got = await describeConnectFailure(error, {
      profile,
      secrets: [],
      now: new Date(),
      probe: () => Promise.resolve(undefined),
    });
    assert.equal(got.kind, kind, `${what}: ${got.message}`);
    assert.match(got.message, message, what);
    assert.equal(got.transient, transient, what);
    assert.equal(got.broker, "b");
  }
});

test("a TLS verification error without a probe result still names the problem", async () => {
  const profile = makeBrokerProfile({ name: "b", address: "broker.lan", ssl: true });
  const cases: Array<[code: string, kind: MqttErrorKind]> = [
    ["CERT_HAS_EXPIRED", "tls-expired"],
    ["CERT_NOT_YET_VALID", "tls-not-yet-valid"],
    ["UNABLE_TO_VERIFY_LEAF_SIGNATURE", "tls-untrusted"],
    ["DEPTH_ZERO_SELF_SIGNED_CERT", "tls-untrusted"],
    ["ERR_TLS_CERT_ALTNAME_INVALID", "tls-hostname"],
  ];
  for (const [code, kind] of cases) {
    const got = await describeConnectFailure(errno(code), {
      profile,
      secrets: [],
      now: new Date(),
      probe: () => Promise.resolve(undefined),
    });
    assert.equal(got.kind, kind, code);
    assert.match(got.message, /^TLS: .*broker "b" \(mqtts:\/\/broker\.lan:1883\)/, got.message);
  }
});

test("secrets inside a library's error text are removed", async () => {
  const profile = makeBrokerProfile({ name: "b", address: "h" });
  const got = await describeConnectFailure(
    new Error("failed for mqtt://u:Sup3rSecret@h with password=Sup3rSecret"),
    {
      profile,
      secrets: ["Sup3rSecret"],
      now: new Date(),
    },
  );
  assert.ok(!got.message.includes("Sup3rSecret"), got.message);
});

// State descriptions for the brokers view and the CLI, and the event emitter that carries them (a throwing listener must not silence the others).
import { test } from "node:test";
import assert from "node:assert/strict";
import { describeState, type ConnectionState } from "../../../client/src/mqtt/connectionState";
import { Emitter } from "../../../client/src/mqtt/emitter";
import { MqttError } from "../../../client/src/mqtt/errors";

test("each state reads as one line", () => {
  const now = 1_000_000;
  const refused = new MqttError("connection-refused", 'connection refused by 10.0.0.1:1883 (broker "r1")');
  const cases: Array<[ConnectionState, string]> = [
    [{ status: "disconnected" }, "disconnected"],
    [{ status: "connecting", attempt: 1 }, "connecting"],
    [{ status: "connecting", attempt: 4 }, "connecting (attempt 4)"],
    [{ status: "connected", since: now, clientId: "editor-1" }, "connected as editor-1"],
    [
      { status: "reconnecting", attempt: 3, nextTryAt: now + 4200, lastError: refused },
      'reconnecting (attempt 3, next try in 5 s): connection refused by 10.0.0.1:1883 (broker "r1")',
    ],
    [{ status: "error", reason: refused.message, error: refused }, `error: ${refused.message}`],
  ];
  for (const [state, text] of cases) assert.equal(describeState(state, now), text);
  assert.deepEqual(JSON.parse(JSON.stringify({ status: "error", error: refused })), {
    status: "error",
    error: { kind: "connection-refused", message: refused.message },
  });
});

test("emitter: listeners get every event, a throwing one is reported and skipped, dispose unsubscribes", () => {
  const reported: unknown[] = [];
  const emitter = new Emitter<[number]>((e) => reported.push(e));
  const seen: number[] = [];
  emitter.event(() => {
    throw new Error("bad listener");
  });
  const subscription = emitter.event((n) => seen.push(n));
  emitter.fire(1);
  subscription.dispose();
  emitter.fire(2);
  assert.deepEqual(seen, [1]);
  assert.equal(reported.length, 2);
  assert.equal(emitter.listenerCount, 1);
});

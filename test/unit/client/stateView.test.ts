// Broker state presentation: icon, contextValue driving menus, short text per state, and the status bar summary; plus MRU topic history.
import { test } from "node:test";
import assert from "node:assert/strict";
import { invalidView, stateView, statusBarText } from "../../../client/src/brokers/stateView";
import { rememberRecent, storedList } from "../../../client/src/messages/topicHistory";
import { MqttError, type ConnectionState } from "../../../client/src/mqtt";

const refused = new MqttError("connection-refused", 'nothing listens on 127.0.0.1:1 (broker "x")');
const STATES: Array<[state: ConnectionState, icon: string, contextValue: string, short: string]> = [
  [{ status: "disconnected" }, "debug-disconnect", "broker.disconnected", ""],
  [{ status: "connecting", attempt: 1 }, "sync~spin", "broker.connecting", "connecting"],
  [{ status: "connecting", attempt: 3 }, "sync~spin", "broker.connecting", "connecting (attempt 3)"],
  [{ status: "connected", since: 0, clientId: "rsc-1" }, "pass-filled", "broker.connected", "connected"],
  [
    { status: "reconnecting", attempt: 2, nextTryAt: 5000, lastError: refused },
    "sync~spin",
    "broker.reconnecting",
    "reconnecting (attempt 2)",
  ],
  [
    { status: "error", reason: refused.message, error: refused },
    "error",
    "broker.error",
    "error: connection-refused",
  ],
];
for (const [state, icon, contextValue, short] of STATES) {
  test(`state view of ${contextValue} ${short}`, () => {
    const view = stateView(state, 1000);
    assert.deepEqual([view.icon, view.contextValue, view.short], [icon, contextValue, short]);
    if (state.status === "error") assert.match(view.sentence, /nothing listens/);
    if (state.status === "reconnecting") assert.match(view.sentence, /next try in 4 s/);
  });
}

test("invalid settings view", () => {
  assert.deepEqual(
    [invalidView(["a", "b"]).contextValue, invalidView(["a", "b"]).sentence],
    ["broker.invalid", "a\nb"],
  );
});

const BAR: Array<[states: ConnectionState[], text: string]> = [
  [[], "$(debug-disconnect) 0/0 brokers"],
  [[{ status: "disconnected" }], "$(debug-disconnect) 0/1 broker"],
  [[{ status: "connected", since: 0, clientId: "a" }, { status: "disconnected" }], "$(plug) 1/2 brokers"],
  [
    [
      { status: "connected", since: 0, clientId: "a" },
      { status: "connecting", attempt: 1 },
    ],
    "$(sync~spin) 1/2 brokers",
  ],
  [
    [
      { status: "connected", since: 0, clientId: "a" },
      { status: "error", reason: "x", error: refused },
    ],
    "$(warning) 1/2 brokers",
  ],
];
for (const [states, text] of BAR) test(`status bar ${text}`, () => assert.equal(statusBarText(states), text));

const RECENT: Array<[list: string[], value: string, max: number, expected: string[]]> = [
  [[], "a", 3, ["a"]],
  [["a", "b"], "c", 3, ["c", "a", "b"]],
  [["a", "b", "c"], "b", 3, ["b", "a", "c"]],
  [["a", "b", "c"], "d", 3, ["d", "a", "b"]],
  [["a"], "b", 0, []],
];
for (const [list, value, max, expected] of RECENT) {
  test(`recent ${JSON.stringify(list)} + ${value}`, () =>
    assert.deepEqual(rememberRecent(list, value, max), expected));
}

test("stored lists are read defensively", () => {
  assert.deepEqual(storedList(undefined), []);
  assert.deepEqual(storedList("x"), []);
  assert.deepEqual(storedList(["a", 1, "b"]), ["a", "b"]);
});

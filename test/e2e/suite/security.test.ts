// Extension-host tests of the hardening: commands that change brokers or reveal secrets do nothing with plain arguments (what a command link in a notification or markdown carries), and a broker whose certificate is not checked says so in the tree.
import assert from "node:assert/strict";
import * as vscode from "vscode";
import type { RouterOsMqttApi } from "../../../client/src/ui/api";
import { ourExtension, testHooks } from "./helpers";

const NAME = "sec-e2e";
const PASSWORD = "sec-Pa55-word-1";
const ADDRESS = "127.0.0.9";

let api: RouterOsMqttApi;

function run<T>(command: string, ...args: unknown[]): Thenable<T> {
  return vscode.commands.executeCommand<T>(command, ...args);
}

function settingsText(): string {
  const inspected = vscode.workspace.getConfiguration("routerosMqtt").inspect<unknown>("brokers");
  return JSON.stringify([inspected?.globalValue ?? null, inspected?.workspaceValue ?? null]);
}

/** Plain data, as `[label](command:id?ARGS)` carries it, for every command that changes brokers or reveals secrets. */
const LINK_CALLS: Array<[command: string, args: unknown]> = [
  ["routerosMqtt.editBroker", { name: NAME, changes: { address: "10.6.6.6", port: 1884 } }],
  ["routerosMqtt.editBroker", NAME],
  ["routerosMqtt.setPassword", { name: NAME, password: "chosen-by-the-link" }],
  ["routerosMqtt.removeBroker", { name: NAME, confirmed: true }],
  ["routerosMqtt.duplicateBroker", { name: NAME, newName: "copied-by-link" }],
  ["routerosMqtt.copyAsCommandWithPassword", { name: NAME }],
  ["routerosMqtt.copyAsCommandWithPassword", NAME],
  [
    "routerosMqtt.addBroker",
    { broker: { name: "added-by-link", address: "10.6.6.6" }, scope: "user", password: "x" },
  ],
  ["routerosMqtt.importFromFile", { text: "/iot mqtt brokers add name=imported-by-link address=10.6.6.6" }],
  ["routerosMqtt.importFromFile", { $mid: 1, scheme: "file", path: "/etc/hosts" }],
  ["routerosMqtt.clearRetained", { broker: NAME, topic: "t", confirmed: true }],
  ["routerosMqtt.clearRetainedUnder", { broker: NAME, filter: "#", confirmed: true }],
  [
    "routerosMqtt.clearRetainedBelow",
    { type: "level", broker: NAME, filter: "#", path: "homeassistant", topic: undefined, confirmed: true },
  ],
];

suite("security", () => {
  suiteSetup(async () => {
    api = (await ourExtension().activate()) as RouterOsMqttApi;
    await testHooks(api).addBroker({
      broker: { name: NAME, address: ADDRESS, port: 1883, username: "alice" },
      scope: "user",
      password: PASSWORD,
    });
  });

  suiteTeardown(async () => {
    for (const { name } of api.brokers()) await testHooks(api).removeBroker(name);
  });

  test("plain arguments from a command link change no broker and reveal no secret", async () => {
    const before = settingsText();
    const clipboard = "clipboard before the links";
    await vscode.env.clipboard.writeText(clipboard);
    for (const [command, args] of LINK_CALLS) {
      const result = await run<unknown>(command, args);
      assert.ok(
        result === undefined || result === false || result === 0,
        `${command}: ${JSON.stringify(result)}`,
      );
    }
    assert.equal(settingsText(), before, "settings unchanged");
    assert.deepEqual(
      api.brokers().map((b) => b.name),
      [NAME],
    );
    assert.equal(await vscode.env.clipboard.readText(), clipboard, "nothing copied");
    // The password is still the one the user set.
    const copied = await testHooks(api).copyWithPassword(NAME);
    assert.ok(copied.endsWith(` password=${PASSWORD}`), copied);
  });

  test("copy as command without the password still takes a broker name, and holds no password", async () => {
    const text = await run<string>("routerosMqtt.copyAsCommand", {
      name: NAME,
      includePassword: true,
      confirmed: true,
    });
    assert.equal(text, `/iot mqtt brokers add name=${NAME} address=${ADDRESS} username=alice`);
  });

  test("a broker whose certificate is not checked shows TLS unverified in the tree", async () => {
    await testHooks(api).addBroker({
      broker: {
        name: "lab-tls",
        address: "127.0.0.1",
        port: 8883,
        ssl: true,
        tls: { "verify-server": false },
      },
      scope: "user",
    });
    await testHooks(api).addBroker({
      broker: { name: "checked-tls", address: "127.0.0.1", port: 8883, ssl: true },
      scope: "user",
    });
    const rows = api.treeSnapshot();
    assert.ok(rows.includes("lab-tls — 127.0.0.1:8883 · TLS unverified"), rows.join("\n"));
    assert.ok(rows.includes("checked-tls — 127.0.0.1:8883"), rows.join("\n"));
  });
});

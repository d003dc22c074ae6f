// Extension-host tests in Restricted Mode (run by `run-exthost.mjs --restricted` on an untrusted copy of the fixture workspace whose settings define an auto-connect broker and a device profile): the language features work; the workspace's broker list is not read; connect, publish, run and import refuse with a sentence that says why.
import assert from "node:assert/strict";
import * as vscode from "vscode";
import { startEmbeddedBroker, type EmbeddedBroker } from "../../../client/src/mqtt";
import type { RouterOsMqttApi } from "../../../client/src/ui/api";
import type { ScriptRunApi } from "../../../client/src/ui/run/runRecord";
import { openFixture, ourExtension, testHooks, waitFor, waitForDiagnostics } from "./helpers";

/** Written into the untrusted workspace's .vscode/settings.json by run-exthost.mjs. */
const WORKSPACE_BROKER = "from-the-workspace";
const USER_BROKER = "mine";

function run<T>(command: string, ...args: unknown[]): Thenable<T> {
  return vscode.commands.executeCommand<T>(command, ...args);
}

suite("Restricted Mode", function () {
  let api: RouterOsMqttApi & ScriptRunApi;
  let broker: EmbeddedBroker;

  suiteSetup(async function () {
    if (vscode.workspace.isTrusted) {
      console.log(
        "Restricted Mode tests skipped: the workspace is trusted (run-exthost.mjs --restricted runs them)",
      );
      this.skip();
    }
    broker = await startEmbeddedBroker();
    api = (await ourExtension().activate()) as RouterOsMqttApi & ScriptRunApi;
  });

  suiteTeardown(async () => {
    if (api) for (const { name } of api.brokers()) await testHooks(api).removeBroker(name);
    await broker?.close();
  });

  test("the extension runs; diagnostics and completion work", async () => {
    assert.equal(ourExtension().isActive, true);
    const doc = await openFixture("semantic-errors.rsc");
    const diagnostics = await waitForDiagnostics(doc.uri, (d) => d.length > 0, {
      what: "diagnostics in Restricted Mode",
    });
    assert.ok(diagnostics.some((d) => String(d.source ?? "").length > 0 || d.message.length > 0));
    const probe = await vscode.workspace.openTextDocument({ language: "routeros", content: "/iot mqtt pub" });
    const list = await waitFor(
      async () => {
        const found = await run<vscode.CompletionList>(
          "vscode.executeCompletionItemProvider",
          probe.uri,
          probe.positionAt(probe.getText().length),
        );
        return found.items.length > 0 ? found : undefined;
      },
      { what: "completions in Restricted Mode" },
    );
    assert.ok(
      list.items.some((i) => (typeof i.label === "string" ? i.label : i.label.label) === "publish"),
      list.items.map((i) => (typeof i.label === "string" ? i.label : i.label.label)).join(", "),
    );
  });

  test("the workspace's broker list is not read, so its auto-connect broker neither shows nor connects", async () => {
    const inspected = vscode.workspace.getConfiguration("routerosMqtt").inspect<unknown[]>("brokers");
    assert.equal(inspected?.workspaceValue, undefined, "VS Code hides the restricted setting");
    assert.ok(!api.brokers().some((b) => b.name === WORKSPACE_BROKER), JSON.stringify(api.brokers()));
    assert.equal(broker.connectedClients(), 0);
  });

  test("connect, test, subscribe and publish refuse with the reason; nothing reaches the broker", async () => {
    await testHooks(api).addBroker({
      broker: { name: USER_BROKER, address: "127.0.0.1", port: broker.port, "auto-connect": true },
      scope: "user",
    });
    for (const [command, args] of [
      ["routerosMqtt.connect", USER_BROKER],
      ["routerosMqtt.testConnection", USER_BROKER],
      ["routerosMqtt.subscribe", { broker: USER_BROKER, filter: "#", qos: 0 }],
    ] as const) {
      const result = await run<{ ok: boolean; message: string }>(command, args);
      assert.equal(result.ok, false, command);
      assert.match(result.message, /^Restricted Mode: .* waits until you trust this workspace/, command);
    }
    const published = await run<unknown>("routerosMqtt.publish", {
      broker: USER_BROKER,
      topic: "t",
      message: "m",
      qos: 0,
      retain: false,
    });
    assert.equal(published, undefined);
    assert.equal(api.brokerStatus(USER_BROKER), "disconnected");
    assert.equal(broker.connectedClients(), 0);
  });

  test("running a script refuses before anything runs", async () => {
    const doc = await openFixture("brokers.rsc");
    const result = await run<unknown>("routerosMqtt.runScript", { uri: doc.uri });
    assert.equal(result, undefined);
    assert.equal(api.lastRun(), undefined);
  });
});

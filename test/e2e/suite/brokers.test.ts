// Extension-host tests of the brokers view: add a broker by command (password to SecretStorage, never to settings), connect to a real broker, publish and receive, copy as command, import, rename and remove.
import assert from "node:assert/strict";
import * as mqtt from "mqtt";
import * as vscode from "vscode";
import { startEmbeddedBroker, type EmbeddedBroker } from "../../../client/src/mqtt";
import type { RouterOsMqttApi } from "../../../client/src/ui/api";
import { ourExtension, testHooks, waitFor } from "./helpers";

const PASSWORD = "e2e-Pa$$word-7f3";
const NAME = "e2e";

/** What connect, test, subscribe and publish commands return. */
interface Outcome {
  ok: boolean;
  message: string;
}

let broker: EmbeddedBroker;
let api: RouterOsMqttApi;

function run<T>(command: string, ...args: unknown[]): Thenable<T> {
  return vscode.commands.executeCommand<T>(command, ...args);
}

function brokerSettingsText(): string {
  const inspected = vscode.workspace.getConfiguration("routerosMqtt").inspect<unknown>("brokers");
  return JSON.stringify([inspected?.globalValue ?? null, inspected?.workspaceValue ?? null]);
}

suite("brokers", () => {
  suiteSetup(async () => {
    broker = await startEmbeddedBroker({ users: { alice: PASSWORD } });
    api = (await ourExtension().activate()) as RouterOsMqttApi;
  });

  suiteTeardown(async () => {
    for (const { name } of api.brokers()) {
      await testHooks(api).removeBroker(name);
    }
    await broker.close();
  });

  test("adding a broker by command keeps the password in SecretStorage and out of settings", async () => {
    const added = await testHooks(api).addBroker({
      broker: { name: NAME, address: "127.0.0.1", port: broker.port, username: "alice" },
      scope: "user",
      password: PASSWORD,
    });
    assert.equal(added, NAME);
    assert.deepEqual(api.brokers(), [{ name: NAME, scope: "user", problems: [] }]);
    assert.equal(await api.hasSecret(NAME, "password"), true);
    assert.ok(!brokerSettingsText().includes(PASSWORD), "the password is not in settings");
    assert.ok(brokerSettingsText().includes(`"port":${broker.port}`), "the broker is in user settings");
    await waitFor(() => api.brokerNamesForLanguageServer().includes(NAME), {
      what: "the broker name to reach the language client",
    });
  });

  test("broker names reach the language server: broker= completion offers them", async () => {
    const doc = await vscode.workspace.openTextDocument({
      language: "routeros",
      content: "/iot mqtt publish broker=",
    });
    await vscode.window.showTextDocument(doc);
    const end = doc.positionAt(doc.getText().length);
    await waitFor(
      async () => {
        const list = await run<vscode.CompletionList>("vscode.executeCompletionItemProvider", doc.uri, end);
        return list.items.some((i) => (typeof i.label === "string" ? i.label : i.label.label) === NAME);
      },
      { what: `"${NAME}" among the completions after broker=` },
    );
    const tree = await run<string | undefined>("routerosMqtt.showSyntaxTree");
    assert.match(tree ?? "", /Command/, "the syntax tree debug view answers");
    await vscode.commands.executeCommand("workbench.action.closeAllEditors");
  });

  test("connecting to a real broker changes the state shown in the tree", async () => {
    const result = await run<Outcome>("routerosMqtt.connect", NAME);
    assert.equal(result.ok, true, result.message);
    await waitFor(() => api.brokerStatus(NAME) === "connected", { what: "the broker to be connected" });
    const row = `${NAME} — 127.0.0.1:${broker.port} · connected`;
    assert.ok(api.treeSnapshot().includes(row), api.treeSnapshot().join("\n"));
  });

  test("subscribe, publish and receive; the message view pretty-prints JSON", async () => {
    const sub = await run<Outcome>("routerosMqtt.subscribe", { broker: NAME, filter: "e2e/#", qos: 1 });
    assert.equal(sub.ok, true, sub.message);
    const pub = await run<Outcome>("routerosMqtt.publish", {
      broker: NAME,
      topic: "e2e/telemetry",
      message: '{"cpu":3,"ok":true}',
      qos: 1,
      retain: false,
    });
    assert.equal(pub.ok, true, pub.message);
    assert.match(pub.message, /PUBACK received/);
    const received = await waitFor(() => api.lastMessage(NAME, "e2e/telemetry"), {
      what: "the message to come back",
    });
    assert.deepEqual(received, { payload: '{"cpu":3,"ok":true}', qos: 1, retain: false, truncated: false });
    await waitFor(
      () => api.treeSnapshot().some((l) => l.startsWith('    telemetry — {"cpu":3,"ok":true} · 1 ·')),
      {
        what: "the topic row in the tree",
      },
    );
    assert.ok(api.treeSnapshot().includes("  e2e/# — QoS 1 · 1 topic"), api.treeSnapshot().join("\n"));
    const text = await run<string>("routerosMqtt.openMessage", { broker: NAME, topic: "e2e/telemetry" });
    assert.equal(text, '{\n  "cpu": 3,\n  "ok": true\n}\n');
  });

  test("message view: broken JSON is pointed at, and the previous message can be diffed", async () => {
    for (const message of ['{"cpu":3,"mem":1}', '{"cpu":,"mem":1}']) {
      const pub = await run<Outcome>("routerosMqtt.publish", {
        broker: NAME,
        topic: "e2e/json",
        message,
        qos: 1,
        retain: false,
      });
      assert.equal(pub.ok, true, pub.message);
      await waitFor(() => api.lastMessage(NAME, "e2e/json")?.payload === message, {
        what: `${message} to arrive`,
      });
    }
    const text = await run<string>("routerosMqtt.openMessage", { broker: NAME, topic: "e2e/json" });
    assert.equal(text, '{"cpu":,"mem":1}');
    const uri = vscode.window.activeTextEditor?.document.uri;
    assert.equal(uri?.scheme, "routeros-mqtt");
    const diagnostics = await waitFor(
      () => {
        const found = vscode.languages.getDiagnostics(uri);
        return found.length > 0 ? found : undefined;
      },
      { what: "the JSON problem diagnostic" },
    );
    assert.deepEqual(
      diagnostics.map((d) => [d.range.start.character, d.message]),
      [
        [
          7,
          "Not valid JSON: expected a value, found ',' (an empty variable in the script?) (line 1, column 8)",
        ],
      ],
    );
    assert.equal(
      await run<boolean>("routerosMqtt.diffWithPrevious", { broker: NAME, topic: "e2e/json" }),
      true,
    );
    await waitFor(
      () => vscode.window.tabGroups.activeTabGroup.activeTab?.input instanceof vscode.TabInputTextDiff,
      {
        what: "a diff editor",
      },
    );
    await vscode.commands.executeCommand("workbench.action.closeAllEditors");
  });

  test("publishing to a wildcard topic is refused as RouterOS refuses it", async () => {
    const pub = await run<Outcome>("routerosMqtt.publish", {
      broker: NAME,
      topic: "e2e/#",
      message: "x",
      qos: 0,
      retain: false,
    });
    assert.equal(pub.ok, false);
    assert.match(pub.message, /wildcard '#'/);
  });

  test("copy as RouterOS command leaves the password out unless asked", async () => {
    const plain = await run<string>("routerosMqtt.copyAsCommand", NAME);
    assert.equal(
      plain,
      `/iot mqtt brokers add name=e2e address=127.0.0.1 port=${broker.port} username=alice`,
    );
    const withPassword = await testHooks(api).copyWithPassword(NAME);
    assert.equal(withPassword, `${plain} password="e2e-Pa\\$\\$word-7f3"`);
  });

  test("a wrong password fails the connection test in words, without echoing the password", async () => {
    await testHooks(api).setPassword(NAME, "wrong-secret-99");
    const result = await run<Outcome>("routerosMqtt.testConnection", NAME);
    assert.equal(result.ok, false);
    assert.match(result.message, /user ?name or password|not authori[sz]ed/i);
    assert.ok(!result.message.includes("wrong-secret-99"), result.message);
    await testHooks(api).setPassword(NAME, PASSWORD);
    const again = await run<Outcome>("routerosMqtt.testConnection", NAME);
    assert.equal(again.ok, true, again.message);
  });

  test("a flood of 5,000 messages is stored bounded and shown through batched updates", async () => {
    const client = await mqtt.connectAsync(broker.url, {
      username: "alice",
      password: PASSWORD,
      clientId: "e2e-flood",
    });
    try {
      for (let i = 0; i < 5000; i++) client.publish(`e2e/flood/${i % 20}`, String(i), { qos: 0 });
      await client.publishAsync("e2e/flood/done", "done", { qos: 1 });
    } finally {
      await client.endAsync();
    }
    await waitFor(() => api.lastMessage(NAME, "e2e/flood/done"), { what: "the end of the flood" });
    await waitFor(() => api.topicStats(NAME, "e2e/flood/19")?.count === 250, {
      what: "every flood message counted",
    });
    const limit = vscode.workspace.getConfiguration("routerosMqtt").get<number>("messages.maxPerTopic", 100);
    assert.deepEqual(api.topicStats(NAME, "e2e/flood/19"), { count: 250, held: Math.min(250, limit) });
    await waitFor(() => api.treeSnapshot().includes("  e2e/# — QoS 1 · 23 topics"), {
      what: "the subscription row to count the flood topics",
    });
    // The extension host still answers commands at once after the flood.
    assert.equal(
      await run<string>("routerosMqtt.copyAsCommand", NAME),
      `/iot mqtt brokers add name=e2e address=127.0.0.1 port=${broker.port} username=alice`,
    );
  });

  test("an auto-connect broker connects as soon as it is added", async () => {
    await testHooks(api).addBroker({
      broker: {
        name: "auto",
        address: "127.0.0.1",
        port: broker.port,
        username: "alice",
        "auto-connect": true,
      },
      scope: "user",
      password: PASSWORD,
    });
    await waitFor(() => api.brokerStatus("auto") === "connected", {
      what: "the auto-connect broker to connect",
    });
    await testHooks(api).removeBroker("auto");
    assert.equal(api.brokerStatus("auto"), undefined);
  });

  test("a broker where nothing listens ends in the error state, with the reason in words", async () => {
    await testHooks(api).addBroker({
      broker: { name: "nowhere", address: "127.0.0.1", port: 1 },
      scope: "user",
    });
    const result = await run<Outcome>("routerosMqtt.connect", "nowhere");
    assert.equal(result.ok, false);
    assert.match(result.message, /127\.0\.0\.1:1/);
    await waitFor(() => api.brokerStatus("nowhere") === "error", { what: "the error state" });
    assert.ok(
      api.treeSnapshot().some((l) => /^nowhere — 127\.0\.0\.1:1 · error: /.test(l)),
      api.treeSnapshot().join("\n"),
    );
    await testHooks(api).removeBroker("nowhere");
  });

  test("the local embedded broker starts, gets a profile and is connected", async () => {
    const name = await run<string>("routerosMqtt.startLocalBroker");
    assert.ok(name === "local" || name === "local-embedded", String(name));
    await waitFor(() => api.brokerStatus(name) === "connected", { what: "the local broker to be connected" });
    const pub = await run<Outcome>("routerosMqtt.publish", {
      broker: name,
      topic: "e2e/local",
      message: "x",
      qos: 1,
      retain: false,
    });
    assert.equal(pub.ok, true, pub.message);
    await run("routerosMqtt.stopLocalBroker");
    await testHooks(api).removeBroker(name);
  });

  test("a rename carries the password along and keeps the connection up or down; remove deletes it", async () => {
    await run("routerosMqtt.connect", NAME);
    await waitFor(() => api.brokerStatus(NAME) === "connected", { what: "the broker to be connected" });
    await testHooks(api).editBroker(NAME, { name: "e2e-renamed" });
    await waitFor(() => api.brokerStatus("e2e-renamed") === "connected", {
      what: "the renamed broker to be connected again under its new name",
    });
    assert.equal(await api.hasSecret("e2e-renamed", "password"), true);
    assert.equal(api.brokerStatus(NAME), undefined);
    await run("routerosMqtt.disconnect", "e2e-renamed");
    await waitFor(() => api.brokerStatus("e2e-renamed") === "disconnected", {
      what: "the broker to be disconnected",
    });
    await testHooks(api).editBroker("e2e-renamed", { name: "e2e-renamed-2" });
    await waitFor(() => api.brokerStatus("e2e-renamed-2") !== undefined, { what: "the renamed broker" });
    assert.equal(
      api.brokerStatus("e2e-renamed-2"),
      "disconnected",
      "a disconnected broker stays down after a rename",
    );
    assert.equal(await api.hasSecret("e2e-renamed-2", "password"), true);
    await testHooks(api).removeBroker("e2e-renamed-2");
    assert.deepEqual(api.brokers(), []);
    assert.equal(await api.hasSecret("e2e-renamed-2", "password"), false);
  });

  test("importing an export puts its brokers in settings and its passwords in SecretStorage", async () => {
    const text = [
      "# 2025-01-01 by RouterOS 7.16",
      "/iot mqtt brokers",
      `add address=127.0.0.1 name=imported port=${broker.port} username=alice password="${PASSWORD.replace(/\$/g, "\\$")}"`,
      "add address=10.9.9.9 name=other keep-alive=10",
    ].join("\n");
    const summary = await testHooks(api).importText(text, "user");
    assert.deepEqual(summary, { added: ["imported", "other"], replaced: [], skipped: [] });
    assert.equal(await api.hasSecret("imported", "password"), true);
    assert.ok(!brokerSettingsText().includes(PASSWORD), "the imported password is not in settings");
    const result = await run<Outcome>("routerosMqtt.testConnection", "imported");
    assert.equal(result.ok, true, result.message);
  });

  test("CodeLens: a Publish lens above each /iot mqtt publish line", async () => {
    const doc = await vscode.workspace.openTextDocument({
      language: "routeros",
      content: [
        '/iot mqtt publish broker=imported topic="e2e/lens" message="hi" qos=1',
        ":local cpu [/system resource get cpu-load]",
        '/iot/mqtt/publish broker=imported topic=e2e/lens message="cpu=$cpu"',
      ].join("\n"),
    });
    const lenses = await waitFor(
      async () => {
        const found = await run<vscode.CodeLens[]>("vscode.executeCodeLensProvider", doc.uri);
        const ours = found.filter((l) => l.command?.command === "routerosMqtt.publish");
        return ours.length >= 2 ? ours : undefined;
      },
      { what: "two Publish CodeLenses" },
    );
    assert.deepEqual(
      lenses.map((l) => [l.range.start.line, l.command?.title]),
      [
        [0, "$(send) Publish to e2e/lens on imported"],
        [2, "$(send) Publish to e2e/lens on imported (asks message)"],
      ],
    );
    const args: unknown[] = lenses[0]?.command?.arguments ?? [];
    const result = await run<Outcome>("routerosMqtt.publish", ...args);
    assert.equal(result.ok, true, result.message);
  });
});

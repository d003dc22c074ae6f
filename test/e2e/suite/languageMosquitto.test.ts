// Extension-host tests against a real Mosquitto started by the test: a broker offered to broker= completion, then connect (password and TLS), subscribe, publish and receive.
import assert from "node:assert/strict";
import * as mqtt from "mqtt";
import * as vscode from "vscode";
import type { RouterOsMqttApi } from "../../../client/src/ui/api";
import { mosquittoSkipReason, startMosquitto, type MosquittoBroker } from "../../support/mosquitto";
import { ourExtension, testHooks, waitFor } from "./helpers";

/** What connect, test, subscribe and publish commands return. */
interface Outcome {
  ok: boolean;
  message: string;
}

const PLAIN = "mosquitto-password";
const TLS = "mosquitto-tls";

function run<T>(command: string, ...args: unknown[]): Thenable<T> {
  return vscode.commands.executeCommand<T>(command, ...args);
}

suite("language and brokers on a real Mosquitto", function () {
  let mosquitto: MosquittoBroker | undefined;
  let api: RouterOsMqttApi;

  suiteSetup(async function () {
    // With CI=true a missing mosquitto is no reason to skip: startMosquitto() then fails with what to install.
    const skip = mosquittoSkipReason();
    if (skip) {
      console.log(`real Mosquitto tests skipped: ${skip}`);
      this.skip();
    }
    mosquitto = await startMosquitto();
    api = (await ourExtension().activate()) as RouterOsMqttApi;
  });

  suiteTeardown(async () => {
    for (const name of [PLAIN, TLS]) {
      if (api?.brokerStatus(name) !== undefined) await testHooks(api).removeBroker(name);
    }
    await vscode.commands.executeCommand("workbench.action.closeAllEditors");
    await mosquitto?.dispose();
  });

  const broker = (): MosquittoBroker => {
    if (!mosquitto) throw new Error("Mosquitto did not start");
    return mosquitto;
  };

  test("a broker with a password on Mosquitto is added and offered by broker= completion", async () => {
    const { ports, user } = broker();
    await testHooks(api).addBroker({
      broker: { name: PLAIN, address: "127.0.0.1", port: ports.auth, username: user.username },
      scope: "user",
      password: user.password,
    });
    const doc = await vscode.workspace.openTextDocument({
      language: "routeros",
      content: `/iot mqtt publish topic="e2e/mosquitto" message="up" broker=`,
    });
    await vscode.window.showTextDocument(doc);
    const end = doc.positionAt(doc.getText().length);
    await waitFor(
      async () => {
        const list = await run<vscode.CompletionList>("vscode.executeCompletionItemProvider", doc.uri, end);
        return list.items.some((i) => (typeof i.label === "string" ? i.label : i.label.label) === PLAIN);
      },
      { what: `"${PLAIN}" among the completions after broker=` },
    );
  });

  test("connect, subscribe, publish and receive through Mosquitto", async () => {
    const { ports, user } = broker();
    const connected = await run<Outcome>("routerosMqtt.connect", PLAIN);
    assert.equal(connected.ok, true, connected.message);
    await waitFor(() => api.brokerStatus(PLAIN) === "connected", { what: "the broker to be connected" });
    assert.ok(
      api.treeSnapshot().includes(`${PLAIN} — 127.0.0.1:${ports.auth} · connected`),
      api.treeSnapshot().join("\n"),
    );
    const sub = await run<Outcome>("routerosMqtt.subscribe", {
      broker: PLAIN,
      filter: "e2e/mosquitto/#",
      qos: 1,
    });
    assert.equal(sub.ok, true, sub.message);

    // An independent client on the same Mosquitto sees what the extension publishes, and the extension sees its messages.
    const outside = await mqtt.connectAsync(`mqtt://127.0.0.1:${ports.auth}`, {
      username: user.username,
      password: user.password,
      clientId: "e2e-mosquitto-outside",
    });
    try {
      const seen = new Promise<string>((resolve) =>
        outside.on("message", (topic, payload) => {
          if (topic === "e2e/mosquitto/from-vscode") resolve(payload.toString("utf8"));
        }),
      );
      await outside.subscribeAsync("e2e/mosquitto/from-vscode", { qos: 1 });
      const message = '{"cpu":7,"board":"hAP ax3"}';
      const pub = await run<Outcome>("routerosMqtt.publish", {
        broker: PLAIN,
        topic: "e2e/mosquitto/from-vscode",
        message,
        qos: 1,
        retain: false,
      });
      assert.equal(pub.ok, true, pub.message);
      assert.match(pub.message, /PUBACK received/);
      assert.equal(await seen, message, "Mosquitto delivered the extension's message to another client");
      await waitFor(() => api.lastMessage(PLAIN, "e2e/mosquitto/from-vscode"), {
        what: "the extension's own subscription to receive its message back",
      });

      await outside.publishAsync("e2e/mosquitto/from-outside", "42", { qos: 1, retain: true });
      const received = await waitFor(() => api.lastMessage(PLAIN, "e2e/mosquitto/from-outside"), {
        what: "the outside client's message in the extension",
      });
      assert.deepEqual(received, { payload: "42", qos: 1, retain: false, truncated: false });
    } finally {
      await outside.endAsync();
    }
    assert.match(
      broker().log(),
      new RegExp(`New client connected .* u'${user.username}'`),
      "Mosquitto's log",
    );
  });

  test("a wrong password is refused by Mosquitto, in words, without echoing it", async () => {
    await testHooks(api).setPassword(PLAIN, "not-the-Secret-55");
    const result = await run<Outcome>("routerosMqtt.testConnection", PLAIN);
    assert.equal(result.ok, false);
    assert.match(result.message, /user ?name or password|not authori[sz]ed/i);
    assert.ok(!result.message.includes("not-the-Secret-55"), result.message);
    await testHooks(api).setPassword(PLAIN, broker().user.password);
    const again = await run<Outcome>("routerosMqtt.testConnection", PLAIN);
    assert.equal(again.ok, true, again.message);
  });

  test("TLS to Mosquitto with the test CA connects and publishes", async () => {
    const { ports, pki } = broker();
    await testHooks(api).addBroker({
      broker: { name: TLS, address: "127.0.0.1", port: ports.tls, ssl: true, tls: { "ca-file": pki.caFile } },
      scope: "user",
    });
    const connected = await run<Outcome>("routerosMqtt.connect", TLS);
    assert.equal(connected.ok, true, connected.message);
    await waitFor(() => api.brokerStatus(TLS) === "connected", { what: "the TLS broker to be connected" });
    const pub = await run<Outcome>("routerosMqtt.publish", {
      broker: TLS,
      topic: "e2e/mosquitto/tls",
      message: "over TLS",
      qos: 1,
      retain: false,
    });
    assert.equal(pub.ok, true, pub.message);
    // The retained message of the plain listener is on the same broker: the TLS session sees it too.
    const sub = await run<Outcome>("routerosMqtt.subscribe", {
      broker: TLS,
      filter: "e2e/mosquitto/from-outside",
      qos: 1,
    });
    assert.equal(sub.ok, true, sub.message);
    const retained = await waitFor(() => api.lastMessage(TLS, "e2e/mosquitto/from-outside"), {
      what: "the retained message over TLS",
    });
    assert.deepEqual(retained, { payload: "42", qos: 1, retain: true, truncated: false });
  });
});

// Extension-host tests of Show Chart: a topic's numeric fields become series drawn by the webview, new messages extend them, one panel per topic, emptied by clearing messages and closed with its broker.
import assert from "node:assert/strict";
import * as vscode from "vscode";
import { startEmbeddedBroker, type EmbeddedBroker } from "../../../client/src/mqtt";
import type { RouterOsMqttApi } from "../../../client/src/ui/api";
import { ourExtension, testHooks, waitFor } from "./helpers";

const NAME = "chart";
const TOPIC = "charts/router1";

let broker: EmbeddedBroker;
let api: RouterOsMqttApi;

function run<T>(command: string, ...args: unknown[]): Thenable<T> {
  return vscode.commands.executeCommand<T>(command, ...args);
}

async function publish(topic: string, message: string): Promise<void> {
  const result = await run<{ ok: boolean; message: string }>("routerosMqtt.publish", {
    broker: NAME,
    topic,
    message,
    qos: 1,
    retain: false,
  });
  assert.equal(result.ok, true, result.message);
  await waitFor(() => api.lastMessage(NAME, topic)?.payload === message, { what: `${message} to arrive` });
}

function chartTabs(topic: string): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.label === `Chart: ${topic}`);
}

suite("chart", () => {
  suiteSetup(async () => {
    broker = await startEmbeddedBroker();
    api = (await ourExtension().activate()) as RouterOsMqttApi;
    await testHooks(api).addBroker({
      broker: { name: NAME, address: "127.0.0.1", port: broker.port },
      scope: "user",
    });
    const connected = await run<{ ok: boolean; message: string }>("routerosMqtt.connect", NAME);
    assert.equal(connected.ok, true, connected.message);
    const sub = await run<{ ok: boolean; message: string }>("routerosMqtt.subscribe", {
      broker: NAME,
      filter: "charts/#",
      qos: 1,
    });
    assert.equal(sub.ok, true, sub.message);
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand("workbench.action.closeAllEditors");
    if (api.brokerStatus(NAME) !== undefined) await testHooks(api).removeBroker(NAME);
    await broker.close();
  });

  test("Show Chart opens one series per numeric field, drawn by the webview, and follows new messages", async () => {
    await publish(
      TOPIC,
      '{"cpu-load":12,"free-memory":123456,"uptime":"1d2h","board":"hAP","wifi":{"clients":3},"temps":[40,41]}',
    );
    const shown = await run<{ series: string[] } | undefined>("routerosMqtt.showChart", {
      broker: NAME,
      topic: TOPIC,
    });
    const expected = ["cpu-load", "free-memory", "uptime (s)", "wifi.clients"];
    assert.deepEqual(shown?.series, expected);
    const drawn = await waitFor(() => api.chart(NAME, TOPIC)?.drawn, {
      what: "the webview to draw the chart",
    });
    assert.deepEqual(drawn, expected);
    assert.equal(chartTabs(TOPIC).length, 1);

    await publish(
      TOPIC,
      '{"cpu-load":30,"free-memory":120000,"uptime":"1d2h1m","wifi":{"clients":4},"temp":45}',
    );
    const view = await waitFor(
      () => {
        const now = api.chart(NAME, TOPIC);
        return now?.points === 9 && now.drawn?.includes("temp") ? now : undefined;
      },
      { what: "the second message's points to be drawn" },
    );
    assert.deepEqual(view.series, [...expected, "temp"]);

    await publish("charts/bare", "42");
    const bare = await run<{ series: string[] } | undefined>("routerosMqtt.showChart", {
      broker: NAME,
      topic: "charts/bare",
    });
    assert.deepEqual(bare?.series, ["value"]);
    assert.deepEqual(await waitFor(() => api.chart(NAME, "charts/bare")?.drawn, { what: "the bare chart" }), [
      "value",
    ]);
  });

  test("reopening reveals the same panel; clearing the messages empties it; closing it frees it", async () => {
    await run("routerosMqtt.showChart", { broker: NAME, topic: TOPIC });
    assert.equal(chartTabs(TOPIC).length, 1, "one panel per topic");
    await waitFor(() => api.chart(NAME, TOPIC)?.drawn?.length === 5, {
      what: "the revealed chart drawn again",
    });
    await run("routerosMqtt.clearMessages", { broker: NAME, filter: "charts/#" });
    await waitFor(
      () => {
        const now = api.chart(NAME, TOPIC);
        return now?.points === 0 && now.drawn?.length === 0;
      },
      { what: "the chart to be emptied" },
    );
    const tab = chartTabs(TOPIC)[0];
    assert.ok(tab);
    await vscode.window.tabGroups.close(tab);
    await waitFor(() => api.chart(NAME, TOPIC) === undefined, { what: "the closed chart to be forgotten" });
  });

  test("removing the broker closes its charts", async () => {
    await publish(TOPIC, '{"cpu-load":5}');
    await run("routerosMqtt.showChart", { broker: NAME, topic: TOPIC });
    assert.deepEqual(api.chart(NAME, TOPIC)?.series, ["cpu-load"]);
    await testHooks(api).removeBroker(NAME);
    await waitFor(() => api.chart(NAME, TOPIC) === undefined && chartTabs(TOPIC).length === 0, {
      what: "the broker's charts to close",
    });
  });
});

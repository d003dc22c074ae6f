// Extension-host tests of the fleet view against a real Mosquitto (MQTT 5): 50 routers' telemetry, interfaces and Home Assistant discovery topics as a tree, the filter, Go to Topic, history export (editor and file), MQTT 5 properties in the message view and from Publish, payload decoders remembered per topic, a chart of several topics, clearing a retained subtree, and the flat list.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as mqtt from "mqtt";
import * as vscode from "vscode";
import type { RouterOsMqttApi } from "../../../client/src/ui/api";
import { mosquittoSkipReason, startMosquitto, type MosquittoBroker } from "../../support/mosquitto";
import { ourExtension, testHooks, waitFor } from "./helpers";

const NAME = "fleet";
const ROUTERS = 50;

function run<T>(command: string, ...args: unknown[]): Thenable<T> {
  return vscode.commands.executeCommand<T>(command, ...args);
}

function telemetry(i: number): string {
  return JSON.stringify({
    model: "RB5009UG+S+",
    "cpu-load": i % 10 === 7 ? 91 : 10 + (i % 40),
    uptime: `${i}d04:05:06`,
    "free-memory": 500_000_000 - i * 1000,
  });
}

suite("fleet view on a real Mosquitto", function () {
  let mosquitto: MosquittoBroker | undefined;
  let api: RouterOsMqttApi;
  let routers: mqtt.MqttClient | undefined;
  let folder: string | undefined;

  const snapshot = (): string[] => api.treeSnapshot();
  const snapshotText = (): string => snapshot().join("\n");

  suiteSetup(async function () {
    const skip = mosquittoSkipReason();
    if (skip) {
      console.log(`fleet tests skipped: ${skip}`);
      this.skip();
    }
    mosquitto = await startMosquitto();
    api = (await ourExtension().activate()) as RouterOsMqttApi;
    await testHooks(api).addBroker({
      broker: {
        name: NAME,
        address: "127.0.0.1",
        port: mosquitto.ports.plain,
        "mqtt-version": "5",
        "client-id": "e2e-fleet-view",
      },
      scope: "user",
    });
    const connected = await run<{ ok: boolean; message: string }>("routerosMqtt.connect", NAME);
    assert.equal(connected.ok, true, connected.message);
    routers = await mqtt.connectAsync(`mqtt://127.0.0.1:${mosquitto.ports.plain}`, {
      clientId: "e2e-fleet-routers",
      protocolVersion: 5,
    });
    // Discovery configs are retained long before anyone looks: the view gets them flagged retained.
    for (let i = 1; i <= ROUTERS; i++) {
      await routers.publishAsync(
        `homeassistant/sensor/router${i}_cpu/config`,
        JSON.stringify({ name: `router${i} CPU`, state_topic: `routers/router${i}/telemetry` }),
        { qos: 1, retain: true },
      );
    }
    for (const filter of ["routers/#", "homeassistant/#"]) {
      const sub = await run<{ ok: boolean; message: string }>("routerosMqtt.subscribe", {
        broker: NAME,
        filter,
        qos: 1,
      });
      assert.equal(sub.ok, true, sub.message);
    }
    for (let i = 1; i <= ROUTERS; i++) {
      const name = `router${i}`;
      await routers.publishAsync(`routers/${name}/telemetry`, telemetry(i), { qos: 1 });
      for (const ifname of ["ether1", "sfp-sfpplus1"]) {
        await routers.publishAsync(
          `routers/${name}/interfaces/${ifname}`,
          JSON.stringify({ running: true, "rx-byte": i * 1000 }),
          { qos: 1 },
        );
      }
    }
    await waitFor(
      () =>
        api.topicStats(NAME, `homeassistant/sensor/router${ROUTERS}_cpu/config`) &&
        api.topicStats(NAME, `routers/router${ROUTERS}/interfaces/sfp-sfpplus1`),
      { what: "the whole fleet received" },
    );
  });

  suiteTeardown(async () => {
    await routers?.endAsync();
    await vscode.workspace
      .getConfiguration("routerosMqtt.topics")
      .update("layout", undefined, vscode.ConfigurationTarget.Global);
    await run("routerosMqtt.clearTopicFilter");
    await vscode.commands.executeCommand("workbench.action.closeAllEditors");
    if (api?.brokerStatus(NAME) !== undefined) await testHooks(api).removeBroker(NAME);
    await mosquitto?.dispose();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  test("the topics of 50 routers show as a tree with counts, rates and retained marks", async () => {
    await waitFor(() => snapshot().includes("  routers/# — QoS 1 · 150 topics"), {
      what: `the routers subscription with 150 topics:\n${snapshotText()}`,
    });
    const rows = snapshot();
    const router7 = rows.findIndex((l) => l.startsWith("    router7 — 3 topics · 3 msgs ·"));
    assert.ok(router7 > 0, rows.join("\n"));
    // Natural order: router2 before router10.
    assert.ok(
      rows.findIndex((l) => l.startsWith("    router2 ")) <
        rows.findIndex((l) => l.startsWith("    router10 ")),
    );
    assert.match(rows[router7 + 1] ?? "", /^ {6}interfaces — 2 topics · 2 msgs · /);
    assert.match(rows[router7 + 2] ?? "", /^ {8}ether1 — \{"running":true,"rx-byte":7000\} · 1 · /);
    assert.match(rows[router7 + 4] ?? "", /^ {6}telemetry — \{"model":"RB5009UG\+S\+","cpu-load":91,/);
    // The discovery topics: one level with a single child each, compacted into one row.
    assert.ok(
      rows.some((l) => /^ {4}sensor — 50 topics · 50 msgs · .* · 50 retained$/.test(l)),
      rows.join("\n"),
    );
    assert.ok(rows.some((l) => l.startsWith("      router1_cpu/config — {")));
  });

  test("the filter keeps topic patterns and JSON field conditions; Go to Topic answers", async () => {
    const filtered = await run<{ ok: boolean }>(
      "routerosMqtt.filterTopics",
      "routers/+/telemetry cpu-load > 80",
    );
    assert.equal(filtered.ok, true);
    const matching = ["router7", "router17", "router27", "router37", "router47"];
    await waitFor(() => snapshot().includes("  routers/# — QoS 1 · 5 topics"), {
      what: `the filtered count:\n${snapshotText()}`,
    });
    const routerRows = snapshot()
      .filter((l) => /^ {4}router\d+/.test(l))
      .map((l) => l.trim().split(/[ /]/)[0]);
    assert.deepEqual(routerRows, matching);
    assert.ok(
      snapshot().some((l) => l.startsWith("    router7 — 1 of 3 topics · 3 msgs · ")),
      snapshotText(),
    );
    assert.ok(snapshot().includes("  homeassistant/# — QoS 1 · 0 topics"), snapshotText());
    assert.equal(
      (await run<{ ok: boolean; message: string }>("routerosMqtt.filterTopics", "cpu >")).message,
      '">" needs a value after it',
    );
    assert.equal(
      await run<string>("routerosMqtt.goToTopic", { broker: NAME, topic: "routers/router27/telemetry" }),
      "routers/router27/telemetry",
    );
    await waitFor(() => api.treeSelection().some((id) => id.endsWith("\u0000routers/router27/telemetry")), {
      what: `the topic revealed and selected: ${JSON.stringify(api.treeSelection())}`,
    });
    await run("routerosMqtt.clearTopicFilter");
    await waitFor(() => snapshot().includes("  routers/# — QoS 1 · 150 topics"), {
      what: "the filter cleared",
    });
  });

  test("history export: CSV to a new editor with flattened fields and times in seconds, NDJSON to a file", async () => {
    const topic = "routers/router3/telemetry";
    await routers?.publishAsync(topic, telemetry(103), { qos: 1 });
    await waitFor(() => api.topicStats(NAME, topic)?.count === 2, { what: "a second message of router3" });
    const csv = await run<{ text: string; destination: string }>("routerosMqtt.exportHistory", {
      broker: NAME,
      topic,
      format: "csv",
      destination: "editor",
    });
    const lines = csv.text.trimEnd().split("\r\n");
    assert.equal(
      lines[0],
      "received_at,topic,seq,qos,retain,bytes,model,cpu-load,uptime,uptime (s),free-memory",
    );
    assert.match(
      lines[1] ?? "",
      /,routers\/router3\/telemetry,\d+,1,false,\d+,RB5009UG\+S\+,13,3d04:05:06,273906,499997000$/,
    );
    assert.equal(lines.length, 3);
    assert.equal(
      vscode.window.activeTextEditor?.document.getText(),
      csv.text,
      "the export is in a new editor",
    );

    folder = mkdtempSync(join(tmpdir(), "fleet-export-"));
    const file = join(folder, "router3.ndjson");
    const written = await testHooks(api).exportToFile({ broker: NAME, topic, format: "ndjson" }, file);
    assert.equal(readFileSync(file, "utf8"), written?.text);
    const records = readFileSync(file, "utf8")
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as { payload: { "cpu-load": number } });
    assert.deepEqual(
      records.map((r) => r.payload["cpu-load"]),
      [13, 33],
    );
  });

  test("MQTT 5: properties show above the payload, and Publish sends them", async () => {
    const topic = "routers/router9/events";
    await routers?.publishAsync(topic, '{"event":"link-down","if":"ether1"}', {
      qos: 1,
      properties: {
        contentType: "application/json",
        responseTopic: "routers/router9/ack",
        correlationData: Buffer.from("evt-1"),
        userProperties: { site: "eu-1", role: ["edge", "backup"] },
      },
    });
    await waitFor(() => api.lastMessage(NAME, topic), { what: "the event with properties" });
    const text = await run<string>("routerosMqtt.openMessage", { broker: NAME, topic });
    assert.equal(
      text,
      [
        "// MQTT 5 properties:",
        "//   content type: application/json",
        "//   response topic: routers/router9/ack",
        '//   correlation data: "evt-1"',
        "//   user property: site = eu-1",
        "//   user property: role = edge",
        "//   user property: role = backup",
        "",
        "{",
        '  "event": "link-down",',
        '  "if": "ether1"',
        "}",
        "",
      ].join("\n"),
    );
    assert.equal(vscode.window.activeTextEditor?.document.languageId, "jsonc");

    const received = new Promise<mqtt.IPublishPacket>((resolve) => {
      routers?.on("message", (t, _payload, packet) => {
        if (t === "routers/router9/cmd") resolve(packet);
      });
    });
    await routers?.subscribeAsync("routers/router9/cmd", { qos: 1 });
    const published = await run<{ ok: boolean; message: string }>("routerosMqtt.publish", {
      broker: NAME,
      topic: "routers/router9/cmd",
      message: "/system reboot",
      qos: 1,
      retain: false,
      properties: { contentType: "text/plain", userProperties: [["requested-by", "e2e"]] },
    });
    assert.equal(published.ok, true, published.message);
    assert.match(published.message, /with 2 MQTT 5 properties/);
    const packet = await received;
    assert.equal(packet.properties?.contentType, "text/plain");
    assert.deepEqual({ ...packet.properties?.userProperties }, { "requested-by": "e2e" });
  });

  test("decoders: base64 detected, CBOR picked for a topic and remembered", async () => {
    const b64 = "routers/router4/blob";
    await routers?.publishAsync(b64, Buffer.from('{"cpu":4}').toString("base64"), { qos: 1 });
    const cbor = "routers/router4/cbor";
    // {"cpu":7,"ok":true}
    await routers?.publishAsync(cbor, Buffer.from("a263637075076 26f6bf5".replace(/ /g, ""), "hex"), {
      qos: 1,
    });
    await waitFor(() => api.topicStats(NAME, cbor), { what: "the CBOR message" });
    assert.equal(
      await run<string>("routerosMqtt.openMessage", { broker: NAME, topic: b64 }),
      '// decoded from base64 (12 bytes)\n\n{\n  "cpu": 4\n}\n',
    );
    assert.equal(
      await run<string>("routerosMqtt.chooseDecoder", { broker: NAME, topic: cbor, decoder: "cbor" }),
      "cbor",
    );
    assert.equal(
      vscode.window.activeTextEditor?.document.getText(),
      '// decoded from CBOR (10 bytes)\n\n{\n  "cpu": 7,\n  "ok": true\n}\n',
    );
    await run("workbench.action.closeActiveEditor");
    assert.equal(
      await run<string>("routerosMqtt.openMessage", { broker: NAME, topic: cbor }),
      '// decoded from CBOR (10 bytes)\n\n{\n  "cpu": 7,\n  "ok": true\n}\n',
      "the pick is remembered",
    );
    assert.equal(
      await run<string>("routerosMqtt.chooseDecoder", { broker: NAME, topic: cbor, decoder: "hex" }),
      "hex",
    );
    assert.match(vscode.window.activeTextEditor?.document.getText() ?? "", /^00000000 {2}a2 63 63 70/);
  });

  test("a chart of several topics names each series after its router", async () => {
    const topics = ["routers/router1/telemetry", "routers/router2/telemetry"];
    const shown = await run<{ topics: string[]; series: string[] }>("routerosMqtt.showChart", {
      broker: NAME,
      topics,
    });
    assert.deepEqual(shown.topics, topics);
    assert.deepEqual(shown.series, [
      "router1/telemetry · cpu-load",
      "router1/telemetry · uptime (s)",
      "router1/telemetry · free-memory",
      "router2/telemetry · cpu-load",
      "router2/telemetry · uptime (s)",
      "router2/telemetry · free-memory",
    ]);
    await waitFor(() => api.chart(NAME, topics)?.drawn?.length === 6, { what: "six series drawn" });
  });

  test("clearing the retained subtree: the view's own row only, after confirmation, and the broker forgets them", async () => {
    assert.equal(
      await run<number>("routerosMqtt.clearRetainedBelow", {
        broker: NAME,
        filter: "homeassistant/#",
        path: "homeassistant/sensor",
      }),
      0,
      "plain arguments (a command link) clear nothing",
    );
    assert.equal(await testHooks(api).clearRetainedBelow(NAME, "homeassistant/sensor"), ROUTERS);
    await waitFor(
      () =>
        snapshot().some((l) => /^ {4}sensor — 50 topics · 100 msgs · /.test(l) && !l.includes("retained")),
      {
        what: `the retained marks gone:\n${snapshotText()}`,
      },
    );
    const fresh = await mqtt.connectAsync(`mqtt://127.0.0.1:${mosquitto?.ports.plain ?? 0}`, {
      clientId: "e2e-fleet-fresh",
    });
    try {
      const got: string[] = [];
      fresh.on("message", (t) => got.push(t));
      await fresh.subscribeAsync("homeassistant/#", { qos: 1 });
      await fresh.publishAsync("homeassistant/marker", "end", { qos: 1 });
      await waitFor(() => got.includes("homeassistant/marker"), { what: "the marker" });
      assert.deepEqual(got, ["homeassistant/marker"], "no retained discovery message is left on the broker");
    } finally {
      await fresh.endAsync();
    }
    // Retained while the view listens (MQTT 5, Retain As Published): marked at once, unmarked by its clear.
    const live = "homeassistant/sensor/router1_cpu/config";
    await routers?.publishAsync(live, JSON.stringify({ name: "router1 CPU" }), { qos: 1, retain: true });
    await waitFor(
      () => snapshot().some((l) => /^ {4}sensor — 50 topics · 101 msgs · .* · 1 retained$/.test(l)),
      {
        what: `a retained message published while listening marked:\n${snapshotText()}`,
      },
    );
    await routers?.publishAsync(live, "", { qos: 1, retain: true });
    await waitFor(
      () =>
        snapshot().some((l) => /^ {4}sensor — 50 topics · 102 msgs · /.test(l) && !l.includes("retained")),
      { what: `its clear unmarked:\n${snapshotText()}` },
    );
  });

  test("the flat list stays available as a setting", async () => {
    await vscode.workspace
      .getConfiguration("routerosMqtt.topics")
      .update("layout", "flat", vscode.ConfigurationTarget.Global);
    await waitFor(() => snapshot().some((l) => l.startsWith("    routers/router1/telemetry — {")), {
      what: `flat rows:\n${snapshotText()}`,
    });
    // The filter holds for the list too.
    assert.equal(
      (await run<{ ok: boolean }>("routerosMqtt.filterTopics", "routers/+/telemetry cpu-load > 80")).ok,
      true,
    );
    await waitFor(() => snapshot().includes("  routers/# — QoS 1 · 5 topics"), {
      what: `the filtered list:\n${snapshotText()}`,
    });
    assert.deepEqual(
      snapshot()
        .filter((l) => l.startsWith("    routers/"))
        .map((l) => l.trim().split(" ")[0]),
      ["router17", "router27", "router37", "router47", "router7"].map((r) => `routers/${r}/telemetry`),
    );
    await run("routerosMqtt.clearTopicFilter");
    await waitFor(() => snapshot().some((l) => l.startsWith("    routers/router1/telemetry — {")), {
      what: `the filter cleared:\n${snapshotText()}`,
    });
    await vscode.workspace
      .getConfiguration("routerosMqtt.topics")
      .update("layout", "tree", vscode.ConfigurationTarget.Global);
    await waitFor(() => snapshot().some((l) => l.startsWith("    router1 — ")), { what: "tree rows again" });
  });
});

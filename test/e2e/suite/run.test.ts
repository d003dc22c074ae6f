// Extension-host tests of RouterOS: Run Script against a real broker (aedes) added through the brokers commands: exact payloads, Problems at the failing line, unknown brokers, stopping a runaway loop, a runaway regex run ending at its timeout, on-message round trips, the device profile setting, failed on-message runs.
import assert from "node:assert/strict";
import * as mqtt from "mqtt";
import * as vscode from "vscode";
import { DEFAULT_PROFILE } from "../../../server/src/interpreter";
import { startEmbeddedBroker, type EmbeddedBroker, type ReceivedPublish } from "../../../client/src/mqtt";
import type { RouterOsMqttApi } from "../../../client/src/ui/api";
import type { ScriptRunApi, ScriptRunView } from "../../../client/src/ui/run/runRecord";
import { fixtureUri, openFixture, ourExtension, testHooks, waitFor, waitForDiagnostics } from "./helpers";

/** The broker name of the seed telemetry script (test/e2e/workspace/telemetry.rsc). */
const AWS = "AWS";
const RUN_SOURCE = "RouterOS run";

let broker: EmbeddedBroker;
let api: RouterOsMqttApi & ScriptRunApi;
const received: ReceivedPublish[] = [];

function run<T>(command: string, ...args: unknown[]): Thenable<T> {
  return vscode.commands.executeCommand<T>(command, ...args);
}

function runScript(args: Record<string, unknown>): Thenable<ScriptRunView | undefined> {
  return run<ScriptRunView | undefined>("routerosMqtt.runScript", args);
}

/** The first message the broker got on a topic since `from` (an index into `received`). */
function arrived(topic: string, from = 0): Promise<ReceivedPublish> {
  return waitFor(() => received.slice(from).find((m) => m.topic === topic), {
    what: `a message on ${topic} at the broker`,
  });
}

/** The zero-based line of the first line containing `text`. */
function lineOf(document: vscode.TextDocument, text: string): number {
  const line = document
    .getText()
    .split(/\r?\n/)
    .findIndex((l) => l.includes(text));
  assert.ok(line >= 0, `"${text}" is in ${document.uri.path}`);
  return line;
}

function runDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === RUN_SOURCE);
}

/** The telemetry JSON the seed script builds, from the shipped device profile. */
function expectedTelemetry(): string {
  const menus = DEFAULT_PROFILE.menus;
  const resource = menus["/system/resource"] as Record<string, string | number>;
  const board = menus["/system/routerboard"] as Record<string, string>;
  const packages = menus["/system/package"] as ReadonlyArray<Record<string, string>>;
  const free = Number(resource["free-memory"]);
  return JSON.stringify({
    model: board["model"],
    sn: board["serial-number"],
    ros: packages.find((p) => p["name"] === "routeros")?.["version"],
    cpu: resource["cpu-load"],
    umem: Number(resource["total-memory"]) - free,
    fmem: free,
    uptime: resource["uptime"],
  });
}

suite("run script", () => {
  suiteSetup(async () => {
    broker = await startEmbeddedBroker({ onPublish: (m) => received.push(m) });
    api = (await ourExtension().activate()) as RouterOsMqttApi & ScriptRunApi;
    const added = await testHooks(api).addBroker({
      broker: { name: AWS, address: "127.0.0.1", port: broker.port },
      scope: "user",
    });
    assert.equal(added, AWS);
  });

  suiteTeardown(async () => {
    await run("routerosMqtt.stopScript");
    await vscode.workspace.getConfiguration("routerosMqtt.run").update("deviceProfile", undefined, true);
    await run("routerosMqtt.stopLocalBroker");
    for (const { name } of api.brokers()) await testHooks(api).removeBroker(name);
    await run("workbench.action.closeAllEditors");
    await broker.close();
  });

  test("the seed telemetry script publishes its exact JSON through the brokers view's connection", async () => {
    const doc = await openFixture("telemetry.rsc");
    const from = received.length;
    const view = await runScript({ uri: doc.uri });
    assert.ok(view, "the run reports how it ended");
    assert.equal(view.state, "ok", JSON.stringify(view.failures));
    const expected = expectedTelemetry();
    const message = await arrived("my/test/topic", from);
    assert.equal(message.payload.toString("utf8"), expected);
    assert.equal(message.qos, 0);
    assert.equal(message.retain, false);
    assert.deepEqual(view.published, [
      { broker: AWS, topic: "my/test/topic", qos: 0, retain: false, payload: expected },
    ]);
    assert.equal(api.brokerStatus(AWS), "connected", "the run used (and connected) the view's broker");
    assert.equal(broker.connectedClients(), 1, "one connection: the extension's");
    for (const line of [
      "[*] Gathering system info...",
      `[info] ${expected}`,
      `[mqtt] published to ${AWS}: my/test/topic (qos 0, retain no): ${expected}`,
      "[*] Done",
    ])
      assert.ok(view.output.includes(line), `output has ${line}\n${view.output.join("\n")}`);
    assert.match(
      view.output[0] ?? "",
      /^▶ telemetry\.rsc at \d\d:\d\d:\d\d \(device: the shipped .+ profile;/,
    );
    assert.ok(
      view.output.some((l) => /^ {2}AWS +my\/test\/topic +0 +no +\{"model"/.test(l)),
      "summary row",
    );
    assert.equal(view.summary, "telemetry.rsc: ok, 1 message published.");
    assert.deepEqual(api.lastRun(), view);
  });

  test("an unsaved editor runs as it is, from the active editor", async () => {
    const doc = await vscode.workspace.openTextDocument({
      language: "routeros",
      content: `/iot mqtt publish broker=${AWS} topic="e2e/run/untitled" message=("unsaved " . [/system identity get name])`,
    });
    await vscode.window.showTextDocument(doc);
    const from = received.length;
    const view = await run<ScriptRunView>("routerosMqtt.runScript");
    assert.equal(view.state, "ok", JSON.stringify(view.failures));
    assert.equal(view.uri, doc.uri.toString());
    assert.match((await arrived("e2e/run/untitled", from)).payload.toString(), /^unsaved \S+/);
  });

  test("a run-time error is a diagnostic at the failing line, gone once the script is edited", async () => {
    const doc = await openFixture("run-error.rsc");
    const view = await runScript({ uri: doc.uri });
    assert.equal(view?.state, "error");
    const failing = lineOf(doc, "qos=3");
    assert.equal(view.failures[0]?.line, failing + 1);
    assert.match(view.summary ?? "", new RegExp(`^run-error\\.rsc: error at line ${failing + 1}: .*qos`));
    await waitForDiagnostics(doc.uri, (d) => d.some((x) => x.source === RUN_SOURCE), {
      what: "the run's diagnostic",
    });
    const [diagnostic, ...others] = runDiagnostics(doc.uri);
    assert.ok(diagnostic);
    assert.deepEqual(others, []);
    assert.equal(diagnostic.range.start.line, failing);
    assert.equal(doc.getText(diagnostic.range).split(" ")[0], "/iot");
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.match(diagnostic.message, /qos must be 0, 1 or 2/);
    assert.ok(view.output.some((l) => l.startsWith("cpu load ")));
    assert.ok(!view.output.includes("not reached"));

    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(0, 0), "# edited\n");
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor(() => runDiagnostics(doc.uri).length === 0, {
      what: "the edit to clear the run's diagnostic",
    });
    await run("workbench.action.revertAndCloseActiveEditor");
  });

  test("a broker name nobody knows is a clear error; run on the local broker, it reaches the local broker", async () => {
    const doc = await openFixture("run-unknown-broker.rsc");
    const failed = await runScript({ uri: doc.uri });
    assert.equal(failed?.state, "error");
    assert.deepEqual(failed.unknownBrokers, ["nowhere"]);
    assert.match(
      failed.failures[0]?.message ?? "",
      /no broker named "nowhere" in the brokers view, and the script does not add one with \/iot mqtt brokers add/,
    );
    assert.equal(failed.failures[0]?.line, lineOf(doc, "broker=") + 1);

    const local = await run<string | undefined>("routerosMqtt.startLocalBroker");
    assert.ok(local, "the local broker started");
    const sub = await run<{ ok: boolean; message: string }>("routerosMqtt.subscribe", {
      broker: local,
      filter: "e2e/run/#",
      qos: 0,
    });
    assert.equal(sub.ok, true, sub.message);
    const routed = await runScript({ uri: doc.uri, unknownBrokers: "local" });
    assert.equal(routed?.state, "ok", JSON.stringify(routed?.failures));
    assert.ok(
      routed.output.includes(`[mqtt] broker "nowhere" is not in the brokers view: using "${local}" instead`),
      routed.output.join("\n"),
    );
    const message = await waitFor(() => api.lastMessage(local, "e2e/run/unknown"), {
      what: "the message at the local broker",
    });
    assert.equal(message.payload, "hello from nowhere");
  });

  test("a runaway loop stops on a second Run and on Stop Script; the extension host stays responsive", async () => {
    const doc = await openFixture("runaway.rsc");
    const loopLine = lineOf(doc, ":while (true)");
    let ticks = 0;
    let maxGapMs = 0;
    let last = Date.now();
    const heartbeat = setInterval(() => {
      const now = Date.now();
      maxGapMs = Math.max(maxGapMs, now - last);
      last = now;
      ticks++;
    }, 10);
    try {
      const first = runScript({ uri: doc.uri, timeoutSeconds: 0 });
      await waitFor(() => api.lastRun()?.state === "running" && api.lastRun()?.output.includes("started"), {
        what: "the loop to run",
      });
      const ticksBefore = ticks;
      await waitFor(() => ticks >= ticksBefore + 20, { what: "timers to fire while the loop runs" });
      const firstId = api.lastRun()?.id;

      const restartedAt = Date.now();
      const second = runScript({ uri: doc.uri, timeoutSeconds: 0 });
      const replaced = await first;
      const replaceMs = Date.now() - restartedAt;
      assert.equal(replaced?.id, firstId);
      assert.equal(replaced?.state, "cancelled");
      assert.equal(replaced.failures[0]?.line, loopLine + 1, "stopped inside the loop");
      await waitFor(() => api.lastRun()?.id !== firstId && api.lastRun()?.state === "running", {
        what: "the second run to start",
      });

      const stoppedAt = Date.now();
      const stopped = await run<ScriptRunView>("routerosMqtt.stopScript");
      const stopMs = Date.now() - stoppedAt;
      assert.equal(stopped.state, "cancelled");
      assert.equal((await second)?.id, stopped.id);
      assert.match(stopped.summary ?? "", new RegExp(`^runaway\\.rsc: stopped at line ${loopLine + 1}`));
      const [info] = runDiagnostics(doc.uri);
      assert.equal(info?.severity, vscode.DiagnosticSeverity.Information);
      assert.equal(info.range.start.line, loopLine);
      console.log(
        `run script: second Run ended the loop in ${replaceMs} ms, Stop Script in ${stopMs} ms; longest timer gap while looping ${maxGapMs} ms`,
      );
    } finally {
      clearInterval(heartbeat);
    }
  });

  test("a runaway regex run ends at its timeout in its own thread; the extension host answers throughout and after", async () => {
    const doc = await openFixture("run-regex-bomb.rsc");
    const loopLine = lineOf(doc, ":while (true)");
    let ticks = 0;
    const heartbeat = setInterval(() => ticks++, 10);
    try {
      const running = runScript({ uri: doc.uri, timeoutSeconds: 2 });
      await waitFor(() => api.lastRun()?.output.includes("matched: false"), { what: "the regex to fail" });
      const ticksBefore = ticks;
      await waitFor(() => ticks >= ticksBefore + 20, { what: "timers to fire while the loop runs" });
      const ended = await running;
      assert.equal(ended?.state, "timeout", JSON.stringify(ended?.failures));
      assert.equal(ended.failures[0]?.code, "RSC4006");
      assert.equal(ended.failures[0]?.line, loopLine + 1, "stopped inside the loop");
    } finally {
      clearInterval(heartbeat);
    }
    const after = await vscode.workspace.openTextDocument({
      language: "routeros",
      content: ':put "still here"',
    });
    const next = await runScript({ uri: after.uri });
    assert.equal(next?.state, "ok", JSON.stringify(next?.failures));
    assert.ok(next.output.includes("still here"), next.output.join("\n"));
  });

  test("on-message round trip: a message at the broker runs the script's handler, whose reply arrives", async () => {
    const doc = await openFixture("run-on-message.rsc");
    const outside = await mqtt.connectAsync(`mqtt://127.0.0.1:${broker.port}`, { reconnectPeriod: 0 });
    try {
      const running = runScript({ uri: doc.uri, timeoutSeconds: 0 });
      await waitFor(() => api.lastRun()?.state === "listening", { what: "the run to listen" });
      assert.ok(api.lastRun()?.output.includes("listening"));
      assert.ok(
        api.treeSnapshot().some((l) => l.trim().startsWith("e2e/run/cmd/+")),
        `the run's subscription shows in the brokers view:\n${api.treeSnapshot().join("\n")}`,
      );
      const from = received.length;
      await outside.publishAsync("e2e/run/cmd/ping", "42");
      const reply = await arrived("e2e/run/reply", from);
      assert.equal(reply.payload.toString(), "pong 42");
      assert.equal(reply.qos, 1);
      await waitFor(() => api.lastRun()?.output.includes("handled e2e/run/cmd/ping"), {
        what: "the handler's :put in the output",
      });
      const stopped = await run<ScriptRunView>("routerosMqtt.stopScript");
      assert.equal((await running)?.id, stopped.id);
      assert.equal(stopped.state, "ok", "a listening run ends ok when stopped");
      assert.match(
        stopped.summary ?? "",
        /^run-on-message\.rsc: ok, 1 message published, 1 on-message run\.$/,
      );
      await waitFor(() => !api.treeSnapshot().some((l) => l.includes("e2e/run/cmd/+")), {
        what: "the run's subscription to leave the brokers view",
      });
    } finally {
      await outside.endAsync();
    }
  });

  test("a run whose on-message handler fails ends as failed, with the count in its ending line and one problem", async () => {
    const doc = await vscode.workspace.openTextDocument({
      language: "routeros",
      content: [
        `/iot mqtt subscriptions add broker=${AWS} topic="e2e/run/fail/+" on-message={`,
        '  :if ($msgData = "bad") do={ :error "handler refused $msgData" }',
        '  :put "handled $msgData"',
        "}",
        `/iot mqtt publish broker=${AWS} topic="e2e/run/fail/1" message="bad" qos=1`,
        `/iot mqtt publish broker=${AWS} topic="e2e/run/fail/2" message="good" qos=1`,
        `/iot mqtt publish broker=${AWS} topic="e2e/run/fail/3" message="bad" qos=1`,
      ].join("\n"),
    });
    await vscode.window.showTextDocument(doc);
    const running = runScript({ uri: doc.uri, timeoutSeconds: 0 });
    await waitFor(
      () => {
        const now = api.lastRun();
        return now?.output.includes("handled good") && now.handlerFailures.length >= 2;
      },
      { what: "three on-message runs, two of them failed" },
    );
    const stopped = await run<ScriptRunView>("routerosMqtt.stopScript");
    assert.equal((await running)?.id, stopped.id);
    assert.equal(stopped.state, "error", "failed on-message runs fail the run");
    assert.deepEqual(stopped.failures, [], "the script itself ended well");
    const failing = lineOf(doc, ":error");
    assert.deepEqual(
      stopped.handlerFailures.map((f) => `${f.line} ${f.message}`),
      [`${failing + 1} handler refused bad`, `${failing + 1} handler refused bad`],
    );
    assert.ok(
      stopped.output.filter((l) => l.startsWith("[on-message] ") && l.endsWith("handler refused bad"))
        .length === 2,
      stopped.output.join("\n"),
    );
    const ending = stopped.output.filter((l) => l.startsWith("■ "));
    assert.equal(ending.length, 1, stopped.output.join("\n"));
    assert.match(
      ending[0] ?? "",
      /^■ error: 2 of 3 on-message runs failed; 3 messages published, 3 on-message runs after \d+\.\d s$/,
    );
    assert.match(
      stopped.summary ?? "",
      /^Untitled-\d+: error: 2 of 3 on-message runs failed; 3 messages published, 3 on-message runs\.$/,
    );
    const [problem, ...others] = runDiagnostics(doc.uri);
    assert.ok(problem, "the handler's failure is in the Problems panel");
    assert.deepEqual(others, [], "two failures at one place are one problem");
    assert.equal(problem.range.start.line, failing);
    assert.equal(doc.getText(problem.range), ':error "handler refused $msgData"');
    assert.equal(problem.message, "on-message script: handler refused bad");
  });

  test("routerosMqtt.run.deviceProfile: a profile file changes what the script reads; a bad one is a clear error", async () => {
    const config = vscode.workspace.getConfiguration("routerosMqtt.run");
    await config.update("deviceProfile", "lab.device.json", true);
    const doc = await vscode.workspace.openTextDocument({
      language: "routeros",
      content: ":put [/system identity get name]",
    });
    await vscode.window.showTextDocument(doc);
    const view = await runScript({ uri: doc.uri });
    assert.equal(view?.state, "ok", JSON.stringify(view?.failures));
    assert.ok(view.output.includes("e2e-lab"), view.output.join("\n"));
    assert.ok(view.output[0]?.includes(fixtureUri("lab.device.json").fsPath), view.output[0]);

    await config.update("deviceProfile", "missing.device.json", true);
    const bad = await runScript({ uri: doc.uri });
    assert.equal(bad?.state, "error");
    assert.match(
      bad.summary ?? "",
      /not run: cannot read the device profile .*missing\.device\.json: no such file/,
    );
    assert.deepEqual(bad.published, []);
    await config.update("deviceProfile", undefined, true);
  });
});

// The MQTT side of VS Code runs against a real broker: view broker names share the extension's one connection manager, unknown names fail clearly (or go to the fallback), brokers the script adds get their own connection, on-message round trips, and a run leaves the user's subscriptions as they were.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as mqtt from "mqtt";
import { DEFAULT_PROFILE } from "../../../server/src/interpreter";
import {
  ConnectionManager,
  makeBrokerProfile,
  staticSecrets,
  startEmbeddedBroker,
  type EmbeddedBroker,
  type ReceivedPublish,
} from "../../../client/src/mqtt";
import { runScript, type RunResult } from "../../../client/src/run";
import { withViewBrokers } from "../../../client/src/ui/run/runDevice";
import {
  ViewBrokerPort,
  type Route,
  type ViewBrokerPortOptions,
} from "../../../client/src/ui/run/viewBrokerPort";
import { fromRoot } from "../../support/paths";
import { waitFor } from "../../support/waitFor";

const EDITOR_CLIENT_ID = "editor-run-test";
let broker: EmbeddedBroker;
let manager: ConnectionManager;
const received: ReceivedPublish[] = [];

before(async () => {
  broker = await startEmbeddedBroker({ onPublish: (m) => received.push(m) });
  manager = new ConnectionManager({ secrets: staticSecrets() });
  manager.setProfiles([
    makeBrokerProfile({ name: "view", address: broker.host, port: broker.port, clientId: EDITOR_CLIENT_ID }),
    makeBrokerProfile({ name: "local", address: broker.host, port: broker.port }),
  ]);
});

after(async () => {
  await manager.dispose();
  await broker.close();
});

interface Ran {
  readonly result: RunResult;
  readonly out: string[];
  readonly routes: Array<[string, Route]>;
  readonly changes: string[];
  readonly port: ViewBrokerPort;
}

interface Started {
  /** Output so far (`:put` lines, and `:log` lines as `level message`). */
  readonly out: string[];
  /** Stops the run (as the Stop button does) once `until` holds, and resolves with how it ended. */
  stopWhen(until: (out: string[]) => boolean): Promise<Ran>;
  readonly finished: Promise<Ran>;
}

/** Starts a script through a ViewBrokerPort over the shared manager. */
function start(text: string, options: Partial<ViewBrokerPortOptions> = {}): Started {
  const out: string[] = [];
  const routes: Array<[string, Route]> = [];
  const changes: string[] = [];
  const port = new ViewBrokerPort({
    manager,
    inView: (name) => manager.profiles().some((p) => p.name === name),
    clientIdOwner: (id) => manager.profiles().find((p) => p.clientId === id)?.name,
    onRoute: (name, route) => routes.push([name, route]),
    onViewSubscriptionsChanged: (b, filter, on) => changes.push(`${on ? "+" : "-"}${b} ${filter}`),
    ...options,
  });
  const controller = new AbortController();
  const finished = runScript(text, {
    fileName: "t.rsc",
    device: withViewBrokers(DEFAULT_PROFILE, manager.profiles()),
    mqtt: (run) => port.attach(run),
    signal: controller.signal,
    timeoutMs: 20_000,
    output: { put: (l) => out.push(l), log: (level, m) => out.push(`${level} ${m}`) },
  }).then(
    async (result) => {
      await port.close();
      return { result, out, routes, changes, port };
    },
    async (error: unknown) => {
      await port.close();
      throw error;
    },
  );
  return {
    out,
    finished,
    stopWhen: async (until) => {
      await waitFor(() => until(out), { what: "the expected output", timeoutMs: 10_000 }).finally(() =>
        controller.abort(),
      );
      return finished;
    },
  };
}

/** Runs a script that ends by itself. */
function runThrough(text: string, options: Partial<ViewBrokerPortOptions> = {}): Promise<Ran> {
  return start(text, options).finished;
}

const arrived = (topic: string): Promise<ReceivedPublish> =>
  waitFor(() => received.find((m) => m.topic === topic), { what: `a message on ${topic}` });

/** The telemetry JSON the seed script builds, from the shipped profile's values. */
function expectedTelemetry(): string {
  const menus = DEFAULT_PROFILE.menus;
  const resource = menus["/system/resource"] as Record<string, string | number>;
  const board = menus["/system/routerboard"] as Record<string, string>;
  const packages = menus["/system/package"] as ReadonlyArray<Record<string, string>>;
  const ros = packages.find((p) => p["name"] === "routeros")?.["version"];
  const free = Number(resource["free-memory"]);
  return JSON.stringify({
    model: board["model"],
    sn: board["serial-number"],
    ros,
    cpu: resource["cpu-load"],
    umem: Number(resource["total-memory"]) - free,
    fmem: free,
    uptime: resource["uptime"],
  });
}

test("the seed telemetry script publishes through the view's connection: exact payload, one client at the broker", async () => {
  const seed = readFileSync(fromRoot("examples", "system-telemetry.rsc"), "utf8")
    .replace(':local broker "AWS"', ':local broker "view"')
    .replace('"my/test/topic"', '"port/telemetry"');
  const { result, routes } = await runThrough(seed);
  assert.equal(result.status, "ok", JSON.stringify(result.failures));
  const message = await arrived("port/telemetry");
  assert.equal(message.payload.toString("utf8"), expectedTelemetry());
  assert.equal(message.clientId, EDITOR_CLIENT_ID, "published by the view's own client");
  assert.deepEqual(routes, [["view", { kind: "view", broker: "view" }]]);
  assert.equal(manager.state("view").status, "connected", "the view's connection stays up after the run");
  assert.equal(broker.connectedClients(), 1);
});

test("a name nobody knows is a clear error at the publish line; with a fallback it reaches the fallback broker", async () => {
  const script = ':put "before"\n/iot mqtt publish broker=AWS topic="port/fallback" message="m1"';
  const failed = await runThrough(script);
  assert.equal(failed.result.status, "error");
  assert.equal(failed.result.failures[0]?.line, 2);
  assert.match(
    failed.result.failures[0]?.message ?? "",
    /no broker named "AWS" in the brokers view, and the script does not add one with \/iot mqtt brokers add/,
  );
  assert.deepEqual(failed.port.unknownBrokers(), ["AWS"]);

  const routed = await runThrough(script, { fallback: "local" });
  assert.equal(routed.result.status, "ok", JSON.stringify(routed.result.failures));
  assert.equal((await arrived("port/fallback")).payload.toString(), "m1");
  assert.deepEqual(routed.routes, [["AWS", { kind: "fallback", broker: "local" }]]);
  assert.deepEqual(routed.port.unknownBrokers(), []);
});

test("a view broker with broken settings says so instead of pretending it does not exist", async () => {
  const { result } = await runThrough('/iot mqtt publish broker=view topic="x" message="m"', {
    viewProblem: (name) => (name === "view" ? "port: 99999 is out of range" : undefined),
  });
  assert.equal(result.status, "error");
  assert.match(
    result.failures[0]?.message ?? "",
    /broker "view" of the brokers view cannot connect until its settings are fixed: port: 99999/,
  );
});

test("a broker the script adds gets its own connection, closed after the run; reusing a view client id is refused", async () => {
  const add = `/iot mqtt brokers add name=own address=${broker.host} port=${broker.port}`;
  const viewClients = broker.connectedClients();
  const own = await runThrough(`${add}\n/iot mqtt publish broker=own topic="port/own" message="m2" qos=1`);
  assert.equal(own.result.status, "ok", JSON.stringify(own.result.failures));
  const message = await arrived("port/own");
  assert.notEqual(message.clientId, EDITOR_CLIENT_ID);
  assert.deepEqual(own.routes, [["own", { kind: "own", endpoint: `${broker.host}:${broker.port}` }]]);
  await waitFor(() => broker.connectedClients() === viewClients, {
    what: "the run's own connection to close",
  });

  const clash = await runThrough(
    `${add} client-id=${EDITOR_CLIENT_ID}\n/iot mqtt publish broker=own topic="port/clash" message="m3"`,
  );
  assert.equal(clash.result.status, "error");
  assert.match(
    clash.result.failures[0]?.message ?? "",
    /uses client-id "editor-run-test", like broker "view" of the brokers view/,
  );
  assert.equal(received.filter((m) => m.topic === "port/clash").length, 0);
});

test("on-message round trip through a view broker; the run's subscription ends with it, the user's stays", async () => {
  await manager.subscribe("view", "user/#", 0);
  const script = [
    ":put [/iot mqtt brokers get [find name=view] connected]",
    '/iot mqtt subscriptions add broker=view topic="port/cmd/+" on-message={',
    '  /iot mqtt publish broker=view topic="port/reply" message=("pong " . $msgData)',
    '  :put "handled $msgTopic"',
    "}",
    ':put "listening"',
  ].join("\n");
  const outside = await mqtt.connectAsync(`mqtt://${broker.host}:${broker.port}`, { reconnectPeriod: 0 });
  try {
    const run = start(script);
    await waitFor(() => run.out.includes("listening"), { what: "the script to end and listen" });
    await outside.publishAsync("user/x", "not for the run");
    await outside.publishAsync("port/cmd/ping", "7");
    const { result, out, changes } = await run.stopWhen((o) => o.includes("handled port/cmd/ping"));
    assert.equal(result.status, "ok", JSON.stringify(result.failures));
    assert.equal((await arrived("port/reply")).payload.toString(), "pong 7");
    assert.deepEqual(out, ["true", "listening", "handled port/cmd/ping"]);
    assert.equal(result.onMessageRuns, 1, "only the run's filter reaches its on-message scripts");
    assert.deepEqual(changes, ["+view port/cmd/+", "-view port/cmd/+"]);
    assert.deepEqual(
      manager.subscriptions("view").map((s) => s.filter),
      ["user/#"],
    );
  } finally {
    await outside.endAsync();
    await manager.unsubscribe("view", "user/#");
  }
});

test("a subscription the user already had is used by the run and kept afterwards", async () => {
  await manager.subscribe("view", "port/shared/#", 0);
  const outside = await mqtt.connectAsync(`mqtt://${broker.host}:${broker.port}`, { reconnectPeriod: 0 });
  try {
    const run = start(
      '/iot mqtt subscriptions add broker=view topic="port/shared/#" on-message={ :put $msgData }\n:put "listening"',
    );
    await waitFor(() => run.out.includes("listening"), { what: "the script to end and listen" });
    await outside.publishAsync("port/shared/a", "hello");
    const { changes } = await run.stopWhen((out) => out.includes("hello"));
    assert.deepEqual(changes, ["+view port/shared/#"], "nothing removed");
    assert.ok(manager.subscriptions("view").some((s) => s.filter === "port/shared/#"));
  } finally {
    await outside.endAsync();
    await manager.unsubscribe("view", "port/shared/#");
  }
});

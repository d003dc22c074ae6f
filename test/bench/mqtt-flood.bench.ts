// Floods a real Mosquitto from a separate process (25,000 msg/s to 10,000 topics under 50 routers) and receives through ConnectionManager + MessageHub (store and batcher) with the brokers view's topic tree open (batches noted, synced and its visible rows read every 300 ms, as the view does) and one open chart's feed: ingest rate, longest event-loop stall, CPU per message, heap growth, redraw time; once without a filter, then with the view's filter set during the flood (a topic pattern with a JSON field, then a JSON field every topic's payload is parsed for).
import { spawn } from "node:child_process";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { ChartFeed } from "../../client/src/messages/chartFeed";
import { MessageHub } from "../../client/src/messages/messageHub";
import { matchesQuery, parseTopicQuery, type TopicQuery } from "../../client/src/messages/topicQuery";
import { SYNC_BUDGET_MS, TopicTrees } from "../../client/src/messages/topicTrees";
import { makeBrokerProfile, staticSecrets } from "../../client/src/mqtt/brokerProfile";
import { ConnectionManager } from "../../client/src/mqtt/connectionManager";
import {
  findExecutable,
  mosquittoSkipReason,
  startMosquitto,
  type MosquittoBroker,
} from "../support/mosquitto";
import { waitFor } from "../support/waitFor";

const RATE = 25_000;
const DURATION_MS = 6_000;
/** 50 routers × 20 interfaces × 10 metrics = 10,000 topics. */
const ROUTERS = 50;
const INTERFACES = 20;
const METRICS = [
  "rx-byte",
  "tx-byte",
  "rx-packet",
  "tx-packet",
  "rx-drop",
  "tx-drop",
  "rx-error",
  "tx-error",
  "link-downs",
  "running",
];
const FILTER = "routers/#";
/** The view's redraw interval (brokersTree.ts). */
const VIEW_REFRESH_MS = 300;
/**
 * The phases: no filter; a topic pattern with a JSON field (the pattern rules out 9 topics in 10 before any payload
 * is read); a JSON field alone (the latest payload of every changed topic parsed at every redraw).
 */
const PHASES: ReadonlyArray<{ name: string; filter: string | undefined }> = [
  { name: "no_filter", filter: undefined },
  { name: "pattern_and_field", filter: "routers/+/interfaces/+/rx-byte cpu-load > 80" },
  { name: "field_everywhere", filter: "cpu-load > 80" },
];
/** A filter is set this long into the flood, as a user types it while watching (its cost is measured apart). */
const FILTER_SET_AFTER_MS = 2_000;

function collectGarbage(): () => void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) return g;
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
}

/**
 * A 5 ms timer that measures how late it fires, and how much CPU this process used meanwhile: a stall while this
 * process was busy is ours; a stall while it was idle is the OS running the broker and the publisher (2 cores).
 */
function watchStalls(): { stop(): { maxBusyMs: number; over50: number } } {
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  let maxBusyMs = 0;
  let over50 = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    const cpu = process.cpuUsage(lastCpu);
    const lateMs = now - last - 5;
    const busyMs = Math.min(lateMs, (cpu.user + cpu.system) / 1000);
    if (lateMs > 50) over50++;
    maxBusyMs = Math.max(maxBusyMs, busyMs);
    last = now;
    lastCpu = process.cpuUsage();
  }, 5);
  return {
    stop: () => {
      clearInterval(timer);
      return { maxBusyMs, over50 };
    },
  };
}

export async function run(opts: { log: (s: string) => void }): Promise<Record<string, number | string>> {
  const skip = mosquittoSkipReason();
  if (skip) {
    opts.log(`  skipped: ${skip}`);
    return { skipped: skip };
  }
  const only = process.env.FLOOD_PHASES?.split(",");
  const broker = await startMosquitto({ extraConfig: ["max_queued_messages 1000000", "max_queued_bytes 0"] });
  const figures: Record<string, number | string> = {};
  try {
    for (const phase of PHASES) {
      if (only && !only.includes(phase.name)) continue;
      const query = phase.filter === undefined ? undefined : parsedQuery(phase.filter);
      for (const [key, value] of Object.entries(await floodOnce(broker, phase.name, query)))
        figures[`${phase.name}.${key}`] = value;
    }
  } finally {
    await broker.dispose();
  }
  return figures;
}

function parsedQuery(source: string): TopicQuery {
  const parsed = parseTopicQuery(source);
  if (!parsed.ok) throw new Error(`bench filter "${source}": ${parsed.message}`);
  return parsed.query;
}

/** One flood received with the view open, and `query` set as the view's filter FILTER_SET_AFTER_MS into it. */
async function floodOnce(
  broker: MosquittoBroker,
  phase: string,
  query: TopicQuery | undefined,
): Promise<Record<string, number | string>> {
  const gc = collectGarbage();
  const manager = new ConnectionManager({ secrets: staticSecrets() });
  const hub = new MessageHub({ intervalMs: 150 });
  hub.setSubscriptions("flood", [FILTER]);
  const trees = new TopicTrees(hub);
  let batches = 0;
  let batchWorkTopics = 0;
  // An open chart of one flooded topic, fed per batch as the chart panels are.
  const chart = new ChartFeed("routers/r0/interfaces/if0/rx-byte");
  let chartPulls = 0;
  let dirty = false;
  hub.onBatch((_broker, batch) => {
    batches++;
    batchWorkTopics += batch.topics.length;
    trees.note("flood", batch);
    dirty = true;
    if (batch.topics.includes(chart.topic)) {
      chart.pull(hub.store("flood"));
      chartPulls++;
    }
  });
  // The view: every 300 ms after a batch, sync the trees and read what an open tree shows (the 50 routers with their
  // sums, router r0 expanded down to one interface's topics, each with its summary).
  let viewRedraws = 0;
  let viewRowsRead = 0;
  let viewMaxMs = 0;
  let viewMaxCpuMs = 0;
  let viewCpuMs = 0;
  const redraw = (): void => {
    if (!dirty) return;
    dirty = false;
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    const tree = trees.tree("flood", FILTER);
    // As the view does: a slice of the pending batches, the rest at the next turn.
    if (!trees.sync("flood", SYNC_BUDGET_MS)) {
      dirty = true;
      setTimeout(redraw, 0);
    }
    const now = Date.now();
    for (const path of [undefined, "routers/r0", "routers/r0/interfaces", "routers/r0/interfaces/if0"]) {
      for (const row of tree.rows(path, true)) {
        tree.stats(row.path, now);
        if (row.topic) hub.store("flood")?.topic(row.topic);
        viewRowsRead++;
      }
    }
    viewRedraws++;
    viewMaxMs = Math.max(viewMaxMs, performance.now() - started);
    const cpu = process.cpuUsage(cpuStarted);
    viewMaxCpuMs = Math.max(viewMaxCpuMs, (cpu.user + cpu.system) / 1000);
    viewCpuMs += (cpu.user + cpu.system) / 1000;
  };
  const view = setInterval(redraw, VIEW_REFRESH_MS);
  // The filter, set as Filter Topics does (brokersTree.setQuery: one slice of its evaluation, then the view redraws
  // at once and what the slice left follows).
  let filterSetMs = 0;
  let filterTimer: NodeJS.Timeout | undefined;
  const setFilter = (): void => {
    const started = performance.now();
    trees.setQuery(query, SYNC_BUDGET_MS);
    filterSetMs = performance.now() - started;
    dirty = true;
    setTimeout(redraw, 0);
  };
  let received = 0;
  let firstAt = 0;
  let lastAt = 0;
  let done = false;
  manager.onMessage((_name, topic, payload, info) => {
    if (topic === "flood/done") {
      done = true;
      return;
    }
    const now = performance.now();
    if (received === 0) firstAt = now;
    lastAt = now;
    received++;
    hub.add("flood", topic, payload, info);
  });
  try {
    manager.setProfiles([
      makeBrokerProfile({
        name: "flood",
        address: "127.0.0.1",
        port: broker.ports.plain,
        clientId: `bench-sub-${phase}`,
      }),
    ]);
    await manager.subscribe("flood", FILTER, 0);
    await manager.subscribe("flood", "flood/done", 0);
    // As in the editor, the view draws the subscription (and so makes its tree) as soon as it exists.
    trees.tree("flood", FILTER);
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    // The publisher stands in for remote routers: run it at low priority so it competes less with this process.
    const nice = findExecutable("nice");
    const command = nice ? [nice, "-n", "19", process.execPath] : [process.execPath];
    const child = spawn(
      command[0] as string,
      [
        ...command.slice(1),
        join(__dirname, "..", "support", "floodPublisher.js"),
        JSON.stringify({
          url: `mqtt://127.0.0.1:${broker.ports.plain}`,
          ratePerSecond: RATE,
          durationMs: DURATION_MS,
          routers: ROUTERS,
          interfaces: INTERFACES,
          metrics: METRICS,
          prefix: "routers",
        }),
      ],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    // Measure from the moment the publisher is connected: starting a process is the harness's cost, not the product's.
    await waitFor(() => output.includes('"ready"') || child.exitCode !== null, {
      what: "the publisher ready",
      timeoutMs: 10_000,
    });
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    const stalls = watchStalls();
    const cpuBefore = process.cpuUsage();
    const wallBefore = performance.now();
    if (query) filterTimer = setTimeout(setFilter, FILTER_SET_AFTER_MS);

    const code = await exited;
    if (code !== 0) throw new Error(`flood publisher exited with ${code}`);
    const report = JSON.parse(output.trim().split("\n").pop() ?? "{}") as { sent: number; elapsedMs: number };
    await waitFor(() => done, { what: "the end-of-flood marker", timeoutMs: 30_000 });
    // Every message reached the tree (through batches), before the measurement ends.
    await waitFor(
      () => {
        trees.sync("flood");
        return trees.tree("flood", FILTER).stats(undefined, Date.now())?.messages === received;
      },
      { what: "every received message counted in the topic tree", timeoutMs: 10_000 },
    );
    delay.disable();
    const stall = stalls.stop();
    const cpu = process.cpuUsage(cpuBefore);
    const cpuPercent = ((cpu.user + cpu.system) / 1000 / (performance.now() - wallBefore)) * 100;

    const heapAfterFlood = process.memoryUsage().heapUsed;
    gc();
    const heapAfterGc = process.memoryUsage().heapUsed;
    const stats = hub.store("flood")?.stats() ?? { topics: 0, messages: 0, bytes: 0 };
    const treeStats = trees.tree("flood", FILTER).stats(undefined, Date.now());
    // The tree's matching topics are those whose latest payload satisfies the filter now.
    const store = hub.store("flood");
    const expectedMatching = query
      ? (store?.topicsFor(FILTER) ?? []).filter((t) =>
          matchesQuery(query, t, store?.last(t)?.payload ?? Buffer.alloc(0)),
        ).length
      : (treeStats?.topics ?? 0);
    if (treeStats?.matching !== expectedMatching) {
      throw new Error(
        `${phase}: the tree counts ${treeStats?.matching} matching topics, not ${expectedMatching}`,
      );
    }
    const ingestSeconds = (lastAt - firstAt) / 1000;
    const maxStallMs = delay.max / 1e6;
    const figures = {
      filter: query?.source ?? "(none)",
      target_rate_msg_per_s: RATE,
      publisher_rate_msg_per_s: Math.round(report.sent / (report.elapsedMs / 1000)),
      sent: report.sent,
      received,
      lost: report.sent - received,
      ingest_rate_msg_per_s: Math.round(received / Math.max(ingestSeconds, 0.001)),
      receiver_cpu_percent: cpuPercent,
      receiver_cpu_us_per_msg: (cpu.user + cpu.system) / Math.max(received, 1),
      max_event_loop_stall_ms: maxStallMs,
      p99_event_loop_delay_ms: delay.percentile(99) / 1e6,
      max_stall_busy_in_this_process_ms: stall.maxBusyMs,
      stalls_over_50ms: stall.over50,
      stall_goal_50ms_met:
        maxStallMs <= 50
          ? "yes"
          : stall.maxBusyMs <= 50
            ? "only CPU starvation by other processes exceeded it"
            : "no",
      heap_growth_mb: (heapAfterGc - heapBefore) / 1024 / 1024,
      heap_peak_growth_mb: (heapAfterFlood - heapBefore) / 1024 / 1024,
      store_topics: stats.topics,
      store_messages: stats.messages,
      store_mb: stats.bytes / 1024 / 1024,
      ui_batches: batches,
      ui_batch_topics: batchWorkTopics,
      view_redraws: viewRedraws,
      view_rows_read: viewRowsRead,
      view_longest_redraw_ms: viewMaxMs,
      view_longest_redraw_cpu_ms: viewMaxCpuMs,
      view_total_cpu_ms: viewCpuMs,
      tree_topics: treeStats?.topics ?? 0,
      tree_messages: treeStats?.messages ?? 0,
      tree_matching_topics: treeStats?.matching ?? 0,
      filter_set_ms: filterSetMs,
      chart_pulls: chartPulls,
      chart_series: chart.series.names().join(" "),
      chart_points: chart.series.series().reduce((n, s) => n + s.times.length, 0),
    };
    return figures;
  } finally {
    clearInterval(view);
    if (filterTimer) clearTimeout(filterTimer);
    hub.dispose();
    await manager.dispose();
  }
}

// Benchmark: the interpreter's arithmetic loop (in this thread and in a run's worker), and a script publishing 10,000 messages (QoS 0 and 1) from its worker to Mosquitto beside a plain `mqtt` loop (sequential, as a script publishes) and beside the same script in this thread (no thread hops), with the process's CPU time per message.
import * as mqtt from "mqtt";
import { makeBrokerProfile } from "../../client/src/mqtt";
import { runScript, runScriptIsolated } from "../../client/src/run";
import { createBasicHost, Interpreter, SourceText } from "../../server/src/interpreter";
import { mosquittoSkipReason, startMosquitto } from "../support/mosquitto";

const ITERATIONS = 1_000_000;
const MESSAGES = 10_000;
/** Rounds of each publishing loop; the best round of each side is compared. */
const ROUNDS = 5;
/** A publish loop stops early after this long (a slow connection would otherwise take minutes). */
const BUDGET_MS = 20_000;

const LOOP = `:for i from=1 to=${ITERATIONS} do={ :set sum ($sum + ($i * 3) % 7) }`;

async function arithmetic(): Promise<{ ms: number; perSecond: number }> {
  const script = `:local sum 0\n${LOOP}\n:put $sum`;
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const interpreter = new Interpreter(createBasicHost());
    const started = performance.now();
    const outcome = await interpreter.run(new SourceText("loop.rsc", script));
    const ms = performance.now() - started;
    if (outcome.status !== "ok") throw new Error(`the arithmetic loop failed: ${JSON.stringify(outcome)}`);
    best = Math.min(best, ms);
  }
  return { ms: best, perSecond: ITERATIONS / (best / 1000) };
}

/** `00:00:00.124861219` (what `:time` returns) in ms. */
function timeMs(text: string): number {
  const m = /^(\d+):(\d+):(\d+(?:\.\d+)?)$/.exec(text);
  if (!m) throw new Error(`not a :time result: ${text}`);
  return ((Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3])) * 1000;
}

/** The same loop in a run's worker: the loop's own time (`:time` in the worker) and the whole run's (worker start included). */
async function arithmeticIsolated(): Promise<{ loopMs: number; runMs: number }> {
  const script = `:local sum 0\n:put [:time {${LOOP}}]`;
  let loopMs = Infinity;
  let runMs = Infinity;
  for (let round = 0; round < 3; round++) {
    const lines: string[] = [];
    const started = performance.now();
    const result = await runScriptIsolated(script, { output: { put: (l) => lines.push(l), log: () => {} } });
    if (result.status !== "ok")
      throw new Error(`the arithmetic loop failed: ${JSON.stringify(result.failures)}`);
    runMs = Math.min(runMs, performance.now() - started);
    loopMs = Math.min(loopMs, timeMs(lines[0] ?? ""));
  }
  return { loopMs, runMs };
}

interface Rate {
  sent: number;
  perSecond: number;
  /** The process's CPU time (every thread, user and system) per message, in microseconds. */
  cpuUs: number;
}

/** Messages per second between the first and the last acknowledged (QoS 1) or written (QoS 0) publish. */
function rateOf(times: readonly number[], cpu: NodeJS.CpuUsage): Rate {
  const first = times[0] ?? 0;
  const last = times[times.length - 1] ?? 0;
  return {
    sent: times.length,
    perSecond: times.length > 1 ? ((times.length - 1) * 1000) / (last - first) : 0,
    cpuUs: times.length > 0 ? (cpu.user + cpu.system) / times.length : 0,
  };
}

type Runner = typeof runScriptIsolated;

async function scriptRate(
  port: number,
  qos: 0 | 1,
  messages = MESSAGES,
  runner: Runner = runScriptIsolated,
): Promise<Rate> {
  const times: number[] = [];
  const controller = new AbortController();
  const budget = setTimeout(() => controller.abort(), BUDGET_MS);
  const script = [
    "/iot mqtt connect broker=bench",
    `:for i from=1 to=${messages} do={ /iot mqtt publish broker=bench topic="bench/script" message="message $i" qos=${qos} }`,
  ].join("\n");
  const cpu = process.cpuUsage();
  try {
    const result = await runner(script, {
      output: { put: () => {}, log: () => {} },
      brokers: (name) => ({ profile: makeBrokerProfile({ name, address: "127.0.0.1", port }) }),
      onPublish: () => times.push(performance.now()),
      signal: controller.signal,
    });
    if (result.status === "error")
      throw new Error(`the publishing script failed: ${JSON.stringify(result.failures)}`);
  } finally {
    clearTimeout(budget);
  }
  return rateOf(times, process.cpuUsage(cpu));
}

async function plainRate(port: number, qos: 0 | 1, messages = MESSAGES): Promise<Rate> {
  const client = await mqtt.connectAsync(`mqtt://127.0.0.1:${port}`, {
    clientId: `bench-plain-${qos}`,
    reconnectPeriod: 0,
  });
  const times: number[] = [];
  const deadline = performance.now() + BUDGET_MS;
  const cpu = process.cpuUsage();
  try {
    // One publish at a time, each awaited: a script's publishes are sequential too.
    for (let i = 1; i <= messages && performance.now() < deadline; i++) {
      await client.publishAsync("bench/plain", `message ${i}`, { qos });
      times.push(performance.now());
    }
  } finally {
    await client.endAsync();
  }
  return rateOf(times, process.cpuUsage(cpu));
}

/** The round with the highest rate, and the median CPU time per message of all rounds. */
function bestOf(rounds: readonly Rate[]): Rate {
  const best = rounds.reduce((a, b) => (b.perSecond > a.perSecond ? b : a));
  const cpu = rounds.map((r) => r.cpuUs).sort((a, b) => a - b);
  return { ...best, cpuUs: cpu[Math.floor(cpu.length / 2)] ?? 0 };
}

export async function run(opts: { log: (s: string) => void }): Promise<Record<string, number | string>> {
  const loop = await arithmetic();
  opts.log(`arithmetic :for loop: ${ITERATIONS} iterations in ${loop.ms.toFixed(0)} ms`);
  const isolated = await arithmeticIsolated();
  opts.log(
    `the same loop in a run's worker: ${isolated.loopMs.toFixed(0)} ms (${((isolated.loopMs / loop.ms - 1) * 100).toFixed(0)} % beside this thread; goal within 10 %); the whole run, worker start included: ${isolated.runMs.toFixed(0)} ms`,
  );
  const figures: Record<string, number | string> = {
    arithmetic_loop_ms: loop.ms,
    arithmetic_iterations_per_s: loop.perSecond,
    worker_loop_ms: isolated.loopMs,
    worker_run_ms: isolated.runMs,
  };
  const skip = mosquittoSkipReason();
  if (skip) {
    opts.log(`MQTT publishing skipped: ${skip}`);
    figures["mqtt"] = `skipped: ${skip}`;
    return figures;
  }
  const broker = await startMosquitto();
  try {
    // Both loops first as a warm-up, long enough that neither is measured before the JIT has optimised its path
    // (the script path is deeper: interpreter, runner, connection layer; a short warm-up measures compilation).
    for (const qos of [0, 1] as const) {
      await plainRate(broker.ports.plain, qos, MESSAGES);
      await scriptRate(broker.ports.plain, qos, MESSAGES);
    }
    await scriptRate(broker.ports.plain, 1, MESSAGES, runScript);
    for (const qos of [0, 1] as const) {
      // 10,000 QoS 0 messages take a few tens of milliseconds: one pause of the collector moves a single figure by
      // a third. The loops run ROUNDS times, alternating, and each keeps its best round. At QoS 1 the same script
      // also runs in this thread: what it loses in its worker beside that is the cost of the two thread hops of
      // each acknowledged publish (a request to this thread, the reply back).
      const plainRounds: Rate[] = [];
      const scriptRounds: Rate[] = [];
      const inThreadRounds: Rate[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        plainRounds.push(await plainRate(broker.ports.plain, qos));
        scriptRounds.push(await scriptRate(broker.ports.plain, qos));
        if (qos === 1) inThreadRounds.push(await scriptRate(broker.ports.plain, qos, MESSAGES, runScript));
      }
      const plain = bestOf(plainRounds);
      const script = bestOf(scriptRounds);
      const ratio = plain.perSecond > 0 ? script.perSecond / plain.perSecond : 0;
      opts.log(
        `QoS ${qos}: script ${script.perSecond.toFixed(0)} msg/s (${script.sent} sent, ${script.cpuUs.toFixed(1)} µs CPU each), plain mqtt ${plain.perSecond.toFixed(0)} msg/s (${plain.sent} sent, ${plain.cpuUs.toFixed(1)} µs CPU each): ${(ratio * 100).toFixed(0)} % (goal 90 %)`,
      );
      figures[`qos${qos}_script_msgs_per_s`] = script.perSecond;
      figures[`qos${qos}_plain_msgs_per_s`] = plain.perSecond;
      figures[`qos${qos}_script_sent`] = script.sent;
      figures[`qos${qos}_ratio_percent`] = ratio * 100;
      figures[`qos${qos}_script_cpu_us_per_msg`] = script.cpuUs;
      figures[`qos${qos}_plain_cpu_us_per_msg`] = plain.cpuUs;
      if (inThreadRounds.length > 0) {
        const inThread = bestOf(inThreadRounds);
        const inThreadRatio = plain.perSecond > 0 ? inThread.perSecond / plain.perSecond : 0;
        opts.log(
          `QoS ${qos}: the same script in this thread (no thread hops) ${inThread.perSecond.toFixed(0)} msg/s (${inThread.cpuUs.toFixed(1)} µs CPU each): ${(inThreadRatio * 100).toFixed(0)} %`,
        );
        figures[`qos${qos}_in_thread_msgs_per_s`] = inThread.perSecond;
        figures[`qos${qos}_in_thread_ratio_percent`] = inThreadRatio * 100;
        figures[`qos${qos}_in_thread_cpu_us_per_msg`] = inThread.cpuUs;
      }
    }
  } finally {
    await broker.dispose();
  }
  return figures;
}

// /system scheduler in a run, on a fake clock: each case a script, how long the run listens, and what ran when (ms after the script ended).
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { checkDeviceProfile, type HostClock, type ScriptFailure } from "../../../server/src/interpreter";
import { formatFailure, runScript, type MqttPort, type RunResult } from "../../../client/src/run";
import { FakeClock } from "../../support/fakeClock";
import { within } from "../../support/waitFor";

/** The fake clock starts at 2024-01-02 10:00:00 local time, so that start-time=10:00:30 is 30 s away. */
const START = new Date(2024, 0, 2, 10, 0, 0).getTime();
/** Time moves in steps of this many ms; the run's promises settle between two steps. */
const STEP_MS = 1000;

interface Case {
  readonly name: string;
  readonly script: readonly string[];
  /** How long the run listens after the script ended (the clock moves by STEP_MS at a time). */
  readonly listenMs: number;
  /** `:put` lines as `<ms after the script ended> <line>`, and failures as `<ms> ! file:line:column: message`. */
  readonly expected: readonly string[];
  readonly scheduledRuns: number;
  readonly failedScheduledRuns?: number;
  /** false: the run must not listen (it ends on its own). */
  readonly listens?: boolean;
  readonly profile?: Readonly<Record<string, unknown>>;
  /** MQTT through a loopback port (a message published to a subscribed topic comes back), so on the fake clock. */
  readonly loopback?: boolean;
}

const cases: readonly Case[] = [
  {
    name: "an interval without start-time: first run one interval after the script ended, then every interval",
    script: ['/system scheduler add name=t interval=1m on-event={ :put "tick" }'],
    listenMs: 200_000,
    expected: ["60000 tick", "120000 tick", "180000 tick"],
    scheduledRuns: 3,
  },
  {
    name: "start-time=startup with interval 0 runs once right after the script ended",
    script: [
      '/system scheduler add name=boot start-time=startup on-event={ :put "boot" }',
      '/system scheduler add name=t interval=1m on-event={ :put "tick" }',
    ],
    listenMs: 130_000,
    expected: ["0 boot", "60000 tick", "120000 tick"],
    scheduledRuns: 3,
  },
  {
    name: "start-time=startup alone: it runs once and the run does not listen",
    script: ['/system scheduler add name=boot start-time=startup on-event={ :put "boot" }', ':put "main"'],
    listenMs: 0,
    listens: false,
    expected: ["0 main", "0 boot"],
    scheduledRuns: 1,
  },
  {
    name: "start-time=startup with an interval does not run at startup (RouterOS): first run one interval later",
    script: ['/system scheduler add name=s start-time=startup interval=1m on-event={ :put "s" }'],
    listenMs: 130_000,
    expected: ["60000 s", "120000 s"],
    scheduledRuns: 2,
  },
  {
    name: "a time of day: first run at start-time, then every interval",
    script: ['/system scheduler add name=d start-time=10:00:30 interval=1m on-event={ :put "d" }'],
    listenMs: 160_000,
    expected: ["30000 d", "90000 d", "150000 d"],
    scheduledRuns: 3,
  },
  {
    name: "a start-time already past today: the next time of its series",
    script: ['/system scheduler add name=p start-time="09:58:30" interval=1m on-event={ :put "p" }'],
    listenMs: 125_000,
    expected: ["30000 p", "90000 p"],
    scheduledRuns: 2,
  },
  {
    name: "interval=0 runs once at start-time only; without a start time it never runs",
    script: [
      '/system scheduler add name=once start-time=10:00:30 interval=0 on-event={ :put "once" }',
      '/system scheduler add name=never interval=0s on-event={ :put "never" }',
      '/system scheduler add name=t interval=1m on-event={ :put "tick" }',
    ],
    listenMs: 130_000,
    expected: ["30000 once", "60000 tick", "120000 tick"],
    scheduledRuns: 3,
  },
  {
    name: "a start-date in the future: nothing runs before it",
    script: [
      '/system scheduler add name=later start-date=2024-01-03 start-time=10:00:00 interval=1m on-event={ :put "x" }',
      '/system scheduler add name=t interval=1m on-event={ :put "tick" }',
    ],
    listenMs: 70_000,
    expected: ["60000 tick"],
    scheduledRuns: 1,
  },
  {
    name: "a disabled entry does not run, and does not keep the run listening",
    script: [
      '/system scheduler add name=off interval=1m disabled=yes on-event={ :put "off" }',
      ':put "main"',
    ],
    listenMs: 0,
    listens: false,
    expected: ["0 main"],
    scheduledRuns: 0,
  },
  {
    name: "on-event naming a /system script runs its source; code as a string runs as code",
    script: [
      '/system script add name=report source=":put \\"from script\\"; :put [:jobname]"',
      "/system scheduler add name=byname interval=1m on-event=report",
      '/system scheduler add name=bycode interval=1m on-event=":put \\"from string code\\""',
    ],
    listenMs: 60_000,
    expected: ["60000 from script", "60000 report", "60000 from string code"],
    scheduledRuns: 2,
  },
  {
    name: "entries due together run in list order; one that an earlier one disables does not run",
    script: [
      '/system scheduler add name=a interval=1m on-event={ :put "a"; /system scheduler disable b }',
      '/system scheduler add name=b interval=1m on-event={ :put "b" }',
    ],
    listenMs: 130_000,
    expected: ["60000 a", "120000 a"],
    scheduledRuns: 2,
  },
  {
    name: "changes made by scheduled scripts take effect: enable, set interval, remove, add, script source",
    script: [
      '/system script add name=src source=":put \\"old source\\""',
      '/system scheduler add name=b interval=1m disabled=yes on-event={ :put "b" }',
      "/system scheduler add name=a interval=150s on-event={",
      '  :put "a"; /system scheduler enable b; /system scheduler set b interval=20s',
      "  /system scheduler remove a; /system scheduler add name=n interval=25s on-event=src",
      '  /system script set src source=":put \\"new source\\""',
      "}",
    ],
    listenMs: 200_000,
    expected: ["150000 a", "160000 b", "175000 new source", "180000 b", "200000 b", "200000 new source"],
    scheduledRuns: 6,
  },
  {
    name: "changes made by on-message scripts take effect: disable, add",
    loopback: true,
    script: [
      '/iot mqtt subscriptions add broker=lab topic="ctl" on-message={',
      "  /system scheduler disable t",
      "  :if ([:len [/system scheduler find name=late]] = 0) do={",
      '    /system scheduler add name=late interval=30s on-event={ :put "late" }',
      "  }",
      "}",
      '/system scheduler add name=t interval=1m on-event={ :put "tick" }',
      '/system scheduler add name=p interval=90s on-event={ /iot mqtt publish broker=lab topic="ctl" message="x" }',
    ],
    listenMs: 200_000,
    expected: ["60000 tick", "120000 late", "150000 late", "180000 late"],
    scheduledRuns: 6,
  },
  {
    name: "a failing scheduled run is counted and located; text that cannot run fails each time",
    script: [
      '/system scheduler add name=boom interval=1m on-event={ :error "boom" }',
      '/system scheduler add name=undeclared interval=90s on-event=":set nope 1"',
    ],
    listenMs: 130_000,
    expected: [
      "60000 ! test.rsc:1:56: boom",
      "90000 ! <scheduler undeclared>:1:6: variable nope is not declared: :set needs an earlier ':local nope' or ':global nope'",
      "120000 ! test.rsc:1:56: boom",
    ],
    scheduledRuns: 3,
    failedScheduledRuns: 3,
  },
  {
    name: "a run still running when its next time comes is not started twice",
    script: [
      '/system scheduler add name=slow interval=1m on-event={ :put "start"; :delay 150s; :put "end" }',
    ],
    listenMs: 300_000,
    expected: ["60000 start", "210000 end", "240000 start"],
    scheduledRuns: 2,
  },
  {
    name: "run-count and next-run update when the profile has them; {...} code reads back as its text",
    profile: {
      extends: "default",
      "/system/scheduler": [
        { name: "p", interval: "1m", "on-event": ':put "p"', "run-count": 0, "next-run": "" },
      ],
    },
    script: [
      "/system scheduler add name=show interval=150s on-event={",
      "  :put [/system scheduler get p run-count]; :put [/system scheduler get p next-run]",
      '  :put [:typeof ([/system scheduler get show]->"next-run")]; :put [/system scheduler get show on-event]',
      "}",
    ],
    listenMs: 150_000,
    expected: [
      "60000 p",
      "120000 p",
      "150000 2",
      "150000 2024-01-02 10:03:00",
      "150000 nothing",
      `150000 ${["", "  :put [/system scheduler get p run-count]; :put [/system scheduler get p next-run]", '  :put [:typeof ([/system scheduler get show]->"next-run")]; :put [/system scheduler get show on-event]', ""].join("\n")}`,
    ],
    scheduledRuns: 3,
  },
];

/** The script's `:delay` on the fake clock; time slicing on real time. */
function hostClock(clock: FakeClock): HostClock {
  return {
    now: () => clock.now(),
    monotonic: () => performance.now(),
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        const timer = clock.setTimeout(resolve, ms);
        signal.addEventListener(
          "abort",
          () => {
            clock.clearTimeout(timer);
            reject(new Error("aborted"));
          },
          { once: true },
        );
      }),
  };
}

/** Subscriptions and publishes of a run without a broker: a message published to a subscribed topic comes back. */
function loopback(): MqttPort {
  const topics = new Set<string>();
  const listeners = new Set<(broker: string, topic: string, payload: Buffer) => void>();
  const publish = async (broker: string, topic: string, payload: Buffer): Promise<void> => {
    if (topics.has(`${broker}\n${topic}`))
      for (const l of listeners) queueMicrotask(() => l(broker, topic, payload));
  };
  return {
    publish,
    connect: async () => {},
    disconnect: async () => {},
    subscribe: async (broker, filter) => void topics.add(`${broker}\n${filter}`),
    unsubscribe: async (broker, filter) => void topics.delete(`${broker}\n${filter}`),
    onMessage: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onConnectedChange: () => () => {},
    close: async () => {},
  };
}

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}

async function runCase(c: Case): Promise<{ result: RunResult; lines: string[] }> {
  const clock = new FakeClock(START);
  const lines: string[] = [];
  const at = (): number => clock.now() - START;
  let listening = false;
  const controller = new AbortController();
  const running = runScript(c.script.join("\n"), {
    fileName: "test.rsc",
    output: { put: (line) => lines.push(`${at()} ${line}`), log: () => {} },
    ...(c.profile ? { device: checkDeviceProfile(c.profile) } : {}),
    ...(c.loopback ? { mqtt: loopback() } : {}),
    signal: controller.signal,
    timeoutMs: 20_000,
    clock: hostClock(clock),
    schedulerClock: clock,
    onHandlerFailure: (f: ScriptFailure) => lines.push(`${at()} ! ${formatFailure(f)}`),
    onListening: () => {
      listening = true;
    },
  });
  await settle();
  for (let t = 0; t < c.listenMs; t += STEP_MS) {
    clock.advance(STEP_MS);
    await settle();
  }
  assert.equal(listening, c.listens !== false, "whether the run listens");
  controller.abort();
  return { result: await within(running, 5000, "the run"), lines };
}

describe("scheduled scripts", () => {
  for (const c of cases) {
    test(c.name, async () => {
      const { result, lines } = await runCase(c);
      assert.equal(result.failures.length, 0, JSON.stringify(result.failures));
      assert.deepEqual(lines, c.expected);
      assert.equal(result.scheduledRuns, c.scheduledRuns, "scheduled runs");
      assert.equal(result.failedScheduledRuns, c.failedScheduledRuns ?? 0, "failed scheduled runs");
      assert.equal(result.status, "ok");
    });
  }

  test("a scheduled script still running when the run ends is cancelled, not counted as failed", async () => {
    const { result, lines } = await runCase({
      name: "cancel",
      script: ['/system scheduler add name=busy interval=1m on-event={ :put "busy"; :while (true) do={} }'],
      listenMs: 60_000,
      expected: [],
      scheduledRuns: 1,
    });
    assert.deepEqual(lines, ["60000 busy"]);
    assert.equal(result.scheduledRuns, 1);
    assert.equal(result.failedScheduledRuns, 0);
  });
});

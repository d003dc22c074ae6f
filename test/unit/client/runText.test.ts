// The words of a VS Code run as tables: output lines of published messages and :log, the ending line and short result for each way a run ends, and the published-messages summary.
import { test } from "node:test";
import assert from "node:assert/strict";
import type { ScriptFailure } from "../../../server/src/interpreter";
import type { PublishedMessage } from "../../../client/src/run";
import { endState } from "../../../client/src/ui/run/runRecord";
import {
  endingLine,
  handlerFailureLine,
  logLine,
  payloadForOutput,
  publishedLine,
  publishedTable,
  runHeader,
  shortResult,
  type RunEnd,
} from "../../../client/src/ui/run/runText";

function message(over: Partial<PublishedMessage> & { text?: string }): PublishedMessage {
  return {
    broker: over.broker ?? "AWS",
    topic: over.topic ?? "my/test/topic",
    qos: over.qos ?? 0,
    retain: over.retain ?? false,
    payload: over.payload ?? Buffer.from(over.text ?? "{}", "utf8"),
  };
}

function failure(line: number, column: number, message: string, code = "RSC4004"): ScriptFailure {
  return { code, message, source: "telemetry.rsc", start: 0, end: 0, line, column };
}

test("published messages read like rsc run's", () => {
  const cases: Array<[PublishedMessage, string]> = [
    [message({ text: '{"cpu":3}' }), '[mqtt] published to AWS: my/test/topic (qos 0, retain no): {"cpu":3}'],
    [
      message({ broker: "lab", topic: "a/b", qos: 2, retain: true, text: "on" }),
      "[mqtt] published to lab: a/b (qos 2, retain yes): on",
    ],
    [
      message({ payload: Buffer.alloc(0) }),
      "[mqtt] published to AWS: my/test/topic (qos 0, retain no): (empty)",
    ],
    [
      message({ payload: Buffer.from([0, 1, 0xff]) }),
      "[mqtt] published to AWS: my/test/topic (qos 0, retain no): 0x 00 01 ff (3 bytes of binary)",
    ],
  ];
  for (const [input, expected] of cases) assert.equal(publishedLine(input), expected);
});

test("payloads: text in full (even long or multi-line), binary as a hex preview", () => {
  const long = "x".repeat(5000);
  assert.equal(payloadForOutput(Buffer.from(long)), long);
  assert.equal(payloadForOutput(Buffer.from("a\nb")), "a\nb");
  assert.match(payloadForOutput(Buffer.alloc(400, 0)), /^0x (00 )+00 … \(400 bytes of binary\)$/);
});

test(":log lines carry their level", () => {
  for (const level of ["debug", "info", "warning", "error"] as const)
    assert.equal(logLine(level, "hello"), `[${level}] hello`);
});

test("the header names the script, the time, the device and the time limit", () => {
  const startedAt = new Date(2026, 0, 2, 3, 4, 5);
  assert.equal(
    runHeader({ file: "a.rsc", device: "the shipped hAP ax3 profile", timeoutSeconds: 60, startedAt }),
    "▶ a.rsc at 03:04:05 (device: the shipped hAP ax3 profile; stops after 60 s)",
  );
  assert.equal(
    runHeader({ file: "a.rsc", device: "/p.json", timeoutSeconds: 0, startedAt }),
    "▶ a.rsc at 03:04:05 (device: /p.json; runs until stopped)",
  );
});

test("each way a run ends has its ending line and short result", () => {
  const base = {
    failures: [],
    published: 0,
    onMessageRuns: 0,
    failedOnMessageRuns: 0,
    scheduledRuns: 0,
    failedScheduledRuns: 0,
    executeJobs: 0,
    failedExecuteJobs: 0,
    listened: false,
    elapsedMs: 1234,
  };
  const cases: Array<[RunEnd, string, string]> = [
    [
      { ...base, status: "ok", published: 1 },
      "■ ok: 1 message published after 1.2 s",
      "t.rsc: ok, 1 message published.",
    ],
    [
      { ...base, status: "ok", published: 2, listened: true, onMessageRuns: 1 },
      "■ ok: 2 messages published, 1 on-message run after 1.2 s",
      "t.rsc: ok, 2 messages published, 1 on-message run.",
    ],
    [
      { ...base, status: "error", failures: [failure(34, 1, 'failure: no broker named "AWS"')] },
      '■ error at line 34, column 1: failure: no broker named "AWS"; 0 messages published after 1.2 s',
      't.rsc: error at line 34: failure: no broker named "AWS"',
    ],
    [
      { ...base, status: "error", failures: [failure(2, 3, "one"), failure(5, 1, "two")] },
      "■ error at line 2, column 3: one (and 1 more error); 0 messages published after 1.2 s",
      "t.rsc: error at line 2: one",
    ],
    [
      { ...base, status: "cancelled", failures: [failure(1, 21, "script cancelled", "RSC4005")] },
      "■ stopped at line 1, column 21: 0 messages published after 1.2 s",
      "t.rsc: stopped at line 1 (0 messages published).",
    ],
    [
      {
        ...base,
        status: "timeout",
        published: 3,
        failures: [failure(7, 2, "script did not finish within 5 s", "RSC4006")],
      },
      "■ timeout at line 7, column 2: script did not finish within 5 s; 3 messages published",
      "t.rsc: timeout at line 7: script did not finish within 5 s (3 messages published).",
    ],
    [
      { ...base, status: "ok", executeJobs: 2 },
      "■ ok: 0 messages published, 2 :execute jobs after 1.2 s",
      "t.rsc: ok, 0 messages published, 2 :execute jobs.",
    ],
    [
      { ...base, status: "ok", published: 1, listened: true, onMessageRuns: 3, failedOnMessageRuns: 2 },
      "■ error: 2 of 3 on-message runs failed; 1 message published, 3 on-message runs after 1.2 s",
      "t.rsc: error: 2 of 3 on-message runs failed; 1 message published, 3 on-message runs.",
    ],
    [
      {
        ...base,
        status: "ok",
        executeJobs: 1,
        failedExecuteJobs: 1,
        onMessageRuns: 1,
        failedOnMessageRuns: 1,
      },
      "■ error: 1 of 1 on-message run failed; 1 of 1 :execute job failed; 0 messages published, 1 on-message run, 1 :execute job after 1.2 s",
      "t.rsc: error: 1 of 1 on-message run failed; 1 of 1 :execute job failed; 0 messages published, 1 on-message run, 1 :execute job.",
    ],
    [
      { ...base, status: "ok", published: 4, listened: true, scheduledRuns: 4 },
      "■ ok: 4 messages published, 0 on-message runs, 4 scheduled runs after 1.2 s",
      "t.rsc: ok, 4 messages published, 0 on-message runs, 4 scheduled runs.",
    ],
    [
      { ...base, status: "ok", listened: true, scheduledRuns: 3, failedScheduledRuns: 1 },
      "■ error: 1 of 3 scheduled runs failed; 0 messages published, 0 on-message runs, 3 scheduled runs after 1.2 s",
      "t.rsc: error: 1 of 3 scheduled runs failed; 0 messages published, 0 on-message runs, 3 scheduled runs.",
    ],
    [
      { ...base, status: "error", failures: [failure(4, 1, "boom")], executeJobs: 2, failedExecuteJobs: 1 },
      "■ error at line 4, column 1: boom; 1 of 2 :execute jobs failed; 0 messages published, 2 :execute jobs after 1.2 s",
      "t.rsc: error at line 4: boom (1 of 2 :execute jobs failed)",
    ],
  ];
  for (const [end, ending, short] of cases) {
    assert.equal(endingLine(end), ending);
    assert.equal(shortResult("t.rsc", end), short);
  }
});

test("a run whose script ended ok counts as an error when on-message runs, scheduled runs or :execute jobs failed", () => {
  const ok = { status: "ok", failedOnMessageRuns: 0, failedScheduledRuns: 0, failedExecuteJobs: 0 } as const;
  assert.equal(endState(ok), "ok");
  assert.equal(endState({ ...ok, failedOnMessageRuns: 1 }), "error");
  assert.equal(endState({ ...ok, failedScheduledRuns: 1 }), "error");
  assert.equal(endState({ ...ok, failedExecuteJobs: 2 }), "error");
  assert.equal(endState({ ...ok, status: "cancelled", failedExecuteJobs: 2 }), "cancelled");
  assert.equal(endState({ ...ok, status: "timeout", failedOnMessageRuns: 1 }), "timeout");
});

test("a failure beside the script names where it ran", () => {
  assert.equal(handlerFailureLine(failure(3, 5, "bad")), "[on-message] telemetry.rsc:3:5: bad");
  assert.equal(handlerFailureLine(failure(3, 5, "bad"), "execute"), "[:execute] telemetry.rsc:3:5: bad");
  assert.equal(handlerFailureLine(failure(3, 5, "bad"), "scheduler"), "[scheduler] telemetry.rsc:3:5: bad");
});

test("the summary table aligns columns and cuts payloads to one line", () => {
  const rows = publishedTable(
    [
      message({ text: '{"a":1}' }),
      message({ broker: "lab", topic: "x", qos: 1, retain: true, text: "line1\nline2" }),
    ],
    20,
  );
  assert.deepEqual(rows, [
    "Published (2):",
    "  broker  topic          qos  retain  payload",
    '  AWS     my/test/topic  0    no      {"a":1}',
    "  lab     x              1    yes     line1⏎line2",
  ]);
  assert.deepEqual(publishedTable([]), []);
});

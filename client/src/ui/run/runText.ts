// The words of a run in VS Code (no vscode import): output channel lines, the published-messages summary, and the short result a notification shows.
import type { LogLevel, ScriptFailure } from "../../../../server/src/interpreter";
import { payloadPreview, payloadText } from "../../messages/payloadFormat";
import {
  failedBeside,
  formatFailure,
  type HandlerOrigin,
  type ListeningFor,
  type PublishedMessage,
  type RunResult,
} from "../../run";

/** How a finished run went, as the texts below need it: the runner's result (its counts) and how long it took. */
export type RunEnd = Omit<RunResult, "handlerFailures"> & { readonly elapsedMs: number };

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function two(n: number): string {
  return String(n).padStart(2, "0");
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** A payload in full when it is text, else a hex preview (binary cannot go to an output channel as it is). */
export function payloadForOutput(payload: Buffer): string {
  if (payload.length === 0) return "(empty)";
  return payloadText(payload) ?? `${payloadPreview(payload, 120)} (${payload.length} bytes of binary)`;
}

/** `[mqtt] published to AWS: my/topic (qos 1, retain no): {...}`, as `rsc run` prints it. */
export function publishedLine(message: PublishedMessage): string {
  return `[mqtt] published to ${message.broker}: ${message.topic} (qos ${message.qos}, retain ${message.retain ? "yes" : "no"}): ${payloadForOutput(message.payload)}`;
}

/** `[info] message`, as `rsc run` prints `:log` lines. */
export function logLine(level: LogLevel, message: string): string {
  return `[${level}] ${message}`;
}

const ORIGIN_LABEL: Record<HandlerOrigin, string> = {
  "on-message": "on-message",
  scheduler: "scheduler",
  execute: ":execute",
};

/** A failure of an on-message script, a scheduled script or an `:execute` job while the run goes on. */
export function handlerFailureLine(failure: ScriptFailure, origin: HandlerOrigin = "on-message"): string {
  return `[${ORIGIN_LABEL[origin]}] ${formatFailure(failure)}`;
}

/** The first line of a run. */
export function runHeader(info: {
  readonly file: string;
  readonly device: string;
  readonly timeoutSeconds: number;
  readonly startedAt: Date;
}): string {
  const d = info.startedAt;
  const at = `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
  const limit = info.timeoutSeconds > 0 ? `stops after ${info.timeoutSeconds} s` : "runs until stopped";
  return `▶ ${info.file} at ${at} (device: ${info.device}; ${limit})`;
}

/** A script name the brokers view does not have went to another broker. */
export function routedLine(name: string, broker: string): string {
  return `[mqtt] broker "${name}" is not in the brokers view: using "${broker}" instead`;
}

/** What a listening run runs: `on-message scripts`, `scheduled scripts` or both. */
export function listeningScripts(listening: ListeningFor): string {
  const kinds = [listening.onMessage ? "on-message" : "", listening.scheduled ? "scheduled" : ""];
  return `${kinds.filter(Boolean).join(" and ") || "on-message"} scripts`;
}

/** The script ended and its on-message subscriptions (and scheduled scripts) keep running. */
export function listeningLine(
  timeoutSeconds: number,
  listening: ListeningFor = { onMessage: true, scheduled: false },
): string {
  const what = listeningScripts(listening);
  return timeoutSeconds > 0
    ? `… the script ended; its ${what} run for the rest of the ${timeoutSeconds} s (Stop Script ends them)`
    : `… the script ended; its ${what} run until Stop Script`;
}

function where(failure: ScriptFailure | undefined): string {
  return failure ? ` at line ${failure.line}, column ${failure.column}` : "";
}

function counts(end: RunEnd): string {
  const parts = [`${plural(end.published, "message")} published`];
  if (end.listened || end.onMessageRuns > 0) parts.push(plural(end.onMessageRuns, "on-message run"));
  if (end.scheduledRuns > 0) parts.push(plural(end.scheduledRuns, "scheduled run"));
  if (end.executeJobs > 0) parts.push(plural(end.executeJobs, ":execute job"));
  return parts.join(", ");
}

/** `2 of 5 on-message runs failed; 1 of 3 scheduled runs failed; 1 of 1 :execute job failed`, or "" when none failed. */
function failedBesideText(end: RunEnd): string {
  const parts: string[] = [];
  if (end.failedOnMessageRuns > 0)
    parts.push(`${end.failedOnMessageRuns} of ${plural(end.onMessageRuns, "on-message run")} failed`);
  if (end.failedScheduledRuns > 0)
    parts.push(`${end.failedScheduledRuns} of ${plural(end.scheduledRuns, "scheduled run")} failed`);
  if (end.failedExecuteJobs > 0)
    parts.push(`${end.failedExecuteJobs} of ${plural(end.executeJobs, ":execute job")} failed`);
  return parts.join("; ");
}

/** The failed counts, then the other counts: `1 of 2 on-message runs failed; 0 messages published, ...`. */
function tally(end: RunEnd): string {
  const failed = failedBesideText(end);
  return failed ? `${failed}; ${counts(end)}` : counts(end);
}

/** The last line of a run: how it ended, where, and what it did. */
export function endingLine(end: RunEnd): string {
  const first = end.failures[0];
  const took = `after ${seconds(end.elapsedMs)}`;
  switch (end.status) {
    case "ok":
      return failedBeside(end) ? `■ error: ${tally(end)} ${took}` : `■ ok: ${counts(end)} ${took}`;
    case "error": {
      const more = end.failures.length > 1 ? ` (and ${plural(end.failures.length - 1, "more error")})` : "";
      return `■ error${where(first)}: ${first?.message ?? "the script failed"}${more}; ${tally(end)} ${took}`;
    }
    case "cancelled":
      return `■ stopped${where(first)}: ${tally(end)} ${took}`;
    case "timeout":
      return `■ timeout${where(first)}: ${first?.message ?? "time is up"}; ${tally(end)}`;
  }
}

/** The short result of a notification: `telemetry.rsc: ok, 1 message published`. */
export function shortResult(file: string, end: RunEnd): string {
  const first = end.failures[0];
  switch (end.status) {
    case "ok":
      return failedBeside(end) ? `${file}: error: ${tally(end)}.` : `${file}: ok, ${counts(end)}.`;
    case "error": {
      const failed = failedBesideText(end);
      return `${file}: error${first ? ` at line ${first.line}` : ""}: ${first?.message ?? "the script failed"}${failed ? ` (${failed})` : ""}`;
    }
    case "cancelled":
      return `${file}: stopped${first ? ` at line ${first.line}` : ""} (${tally(end)}).`;
    case "timeout":
      return `${file}: timeout${first ? ` at line ${first.line}` : ""}: ${first?.message ?? "time is up"} (${tally(end)}).`;
  }
}

/** The published messages as an aligned table (payloads cut to one line of `maxPayload` characters). */
export function publishedTable(messages: readonly PublishedMessage[], maxPayload = 100): string[] {
  if (messages.length === 0) return [];
  const header = ["broker", "topic", "qos", "retain", "payload"];
  const rows = messages.map((m) => [
    m.broker,
    m.topic,
    String(m.qos),
    m.retain ? "yes" : "no",
    payloadPreview(m.payload, maxPayload),
  ]);
  const widths = header.map((h, i) => rows.reduce((w, r) => Math.max(w, (r[i] ?? "").length), h.length));
  const line = (cells: readonly string[]): string =>
    `  ${cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join("  ")}`;
  return [`Published (${messages.length}):`, line(header), ...rows.map(line)];
}

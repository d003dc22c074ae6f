// When a `/system scheduler` entry runs, as RouterOS computes it from start-time (a time of day or startup), start-date and interval.
import { parseDate, parseTime } from "../../schema";
import { toStr } from "../format";
import { Time, type Value } from "../values";

const NS_PER_MS = 1_000_000n;
const DAY_MS = 86_400_000;

/** The times of an entry: `first` run (ms since the epoch; undefined: never), then every `every` ms (0: once). */
export interface Schedule {
  readonly first: number | undefined;
  readonly every: number;
}

/** What the times of an entry are counted from. */
export interface ScheduleBase {
  /** When the simulated router "started": the run's script ended (`start-time=startup`). */
  readonly boot: number;
  /** When the entry came to be (it was added, or the scheduler started): its start when none is given. */
  readonly added: number;
}

/** A time value in ms: `1m`, `00:01:00`, a number of seconds; undefined when it is none of these. */
function milliseconds(value: Value | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (value instanceof Time) return Number(value.ns / NS_PER_MS);
  if (typeof value === "bigint") return Number(value) * 1000;
  const ns = parseTime(toStr(value).trim());
  return ns === undefined ? undefined : Number(ns / NS_PER_MS);
}

/** Local midnight of `start-date` (`2024-01-02` or `jan/02/2024`), else of the day `fallback` falls on. */
function midnight(value: Value | undefined, fallback: number): number {
  const date = value === undefined ? undefined : parseDate(toStr(value).trim());
  if (date) return new Date(date.year, date.month - 1, date.day).getTime();
  const d = new Date(fallback);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

/**
 * The schedule of an entry's properties. `startup` with interval 0 runs once at boot; with an interval RouterOS does
 * not run it at startup, so the first run is one interval after boot. No start-time: one interval after the entry
 * came to be (RouterOS sets start-time to the moment it is added). interval 0: once, at the start time only.
 */
export function scheduleOf(props: ReadonlyMap<string, Value>, base: ScheduleBase): Schedule {
  const every = Math.max(0, milliseconds(props.get("interval")) ?? 0);
  const start = props.get("start-time");
  if (typeof start === "string" && start.trim() === "startup")
    return { first: every > 0 ? base.boot + every : base.boot, every };
  const timeOfDay = milliseconds(start);
  if (timeOfDay === undefined) return { first: every > 0 ? base.added + every : undefined, every };
  return { first: midnight(props.get("start-date"), base.added) + (timeOfDay % DAY_MS), every };
}

/** The first time of the schedule at or after `from`; undefined when none is left. */
export function dueFrom(schedule: Schedule, from: number): number | undefined {
  const { first, every } = schedule;
  if (first === undefined) return undefined;
  if (first >= from) return first;
  if (every <= 0) return undefined;
  return first + Math.ceil((from - first) / every) * every;
}

/** The `YYYY-MM-DD HH:MM:SS` local time RouterOS 7 prints for `next-run` and received messages. */
export function localTimestamp(ms: number): string {
  const d = new Date(ms);
  const two = (n: number): string => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

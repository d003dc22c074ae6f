// `/system scheduler` in a run: each enabled entry runs its on-event (a script's name or code) at its times on an injected clock, never twice at once.
import type { Device, DeviceItem, Interpreter, ScriptFailure, Value } from "../../../server/src/interpreter";
import {
  Code,
  dueFrom,
  localTimestamp,
  scheduleOf,
  toBytes,
  type Schedule,
} from "../../../server/src/interpreter";
import type { Clock, TimerHandle } from "../mqtt/clock";
import { ScriptRuns, type Runnable } from "./scriptRuns";
import { propertyText } from "./propertyText";

export const SCHEDULER = "system/scheduler";
const SCRIPTS = "system/script";

/** Properties whose change moves an entry's next run. */
const TIMING = new Set(["interval", "start-time", "start-date", "disabled"]);
/** Longest single wait of the timer (longer ones wake up and wait again: Node's timers overflow past 24.8 days). */
const LONGEST_WAIT_MS = 86_400_000;
const NO_NAMES: ReadonlySet<string> = new Set();

export interface SchedulerOptions {
  readonly device: Device;
  readonly interpreter: Interpreter;
  readonly signal: AbortSignal;
  /** Time and timers of the schedule (wall clock: start-time is a time of day). */
  readonly clock: Clock;
  /** A scheduled script failed. */
  readonly onFailure: (failure: ScriptFailure) => void;
  /** A scheduled script was stopped by the signal, where it was. */
  readonly onStopped?: (at: ScriptFailure) => void;
}

interface Entry {
  /** When it came to be: it was added, or the scheduler started. */
  readonly added: number;
  schedule: Schedule;
  next: number | undefined;
  /** The last time it was due (a change made by that very run does not make it due again). */
  last: number;
  running: boolean;
}

function enabled(item: DeviceItem): boolean {
  return item.props.get("disabled") !== true;
}

export class ScheduledScripts {
  private readonly entries = new Map<DeviceItem, Entry>();
  private readonly scripts: ScriptRuns;
  private boot: number | undefined;
  private timer: TimerHandle | undefined;
  private unhook: (() => void) | undefined;
  private stopped = false;

  constructor(private readonly options: SchedulerOptions) {
    this.scripts = new ScriptRuns(options);
  }

  /** How many scheduled runs started (or could not start). */
  get runs(): number {
    return this.scripts.runs;
  }

  /** How many of those failed. */
  get failures(): number {
    return this.scripts.failures;
  }

  /** Resolves when no scheduled script is running. */
  idle(): Promise<void> {
    return this.scripts.idle();
  }

  /** True when an enabled entry has an interval: the run keeps listening for it. */
  repeating(): boolean {
    return this.items().some((i) => enabled(i) && scheduleOf(i.props, { boot: 0, added: 0 }).every > 0);
  }

  /** The script has ended: the simulated router has "started"; entries run from now on, as the device changes. */
  start(): void {
    if (this.boot !== undefined || this.stopped || this.options.signal.aborted) return;
    const boot = this.options.clock.now();
    this.boot = boot;
    this.unhook = this.options.device.addHooks({
      added: (path, item) => {
        if (path !== SCHEDULER) return;
        this.plan(item, this.options.clock.now());
        this.arm();
      },
      removed: (path, item) => {
        if (path !== SCHEDULER) return;
        this.entries.delete(item);
        this.arm();
      },
      changed: (path, item, names) => {
        if (path !== SCHEDULER || !item || !names.some((n) => TIMING.has(n))) return;
        this.plan(item, this.entries.get(item)?.added ?? this.options.clock.now());
        this.arm();
      },
    });
    this.options.signal.addEventListener("abort", () => this.stop(), { once: true });
    for (const item of this.items()) this.plan(item, boot);
    this.tick();
  }

  /** No more runs start (running ones go on until the run's signal stops them). */
  stop(): void {
    this.stopped = true;
    if (this.timer !== undefined) this.options.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.unhook?.();
    this.unhook = undefined;
  }

  private items(): DeviceItem[] {
    const menu = this.options.device.menu(SCHEDULER);
    return menu?.kind === "list" ? [...menu.items] : [];
  }

  /** (Re)computes an entry's next run from its properties. */
  private plan(item: DeviceItem, added: number): void {
    const now = this.options.clock.now();
    const schedule = scheduleOf(item.props, { boot: this.boot ?? now, added });
    let entry = this.entries.get(item);
    if (!entry) {
      entry = { added, schedule, next: undefined, last: Number.NEGATIVE_INFINITY, running: false };
      this.entries.set(item, entry);
    }
    entry.schedule = schedule;
    entry.next = enabled(item) ? dueFrom(schedule, Math.max(now, entry.last + 1)) : undefined;
    this.showNextRun(item, entry);
  }

  /** Runs every entry that is due, in the order of the list (RouterOS's order for entries due together). */
  private tick(): void {
    this.timer = undefined;
    if (this.stopped) return;
    const now = this.options.clock.now();
    for (const item of this.items()) {
      const entry = this.entries.get(item);
      if (!entry || entry.next === undefined || entry.next > now) continue;
      entry.last = now;
      // An entry an earlier one just disabled does not run.
      entry.next = enabled(item) ? dueFrom(entry.schedule, now + 1) : undefined;
      if (enabled(item)) this.fire(item, entry);
      this.showNextRun(item, entry);
    }
    this.arm();
  }

  private arm(): void {
    if (this.timer !== undefined) this.options.clock.clearTimeout(this.timer);
    this.timer = undefined;
    if (this.stopped) return;
    let soonest: number | undefined;
    for (const entry of this.entries.values())
      if (entry.next !== undefined && (soonest === undefined || entry.next < soonest)) soonest = entry.next;
    if (soonest === undefined) return;
    const wait = Math.min(Math.max(0, soonest - this.options.clock.now()), LONGEST_WAIT_MS);
    this.timer = this.options.clock.setTimeout(() => this.tick(), wait);
  }

  /** Starts the entry's on-event, unless its previous run is still running. */
  private fire(item: DeviceItem, entry: Entry): void {
    if (entry.running) return;
    const what = this.onEventOf(item);
    if (!what) return;
    const count = item.props.get("run-count");
    this.setShown(item, "run-count", (typeof count === "bigint" ? count : 0n) + 1n);
    const run = this.scripts.launch(what.code, { name: what.name });
    if (!run) return;
    entry.running = true;
    void run.then(() => {
      entry.running = false;
    });
  }

  /** on-event names a `/system script` entry (its source runs) or is code (a `{...}` block or a string). */
  private onEventOf(item: DeviceItem): { code: Runnable; name: string } | undefined {
    const value = item.props.get("on-event");
    const entryName = propertyText(item.props.get("name"));
    if (!(value instanceof Code)) {
      const scriptName = propertyText(value).trim();
      const script = this.scriptNamed(scriptName);
      if (script) {
        const code = this.scripts.codeOf(script.props.get("source"), `<script ${scriptName}>`, NO_NAMES);
        return code && { code, name: scriptName };
      }
    }
    const code = this.scripts.codeOf(value, `<scheduler ${entryName}>`, NO_NAMES);
    return code && { code, name: entryName };
  }

  private scriptNamed(name: string): DeviceItem | undefined {
    if (name === "") return undefined;
    const menu = this.options.device.menu(SCRIPTS);
    return menu?.kind === "list"
      ? menu.items.find((i) => propertyText(i.props.get("name")) === name)
      : undefined;
  }

  private showNextRun(item: DeviceItem, entry: Entry): void {
    this.setShown(item, "next-run", toBytes(entry.next === undefined ? "" : localTimestamp(entry.next)));
  }

  /** Updates a read-only property when the device profile or the schema has it. */
  private setShown(item: DeviceItem, name: string, value: Value): void {
    if (item.props.has(name) || this.options.interpreter.schema.property(SCHEDULER, name))
      this.options.device.setState(item, name, value);
  }
}

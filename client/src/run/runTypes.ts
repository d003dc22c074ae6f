// What a run is given and what it gives back: options, result, counts, and how failures beside the script count (shared by the in-thread runner and the isolated one).
import type { DeviceProfile, HostClock, LogLevel, ScriptFailure } from "../../../server/src/interpreter";
import type { LogLevel as MqttLogLevel } from "../mqtt";
import type { Clock } from "../mqtt/clock";
import type { PublishedMessage } from "./mqttCommands";
import type { BrokerResolver, DeclaredBroker, MqttPort } from "./mqttPort";

/** Where a run's output goes: `:put` lines and `:log` lines with their level (display text). */
export interface RunOutput {
  put(line: string): void;
  log(level: LogLevel, message: string): void;
}

export interface RunOptions {
  /** The script's name in messages and `:jobname` (default `script.rsc`). */
  readonly fileName?: string;
  readonly output: RunOutput;
  /** The simulated device (default: the shipped hAP ax3 profile). */
  readonly device?: DeviceProfile;
  /** Where the script's broker names go (default: only brokers declared by the script or the profile). */
  readonly brokers?: BrokerResolver;
  /**
   * An MQTT side of the caller's (VS Code's connections); the run does not close it. Overrides `brokers`. A function
   * is called once with the run's view of `/iot mqtt brokers` (entries the script adds and the profile has).
   */
  readonly mqtt?: MqttPort | ((run: RunBrokers) => MqttPort);
  /** Told about every message the script published (after the broker acknowledged it for QoS 1 and 2). */
  readonly onPublish?: (message: PublishedMessage) => void;
  /** An on-message script, a scheduled script or an `:execute` job failed (`origin` says which); the run goes on. */
  readonly onHandlerFailure?: (failure: ScriptFailure, origin: HandlerOrigin) => void;
  /** Log lines of the MQTT connections (already free of secrets). */
  readonly mqttLog?: (level: MqttLogLevel, message: string) => void;
  readonly signal?: AbortSignal;
  /** Time for the whole run in ms: the script, then listening for on-message and scheduled scripts. */
  readonly timeoutMs?: number;
  /**
   * After the script ends, keep serving on-message scripts while subscriptions have them and `/system scheduler`
   * entries while one with an interval is enabled (default true).
   */
  readonly listen?: boolean;
  /** Called when the script has ended and the run starts listening (`for` says what it listens for). */
  readonly onListening?: (listening: ListeningFor) => void;
  /** Appended to "no broker named X" errors (the CLI tells how to route a name with --broker). */
  readonly unknownBrokerHint?: (name: string) => string;
  /** Time for one MQTT operation in ms (default 10 s). */
  readonly mqttDeadlineMs?: number;
  readonly clock?: HostClock;
  /** Time and timers of `/system scheduler` entries (default: real time). */
  readonly schedulerClock?: Clock;
  readonly random?: () => number;
}

/** What a listening run waits for: messages for on-message scripts, the times of scheduled scripts. */
export interface ListeningFor {
  readonly onMessage: boolean;
  readonly scheduled: boolean;
}

/** What an MQTT side given as a function learns about the run. */
export interface RunBrokers {
  /** The run's current `/iot mqtt brokers` entry of this name (added by the script or in the device profile). */
  declared(name: string): DeclaredBroker | undefined;
  /** Every entry of the run's `/iot mqtt brokers` (those whose settings cannot be read are left out). */
  entries(): readonly DeclaredBroker[];
}

export type RunStatus = "ok" | "error" | "cancelled" | "timeout";

/** What ran beside the script: an on-message script, a `/system scheduler` entry, or an `:execute` job. */
export type HandlerOrigin = "on-message" | "scheduler" | "execute";

export interface RunResult {
  /** ok: the script ended (and listening ended by timeout or cancellation); error: it failed; timeout/cancelled: stopped while running. */
  readonly status: RunStatus;
  /** Why the script did not run or stopped: syntax errors, the run-time error, or where it was when stopped. */
  readonly failures: readonly ScriptFailure[];
  /** Failures of on-message scripts, scheduled scripts and `:execute` jobs. */
  readonly handlerFailures: readonly ScriptFailure[];
  readonly published: number;
  readonly onMessageRuns: number;
  /** On-message runs that failed: an error ended the script, or its text could not run at all. */
  readonly failedOnMessageRuns: number;
  /** Runs of `/system scheduler` entries' on-event scripts. */
  readonly scheduledRuns: number;
  /** Scheduled runs that failed: an error ended the script, or its text could not run at all. */
  readonly failedScheduledRuns: number;
  /** Background jobs started with `:execute` (all have ended when the run ends: the last ones cancelled). */
  readonly executeJobs: number;
  /** `:execute` jobs that an error ended (a job cancelled because the run ended is not one). */
  readonly failedExecuteJobs: number;
  /** True when the run listened for messages after the script. */
  readonly listened: boolean;
}

/** What a run counted so far (the isolated runner reports these when it has to stop a run by force). */
export type RunCounts = Pick<
  RunResult,
  | "published"
  | "onMessageRuns"
  | "failedOnMessageRuns"
  | "scheduledRuns"
  | "failedScheduledRuns"
  | "executeJobs"
  | "failedExecuteJobs"
>;

/** What failed beside the script: on-message runs, scheduled runs, `:execute` jobs. */
export type BesideCounts = Pick<
  RunResult,
  "failedOnMessageRuns" | "failedScheduledRuns" | "failedExecuteJobs"
>;

/** Runs beside the script failed: a run whose script ended ok still counts as failed (`rsc run` exits 1). */
export function failedBeside(result: BesideCounts): boolean {
  return result.failedOnMessageRuns > 0 || result.failedScheduledRuns > 0 || result.failedExecuteJobs > 0;
}

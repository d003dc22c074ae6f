// The interpreter's only way out: every side effect (device, MQTT, output, log, clock, randomness) goes through this host.
import type { Device } from "./device/device";
import type { Value } from "./values";

export type LogLevel = "debug" | "info" | "warning" | "error";

/** Arguments of a host command (`/iot mqtt publish ...`): named values (positional ones bound to their names). */
export interface HostCommandCall {
  /** Menu path and command name, `iot/mqtt/publish`. */
  readonly path: string;
  readonly args: ReadonlyMap<string, Value>;
  /** Switches given (`as-value`). */
  readonly switches: ReadonlySet<string>;
  /** Cancelled with the run. */
  readonly signal: AbortSignal;
}

/** A command the host implements beyond the device's generic menu commands; may be async (MQTT). */
export type HostCommand = (call: HostCommandCall) => Value | Promise<Value>;

export interface InterpreterHost {
  /** One `:put` line (display text, without the line end). */
  put(text: string): void;
  /** One `:log` / `/log` line with its level. */
  log(level: LogLevel, message: string): void;
  /** Wall-clock time, ms since the Unix epoch (for `:timestamp`). */
  now(): number;
  /** A monotonic clock in ms (for `:time` and time slicing). */
  monotonic(): number;
  /** Waits `ms` milliseconds; rejects when `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  /** Uniform in [0, 1). */
  random(): number;
  /** The simulated device: menus, items, properties. */
  readonly device: Device;
  /** Commands the host implements itself, by `menu/path/command` (`iot/mqtt/publish`). */
  command(path: string): HostCommand | undefined;
}

// Public surface of the interpreter: run RouterOS scripts against a host (device, MQTT, output, log, clock).
export { Interpreter } from "./interpreter";
export type { InterpreterOptions, RunOutcome, ScriptFailure, ScriptRunOptions } from "./interpreter";
export type { HostCommand, HostCommandCall, InterpreterHost, LogLevel } from "./host";
export { createBasicHost, LONGEST_TIMER_MS, realClock, sleepOn } from "./basicHost";
export type { BasicHostOptions, HostClock, Timers } from "./basicHost";
export { SourceText } from "./source";
export { ScriptError, CancelledError } from "./errors";
export { watchGrowth } from "./growth";
export type { GrowthWatch } from "./growth";
export { RosArray } from "./array";
export { Code, Id, Ip, Ip6, IpPrefix, Ip6Prefix, NIL, NOTHING, Time, typeOf } from "./values";
export type { Value, TypeName } from "./values";
export { toStr } from "./format";
export { fromBytes, toBytes, bytesToBuffer, bufferToBytes } from "./bytes";
export { Device, ID_KEY } from "./device/device";
export type { DeviceHooks, DeviceItem, DeviceMenu, ProfileMenus } from "./device/device";
export {
  createDevice,
  parseDeviceProfile,
  checkDeviceProfile,
  DEFAULT_PROFILE,
  ProfileError,
} from "./device/profile";
export type { DeviceProfile } from "./device/profile";
export { dueFrom, localTimestamp, scheduleOf } from "./device/schedule";
export type { Schedule, ScheduleBase } from "./device/schedule";
export { failureDiagnostic } from "./diagnostics";
export { ON_MESSAGE_VARIABLES } from "./declarations";

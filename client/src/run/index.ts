// Public surface of the script runner (plain Node, no vscode): run a script against a simulated device and live brokers, in a worker thread of its own (runScriptIsolated) or in this one (runScript).
export { runScript } from "./runner";
export { runScriptIsolated } from "./isolated/isolatedRunner";
export type { IsolatedRunOptions } from "./isolated/isolatedRunner";
export { failedBeside } from "./runTypes";
export type {
  BesideCounts,
  HandlerOrigin,
  ListeningFor,
  RunBrokers,
  RunCounts,
  RunOptions,
  RunOutput,
  RunResult,
  RunStatus,
} from "./runTypes";
export { declaredBrokersOnly, ManagedMqtt, profileFromDeclared, UnknownBrokerError } from "./mqttPort";
export type {
  BrokerResolver,
  BrokerRoute,
  DeclaredBroker,
  ManagedMqttOptions,
  MqttPort,
  PublishRequest,
} from "./mqttPort";
export type { PublishedMessage } from "./mqttCommands";
export { formatFailure } from "./format";

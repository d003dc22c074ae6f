// Public surface of the script runner (plain Node, no vscode): run a script against a simulated device and live brokers.
export { failedBeside, runScript } from "./runner";
export type {
  BesideCounts,
  HandlerOrigin,
  ListeningFor,
  RunBrokers,
  RunOptions,
  RunOutput,
  RunResult,
  RunStatus,
} from "./runner";
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

// Public surface of the MQTT layer (plain Node, no vscode): profiles, the connection manager, the message store and batcher, topic rules, the embedded broker.
export * from "./backoff";
export * from "./brokerProfile";
export * from "./brokerUrl";
export * from "./connectionManager";
export * from "./connectionState";
export * from "./emitter";
export * from "./errors";
export * from "./embeddedBroker";
export * from "./messageBatcher";
export * from "./messageStore";
export * from "./qos";
export * from "./redact";
export * from "./tlsDiagnosis";
export * from "./topics";
export { systemClock, type Clock, type TimerHandle } from "./clock";
export * from "./messageProperties";

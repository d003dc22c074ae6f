// Why a publish or subscribe cannot start, in words: a topic the protocol forbids, a broker that is not connected when force=no, MQTT 5 properties on an MQTT 3.1.1 broker.
import type { ConnectionStatus } from "./connectionState";
import type { PublishOptions } from "./connectionTypes";
import { MqttError } from "./errors";
import { validatePublishTopic, validateTopicFilter } from "./topics";

/** The refusal of a publish before anything is sent, or undefined when it may go. */
export function publishRefusal(
  name: string,
  topic: string,
  options: PublishOptions,
  status: ConnectionStatus,
  protocolVersion: 4 | 5,
): MqttError | undefined {
  const problem = validatePublishTopic(topic);
  if (problem) {
    const where = `(at character ${problem.offset + 1})`;
    return new MqttError("invalid-topic", `cannot publish to "${topic}": ${problem.message} ${where}`, {
      broker: name,
    });
  }
  if (status !== "connected" && !(options.force ?? true)) {
    const text = `broker "${name}" is not connected (${status}); publish with force=yes to connect first`;
    return new MqttError("not-connected", text, { broker: name });
  }
  if (options.properties && protocolVersion !== 5) {
    const text = `broker "${name}" speaks MQTT 3.1.1: message properties need mqtt-version=5`;
    return new MqttError("invalid-profile", text, { broker: name });
  }
  return undefined;
}

/** The refusal of a subscription filter the protocol forbids, or undefined. */
export function filterRefusal(name: string, filter: string): MqttError | undefined {
  const problem = validateTopicFilter(filter);
  if (!problem) return undefined;
  const text = `cannot subscribe to "${filter}": ${problem.message} (at character ${problem.offset + 1})`;
  return new MqttError("invalid-topic", text, { broker: name });
}

// A ConnectionManager wired for tests: records every state, message and log line, and waits for them with deadlines.
import {
  ConnectionManager,
  type ConnectionManagerOptions,
  type MessageInfo,
} from "../../client/src/mqtt/connectionManager";
import { staticSecrets, type BrokerProfile } from "../../client/src/mqtt/brokerProfile";
import type { ConnectionState, ConnectionStatus } from "../../client/src/mqtt/connectionState";
import { waitFor } from "./waitFor";

export interface ReceivedMessage {
  broker: string;
  topic: string;
  payload: string;
  info: MessageInfo;
}

export interface Harness {
  manager: ConnectionManager;
  logs: string[];
  states: Map<string, ConnectionState[]>;
  messages: ReceivedMessage[];
  /** Status names seen for a broker, in order, with repeats collapsed. */
  statuses(name: string): ConnectionStatus[];
  /** Waits until the broker's current state has this status. */
  waitForStatus(name: string, status: ConnectionStatus, timeoutMs?: number): Promise<ConnectionState>;
  /** Waits until `count` messages matching `filter` arrived. */
  waitForMessages(
    count: number,
    filter?: (m: ReceivedMessage) => boolean,
    timeoutMs?: number,
  ): Promise<ReceivedMessage[]>;
  dispose(): Promise<void>;
}

export function createHarness(
  profiles: BrokerProfile[],
  secrets: Record<string, { password?: string; passphrase?: string }> = {},
  options: Partial<ConnectionManagerOptions> = {},
): Harness {
  const logs: string[] = [];
  const states = new Map<string, ConnectionState[]>();
  const messages: ReceivedMessage[] = [];
  const manager = new ConnectionManager({
    secrets: staticSecrets(secrets),
    log: (level, message) => logs.push(`${level}: ${message}`),
    ...options,
  });
  manager.onStateChange((name, state) => {
    const list = states.get(name) ?? [];
    list.push(state);
    states.set(name, list);
  });
  manager.onMessage((broker, topic, payload, info) =>
    messages.push({ broker, topic, payload: payload.toString("utf8"), info }),
  );
  manager.setProfiles(profiles);
  return {
    manager,
    logs,
    states,
    messages,
    statuses: (name) =>
      (states.get(name) ?? []).map((s) => s.status).filter((s, i, all) => i === 0 || all[i - 1] !== s),
    waitForStatus: (name, status, timeoutMs = 5000) =>
      waitFor(
        () => {
          const state = manager.state(name);
          return state.status === status ? state : undefined;
        },
        { what: `broker "${name}" reaching ${status}`, timeoutMs },
      ),
    waitForMessages: (count, filter = () => true, timeoutMs = 5000) =>
      waitFor(
        () => {
          const found = messages.filter(filter);
          return found.length >= count ? found : undefined;
        },
        { what: `${count} messages`, timeoutMs },
      ),
    dispose: () => manager.dispose(),
  };
}

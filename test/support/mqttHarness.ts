// A ConnectionManager wired for tests: records every state, message and log line, and waits for them with deadlines.
import {
  ConnectionManager,
  type ConnectionManagerOptions,
  type MessageInfo,
} from "../../client/src/mqtt/connectionManager";
import { staticSecrets, type BrokerProfile } from "../../client/src/mqtt/brokerProfile";
import type { ConnectionState, ConnectionStatus } from "../../client/src/mqtt/connectionState";
import { waitFor, within } from "./waitFor";

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
    waitForStatus: (name, status, timeoutMs = 5000) => {
      // Event-driven: resolves on the state change itself; the timeout is only a safety net for a test that would hang.
      const current = manager.state(name);
      if (current.status === status) return Promise.resolve(current);
      let subscription: { dispose(): void } | undefined;
      const reached = new Promise<ConnectionState>((resolve) => {
        subscription = manager.onStateChange((changed, state) => {
          if (changed === name && state.status === status) resolve(state);
        });
      });
      return within(reached, timeoutMs, `broker "${name}" reaching ${status}`).finally(() =>
        subscription?.dispose(),
      );
    },
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

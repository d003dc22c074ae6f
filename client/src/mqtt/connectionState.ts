// The states of one broker connection, as shown in the brokers view and by `rsc`, and their one-line descriptions.
import type { MqttError } from "./errors";

export type ConnectionState =
  | { status: "disconnected" }
  /** `attempt` counts from 1 for the first try. */
  | { status: "connecting"; attempt: number }
  | { status: "connected"; since: number; clientId: string }
  /** Waiting before retry number `attempt`, which starts at `nextTryAt` (epoch ms). */
  | { status: "reconnecting"; attempt: number; nextTryAt: number; lastError: MqttError }
  /** Stopped; `reason` is the error's sentence. */
  | { status: "error"; reason: string; error: MqttError };

export type ConnectionStatus = ConnectionState["status"];

export const DISCONNECTED: ConnectionState = Object.freeze({ status: "disconnected" });

/** One line for a status bar or tree item, for example `reconnecting (attempt 3, next try in 4 s)`. */
export function describeState(state: ConnectionState, now = Date.now()): string {
  switch (state.status) {
    case "disconnected":
      return "disconnected";
    case "connecting":
      return state.attempt > 1 ? `connecting (attempt ${state.attempt})` : "connecting";
    case "connected":
      return `connected as ${state.clientId}`;
    case "reconnecting": {
      const seconds = Math.max(0, Math.ceil((state.nextTryAt - now) / 1000));
      return `reconnecting (attempt ${state.attempt}, next try in ${seconds} s): ${state.lastError.message}`;
    }
    case "error":
      return `error: ${state.reason}`;
  }
}

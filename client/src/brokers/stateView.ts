// How a broker's connection state looks in the tree and the status bar: codicon, contextValue (which drives the menus), short description and sentence.
import { describeState, type ConnectionState } from "../mqtt";

/** The presentation of one state; `contextValue` is `broker.<status>` and menus match on it. */
export interface StateView {
  icon: string;
  /** Theme color id for the icon, when the state deserves one. */
  color: string | undefined;
  contextValue: string;
  /** A few words beside the broker name. */
  short: string;
  /** The whole story, for the tooltip. */
  sentence: string;
}

export function stateView(state: ConnectionState, now = Date.now()): StateView {
  const sentence = describeState(state, now);
  switch (state.status) {
    case "disconnected":
      return {
        icon: "debug-disconnect",
        color: undefined,
        contextValue: "broker.disconnected",
        short: "",
        sentence,
      };
    case "connecting":
      return {
        icon: "sync~spin",
        color: undefined,
        contextValue: "broker.connecting",
        short: state.attempt > 1 ? `connecting (attempt ${state.attempt})` : "connecting",
        sentence,
      };
    case "connected":
      return {
        icon: "pass-filled",
        color: "testing.iconPassed",
        contextValue: "broker.connected",
        short: "connected",
        sentence,
      };
    case "reconnecting":
      return {
        icon: "sync~spin",
        color: "list.warningForeground",
        contextValue: "broker.reconnecting",
        short: `reconnecting (attempt ${state.attempt})`,
        sentence,
      };
    case "error":
      return {
        icon: "error",
        color: "list.errorForeground",
        contextValue: "broker.error",
        short: `error: ${state.error.kind}`,
        sentence,
      };
  }
}

/** The presentation of a broker whose settings have problems: it cannot connect until they are fixed. */
export function invalidView(problems: readonly string[]): StateView {
  return {
    icon: "warning",
    color: "list.warningForeground",
    contextValue: "broker.invalid",
    short: "settings need fixing",
    sentence: problems.join("\n"),
  };
}

/** Status bar text: `$(plug) 2/3 brokers`, with a warning mark when one is failing. */
export function statusBarText(states: readonly ConnectionState[]): string {
  const connected = states.filter((s) => s.status === "connected").length;
  const failing = states.some((s) => s.status === "error" || s.status === "reconnecting");
  const busy = states.some((s) => s.status === "connecting" || s.status === "reconnecting");
  const icon = failing
    ? "$(warning)"
    : busy
      ? "$(sync~spin)"
      : connected > 0
        ? "$(plug)"
        : "$(debug-disconnect)";
  return `${icon} ${connected}/${states.length} broker${states.length === 1 ? "" : "s"}`;
}

// The parts of one connection attempt that need no state machine: the client options (profile checked, secrets read and registered for redaction), closing a client, and the error for a session the broker closed.
import type { MqttClient } from "mqtt";
import {
  describeEndpoint,
  toMqttOptions,
  type BrokerProfile,
  type MqttConnectOptions,
} from "./brokerProfile";
import type { Clock } from "./clock";
import type { AttemptTlsMaterial } from "./connectFailure";
import type { BrokerConnectionDeps, LogLevel } from "./connectionTypes";
import { withDeadline } from "./deadline";
import { MqttError } from "./errors";
import { kickLoopMessage } from "./kickLoop";

/** The `mqtt` options of an attempt and the TLS material to explain a TLS failure with. */
export async function attemptOptions(
  profile: BrokerProfile,
  deps: Pick<BrokerConnectionDeps, "validateProfile" | "secrets" | "redactor" | "connectTimeoutMs">,
  fallbackClientId: string,
  log: (level: LogLevel, message: string) => void,
): Promise<{ options: MqttConnectOptions; tls: AttemptTlsMaterial | undefined }> {
  const problems = deps.validateProfile?.(profile) ?? [];
  if (problems.length > 0) {
    throw new MqttError(
      "invalid-profile",
      `broker "${profile.name}" cannot connect: ${problems.map((p) => `${p.property}: ${p.message}`).join("; ")}`,
      { broker: profile.name },
    );
  }
  const options = await toMqttOptions(profile, deps.secrets, {
    fallbackClientId,
    connectTimeoutMs: deps.connectTimeoutMs,
  });
  if (typeof options.password === "string") deps.redactor.add(options.password);
  deps.redactor.add(options.passphrase);
  if (profile.ssl && profile.certificate && !profile.tls.certFile) {
    log(
      "warn",
      `broker "${profile.name}" names client certificate "${profile.certificate}" but the editor has no certificate file for it; connecting without a client certificate`,
    );
  }
  const tls = profile.ssl
    ? {
        ca: options.ca as Buffer | undefined,
        cert: options.cert as Buffer | undefined,
        key: options.key as Buffer | undefined,
        passphrase: options.passphrase,
      }
    : undefined;
  log(
    "info",
    `connecting to broker "${profile.name}" at ${describeEndpoint(profile)} as ${options.clientId ?? "?"}`,
  );
  return { options, tls };
}

/** Closes a client: politely (DISCONNECT, 2 s at most) when asked and still connected, otherwise at once. */
export async function closeClient(client: MqttClient, graceful: boolean, clock: Clock): Promise<void> {
  // Keep an error listener: a late socket error on a discarded client must not become an uncaught exception.
  client.removeAllListeners("message");
  if (graceful && client.connected) {
    try {
      await withDeadline(client.endAsync(false), 2000, clock, () => new Error("graceful close timed out"));
      return;
    } catch {
      // Fall through to the forced close.
    }
  }
  client.end(true);
}

/** What a closed session means: another client took over the client id (kicks), or the link dropped (with a hint when it dropped quickly). */
export function lostConnectionError(facts: {
  name: string;
  clientId: string;
  /** The broker said so (MQTT 5 reason 142), or the drops form a kick loop: how many kicks. */
  kicks: number | undefined;
  windowMs: number;
  disconnectReason: number | undefined;
  livedMs: number;
  quickDrop: boolean;
  cause: string | undefined;
}): MqttError {
  const { name, clientId } = facts;
  if (facts.kicks !== undefined) {
    return new MqttError("client-id-conflict", kickLoopMessage(name, clientId, facts.kicks, facts.windowMs), {
      broker: name,
      ...(facts.disconnectReason !== undefined ? { code: facts.disconnectReason } : {}),
    });
  }
  const hint = facts.quickDrop
    ? ` ${Math.round(facts.livedMs)} ms after accepting it; if another client (the router?) uses client-id "${clientId}", they kick each other off`
    : "";
  const cause = facts.cause ? `: ${facts.cause}` : "";
  return new MqttError("connection-lost", `broker "${name}" closed the connection${hint}${cause}`, {
    broker: name,
  });
}

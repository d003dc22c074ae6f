// SUBSCRIBE and UNSUBSCRIBE round trips of one broker connection, each with its deadline, their failures in words; and the TLS facts of a live client.
import type { ISubscriptionGrant, MqttClient } from "mqtt";
import type { TLSSocket } from "node:tls";
import type { Clock } from "./clock";
import type { TlsSessionInfo } from "./connectionTypes";
import { withDeadline } from "./deadline";
import { MqttError, errorParts } from "./errors";
import type { QoS } from "./qos";
import { summarizePeerCertificate } from "./tlsDiagnosis";

/** What a request needs to know of its connection. */
export interface RequestContext {
  readonly name: string;
  readonly clock: Clock;
  /** Redacts secrets out of a text. */
  clean(text: string): string;
}

/** Sends one SUBSCRIBE; resolves with the granted QoS per accepted filter and the filters the broker refused. */
export async function requestSubscriptions(
  ctx: RequestContext,
  client: MqttClient,
  filters: Array<[string, QoS]>,
  deadlineMs: number,
): Promise<{ granted: Map<string, QoS>; refused: string[] }> {
  const request = Object.fromEntries(filters.map(([filter, qos]) => [filter, { qos }]));
  const sent = new Promise<ISubscriptionGrant[]>((resolve, reject) => {
    client.subscribe(request, (error, granted) => (error ? reject(error) : resolve(granted ?? [])));
  });
  let grants: ISubscriptionGrant[];
  try {
    grants = await withDeadline(
      sent,
      deadlineMs,
      ctx.clock,
      () =>
        new MqttError(
          "timeout",
          `broker "${ctx.name}" did not acknowledge the subscription to ${filters.map(([f]) => `"${f}"`).join(", ")} within ${deadlineMs} ms`,
          { broker: ctx.name },
        ),
    );
  } catch (error) {
    if (error instanceof MqttError) throw error;
    throw new MqttError(
      "subscribe-failed",
      `subscribing on broker "${ctx.name}" failed: ${ctx.clean(errorParts(error).message)}`,
      { broker: ctx.name },
    );
  }
  const granted = new Map<string, QoS>();
  const refused: string[] = [];
  for (const grant of grants) {
    if (grant.qos === 0 || grant.qos === 1 || grant.qos === 2) granted.set(grant.topic, grant.qos);
    else refused.push(grant.topic);
  }
  return { granted, refused };
}

/** Sends one UNSUBSCRIBE and waits for its acknowledgement. */
export async function requestUnsubscribe(
  ctx: RequestContext,
  client: MqttClient,
  filter: string,
  deadlineMs: number,
): Promise<void> {
  const sent = new Promise<void>((resolve, reject) => {
    client.unsubscribe(filter, (error) => (error ? reject(error) : resolve()));
  });
  try {
    await withDeadline(
      sent,
      deadlineMs,
      ctx.clock,
      () =>
        new MqttError(
          "timeout",
          `unsubscribe from "${filter}" on broker "${ctx.name}" got no answer within ${deadlineMs} ms`,
          { broker: ctx.name },
        ),
    );
  } catch (error) {
    if (error instanceof MqttError) throw error;
    throw new MqttError(
      "subscribe-failed",
      `unsubscribe from "${filter}" on broker "${ctx.name}" failed: ${ctx.clean(errorParts(error).message)}`,
      { broker: ctx.name },
    );
  }
}

export function subscribeRefused(name: string, filter: string): MqttError {
  return new MqttError(
    "subscribe-failed",
    `broker "${name}" refused the subscription to "${filter}" (not authorised, or the filter is not allowed)`,
    { broker: name },
  );
}

/** Protocol, cipher and server certificate of a client's TLS session, if it has one. */
export function clientTlsInfo(client: MqttClient | undefined): TlsSessionInfo | undefined {
  const raw = client?.stream as (Partial<TLSSocket> & { socket?: Partial<TLSSocket> }) | undefined;
  const stream = raw?.socket ?? raw;
  if (!stream || typeof stream.getPeerCertificate !== "function") return undefined;
  const peer = stream.getPeerCertificate();
  return {
    protocol: stream.getProtocol?.() ?? undefined,
    cipher: stream.getCipher?.().name,
    server: peer && Object.keys(peer).length ? summarizePeerCertificate(peer) : undefined,
  };
}

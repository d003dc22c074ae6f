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

/**
 * Sends one SUBSCRIBE; resolves with the granted QoS per accepted filter and the filters the broker refused. Over
 * MQTT 5 every filter asks for Retain As Published, so a message retained while we listen arrives with its retain
 * flag (and an empty retained one, which deletes it, too); MQTT 3.1.1 has no such option (mqtt.js leaves it out).
 */
export async function requestSubscriptions(
  ctx: RequestContext,
  client: MqttClient,
  filters: Array<[string, QoS]>,
  deadlineMs: number,
): Promise<{ granted: Map<string, QoS>; refused: string[] }> {
  const request = Object.fromEntries(filters.map(([filter, qos]) => [filter, { qos, rap: true }]));
  const sent = new Promise<ISubscriptionGrant[]>((resolve, reject) => {
    client.subscribe(request, (error, granted) => (error ? reject(error) : resolve(granted ?? [])));
  });
  const grants = await acknowledged(ctx, sent, deadlineMs, {
    unanswered: `broker "${ctx.name}" did not acknowledge the subscription to ${filters.map(([f]) => `"${f}"`).join(", ")}`,
    failed: `subscribing on broker "${ctx.name}"`,
  });
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
  const request = `unsubscribe from "${filter}" on broker "${ctx.name}"`;
  await acknowledged(ctx, sent, deadlineMs, { unanswered: `${request} got no answer`, failed: request });
}

/**
 * The broker's answer to `sent`: `unanswered` (`... within N ms`) as a timeout when `deadlineMs` pass first, and
 * `failed` (`... failed: why`) when the client reports another failure.
 */
async function acknowledged<T>(
  ctx: RequestContext,
  sent: Promise<T>,
  deadlineMs: number,
  say: { readonly unanswered: string; readonly failed: string },
): Promise<T> {
  const broker = ctx.name;
  try {
    return await withDeadline(
      sent,
      deadlineMs,
      ctx.clock,
      () => new MqttError("timeout", `${say.unanswered} within ${deadlineMs} ms`, { broker }),
    );
  } catch (error) {
    if (error instanceof MqttError) throw error;
    throw new MqttError("subscribe-failed", `${say.failed} failed: ${ctx.clean(errorParts(error).message)}`, {
      broker,
    });
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

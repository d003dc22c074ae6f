// MQTT 5 PUBLISH properties as the product keeps them: read from a received packet (copied, so no network buffer stays alive), handed to the `mqtt` client for a publish, counted in bytes for the store's caps.
import type { IClientPublishOptions, IPublishPacket } from "mqtt";

export interface MessageProperties {
  /** MIME type of the payload (`application/json`). */
  contentType?: string;
  /** Where the receiver should answer (request/response). */
  responseTopic?: string;
  /** Binary data tying a response to its request. */
  correlationData?: Buffer;
  /** Seconds the broker keeps the message for subscribers that have not received it yet. */
  messageExpiryInterval?: number;
  /** True when the sender says the payload is UTF-8 text. */
  payloadFormatIndicator?: boolean;
  /** Name/value pairs in the order received; a name may repeat. */
  userProperties?: Array<[name: string, value: string]>;
  /** Identifiers of the subscriptions that matched (when the client set them). */
  subscriptionIdentifiers?: number[];
}

type PacketProperties = NonNullable<IPublishPacket["properties"]>;

/** The properties of a received packet worth keeping, or undefined when there are none. */
export function readPacketProperties(
  raw: PacketProperties | undefined | null,
): MessageProperties | undefined {
  if (!raw) return undefined;
  const out: MessageProperties = {};
  if (typeof raw.contentType === "string") out.contentType = raw.contentType;
  if (typeof raw.responseTopic === "string") out.responseTopic = raw.responseTopic;
  if (raw.correlationData && raw.correlationData.length >= 0)
    out.correlationData = Buffer.from(raw.correlationData);
  if (typeof raw.messageExpiryInterval === "number") out.messageExpiryInterval = raw.messageExpiryInterval;
  if (typeof raw.payloadFormatIndicator === "boolean")
    out.payloadFormatIndicator = raw.payloadFormatIndicator;
  const user = raw.userProperties;
  if (user && typeof user === "object") {
    const pairs: Array<[string, string]> = [];
    for (const [name, value] of Object.entries(user)) {
      if (Array.isArray(value)) for (const v of value) pairs.push([name, String(v)]);
      else pairs.push([name, String(value)]);
    }
    if (pairs.length > 0) out.userProperties = pairs;
  }
  const ids = raw.subscriptionIdentifier;
  if (typeof ids === "number") out.subscriptionIdentifiers = [ids];
  else if (Array.isArray(ids)) out.subscriptionIdentifiers = ids.filter((n) => typeof n === "number");
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The `properties` option of `mqtt`'s publish. */
export function publishPacketProperties(
  props: MessageProperties,
): NonNullable<IClientPublishOptions["properties"]> {
  const out: NonNullable<IClientPublishOptions["properties"]> = {};
  if (props.contentType !== undefined) out.contentType = props.contentType;
  if (props.responseTopic !== undefined) out.responseTopic = props.responseTopic;
  if (props.correlationData !== undefined) out.correlationData = props.correlationData;
  if (props.messageExpiryInterval !== undefined) out.messageExpiryInterval = props.messageExpiryInterval;
  if (props.payloadFormatIndicator !== undefined) out.payloadFormatIndicator = props.payloadFormatIndicator;
  if (props.userProperties && props.userProperties.length > 0) {
    const user: Record<string, string | string[]> = {};
    for (const [name, value] of props.userProperties) {
      const had = user[name];
      user[name] = had === undefined ? value : Array.isArray(had) ? [...had, value] : [had, value];
    }
    out.userProperties = user;
  }
  return out;
}

/** Approximate memory the properties hold, for the store's byte caps. */
export function propertiesBytes(props: MessageProperties | undefined): number {
  if (!props) return 0;
  let bytes = 64;
  bytes += (props.contentType?.length ?? 0) * 2 + (props.responseTopic?.length ?? 0) * 2;
  bytes += props.correlationData?.length ?? 0;
  for (const [name, value] of props.userProperties ?? []) bytes += 48 + (name.length + value.length) * 2;
  bytes += (props.subscriptionIdentifiers?.length ?? 0) * 8;
  return bytes;
}

/** Whether a value is a usable MessageProperties object (from a command's arguments). */
export function isMessageProperties(value: unknown): value is MessageProperties {
  if (!value || typeof value !== "object") return false;
  const v = value as Record<string, unknown>;
  const optString = (k: string) => v[k] === undefined || typeof v[k] === "string";
  if (!optString("contentType") || !optString("responseTopic")) return false;
  if (v.messageExpiryInterval !== undefined) {
    const n = v.messageExpiryInterval;
    if (typeof n !== "number" || !Number.isInteger(n) || n < 0 || n > 0xffffffff) return false;
  }
  if (v.correlationData !== undefined && !Buffer.isBuffer(v.correlationData)) return false;
  if (v.userProperties !== undefined) {
    if (!Array.isArray(v.userProperties)) return false;
    for (const pair of v.userProperties) {
      if (
        !Array.isArray(pair) ||
        pair.length !== 2 ||
        typeof pair[0] !== "string" ||
        typeof pair[1] !== "string"
      )
        return false;
    }
  }
  return true;
}

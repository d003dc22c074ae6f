// The comment lines above a payload in the message view: MQTT 5 properties (content type, response topic, correlation data, expiry, user properties) and how the payload was decoded; plain text, one fact per line.
import type { StoredMessage } from "../mqtt";
import type { MessageProperties } from "../mqtt/messageProperties";
import type { DecodedPayload } from "./payloadDecoders";

/** Longest value shown on a header line; the rest is cut with an ellipsis. */
const MAX_VALUE = 200;

function shown(value: string): string {
  const flat = value.replace(/\r\n|\r|\n/g, "⏎");
  return flat.length > MAX_VALUE ? `${flat.slice(0, MAX_VALUE - 1)}…` : flat;
}

/** One line per property, in the order MQTT 5 lists them. */
export function propertyLines(props: MessageProperties): string[] {
  const lines: string[] = [];
  if (props.payloadFormatIndicator !== undefined)
    lines.push(`payload format: ${props.payloadFormatIndicator ? "UTF-8 text" : "bytes"}`);
  if (props.messageExpiryInterval !== undefined)
    lines.push(`message expiry: ${props.messageExpiryInterval} s`);
  if (props.contentType !== undefined) lines.push(`content type: ${shown(props.contentType)}`);
  if (props.responseTopic !== undefined) lines.push(`response topic: ${shown(props.responseTopic)}`);
  if (props.correlationData !== undefined) {
    const text = props.correlationData.toString("utf8");
    const printable = /^[\x20-\x7e]*$/.test(text);
    lines.push(
      `correlation data: ${printable ? `"${shown(text)}"` : `0x${shown(props.correlationData.toString("hex"))}`}`,
    );
  }
  for (const [name, value] of props.userProperties ?? [])
    lines.push(`user property: ${shown(name)} = ${shown(value)}`);
  if (props.subscriptionIdentifiers?.length)
    lines.push(`subscription identifier: ${props.subscriptionIdentifiers.join(", ")}`);
  return lines;
}

/** The header of a message's view, without comment markers; empty when there is nothing to say beside the payload. */
export function headerLines(message: StoredMessage, decoded: DecodedPayload): string[] {
  const lines: string[] = [];
  if (decoded.failure) lines.push(`${decoded.decoder} decoder: ${shown(decoded.failure)}; shown as hex`);
  else if (decoded.decoder === "base64" || decoded.decoder === "cbor")
    lines.push(
      `decoded from ${decoded.decoder === "cbor" ? "CBOR" : "base64"} (${message.payload.length} bytes)`,
    );
  if (message.properties) {
    lines.push("MQTT 5 properties:");
    for (const line of propertyLines(message.properties)) lines.push(`  ${line}`);
  }
  return lines;
}

// The fields of a broker profile as the editor shows, stores and validates them: RouterOS property name, profile key, kind, and conversion to and from RouterOS text.
import type { BrokerProfile } from "../mqtt";

/** How a RouterOS property is typed in a profile. */
export type RouterFieldKind = "string" | "number" | "bool" | "qos" | "limit";

/** Profile keys that mirror a RouterOS property (everything but the editor-only TLS settings and MQTT version). */
export type RouterKey = Exclude<keyof BrokerProfile, "tls" | "protocolVersion">;

export interface RouterField {
  /** The RouterOS property name (`client-id`), also the key in settings. */
  readonly property: string;
  readonly key: RouterKey;
  readonly kind: RouterFieldKind;
  /** Short label for pickers. */
  readonly label: string;
}

/** Every `/iot mqtt brokers` property a profile mirrors, in the order RouterOS lists them in `add`. */
export const ROUTER_FIELDS: readonly RouterField[] = [
  { property: "name", key: "name", kind: "string", label: "Name" },
  { property: "address", key: "address", kind: "string", label: "Address" },
  { property: "port", key: "port", kind: "number", label: "Port" },
  { property: "ssl", key: "ssl", kind: "bool", label: "TLS (ssl)" },
  { property: "certificate", key: "certificate", kind: "string", label: "Router certificate name" },
  { property: "client-id", key: "clientId", kind: "string", label: "Client id" },
  { property: "username", key: "username", kind: "string", label: "Username" },
  { property: "keep-alive", key: "keepAlive", kind: "number", label: "Keep-alive (s)" },
  { property: "auto-connect", key: "autoConnect", kind: "bool", label: "Auto-connect" },
  {
    property: "parallel-scripts-limit",
    key: "parallelScriptsLimit",
    kind: "limit",
    label: "Parallel scripts limit",
  },
  { property: "will-topic", key: "willTopic", kind: "string", label: "Last will topic" },
  { property: "will-message", key: "willMessage", kind: "string", label: "Last will message" },
  { property: "will-qos", key: "willQos", kind: "qos", label: "Last will QoS" },
  { property: "will-retain", key: "willRetain", kind: "bool", label: "Last will retain" },
];

export function routerField(property: string): RouterField | undefined {
  return ROUTER_FIELDS.find((f) => f.property === property);
}

/** The value of a profile field as RouterOS prints it (`yes`, `1883`, `off`). */
export function fieldText(profile: BrokerProfile, field: RouterField): string {
  const value = profile[field.key];
  if (typeof value === "boolean") return value ? "yes" : "no";
  return String(value);
}

const TRUE_WORDS = new Set(["yes", "true"]);

/** The typed value of RouterOS text that already passed validation. */
export function parseFieldText(field: RouterField, text: string): BrokerProfile[RouterKey] {
  switch (field.kind) {
    case "bool":
      return TRUE_WORDS.has(text);
    case "number":
    case "qos":
      return Number(text);
    case "limit":
      return text === "off" ? "off" : Number(text);
    case "string":
      return text;
  }
}

/** A copy of `profile` with one field set from validated RouterOS text. */
export function withFieldText(profile: BrokerProfile, field: RouterField, text: string): BrokerProfile {
  return { ...profile, [field.key]: parseFieldText(field, text) };
}

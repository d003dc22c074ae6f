// A topic's held history exported as NDJSON, JSON or CSV (one column per JSON field, flattened by dotted path; RouterOS times kept as text and added as seconds); pure functions, the editor only writes the text.
import type { MessageProperties } from "../mqtt/messageProperties";
import type { StoredMessage } from "../mqtt/messageStore";
import { payloadValue, type DecoderName, type PayloadValue } from "./payloadDecoders";
import { routerOsSeconds } from "./routerosTime";

export const EXPORT_FORMATS = ["ndjson", "json", "csv"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** One held message, as the store keeps it; its payload may be any bytes. */
export type ExportMessage = Omit<StoredMessage, "payload"> & { readonly payload: Uint8Array };

export interface ExportOptions {
  /** The decoder of each topic (default `auto`): CBOR and base64 topics export what they hold. */
  decoderOf?: (topic: string) => DecoderName;
  /** CSV: at most this many field columns (default 500); the rest are counted in the result's notes. */
  maxFieldColumns?: number;
}

export interface ExportResult {
  text: string;
  /** What the reader should know: columns left out, truncated payloads. */
  notes: string[];
}

/** Nesting deeper than this is written as JSON text in one CSV column. */
const MAX_FLATTEN_DEPTH = 32;

export function exportHistory(
  messages: readonly ExportMessage[],
  format: ExportFormat,
  options: ExportOptions = {},
): ExportResult {
  const ordered = [...messages].sort((a, b) => a.seq - b.seq);
  const values = ordered.map((m) => payloadValue(m.payload, options.decoderOf?.(m.topic) ?? "auto"));
  const notes: string[] = [];
  const truncated = ordered.filter((m) => m.truncated).length;
  if (truncated > 0)
    notes.push(`${truncated} payload${truncated === 1 ? " was" : "s were"} truncated when received`);
  if (format === "csv") return { text: toCsv(ordered, values, options.maxFieldColumns ?? 500, notes), notes };
  const records = ordered.map((m, i) => messageRecord(m, values[i] as PayloadValue));
  const text =
    format === "ndjson"
      ? records.map((r) => `${JSON.stringify(r)}\n`).join("")
      : `${JSON.stringify(records, null, 2)}\n`;
  return { text, notes };
}

/** The NDJSON/JSON record of a message: its metadata, its payload as data, its MQTT 5 properties. */
export function messageRecord(message: ExportMessage, value: PayloadValue): Record<string, unknown> {
  const record: Record<string, unknown> = {
    topic: message.topic,
    seq: message.seq,
    receivedAt: new Date(message.receivedAt).toISOString(),
    qos: message.qos,
    retain: message.retain,
    bytes: message.originalLength,
  };
  if (message.truncated) record.truncated = true;
  if (value.kind === "json") record.payload = value.value;
  else if (value.kind === "text") record.payload = value.text;
  else record.payloadBase64 = Buffer.from(value.bytes).toString("base64");
  if (message.properties) record.properties = propertiesRecord(message.properties);
  return record;
}

function propertiesRecord(props: MessageProperties): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (props.contentType !== undefined) out.contentType = props.contentType;
  if (props.responseTopic !== undefined) out.responseTopic = props.responseTopic;
  if (props.correlationData !== undefined) out.correlationDataHex = props.correlationData.toString("hex");
  if (props.messageExpiryInterval !== undefined) out.messageExpiryInterval = props.messageExpiryInterval;
  if (props.payloadFormatIndicator !== undefined) out.payloadFormatIndicator = props.payloadFormatIndicator;
  if (props.userProperties)
    out.userProperties = props.userProperties.map(([name, value]) => ({ name, value }));
  if (props.subscriptionIdentifiers) out.subscriptionIdentifiers = props.subscriptionIdentifiers;
  return out;
}

type Cell = string | number | boolean | null;

/** `{"a":{"b":1},"l":[2]}` → a.b = 1, l.0 = 2; a scalar or a top-level array → the `payload` column. */
export function flattenJson(value: unknown): Map<string, Cell> {
  const out = new Map<string, Cell>();
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    out.set("payload", cellOf(value));
    return out;
  }
  const stack: Array<{ path: string; value: unknown; depth: number }> = [];
  const entries = Object.entries(value as Record<string, unknown>);
  for (let i = entries.length - 1; i >= 0; i--) {
    const [key, v] = entries[i] as [string, unknown];
    stack.push({ path: key, value: v, depth: 1 });
  }
  for (let item = stack.pop(); item; item = stack.pop()) {
    const v = item.value;
    if (v !== null && typeof v === "object" && item.depth < MAX_FLATTEN_DEPTH) {
      const children = Array.isArray(v) ? v.map((x, i) => [String(i), x] as const) : Object.entries(v);
      if (children.length === 0) out.set(item.path, JSON.stringify(v));
      for (let i = children.length - 1; i >= 0; i--) {
        const [key, child] = children[i] as readonly [string, unknown];
        stack.push({ path: `${item.path}.${key}`, value: child, depth: item.depth + 1 });
      }
    } else out.set(item.path, cellOf(v));
  }
  return out;
}

function cellOf(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  try {
    return JSON.stringify(value);
  } catch {
    return "(nested too deep to write)";
  }
}

const FIXED_COLUMNS = ["received_at", "topic", "seq", "qos", "retain", "bytes"] as const;

function toCsv(
  messages: readonly ExportMessage[],
  values: readonly PayloadValue[],
  maxFieldColumns: number,
  notes: string[],
): string {
  const rows = values.map((value) => {
    if (value.kind === "json") return flattenJson(value.value);
    if (value.kind === "text") return new Map<string, Cell>([["payload", value.text]]);
    return new Map<string, Cell>([["payload_base64", Buffer.from(value.bytes).toString("base64")]]);
  });
  const fields: string[] = [];
  const seen = new Set<string>();
  const timeFields = new Set<string>();
  let leftOut = 0;
  for (const row of rows) {
    for (const [name, cell] of row) {
      if (typeof cell === "string" && routerOsSeconds(cell) !== undefined) timeFields.add(name);
      if (seen.has(name)) continue;
      seen.add(name);
      if (fields.length < maxFieldColumns) fields.push(name);
      else leftOut++;
    }
  }
  if (leftOut > 0)
    notes.push(`${leftOut} field column${leftOut === 1 ? "" : "s"} beyond ${maxFieldColumns} left out`);
  const anyTruncated = messages.some((m) => m.truncated);
  const anyProperties = messages.some((m) => m.properties);
  const header: string[] = [...FIXED_COLUMNS];
  if (anyTruncated) header.push("truncated");
  if (anyProperties) header.push("properties");
  for (const field of fields) {
    header.push(field);
    if (timeFields.has(field)) header.push(`${field} (s)`);
  }
  const lines = [header.map(csvCell).join(",")];
  messages.forEach((m, i) => {
    const row = rows[i] as Map<string, Cell>;
    const cells: Cell[] = [
      new Date(m.receivedAt).toISOString(),
      m.topic,
      m.seq,
      m.qos,
      m.retain,
      m.originalLength,
    ];
    if (anyTruncated) cells.push(m.truncated);
    if (anyProperties) cells.push(m.properties ? JSON.stringify(propertiesRecord(m.properties)) : null);
    for (const field of fields) {
      const cell = row.get(field) ?? null;
      cells.push(cell);
      if (timeFields.has(field))
        cells.push(typeof cell === "string" ? (routerOsSeconds(cell) ?? null) : null);
    }
    lines.push(cells.map(csvCell).join(","));
  });
  return `${lines.join("\r\n")}\r\n`;
}

/**
 * One RFC 4180 cell. Text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab or CR first) gets a
 * leading `'`: payloads come from outside. Numbers and booleans are written as they are.
 */
export function csvCell(cell: Cell): string {
  if (cell === null) return "";
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
  if (typeof cell === "boolean") return cell ? "true" : "false";
  const text = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

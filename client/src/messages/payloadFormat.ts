// How a payload is shown: JSON indented (with the exact place a hand-built JSON string breaks), text as it is, binary as a hex dump, and one-line previews for the tree.
import { jsonProblem, type JsonProblem } from "./jsonCheck";
import { prettyJson } from "./prettyJson";

export type PayloadKind = "empty" | "json" | "text" | "binary";

const UTF8 = new TextDecoder("utf-8", { fatal: true });

/** Control characters make a payload binary; tab, CR and LF are text. */
function hasBinaryControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13) || c === 0x7f) return true;
  }
  return false;
}

/** The payload as UTF-8 text, or undefined when it is not valid UTF-8 or holds control bytes. */
export function payloadText(payload: Uint8Array): string | undefined {
  let text: string;
  try {
    text = UTF8.decode(payload);
  } catch {
    return undefined;
  }
  return hasBinaryControl(text) ? undefined : text;
}

/** Whether the text is meant as JSON: it starts with `{` or `[` (after spaces). */
function looksLikeJson(text: string): boolean {
  return /^\s*[[{]/.test(text);
}

export function classifyPayload(payload: Uint8Array): PayloadKind {
  if (payload.length === 0) return "empty";
  const text = payloadText(payload);
  if (text === undefined) return "binary";
  if (looksLikeJson(text) && jsonProblem(text) === undefined) return "json";
  return "text";
}

/** The document a message opens as: pretty JSON, text, or a hex dump; `language` is the editor language id. */
export interface PayloadDocument {
  kind: PayloadKind;
  language: "json" | "plaintext";
  text: string;
  /** For text that starts like JSON but does not parse: where it breaks. */
  jsonProblem: JsonProblem | undefined;
}

export function payloadDocument(payload: Uint8Array, options: { truncated?: boolean } = {}): PayloadDocument {
  const kind = classifyPayload(payload);
  if (kind === "binary")
    return { kind, language: "plaintext", text: hexDump(payload), jsonProblem: undefined };
  const text = kind === "empty" ? "" : (payloadText(payload) ?? "");
  if (kind === "json") {
    // Indented without parsing it into objects; JSON nested too deeply to indent is shown as it came.
    return { kind, language: "json", text: `${prettyJson(text) ?? text.trim()}\n`, jsonProblem: undefined };
  }
  // A truncated payload that starts like JSON is cut JSON, not broken JSON: do not blame its author.
  const problem = looksLikeJson(text) && !options.truncated ? jsonProblem(text) : undefined;
  return { kind, language: "plaintext", text, jsonProblem: problem };
}

/** A classic hex dump: offset, 16 bytes in two groups of 8, and the printable ASCII column. */
export function hexDump(payload: Uint8Array, bytesPerLine = 16): string {
  const lines: string[] = [];
  for (let offset = 0; offset < payload.length; offset += bytesPerLine) {
    const chunk = payload.subarray(offset, offset + bytesPerLine);
    const hex: string[] = [];
    let ascii = "";
    for (let i = 0; i < bytesPerLine; i++) {
      const byte = chunk[i];
      hex.push(byte === undefined ? "  " : byte.toString(16).padStart(2, "0"));
      if (byte !== undefined) ascii += byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : ".";
    }
    const half = bytesPerLine / 2;
    const body = `${hex.slice(0, half).join(" ")}  ${hex.slice(half).join(" ")}`;
    lines.push(`${offset.toString(16).padStart(8, "0")}  ${body}  |${ascii}|`);
  }
  return lines.length > 0 ? `${lines.join("\n")}\n` : "";
}

/** One line for a tree item: newlines shown as ⏎, cut at `max` characters with an ellipsis; binary as hex. */
export function payloadPreview(payload: Uint8Array, max = 60): string {
  if (payload.length === 0) return "(empty)";
  const text = payloadText(payload);
  if (text === undefined) {
    const shown = Math.min(payload.length, Math.max(1, Math.floor(max / 3)));
    const hex = Buffer.from(payload.subarray(0, shown))
      .toString("hex")
      .replace(/(..)(?!$)/g, "$1 ");
    return `0x ${hex}${shown < payload.length ? " …" : ""}`;
  }
  const flat = text
    .replace(/\r\n|\r|\n/g, "⏎")
    .replace(/\s+/g, " ")
    .trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** `812 B`, `1.5 kB`, `12 MB` (decimal units, as byte counts on routers are usually read). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ["kB", "MB", "GB"];
  let value = bytes;
  let unit = "B";
  for (const u of units) {
    if (value < 1000) break;
    value /= 1000;
    unit = u;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${unit}`;
}

/** `0/s`, `0.4/s`, `12/s`, `1.2k/s`. */
export function formatRate(perSecond: number): string {
  if (perSecond <= 0) return "0/s";
  if (perSecond < 10) return `${Math.round(perSecond * 10) / 10}/s`;
  if (perSecond < 1000) return `${Math.round(perSecond)}/s`;
  return `${Math.round(perSecond / 100) / 10}k/s`;
}

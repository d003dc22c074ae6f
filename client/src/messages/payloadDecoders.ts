// Payload decoders of the message view: text, JSON, hex, base64 (decoded, then shown as what it holds) and CBOR (through cborg), detected or picked per topic; pure, with CBOR loaded once before use.
import { hexDump, payloadDocument, payloadText, type PayloadDocument } from "./payloadFormat";

export const DECODERS = ["auto", "text", "json", "hex", "base64", "cbor"] as const;
export type DecoderName = (typeof DECODERS)[number];

export function isDecoderName(value: unknown): value is DecoderName {
  return typeof value === "string" && (DECODERS as readonly string[]).includes(value);
}

/** What a message view shows: the document and how it was decoded (for its title and a note when it failed). */
export interface DecodedPayload extends PayloadDocument {
  /** The decoder that made the text (`auto` resolved to the one it detected). */
  decoder: Exclude<DecoderName, "auto">;
  /** Why the decoder that was asked for could not read the payload (the text is then the hex dump). */
  failure?: string;
}

/** What is used of cborg (an ES module, loaded with `import()`). */
interface CborModule {
  decode(data: Uint8Array, options?: object): unknown;
}
let cborModule: CborModule | undefined;
let cborLoading: Promise<void> | undefined;

/** Loads the CBOR library (an ES module) once; decoding CBOR before it resolves reports that it is not ready. */
export function loadCborDecoder(): Promise<void> {
  cborLoading ??= import("cborg").then((m: CborModule) => {
    cborModule = m;
  });
  return cborLoading;
}

/** A tag decoder for every tag: `{ "$tag": n, "value": ... }` keeps what cborg has no meaning for. */
const ANY_TAG = new Proxy(
  {},
  {
    get: (_target, key) => {
      const tag = typeof key === "string" ? Number(key) : NaN;
      if (!Number.isInteger(tag)) return undefined;
      return (decode: () => unknown) => ({ $tag: tag, value: decode() });
    },
  },
);

/** CBOR decoded to plain JSON-able data (byte strings as hex, maps with non-text keys as their text), or why not. */
export function decodeCbor(
  payload: Uint8Array,
): { ok: true; value: unknown } | { ok: false; reason: string } {
  if (!cborModule) return { ok: false, reason: "the CBOR decoder is still loading" };
  try {
    const value: unknown = cborModule.decode(payload, {
      useMaps: true,
      allowUndefined: true,
      allowIndefinite: true,
      allowBigInt: true,
      allowNaN: true,
      allowInfinity: true,
      rejectDuplicateMapKeys: false,
      tags: ANY_TAG as Record<number, (decode: () => unknown) => unknown>,
    });
    return { ok: true, value };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/** JSON text of decoded CBOR: bytes as `h'0a0b'`, Maps as objects, bigints as numbers when exact, else text. */
function cborJson(value: unknown): string {
  return JSON.stringify(
    value,
    function replace(_key, v: unknown) {
      if (v instanceof Uint8Array) return `h'${Buffer.from(v).toString("hex")}'`;
      if (v instanceof Map) {
        const out: Record<string, unknown> = {};
        for (const [k, item] of v) out[typeof k === "string" ? k : (JSON.stringify(k) ?? String(k))] = item;
        return out;
      }
      if (typeof v === "bigint") return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
      if (v === undefined) return null;
      if (typeof v === "number" && !Number.isFinite(v)) return String(v);
      return v;
    },
    2,
  );
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;

/** The bytes a base64 (or base64url) text stands for, or undefined when it is not base64. */
export function base64Bytes(text: string): Buffer | undefined {
  const compact = text.replace(/\s+/g, "");
  if (compact.length < 4) return undefined;
  if (BASE64.test(compact)) return Buffer.from(compact, "base64");
  if (BASE64URL.test(compact) && /[-_]/.test(compact)) return Buffer.from(compact, "base64url");
  return undefined;
}

/** Which decoder `auto` picks: JSON and text as such; base64 text when it holds JSON or CBOR; CBOR when binary decodes whole to a map or array; otherwise hex. */
export function detectDecoder(payload: Uint8Array): Exclude<DecoderName, "auto"> {
  if (payload.length === 0) return "text";
  const text = payloadText(payload);
  if (text !== undefined) {
    const kind = payloadDocument(payload).kind;
    if (kind === "json") return "json";
    const bytes = text.length >= 8 ? base64Bytes(text) : undefined;
    if (bytes && bytes.length > 0 && holdsStructure(bytes)) return "base64";
    return "text";
  }
  const cbor = decodeCbor(payload);
  if (cbor.ok && cbor.value !== null && typeof cbor.value === "object") return "cbor";
  return "hex";
}

/** JSON text, or CBOR that decodes to a map or array. */
function holdsStructure(bytes: Uint8Array): boolean {
  if (payloadDocument(bytes).kind === "json") return true;
  if (payloadText(bytes) !== undefined) return false;
  const cbor = decodeCbor(bytes);
  return cbor.ok && cbor.value !== null && typeof cbor.value === "object";
}

/** The message view of a payload through a decoder (`auto`: the detected one). */
export function decodePayload(
  payload: Uint8Array,
  decoder: DecoderName,
  options: { truncated?: boolean } = {},
): DecodedPayload {
  const chosen = decoder === "auto" ? detectDecoder(payload) : decoder;
  switch (chosen) {
    case "json": {
      const doc = payloadDocument(payload, options);
      if (doc.kind === "binary") return failed(payload, "json", "the payload is not UTF-8 text");
      return { ...doc, decoder: "json" };
    }
    case "text": {
      // Detected text that starts like JSON keeps where it breaks (hand-built JSON in a RouterOS string).
      if (decoder === "auto") return { ...payloadDocument(payload, options), decoder: "text" };
      const text = Buffer.from(payload).toString("utf8");
      return { kind: "text", language: "plaintext", text, jsonProblem: undefined, decoder: "text" };
    }
    case "hex":
      return {
        kind: "binary",
        language: "plaintext",
        text: hexDump(payload),
        jsonProblem: undefined,
        decoder: "hex",
      };
    case "base64": {
      const text = payloadText(payload);
      const bytes = text === undefined ? undefined : base64Bytes(text);
      if (!bytes) return failed(payload, "base64", "the payload is not base64 text");
      const inner = decodePayload(bytes, "auto");
      return { ...inner, decoder: "base64" };
    }
    case "cbor": {
      const cbor = decodeCbor(payload);
      if (!cbor.ok) return failed(payload, "cbor", `not CBOR: ${cbor.reason}`);
      let text: string;
      try {
        text = `${cborJson(cbor.value)}\n`;
      } catch (error) {
        return failed(payload, "cbor", error instanceof Error ? error.message : String(error));
      }
      return { kind: "json", language: "json", text, jsonProblem: undefined, decoder: "cbor" };
    }
  }
}

function failed(payload: Uint8Array, decoder: Exclude<DecoderName, "auto">, failure: string): DecodedPayload {
  return {
    kind: "binary",
    language: "plaintext",
    text: hexDump(payload),
    jsonProblem: undefined,
    decoder,
    failure,
  };
}

/** A payload as data for exports: a JSON-able value (JSON, decoded CBOR or base64 holding either), text, or bytes. */
export type PayloadValue =
  { kind: "json"; value: unknown } | { kind: "text"; text: string } | { kind: "bytes"; bytes: Uint8Array };

export function payloadValue(payload: Uint8Array, decoder: DecoderName = "auto"): PayloadValue {
  const chosen = decoder === "auto" ? detectDecoder(payload) : decoder;
  const text = payloadText(payload);
  switch (chosen) {
    case "json":
      if (text !== undefined && payloadDocument(payload).kind === "json") {
        try {
          return { kind: "json", value: JSON.parse(text) };
        } catch {
          // Too deep for JSON.parse: keep it as text.
        }
      }
      break;
    case "cbor": {
      const cbor = decodeCbor(payload);
      if (cbor.ok) {
        try {
          return { kind: "json", value: JSON.parse(cborJson(cbor.value)) };
        } catch {
          // Too deep to convert: keep the bytes.
        }
      }
      break;
    }
    case "base64": {
      const bytes = text === undefined ? undefined : base64Bytes(text);
      if (bytes) return payloadValue(bytes, "auto");
      break;
    }
    case "hex":
      return { kind: "bytes", bytes: payload };
    case "text":
      break;
  }
  return text !== undefined ? { kind: "text", text } : { kind: "bytes", bytes: payload };
}

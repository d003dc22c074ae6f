// `:convert`: decode `from` (raw, base64, base32, hex, url, byte-array), apply `transform`, encode `to`.
import { createHash } from "node:crypto";
import { RosArray } from "./array";
import { ScriptError } from "./errors";
import { toStr } from "./format";
import type { Value } from "./values";

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const ENCODINGS = ["raw", "base64", "base32", "hex", "url", "byte-array"] as const;
const OUTPUTS = [...ENCODINGS, "bit-array-lsb", "bit-array-msb"] as const;
const TRANSFORMS = ["lc", "uc", "lcfirst", "ucfirst", "reverse", "rot13", "md5", "sha1", "sha256", "sha512"];

function bad(what: string, value: string, allowed: readonly string[]): ScriptError {
  return new ScriptError(`invalid value for argument ${what}: ${value} (expected ${allowed.join(", ")})`);
}

function base32Encode(bytes: Buffer): string {
  let out = "";
  let bits = 0;
  let acc = 0;
  for (const b of bytes) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(acc >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(acc << (5 - bits)) & 31];
  while (out.length % 8 !== 0) out += "=";
  return out;
}

function base32Decode(text: string): Buffer {
  const clean = text.replace(/=+$/, "").toUpperCase();
  const out: number[] = [];
  let bits = 0;
  let acc = 0;
  for (const ch of clean) {
    const v = BASE32.indexOf(ch);
    if (v < 0) throw new ScriptError(`failure: invalid base32 character '${ch}'`);
    acc = ((acc << 5) | v) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((acc >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

function decode(value: Value, from: string): Buffer {
  if (from === "byte-array") {
    if (!(value instanceof RosArray))
      throw new ScriptError("failure: from=byte-array needs an array of numbers");
    return Buffer.from(value.values().map((v) => (typeof v === "bigint" ? Number(BigInt.asUintN(8, v)) : 0)));
  }
  const text = toStr(value);
  switch (from) {
    case "raw":
      return Buffer.from(text, "latin1");
    case "base64":
      if (!/^[A-Za-z0-9+/=\s_-]*$/.test(text)) throw new ScriptError("failure: invalid base64 input");
      return Buffer.from(text, "base64");
    case "base32":
      return base32Decode(text);
    case "hex":
      if (!/^([0-9A-Fa-f]{2})*$/.test(text)) throw new ScriptError("failure: invalid hex input");
      return Buffer.from(text, "hex");
    case "url":
      return Buffer.from(
        text.replace(/%([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
        "latin1",
      );
    default:
      throw bad("from", from, ENCODINGS);
  }
}

function encode(bytes: Buffer, to: string): Value {
  switch (to) {
    case "raw":
      return bytes.toString("latin1");
    case "base64":
      return bytes.toString("base64");
    case "base32":
      return base32Encode(bytes);
    case "hex":
      return bytes.toString("hex");
    case "url": {
      let out = "";
      for (const b of bytes) {
        const c = String.fromCharCode(b);
        out += /[A-Za-z0-9_.~-]/.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, "0")}`;
      }
      return out;
    }
    case "byte-array":
      return new RosArray([...bytes].map((b) => BigInt(b)));
    case "bit-array-lsb":
    case "bit-array-msb": {
      // Every byte as eight 0/1 numbers, its least (lsb) or most (msb) significant bit first (manual, :convert).
      const bits: Value[] = [];
      const lsb = to === "bit-array-lsb";
      for (const b of bytes) for (let i = 0; i < 8; i++) bits.push(BigInt((b >> (lsb ? i : 7 - i)) & 1));
      return new RosArray(bits);
    }
    default:
      throw bad("to", to, OUTPUTS);
  }
}

function ascii(bytes: Buffer, f: (c: string) => string): Buffer {
  return Buffer.from(f(bytes.toString("latin1")), "latin1");
}

function transform(bytes: Buffer, name: string): Buffer {
  switch (name) {
    case "lc":
      return ascii(bytes, (s) => s.replace(/[A-Z]+/g, (m) => m.toLowerCase()));
    case "uc":
      return ascii(bytes, (s) => s.replace(/[a-z]+/g, (m) => m.toUpperCase()));
    case "lcfirst":
      return ascii(bytes, (s) => s.replace(/^[A-Z]/, (m) => m.toLowerCase()));
    case "ucfirst":
      return ascii(bytes, (s) => s.replace(/^[a-z]/, (m) => m.toUpperCase()));
    case "reverse":
      return Buffer.from(bytes).reverse();
    case "rot13":
      return ascii(bytes, (s) =>
        s.replace(/[A-Za-z]/g, (c) => {
          const base = c <= "Z" ? 65 : 97;
          return String.fromCharCode(((c.charCodeAt(0) - base + 13) % 26) + base);
        }),
      );
    case "md5":
    case "sha1":
    case "sha256":
    case "sha512":
      return createHash(name).update(bytes).digest();
    default:
      throw bad("transform", name, TRANSFORMS);
  }
}

export interface ConvertOptions {
  readonly from?: string;
  readonly to?: string;
  /** Comma-separated transforms applied in order. */
  readonly transform?: string;
}

export function convert(value: Value, options: ConvertOptions): Value {
  let bytes = decode(value, options.from ?? "raw");
  for (const name of (options.transform ?? "").split(",").filter(Boolean)) bytes = transform(bytes, name);
  return encode(bytes, options.to ?? "raw");
}

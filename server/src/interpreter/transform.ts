// `:convert`: decode `from` (raw, base64, base32, hex, url, byte-array, bit arrays, num), apply `transform`, encode `to`.
import { createHash } from "node:crypto";
import { parseInteger } from "../schema";
import { RosArray } from "./array";
import { ScriptError } from "./errors";
import { toStr } from "./format";
import type { Value } from "./values";

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const ENCODINGS = [
  "raw",
  "base64",
  "base32",
  "hex",
  "url",
  "byte-array",
  "bit-array-lsb",
  "bit-array-msb",
  "num",
];
const TRANSFORMS = [
  "none",
  "lc",
  "uc",
  "lcfirst",
  "ucfirst",
  "crlf",
  "reverse",
  "rot13",
  "md5",
  "sha1",
  "sha256",
  "sha512",
];

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

/**
 * A number as the bytes `:convert from=num` reads: big-endian, as few as hold it (amm0's Dragino decoder on 7.17,
 * forum.mikrotik.com/t/experiments-with-convert-for-bits-bytes-csv-from-iot/179268/1: `[:convert from=num to=hex
 * 166297599]` is `09e97fff`); a negative number is its eight bytes of two's complement.
 */
function numberBytes(text: string): Buffer {
  const n = parseInteger(text.trim());
  if (n === undefined) throw new ScriptError(`failure: from=num needs a number, got ${text || "nothing"}`);
  let hex = BigInt.asUintN(64, n).toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  return Buffer.from(hex, "hex");
}

/** Bytes as `to=num` gives them: their big-endian value in decimal, as text (the same post's JSON shows it as a string). */
function bytesNumber(bytes: Buffer): string {
  if (bytes.length === 0) return "0";
  return BigInt.asIntN(64, BigInt(`0x${bytes.toString("hex")}`)).toString();
}

/** An array of 0/1 numbers, eight to a byte, least (lsb) or most (msb) significant bit first: the inverse of to=. */
function bitsBytes(value: RosArray, lsb: boolean): Buffer {
  const bits = value.values().map((v) => (typeof v === "bigint" && v !== 0n ? 1 : 0));
  const out: number[] = [];
  for (let i = 0; i < bits.length; i += 8) {
    let byte = 0;
    for (let j = 0; j < 8; j++) byte |= (bits[i + j] ?? 0) << (lsb ? j : 7 - j);
    out.push(byte);
  }
  return Buffer.from(out);
}

function decode(value: Value, from: string): Buffer {
  if (from === "byte-array" || from === "bit-array-lsb" || from === "bit-array-msb") {
    if (!(value instanceof RosArray))
      throw new ScriptError(`failure: from=${from} needs an array of numbers`);
    if (from !== "byte-array") return bitsBytes(value, from === "bit-array-lsb");
    return Buffer.from(value.values().map((v) => (typeof v === "bigint" ? Number(BigInt.asUintN(8, v)) : 0)));
  }
  const text = toStr(value);
  switch (from) {
    case "num":
      return numberBytes(text);
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
    case "num":
      return bytesNumber(bytes);
    case "bit-array-lsb":
    case "bit-array-msb": {
      // Every byte as eight 0/1 numbers, its least (lsb) or most (msb) significant bit first (manual, :convert).
      const bits: Value[] = [];
      const lsb = to === "bit-array-lsb";
      for (const b of bytes) for (let i = 0; i < 8; i++) bits.push(BigInt((b >> (lsb ? i : 7 - i)) & 1));
      return new RosArray(bits);
    }
    default:
      throw bad("to", to, ENCODINGS);
  }
}

function ascii(bytes: Buffer, f: (c: string) => string): Buffer {
  return Buffer.from(f(bytes.toString("latin1")), "latin1");
}

function transform(bytes: Buffer, name: string): Buffer {
  switch (name) {
    case "none":
      return bytes;
    case "crlf":
      // Line ends as CRLF, as :tocrlf makes them (manual, :convert transform=crlf).
      return ascii(bytes, (s) => s.replace(/\r?\n/g, "\r\n"));
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

// RouterOS strings are byte strings: inside the interpreter a string holds one char per byte (0..255), converted at the edges.

const NON_ASCII = /[\u0080-\uffff]/;

/** Source or host text (UTF-16) to a byte string (its UTF-8 bytes, one char each). ASCII passes unchanged. */
export function toBytes(text: string): string {
  return NON_ASCII.test(text) ? Buffer.from(text, "utf8").toString("latin1") : text;
}

/** A byte string back to display text, decoding its bytes as UTF-8 (invalid sequences become U+FFFD). */
export function fromBytes(bytes: string): string {
  return NON_ASCII.test(bytes) ? Buffer.from(bytes, "latin1").toString("utf8") : bytes;
}

/** The bytes of a byte string, for the wire (MQTT payloads). */
export function bytesToBuffer(bytes: string): Buffer {
  return Buffer.from(bytes, "latin1");
}

/** A buffer received from the wire as a byte string. */
export function bufferToBytes(buffer: Buffer): string {
  return buffer.toString("latin1");
}

// What must hold of every result the fuzzer gets back: ranges inside the text, whole characters, messages without half an emoji.
import { splitsPair } from "../../server/src/syntax/codePoints";

/** A broken promise of the product, found by the fuzzer (as opposed to an exception it threw). */
export class InvariantError extends Error {
  override readonly name = "InvariantError";
}

export function expect(condition: boolean, what: string): asserts condition {
  if (!condition) throw new InvariantError(what);
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** A range of `text` that starts and ends on whole characters. */
export function expectRange(text: string, start: number, end: number, what: string): void {
  expect(
    Number.isInteger(start) && Number.isInteger(end),
    `${what}: offsets are integers (${start}..${end})`,
  );
  expect(
    0 <= start && start <= end && end <= text.length,
    `${what}: ${start}..${end} inside 0..${text.length}`,
  );
  expect(!splitsPair(text, start) && !splitsPair(text, end), `${what}: ${start}..${end} splits a character`);
}

/** A message that quotes no half character, unless the text itself holds one. */
export function expectMessage(text: string, message: string, what: string): void {
  expect(message.length > 0, `${what}: a message`);
  expect(
    !LONE_SURROGATE.test(message) || LONE_SURROGATE.test(text),
    `${what}: half a character in "${message}"`,
  );
}

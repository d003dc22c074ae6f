// The units the JSON scanner reads: characters of a text, or "holes" standing for values only known at run time.
import { CARRIAGE_RETURN, LINE_FEED, TAB } from "./codes";

/** A run-time value that prints as a JSON value (a number, a boolean, or unknown and given the benefit of the doubt). */
export const HOLE_VALUE = -1;
/** A run-time value that is not a JSON value without quotes (a string, a time, an address...). */
export const HOLE_TEXT = -2;

/** A sequence of units: UTF-16 codes, or HOLE_VALUE / HOLE_TEXT. */
export interface JsonInput {
  readonly length: number;
  /** The code of unit `index` (0 <= index < length). */
  codeAt(index: number): number;
  /** How a hole is named in messages (`$name`); only asked for units whose code is a hole. */
  holeLabel(index: number): string;
}

class TextInput implements JsonInput {
  readonly length: number;
  constructor(private readonly text: string) {
    this.length = text.length;
  }
  codeAt(index: number): number {
    return this.text.charCodeAt(index);
  }
  holeLabel(): string {
    return "";
  }
}

/** A plain text as scanner input: one unit per UTF-16 code unit, no holes. */
export function textInput(text: string): JsonInput {
  return new TextInput(text);
}

/** How a unit is named after "found": `'x'`, `a line break`, `the end of the text`, a hole's label. */
export function describeUnit(input: JsonInput, index: number): string {
  if (index >= input.length) return "the end of the text";
  const c = input.codeAt(index);
  if (c < 0) return input.holeLabel(index);
  if (c === LINE_FEED || c === CARRIAGE_RETURN) return "a line break";
  if (c === TAB) return "a tab";
  if (c < 0x20) return `a control character (U+${c.toString(16).toUpperCase().padStart(4, "0")})`;
  if (c >= 0xd800 && c < 0xdc00 && index + 1 < input.length) {
    const low = input.codeAt(index + 1);
    if (low >= 0xdc00 && low < 0xe000) return `'${String.fromCharCode(c, low)}'`;
  }
  return `'${String.fromCharCode(c)}'`;
}

/** The text of units `start` to `end`, holes written as their labels (for messages only). */
export function unitsText(input: JsonInput, start: number, end: number): string {
  let text = "";
  for (let i = start; i < end; i++) {
    const c = input.codeAt(i);
    text += c < 0 ? input.holeLabel(i) : String.fromCharCode(c);
  }
  return text;
}

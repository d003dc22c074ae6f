// The JSON scanner's tokens: a string, a number, a word (`true`, `false`, `null`); each returns where it ends or why it breaks.
import { jsonError, type JsonError } from "./error";
import { HOLE_TEXT, HOLE_VALUE, describeUnit, unitsText, type JsonInput } from "./input";

const QUOTE = 34;
const BACKSLASH = 92;
const PLUS = 43;
const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const NINE = 57;

/** A hexadecimal digit; a run-time value in a `\u` escape is given the benefit of the doubt. */
function isHex(c: number): boolean {
  return (c >= ZERO && c <= NINE) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102) || c < 0;
}

/** The characters after a backslash that make a JSON escape (`u` is checked apart). */
function isSimpleEscape(c: number): boolean {
  // " \ / b f n r t
  return (
    c === QUOTE || c === BACKSLASH || c === 47 || c === 98 || c === 102 || c === 110 || c === 114 || c === 116
  );
}

/** A string from its opening quote at `start`; holes inside it are part of its text. */
export function scanString(input: JsonInput, start: number): number | JsonError {
  const n = input.length;
  let i = start + 1;
  while (i < n) {
    const c = input.codeAt(i);
    if (c === QUOTE) return i + 1;
    if (c === BACKSLASH) {
      if (i + 1 >= n) break;
      const e = input.codeAt(i + 1);
      if (e === 117 /* u */) {
        for (let k = i + 2; k < i + 6; k++) {
          if (k >= n || !isHex(input.codeAt(k))) {
            return jsonError("unicode-escape", i, "\\u must be followed by four hexadecimal digits");
          }
        }
        i += 6;
        continue;
      }
      if (!isSimpleEscape(e)) {
        const found = e < 0 ? input.holeLabel(i + 1) : String.fromCharCode(e);
        return jsonError(
          "escape",
          i,
          `invalid escape \\${found} in a string: a backslash must be followed by one of " \\ / b f n r t u`,
        );
      }
      i += 2;
      continue;
    }
    if (c >= 0 && c < 0x20) {
      const what = c === 10 || c === 13 ? "a line break" : c === 9 ? "a tab" : "a control character";
      const escape =
        c === 10 ? "\\n" : c === 13 ? "\\r" : c === 9 ? "\\t" : `\\u${c.toString(16).padStart(4, "0")}`;
      return jsonError("control-character", i, `${what} inside a string must be escaped (${escape})`);
    }
    i++;
  }
  return jsonError("unterminated-string", start, "unterminated string");
}

function isNumberChar(c: number): boolean {
  return (c >= ZERO && c <= NINE) || c === DOT || c === MINUS || c === PLUS || c === 101 || c === 69;
}

/** A digit, or a run-time value standing for digits. */
function isDigit(c: number): boolean {
  return (c >= ZERO && c <= NINE) || c === HOLE_VALUE;
}

function digitsEnd(input: JsonInput, i: number, end: number): number {
  while (i < end && isDigit(input.codeAt(i))) i++;
  return i;
}

/** Whether units `start` to `end` spell `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, holes counting as `1`. */
function isNumber(input: JsonInput, start: number, end: number): boolean {
  let i = start;
  if (input.codeAt(i) === MINUS) i++;
  if (i >= end) return false;
  if (input.codeAt(i) === ZERO) i++;
  else if (isDigit(input.codeAt(i))) i = digitsEnd(input, i + 1, end);
  else return false;
  if (i < end && input.codeAt(i) === DOT) {
    const digits = i + 1;
    i = digitsEnd(input, digits, end);
    if (i === digits) return false;
  }
  if (i < end && (input.codeAt(i) === 101 || input.codeAt(i) === 69)) {
    i++;
    if (i < end && (input.codeAt(i) === PLUS || input.codeAt(i) === MINUS)) i++;
    const digits = i;
    i = digitsEnd(input, digits, end);
    if (i === digits) return false;
  }
  return i === end;
}

/**
 * A number from `start`: the whole run of number characters and value holes (`7.14.3` is one malformed number, not
 * `7.14` and a stray `.3`), checked against JSON's grammar.
 */
export function scanNumber(input: JsonInput, start: number): number | JsonError {
  const n = input.length;
  let end = start;
  for (; end < n; end++) {
    const c = input.codeAt(end);
    if (c === HOLE_TEXT) return holeError(input, end);
    if (!isNumberChar(c) && c !== HOLE_VALUE) break;
  }
  if (isNumber(input, start, end)) return end;
  return jsonError("number", start, `malformed number '${unitsText(input, start, end)}'`);
}

export function isNumberStart(c: number): boolean {
  return (c >= ZERO && c <= NINE) || c === MINUS || c === HOLE_VALUE;
}

export function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function spells(input: JsonInput, start: number, end: number, word: string): boolean {
  if (end - start !== word.length) return false;
  for (let i = 0; i < word.length; i++) if (input.codeAt(start + i) !== word.charCodeAt(i)) return false;
  return true;
}

/** A run of letters from `start`, which must be `true`, `false` or `null`. */
export function scanWord(input: JsonInput, start: number): number | JsonError {
  let end = start;
  while (end < input.length && isLetter(input.codeAt(end))) end++;
  if (
    spells(input, start, end, "true") ||
    spells(input, start, end, "false") ||
    spells(input, start, end, "null")
  ) {
    return end;
  }
  return jsonError("value", start, `expected a value, found '${unitsText(input, start, end)}'`);
}

export function holeError(input: JsonInput, at: number): JsonError {
  return jsonError("hole", at, `${describeUnit(input, at)} is not a JSON value without quotes`);
}

// A JSON number token: the whole run of number characters, checked against the grammar; value holes count as digits.
import { holeError, jsonError, type JsonError } from "./error";
import { DIGIT_0, DOT, LOWER_E, MINUS, PLUS, UPPER_E, isDigit } from "./codes";
import { HOLE_TEXT, HOLE_VALUE, unitsText, type JsonInput } from "./input";

function isNumberChar(c: number): boolean {
  return isDigit(c) || c === DOT || c === MINUS || c === PLUS || isExponent(c);
}

function isExponent(c: number): boolean {
  return c === LOWER_E || c === UPPER_E;
}

/** A digit, or a run-time value standing for digits. */
function isDigitOrHole(c: number): boolean {
  return isDigit(c) || c === HOLE_VALUE;
}

function digitsEnd(input: JsonInput, i: number, end: number): number {
  while (i < end && isDigitOrHole(input.codeAt(i))) i++;
  return i;
}

/** Whether units `start` to `end` spell `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, holes counting as `1`. */
function isNumber(input: JsonInput, start: number, end: number): boolean {
  let i = start;
  if (input.codeAt(i) === MINUS) i++;
  if (i >= end) return false;
  if (input.codeAt(i) === DIGIT_0) i++;
  else if (isDigitOrHole(input.codeAt(i))) i = digitsEnd(input, i + 1, end);
  else return false;
  if (i < end && input.codeAt(i) === DOT) {
    const digits = i + 1;
    i = digitsEnd(input, digits, end);
    if (i === digits) return false;
  }
  if (i < end && isExponent(input.codeAt(i))) {
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
  return isDigitOrHole(c) || c === MINUS;
}

// What the JSON scanner reports when a text is not JSON: a stable code, the unit where it breaks, and a sentence.
import { describeUnit, type JsonInput } from "./input";

/** Why a text stops being JSON; callers add their own hints by code. */
export type JsonErrorCode =
  /** A value was expected (`{"a":,}`, `{"sn":ABC}`, an empty text). */
  | "value"
  /** A run-time value that needs quotes stands where a value or a number's digits belong. */
  | "hole"
  | "property-name"
  | "colon"
  /** Neither `,` nor `}` after a property value. */
  | "object-next"
  /** Neither `,` nor `]` after an array element. */
  | "array-next"
  | "trailing-comma"
  /** The text ends inside an object or an array; `at` is its opening bracket. */
  | "unclosed-object"
  | "unclosed-array"
  /** `at` is the opening quote. */
  | "unterminated-string"
  | "escape"
  | "unicode-escape"
  | "control-character"
  /** `at` is the number's first unit. */
  | "number"
  | "after-end";

export interface JsonError {
  readonly code: JsonErrorCode;
  /** The unit where the text stops being JSON; the input's length when it ends too early. */
  readonly at: number;
  /** What is wrong and what was expected: `expected ',' or '}' after a property value, found 'x'`. */
  readonly message: string;
}

export function jsonError(code: JsonErrorCode, at: number, message: string): JsonError {
  return { code, at, message };
}

/** A run-time value that needs quotes where a value (or a number's digits) belongs. */
export function holeError(input: JsonInput, at: number): JsonError {
  return jsonError("hole", at, `${describeUnit(input, at)} is not a JSON value without quotes`);
}

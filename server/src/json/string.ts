// A JSON string token: escapes, control characters and the closing quote; holes inside it are part of its text.
import { jsonError, type JsonError } from "./error";
import {
  BACKSLASH,
  CARRIAGE_RETURN,
  LINE_FEED,
  LOWER_A,
  LOWER_B,
  LOWER_F,
  LOWER_N,
  LOWER_R,
  LOWER_T,
  LOWER_U,
  QUOTE,
  SLASH,
  TAB,
  UPPER_A,
  UPPER_F,
  isDigit,
} from "./codes";
import type { JsonInput } from "./input";

function isHex(c: number): boolean {
  return isDigit(c) || (c >= UPPER_A && c <= UPPER_F) || (c >= LOWER_A && c <= LOWER_F);
}

/** The characters after a backslash that make a JSON escape (`u` is checked apart). */
function isSimpleEscape(c: number): boolean {
  return (
    c === QUOTE ||
    c === BACKSLASH ||
    c === SLASH ||
    c === LOWER_B ||
    c === LOWER_F ||
    c === LOWER_N ||
    c === LOWER_R ||
    c === LOWER_T
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
      if (e === LOWER_U) {
        let k = i + 2;
        for (; k < i + 6; k++) {
          const h = k < n ? input.codeAt(k) : 0;
          // A run-time value may hold the digits (`\u00$hex`): the benefit of the doubt.
          if (h < 0) break;
          if (!isHex(h))
            return jsonError("unicode-escape", i, "\\u must be followed by four hexadecimal digits");
        }
        i = k;
        continue;
      }
      if (!isSimpleEscape(e)) {
        const found = e < 0 ? input.holeLabel(i + 1) : characterAt(input, i + 1);
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
      const what =
        c === LINE_FEED || c === CARRIAGE_RETURN
          ? "a line break"
          : c === TAB
            ? "a tab"
            : "a control character";
      return jsonError("control-character", i, `${what} inside a string must be escaped (${escapeOf(c)})`);
    }
    i++;
  }
  return jsonError("unterminated-string", start, "unterminated string");
}

/** How a control character is written in a JSON string. */
function escapeOf(c: number): string {
  if (c === LINE_FEED) return "\\n";
  if (c === CARRIAGE_RETURN) return "\\r";
  if (c === TAB) return "\\t";
  return `\\u${c.toString(16).padStart(4, "0")}`;
}

/** The character at unit `at`: both halves of a surrogate pair (an emoji), never one. */
function characterAt(input: JsonInput, at: number): string {
  const c = input.codeAt(at);
  const next = at + 1 < input.length ? input.codeAt(at + 1) : -1;
  return c >= 0xd800 && c < 0xdc00 && next >= 0xdc00 && next < 0xe000
    ? String.fromCharCode(c, next)
    : String.fromCharCode(c);
}

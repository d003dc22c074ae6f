// Says whether units are JSON (RFC 8259) and where they stop being: one linear pass, no recursion, nothing allocated but an open-bracket stack.
import { HOLE_TEXT, describeUnit, textInput, unitsText, type JsonInput } from "./input";
import { COLON, COMMA, LBRACE, LBRACKET, QUOTE, RBRACE, RBRACKET, isLetter, isSpace } from "./codes";
import { holeError, jsonError, type JsonError } from "./error";
import { isNumberStart, scanNumber } from "./number";
import { scanString } from "./string";

/** The code the scanner sees past the last unit (a small integer, so that codes stay small integers). */
const END = -3;

/** What the scanner expects next. */
const enum Expect {
  /** A value. */
  Value,
  /** After `{`: a property name or `}`. */
  ObjectStart,
  /** After `[`: a value or `]`. */
  ArrayStart,
  /** After `{` or `,` in an object: a property name. */
  Name,
  /** After a value: `,`, the closing bracket, or the end of the text at the top level. */
  Next,
}

function skipSpaces(input: JsonInput, i: number): number {
  while (i < input.length && isSpace(input.codeAt(i))) i++;
  return i;
}

function spells(input: JsonInput, start: number, end: number, word: string): boolean {
  if (end - start !== word.length) return false;
  for (let i = 0; i < word.length; i++) if (input.codeAt(start + i) !== word.charCodeAt(i)) return false;
  return true;
}

/** A run of letters from `start`, which must be `true`, `false` or `null`. */
function scanWord(input: JsonInput, start: number): number | JsonError {
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

/** A string, number, word or hole starting at `i` (objects and arrays are the caller's): where it ends, or why it breaks. */
function scanValueStart(input: JsonInput, i: number, c: number): number | JsonError {
  if (c === QUOTE) return scanString(input, i);
  if (isNumberStart(c)) return scanNumber(input, i);
  if (isLetter(c)) return scanWord(input, i);
  if (c === HOLE_TEXT) return holeError(input, i);
  return jsonError("value", i, `expected a value, found ${describeUnit(input, i)}`);
}

/** Undefined when the input is one JSON value (with optional whitespace around it); otherwise the first place it breaks. */
export function scanJson(input: JsonInput): JsonError | undefined {
  const n = input.length;
  /** Where each object or array not closed yet opens. */
  const open: number[] = [];
  let expect = Expect.Value;
  let i = 0;
  for (;;) {
    i = skipSpaces(input, i);
    const c = i < n ? input.codeAt(i) : END;
    switch (expect) {
      case Expect.Value: {
        if (c === LBRACE || c === LBRACKET) {
          open.push(i);
          i++;
          expect = c === LBRACE ? Expect.ObjectStart : Expect.ArrayStart;
          continue;
        }
        const end = scanValueStart(input, i, c);
        if (typeof end !== "number") return end;
        i = end;
        expect = Expect.Next;
        continue;
      }
      case Expect.ObjectStart:
      case Expect.ArrayStart:
        if (c === (expect === Expect.ObjectStart ? RBRACE : RBRACKET)) {
          open.pop();
          i++;
          expect = Expect.Next;
        } else {
          expect = expect === Expect.ObjectStart ? Expect.Name : Expect.Value;
        }
        continue;
      case Expect.Name: {
        if (c !== QUOTE) {
          if (i >= n) return unclosed(input, open);
          const found = describeUnit(input, i);
          return jsonError("property-name", i, `expected a property name in double quotes, found ${found}`);
        }
        const end = scanString(input, i);
        if (typeof end !== "number") return end;
        i = skipSpaces(input, end);
        if (i >= n || input.codeAt(i) !== COLON) {
          const found = describeUnit(input, i);
          return jsonError("colon", i, `expected ':' after the property name, found ${found}`);
        }
        i++;
        expect = Expect.Value;
        continue;
      }
      case Expect.Next: {
        const top = open[open.length - 1];
        if (top === undefined) {
          if (i >= n) return undefined;
          const found = describeUnit(input, i);
          return jsonError("after-end", i, `unexpected ${found} after the end of the JSON value`);
        }
        const inObject = input.codeAt(top) === LBRACE;
        const close = inObject ? RBRACE : RBRACKET;
        if (c === COMMA) {
          const comma = i;
          i = skipSpaces(input, i + 1);
          if (i < n && input.codeAt(i) === close) {
            return jsonError("trailing-comma", comma, `trailing comma before '${inObject ? "}" : "]"}'`);
          }
          expect = inObject ? Expect.Name : Expect.Value;
          continue;
        }
        if (c === close) {
          open.pop();
          i++;
          continue;
        }
        if (i >= n) return unclosed(input, open);
        const found = describeUnit(input, i);
        return inObject
          ? jsonError("object-next", i, `expected ',' or '}' after a property value, found ${found}`)
          : jsonError("array-next", i, `expected ',' or ']' after an array element, found ${found}`);
      }
    }
  }
}

/** The text ends inside the innermost open object or array. */
function unclosed(input: JsonInput, open: readonly number[]): JsonError {
  const at = open[open.length - 1] ?? 0;
  return input.codeAt(at) === LBRACE
    ? jsonError("unclosed-object", at, "the object opened here is never closed with '}'")
    : jsonError("unclosed-array", at, "the array opened here is never closed with ']'");
}

/** `scanJson` over a plain text. */
export function scanJsonText(text: string): JsonError | undefined {
  return scanJson(textInput(text));
}

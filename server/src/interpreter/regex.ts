// POSIX extended regular expressions (the `~` operator) translated to JavaScript ones, cached by pattern.
import { ScriptError } from "./errors";

const CLASSES: Readonly<Record<string, string>> = {
  alpha: "A-Za-z",
  digit: "0-9",
  alnum: "0-9A-Za-z",
  upper: "A-Z",
  lower: "a-z",
  space: " \\t\\n\\r\\f\\v",
  blank: " \\t",
  punct: "!-\\/:-@\\[-`{-~",
  xdigit: "0-9A-Fa-f",
  cntrl: "\\x00-\\x1f\\x7f",
  print: " -~",
  graph: "!-~",
  word: "0-9A-Za-z_",
};

/** Translates one bracket expression starting at `pattern[i] === "["`; returns the JS text and the index after it. */
function bracket(pattern: string, i: number): [string, number] {
  let out = "[";
  let j = i + 1;
  if (pattern[j] === "^") {
    out += "^";
    j++;
  }
  if (pattern[j] === "]") {
    out += "\\]";
    j++;
  }
  for (; j < pattern.length; j++) {
    const c = pattern[j] as string;
    if (c === "]") return [out + "]", j + 1];
    if (c === "[" && pattern[j + 1] === ":") {
      const end = pattern.indexOf(":]", j + 2);
      const name = end < 0 ? undefined : pattern.slice(j + 2, end);
      const set = name === undefined ? undefined : CLASSES[name];
      if (set === undefined || end < 0) throw new ScriptError(`invalid character class in regex ${pattern}`);
      out += set;
      j = end + 1;
      continue;
    }
    if (c === "[" && (pattern[j + 1] === "." || pattern[j + 1] === "=")) {
      const close = pattern.indexOf(`${pattern[j + 1]}]`, j + 2);
      if (close < 0) throw new ScriptError(`invalid collating element in regex ${pattern}`);
      out += escapeInClass(pattern.slice(j + 2, close));
      j = close + 1;
      continue;
    }
    out += c === "\\" || c === "[" ? `\\${c}` : c;
  }
  throw new ScriptError(`unterminated [ in regex ${pattern}`);
}

function escapeInClass(text: string): string {
  return text.replace(/[\\\]^-]/g, "\\$&");
}

/** The JavaScript source of a POSIX ERE. Backslash escapes outside brackets keep their JavaScript meaning. */
export function translateRegex(pattern: string): string {
  let out = "";
  for (let i = 0; i < pattern.length;) {
    const c = pattern[i] as string;
    if (c === "[") {
      const [text, next] = bracket(pattern, i);
      out += text;
      i = next;
    } else if (c === "\\") {
      const n = pattern[i + 1];
      if (n === undefined) throw new ScriptError(`trailing backslash in regex ${pattern}`);
      out += n === "<" || n === ">" ? "\\b" : `\\${n}`;
      i += 2;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

const cache = new Map<string, RegExp>();

export function compileRegex(pattern: string): RegExp {
  let re = cache.get(pattern);
  if (!re) {
    try {
      re = new RegExp(translateRegex(pattern));
    } catch (error) {
      if (error instanceof ScriptError) throw error;
      throw new ScriptError(`invalid regular expression ${JSON.stringify(pattern)}`);
    }
    if (cache.size > 500) cache.clear();
    cache.set(pattern, re);
  }
  return re;
}

/** True when `text` contains a match of the POSIX ERE `pattern`. */
export function regexTest(pattern: string, text: string): boolean {
  return compileRegex(pattern).test(text);
}

// POSIX extended regular expressions (the `~` operator, `where ... ~`) matched in linear time: translated to RE2 syntax and run by re2js, cached by pattern.
import { RE2JS } from "re2js";
import { ScriptError } from "./errors";

/**
 * POSIX character classes as ASCII ranges (RouterOS matches bytes; `word` is the GNU extension). Written out rather
 * than left to RE2's own `[[:alpha:]]`, so that the classes are exactly these whatever the engine's Unicode tables.
 */
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

/** Escapes outside brackets that keep their meaning (GNU's `\w \W \s \S \b \B`, and `\d \D` as RouterOS has them). */
const CLASS_ESCAPES = new Set(["d", "D", "w", "W", "s", "S", "b", "B", "n", "r", "t", "f", "v"]);

/** A character as an RE2 literal (RE2 rejects unknown escapes of letters: `\q` means `q`). */
function literal(c: string): string {
  if (/[0-9A-Za-z]/.test(c) || c.charCodeAt(0) >= 0x80) return c;
  const code = c.charCodeAt(0);
  return code < 0x20 || code === 0x7f ? `\\x${code.toString(16).padStart(2, "0")}` : `\\${c}`;
}

/** A POSIX bracket expression starting at `pattern[i] === "["`: its RE2 text and the index after it. */
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
    // A backslash is an ordinary character inside brackets in POSIX: `[\D]` is a backslash or a D.
    out += c === "\\" || c === "[" ? `\\${c}` : c;
  }
  throw new ScriptError(`unterminated [ in regex ${pattern}`);
}

function escapeInClass(text: string): string {
  return text.replace(/[\\\]^-]/g, "\\$&");
}

/** The regex feature RE2 cannot run in linear time, said in the error of a script that uses it. */
function backReference(pattern: string, digit: string): ScriptError {
  return new ScriptError(
    `the back-reference \\${digit} in regex ${pattern} cannot be matched: the simulator matches regular expressions in linear time (RE2), which has no back-references`,
    "RSC4003",
  );
}

/** The RE2 source of a POSIX ERE. */
export function translateRegex(pattern: string): string {
  let out = "";
  for (let i = 0; i < pattern.length;) {
    const c = pattern[i] as string;
    if (c === "[") {
      const [text, next] = bracket(pattern, i);
      out += text;
      i = next;
      continue;
    }
    if (c !== "\\") {
      out += c;
      i++;
      continue;
    }
    const n = pattern[i + 1];
    if (n === undefined) throw new ScriptError(`trailing backslash in regex ${pattern}`);
    i += 2;
    if (n === "<" || n === ">") out += "\\b";
    else if (n >= "1" && n <= "9") throw backReference(pattern, n);
    else if (CLASS_ESCAPES.has(n)) out += `\\${n}`;
    else if (n === "0") out += "\\x00";
    else if (n === "x" && /^[0-9A-Fa-f]{2}/.test(pattern.slice(i, i + 2))) {
      out += `\\x${pattern.slice(i, i + 2)}`;
      i += 2;
    } else out += literal(n);
  }
  return out;
}

const cache = new Map<string, RE2JS>();

/**
 * The compiled pattern. POSIX `regcomp` without REG_NEWLINE treats a newline as an ordinary character, so `.`
 * matches it (https://pubs.opengroup.org/onlinepubs/9699919799/functions/regcomp.html): hence DOTALL.
 */
export function compileRegex(pattern: string): RE2JS {
  let re = cache.get(pattern);
  if (!re) {
    const source = translateRegex(pattern);
    try {
      re = RE2JS.compile(source, RE2JS.DOTALL);
    } catch (error) {
      const reason = error instanceof Error ? error.message.replace(/^error parsing regexp: /, "") : "";
      throw new ScriptError(
        `invalid regular expression ${JSON.stringify(pattern)}${reason ? ` (${reason})` : ""}`,
      );
    }
    if (cache.size > 500) cache.clear();
    cache.set(pattern, re);
  }
  return re;
}

/**
 * A group that opens with `(?` (Perl's lookahead, non-capturing group...) is no POSIX ERE: `regcomp` refuses it, and
 * RouterOS's `~` is then false, not an error (amm0, forum.mikrotik.com/t/regex-format-in-conditional-dns-forwarding/
 * 176872/12: `("test-01.ad.localdomain"~"^(?![\\w]*[-][\\d]{2})(.*[\\.]?ad\\.localdomain)\$")` prints false).
 */
const PERL_GROUP = /(^|[^\\])\(\?/;

/** True when `text` contains a match of the POSIX ERE `pattern`; linear in the length of `text`. */
export function regexTest(pattern: string, text: string): boolean {
  if (PERL_GROUP.test(pattern)) return false;
  return compileRegex(pattern).test(text);
}

// Mutations of a text: cuts, copies, pieces of the language, repeats that build deep or long input, splices.
import type { Random } from "./random";

/** Pieces that make RouterOS parsers work hard: brackets, quotes, escapes, operators, line joins, wide characters. */
export const SCRIPT_PIECES = [
  ...[
    ":",
    "/",
    "..",
    "$",
    '"',
    "\\",
    "\\\n",
    "\n",
    "\r\n",
    "\r",
    ";",
    "{",
    "}",
    "[",
    "]",
    "(",
    ")",
    "=",
    "#",
  ],
  ...[
    " ",
    "\t",
    "->",
    "!",
    "&&",
    "||",
    "and",
    "or",
    "in",
    "where",
    "find",
    ",",
    ".",
    "-",
    "+",
    "*1A",
    "0x1F",
  ],
  ...["10.0.0.1/24", "2001:db8::1", "AA:BB:CC:DD:EE:FF", "1d2h", "00:01:30", "put", "local", "global", "if"],
  ...[
    "do=",
    "else=",
    "on-error=",
    "x",
    "$a",
    '$"q"',
    "$[",
    "$(",
    '\\"',
    "\\48",
    "\\q",
    "é",
    "😀",
    "\\😀",
    "\u0000",
  ],
  ...[
    "ip",
    "address",
    "add",
    "name=",
    "message=",
    '"{\\"a\\":$a}"',
    ":execute ",
    "source=",
    "on-event=",
    "(>",
    "any ",
  ],
  ...[
    ":delay 1h",
    ":while (true) do={",
    ":for i from=1 to=100000 do={",
    ":set a ($a,$a)",
    ":parse ",
    ":serialize ",
  ],
  ...[
    ":deserialize from=json ",
    "[:toarray ",
    "[:convert ",
    ":retry ",
    ":onerror e in={",
    ":jobname",
    ":pick ",
  ],
];

export const JSON_PIECES = [
  ...[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    '"',
    "\\",
    "\\u00e9",
    "\\ud83d",
    "0",
    "-1",
    "1e999",
    "1.5",
    "true",
    "null",
  ],
  ...[
    '"/system/resource"',
    '"/interface"',
    '"name"',
    '"cpu-load"',
    '"extends"',
    '"default"',
    " ",
    "\n",
    "😀",
  ],
];

/** One random mutation of `text` with `pieces` to insert. */
export function mutate(random: Random, text: string, pieces: readonly string[]): string {
  const at = random.int(text.length + 1);
  switch (random.int(8)) {
    case 0:
      return text.slice(0, at) + text.slice(at + 1 + random.int(16));
    case 1: {
      const length = 1 + random.int(24);
      return text.slice(0, at) + text.slice(at, at + length) + text.slice(at);
    }
    case 2:
    case 3:
      return text.slice(0, at) + random.pick(pieces) + text.slice(at);
    case 4: {
      const other = random.int(text.length + 1);
      const length = 1 + random.int(12);
      const a = text.slice(at, at + length);
      const b = text.slice(other, other + length);
      return at < other
        ? text.slice(0, at) + b + text.slice(at + length, other) + a + text.slice(other + length)
        : text;
    }
    case 5:
      return text.slice(0, at);
    case 6: {
      // Depth and length: a short snippet repeated hundreds or thousands of times.
      const snippet = random.chance(0.5) ? random.pick(pieces) : text.slice(at, at + 1 + random.int(6));
      return text.slice(0, at) + snippet.repeat(random.between(100, 4000)) + text.slice(at);
    }
    default:
      return text.slice(0, at) + random.pick(pieces).repeat(random.between(2, 8)) + text.slice(at);
  }
}

/** Several mutations in a row. */
export function mutateMany(random: Random, text: string, pieces: readonly string[], count: number): string {
  let out = text;
  for (let i = 0; i < count; i++) out = mutate(random, out, pieces);
  return out;
}

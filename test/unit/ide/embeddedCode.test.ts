// Code written in strings: decoding with its offset map, which strings are code and in which scope, editor paths.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { codeActions } from "../../../server/src/ide/codeActions";
import { computeDiagnostics } from "../../../server/src/ide/diagnostics";
import { DecodedString } from "../../../server/src/ide/embedded/decode";
import { createLanguageService } from "../../../server/src/ide/languageService";
import { parse, type Command, type StringLiteral } from "../../../server/src/syntax";
import { CODE_ARGUMENTS, CODE_ARGUMENTS_OF, isCodeArgument } from "../../../server/src/syntax/codeArguments";
import { analyzeText, withCursor } from "../../support/cursor";
import { fromRoot } from "../../support/paths";

/** The string literal of `:put <literal>`. */
function literalOf(source: string): { text: string; literal: StringLiteral } {
  const text = `:put ${source}`;
  const command = parse(text).script.body[0] as Command;
  const literal = command.args[0];
  if (literal?.kind !== "String" || !("interpolations" in literal)) throw new Error(`no string in ${text}`);
  return { text, literal };
}

interface DecodeCase {
  readonly literal: string;
  readonly code: string;
  /** Decoded [start, end) and the source text it maps to. */
  readonly ranges: readonly (readonly [number, number, string])[];
}

const DECODE_CASES: readonly DecodeCase[] = [
  { literal: '":put 1"', code: ":put 1", ranges: [[1, 4, "put"]] },
  {
    literal: '":put \\"x\\""',
    code: ':put "x"',
    ranges: [
      [5, 6, '\\"'],
      [5, 8, '\\"x\\"'],
      [6, 7, "x"],
    ],
  },
  { literal: '":put \\$a"', code: ":put $a", ranges: [[5, 7, "\\$a"]] },
  {
    literal: '":local a 1\\r\\n:put $"',
    code: ":local a 1\r\n:put $",
    ranges: [
      [10, 12, "\\r\\n"],
      [11, 12, "\\n"],
      [12, 16, ":put"],
    ],
  },
  { literal: '"a\\\n    b"', code: "ab", ranges: [[1, 2, "b"]] },
  { literal: '"\\41B"', code: "AB", ranges: [[0, 1, "\\41"]] },
  // The end of the code is the closing quote; an empty range stays empty.
  {
    literal: '"ab"',
    code: "ab",
    ranges: [
      [2, 2, ""],
      [1, 1, ""],
    ],
  },
];

for (const c of DECODE_CASES) {
  test(`decoded string ${c.literal}`, () => {
    const { text, literal } = literalOf(c.literal);
    const decoded = DecodedString.of(text, literal);
    assert.equal(decoded.code, c.code);
    for (const [start, end, source] of c.ranges) {
      const range = decoded.sourceRange(start, end);
      assert.equal(text.slice(range.start, range.end), source, `decoded [${start}, ${end})`);
    }
  });
}

test("the empty range at the end of the code is at the closing quote", () => {
  const { text, literal } = literalOf('"a\\"b"');
  const decoded = DecodedString.of(text, literal);
  assert.equal(decoded.sourceOffset(decoded.code.length), literal.end - 1);
});

test("code argument names agree with the parser's (a `{...}` value is a block exactly for them)", () => {
  const schema = JSON.parse(
    readFileSync(fromRoot("server", "src", "schema", "data", "routeros-7.24.json"), "utf8"),
  ) as { args: readonly (readonly [string, number, number])[] };
  const names = new Set([
    ...schema.args.map(([name]) => name),
    ...CODE_ARGUMENTS,
    ...Object.values(CODE_ARGUMENTS_OF).flatMap((set) => [...set]),
  ]);
  let code = 0;
  for (const name of names) {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) continue;
    for (const global of ["", ...Object.keys(CODE_ARGUMENTS_OF)]) {
      const text = global === "" ? `/x y ${name}={:put 1}` : `:${global} ${name}={:put 1}`;
      const command = parse(text).script.body[0] as Command;
      const arg = command.args.find((a) => a.kind === "NamedArg");
      assert.ok(arg?.kind === "NamedArg", text);
      const isBlock = arg.value?.kind === "Block";
      assert.equal(isCodeArgument(global, name), isBlock, `${text}: the parser says ${isBlock}`);
      if (isBlock) code++;
    }
  }
  assert.ok(code > CODE_ARGUMENTS.size, "no code argument found: the probe is broken");
});

interface ScopeCase {
  readonly name: string;
  readonly source: string;
  /** Codes of the diagnostics, in order. */
  readonly codes: readonly string[];
}

/** `code` as a RouterOS string: `\`, `"` and `$` escaped. */
function quote(code: string): string {
  return `"${code.replace(/[\\"$]/g, (c) => `\\${c}`)}"`;
}

/** `code` as the source of a script added by a script added by ... `depth` levels deep. */
function nested(code: string, depth: number): string {
  let text = code;
  for (let i = 0; i < depth; i++) text = `/system script add name=s${i} source=${quote(text)}`;
  return text;
}

const SCOPE_CASES: readonly ScopeCase[] = [
  { name: "script source", source: nested(":put $x", 1), codes: ["RSC3010"] },
  { name: ":execute script=", source: ':execute script=":put \\$x"', codes: ["RSC3010"] },
  {
    name: "on-message receives $msgData (string)",
    source: '/iot mqtt subscriptions add broker=b topic=t on-message=":put \\$msgData; :put \\$msgTopic"',
    codes: [],
  },
  {
    name: "on-event does not receive $msgData",
    source: '/system scheduler add name=t on-event=":put \\$msgData"',
    codes: ["RSC3011"],
  },
  {
    name: "do= of a menu command: its fields are provided",
    source: '/interface monitor-traffic ether1 once do=":put \\$anything"',
    codes: [],
  },
  { name: ":if do= string: not code we check", source: ':if (true) do=":put \\$x"', codes: [] },
  { name: "a call's argument: not code we check", source: ':local f do={}; $f do=":put \\$x"', codes: [] },
  {
    name: "unknown command: only its name",
    source: '/sytem script add source=":put \\$x"',
    codes: ["RSC3001"],
  },
  {
    name: "interpolation: not known before it runs",
    source: ':local x 1; /system script add source="$x; /sytem"',
    codes: [],
  },
  { name: "four strings deep: checked", source: nested(":put $x", 4), codes: ["RSC3010"] },
  { name: "five strings deep: beyond the limit", source: nested(":put $x", 5), codes: [] },
];

for (const c of SCOPE_CASES) {
  test(`code in strings: ${c.name}`, () => {
    assert.deepEqual(
      computeDiagnostics(c.source).map((d) => d.code),
      c.codes,
      c.source,
    );
  });
}

test("language service: diagnostics of code in strings, before and after an edit inside the string", () => {
  const service = createLanguageService();
  const uri = "file:///embedded.rsc";
  const text = '/system script add name=s source=":local a 1\\r\\n:put \\$a"\n';
  assert.deepEqual(service.diagnostics({ uri, version: 1, text }), []);
  const at = text.indexOf("\\$a") + 2;
  const updated = service.update(uri, 2, [{ start: at, end: at + 1, text: "b" }]);
  const diagnostics = service.diagnostics(updated);
  assert.deepEqual(
    diagnostics.map((d) => [d.code, updated.text.slice(d.start, d.end)]),
    [["RSC3010", "\\$b"]],
  );
  assert.deepEqual(diagnostics, computeDiagnostics(updated.text));
});

/** [source with the cursor `|`, title of a quick fix there, the source once it is applied]. */
const FIXES_IN_STRINGS: readonly (readonly [string, string, string])[] = [
  [
    '/system scheduler add name=t on-event="/sytem| reboot"',
    "Change to 'system'",
    '/system scheduler add name=t on-event="/system reboot"',
  ],
  // Inserted text is escaped for the string: the string decodes to the fixed code.
  [
    '/system script add name=s source=":local a 1\\r\\n:put \\$|b"',
    "Declare 'b' with :local",
    '/system script add name=s source=":local a 1\\r\\n:local b\\r\\n:put \\$b"',
  ],
  [
    '/system scheduler add name=t on-event=":log info \\"x\\"; :put \\$|y"',
    "Declare 'y' with :global",
    '/system scheduler add name=t on-event=":log info \\"x\\"; :global y; :put \\$y"',
  ],
  [
    '/system scheduler add name=t on-event="/iot mqtt publish| topic=t"',
    "Add missing argument message=",
    '/system scheduler add name=t on-event="/iot mqtt publish topic=t message=\\"\\""',
  ],
];

for (const [source, title, expected] of FIXES_IN_STRINGS) {
  test(`quick fix inside a string: ${title} in ${source}`, () => {
    const { text, offset } = withCursor(source);
    const action = codeActions(analyzeText(text), offset, offset).find((a) => a.title === title);
    assert.ok(action, `no '${title}' among the fixes`);
    const edits = [...action.edits].sort((x, y) => y.start - x.start);
    const fixed = edits.reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
    assert.equal(fixed, expected);
    assert.ok(
      computeDiagnostics(fixed).every((d) => d.code !== action.diagnostic.code),
      `the fixed text has no ${action.diagnostic.code} left`,
    );
  });
}

test("an unclosed bracket in a string names its document line, also after an edit moved it", () => {
  const service = createLanguageService();
  const uri = "file:///lines.rsc";
  const filler = Array.from({ length: 20 }, (_, i) => `:put ${i}\n`).join("");
  const text = `${filler}/system scheduler add name=b on-event=":put (1 + 2"\n${filler}`;
  const message = (diagnostics: readonly { code: string; message: string }[]): string | undefined =>
    diagnostics.find((d) => d.code === "RSC2003")?.message;
  assert.match(message(service.diagnostics({ uri, version: 1, text })) ?? "", /at line 21 column 45\b/);
  const updated = service.update(uri, 2, [{ start: 0, end: 0, text: "\n" }]);
  assert.match(message(service.diagnostics(updated)) ?? "", /at line 22 column 45\b/);
});

test("semantic tokens of code in a string, an escaped variable covering its escape", () => {
  const service = createLanguageService();
  const text = '/system script add name=s source=":local a 1\\r\\n:put \\$a; /ip address print"';
  const tokens = service.semanticTokens({ uri: "file:///tokens.rsc", version: 1, text });
  const inString = tokens.filter((t) => t.start > text.indexOf('"')).map((t) => text.slice(t.start, t.end));
  assert.deepEqual(inString, ["local", "a", "put", "\\$a", "ip", "address", "print"]);
});

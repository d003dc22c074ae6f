// Property tests: after any sequence of edits, the incremental re-parse and the reused analysis equal a fresh one.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import fc from "fast-check";
import { computeDiagnostics } from "../../../server/src/ide/diagnostics";
import { applyChange, mergeChanges, reparse, type TextChange } from "../../../server/src/ide/incremental";
import { createLanguageService } from "../../../server/src/ide/languageService";
import type { SemanticModel } from "../../../server/src/ide/model/types";
import { headWords, parse, type Command, type ParseResult } from "../../../server/src/syntax";
import { dumpParseResult } from "../../../server/src/syntax/dump";
import { generateScript } from "../../support/generateScript";
import { fromRoot } from "../../support/paths";

/** Text that changes structure when typed anywhere: brackets, quotes, line breaks, continuations, commands. */
const SNIPPETS = [
  "x",
  " ",
  "\n",
  "{",
  "}",
  "[",
  "]",
  "(",
  ")",
  '"',
  "\\\n",
  // A backslash alone: before a statement it is an error, at the end of a re-parsed region it would continue a line.
  "\\",
  ";",
  "$a",
  "#c\n",
  ":put 1\n",
  "/ip route\n",
  "do={",
  "=",
];

/** Code in strings, with errors (an unclosed parenthesis names a line of the document), nested and on-message. */
const EMBEDDED = [
  '/system script add name=a source=":local a 1\\r\\n:put \\$b\\r\\n/sytem reboot"',
  '/system scheduler add name=b on-event=":put (1 + \\"x\\""',
  '/system script add name=c source="/system scheduler add name=x on-event=\\":put \\\\\\$zz\\""',
  '/iot mqtt subscriptions add broker=b topic=t on-message=":log info \\$msgData; :put \\$nope"',
].join("\n");

function corpus(): string {
  const dir = fromRoot("test", "fixtures", "parser", "ok");
  const fixtures = readdirSync(dir)
    .filter((f) => f.endsWith(".rsc"))
    .sort()
    .map((f) => readFileSync(join(dir, f), "utf8"));
  // Whole generated sections: an unclosed block at the end would make every re-parse fall back to a full one.
  return fixtures.join("\n") + EMBEDDED + "\n" + generateScript(150 * 80);
}

const edit = (length: number): fc.Arbitrary<TextChange> =>
  fc
    .tuple(
      fc.nat({ max: length }),
      fc.nat({ max: 12 }),
      fc.oneof(fc.constant(""), fc.constantFrom(...SNIPPETS)),
    )
    .map(([start, span, text]) => ({ start, end: Math.min(length, start + span), text }));

function fingerprint(result: ParseResult): string {
  const tokens = result.tokens
    .toArray()
    .map((t) => `${t.kind}@${t.start}`)
    .join(",");
  // The JSON holds every field of every node (offsets of head words and operators included), beyond what the dump
  // shows; a command's head words are listed in place of their shared table (where in it they lie may differ).
  const tree = JSON.stringify(result.script, (_key, value: unknown) =>
    isCommand(value) ? { ...value, headTable: headWords(value), headIndex: undefined } : value,
  );
  return `${dumpParseResult(result)}\n${tokens}\n${tree}`;
}

function isCommand(value: unknown): value is Command {
  return typeof value === "object" && value !== null && (value as { kind?: unknown }).kind === "Command";
}

/** The edit with its range cut to the text it applies to (random edits may reach past its end). */
function clampTo(change: TextChange, text: string): TextChange {
  return { ...change, start: Math.min(change.start, text.length), end: Math.min(change.end, text.length) };
}

/** A character typed right after what `change` inserted. */
function typedAfter(change: TextChange): TextChange {
  const at = change.start + change.text.length;
  return { start: at, end: at, text: "x" };
}

/** `base` after each edit in turn, re-parsed incrementally after each. */
function reparseAll(base: string, edits: readonly TextChange[]): { text: string; parsed: ParseResult } {
  let text = base;
  let parsed = parse(text);
  for (const change of edits) {
    const clamped = clampTo(change, text);
    text = applyChange(text, clamped);
    parsed = reparse(parsed, clamped, text);
  }
  return { text, parsed };
}

test("reparse after an edit equals a full parse (tree, errors, tokens)", () => {
  const base = corpus();
  fc.assert(
    fc.property(fc.array(edit(base.length), { minLength: 1, maxLength: 6 }), (edits) => {
      const { text, parsed } = reparseAll(base, edits);
      assert.equal(fingerprint(parsed), fingerprint(parse(text)));
    }),
    { numRuns: 60 },
  );
});

test("long runs of edits (token lists viewed over views, then copied flat) still equal a full parse", () => {
  const base = corpus();
  fc.assert(
    fc.property(fc.array(edit(base.length), { minLength: 40, maxLength: 80 }), (edits) => {
      const { text, parsed } = reparseAll(base, edits);
      assert.equal(fingerprint(parsed), fingerprint(parse(text)));
    }),
    { numRuns: 8 },
  );
});

test("a burst of edits merged into one change gives the same text, and its one re-parse equals a full parse", () => {
  const base = corpus();
  fc.assert(
    fc.property(fc.array(edit(base.length), { minLength: 1, maxLength: 20 }), (edits) => {
      let text = base;
      const clamped: TextChange[] = [];
      for (const change of edits) {
        const c = clampTo(change, text);
        clamped.push(c);
        text = applyChange(text, c);
      }
      const merged = mergeChanges(base, clamped);
      assert.equal(merged.text, text);
      assert.equal(applyChange(base, merged.change), text);
      assert.equal(fingerprint(reparse(parse(base), merged.change, merged.text)), fingerprint(parse(text)));
    }),
    { numRuns: 60 },
  );
});

/** Everything features read from a model, by value (symbols by name and declaration), in order. */
function dumpModel(model: SemanticModel): string {
  const lines: string[] = [];
  for (const c of model.commands)
    lines.push(
      `cmd ${c.node.start} ${c.menuPath.join("/")} ${c.info?.name ?? "-"} ${c.args.map((a) => `${a.kind}:${a.name ?? "?"}@${a.start}-${a.end}`).join(",")}`,
    );
  for (const s of model.scopes)
    lines.push(
      `scope ${s.kind} ${s.start}-${s.end} ${s.declarations.map((d) => `${d.symbol.name}@${d.visibleFrom}`).join(",")}`,
    );
  for (const s of model.symbols) {
    lines.push(
      `sym ${s.name} ${s.kind} fn=${s.isFunction} assigns=${s.assignments.length} bodies=${s.functionBodies.length} occ=${s.occurrences.map((o) => `${o.role}@${o.start}`).join(",")}`,
    );
  }
  for (const o of model.occurrences)
    lines.push(`occ ${o.symbol.name} ${o.role} ${o.form} ${o.start}-${o.end} ${o.nameStart}-${o.nameEnd}`);
  for (const r of model.unresolved)
    lines.push(`unresolved ${r.name} ${r.start}-${r.end} at ${r.statementStart}`);
  for (const s of model.sections) lines.push(`section ${s.path.join("/")} ${s.start}-${s.end}`);
  for (const b of model.brokers) lines.push(`broker ${b.name} ${b.start}`);
  for (const c of model.calls)
    lines.push(`call ${c.callee?.name ?? "-"} ${c.node.start} ${c.namedArgs.join(",")}`);
  lines.push(`json ${model.jsonCandidates.map((j) => j.start).join(",")}`);
  lines.push(`code strings ${model.codeStrings.map((c) => `${c.name}@${c.literal.start}`).join(",")}`);
  return lines.join("\n");
}

test("diagnostics and model of an updated document equal those of a fresh analysis", () => {
  const base = corpus();
  fc.assert(
    fc.property(fc.array(edit(base.length), { minLength: 1, maxLength: 5 }), (edits) => {
      const service = createLanguageService();
      let text = base;
      let analysis = service.analyze({ uri: "file:///p.rsc", version: 0, text });
      service.diagnostics(analysis);
      let version = 0;
      for (const change of edits) {
        const clamped = clampTo(change, text);
        text = applyChange(text, clamped);
        // Sometimes with a second change that types a character after it: a burst, merged into one re-parse.
        const burst = clamped.start % 2 === 0 ? [clamped] : [clamped, typedAfter(clamped)];
        if (burst.length === 2) text = applyChange(text, burst[1] as TextChange);
        analysis = service.update("file:///p.rsc", ++version, burst, text);
        assert.deepEqual(service.diagnostics(analysis), computeDiagnostics(text));
        const freshService = createLanguageService();
        const fresh = freshService.analyze({ uri: "file:///q.rsc", version: 0, text });
        assert.equal(dumpModel(analysis.model), dumpModel(fresh.model));
        assert.deepEqual(service.semanticTokens(analysis), freshService.semanticTokens(fresh));
      }
    }),
    { numRuns: 40 },
  );
});

// Feeds one script to everything that reads scripts: parser, checker, every language feature at random offsets, incremental re-parse, interpreter.
import { computeDiagnostics } from "../../server/src/ide/diagnostics";
import { createLanguageService, type TextDocumentInput } from "../../server/src/ide/languageService";
import { createBasicHost, Interpreter, SourceText } from "../../server/src/interpreter";
import type { HostClock } from "../../server/src/interpreter";
import { parse, type Node, type ParseResult } from "../../server/src/syntax";
import { childrenOf } from "../../server/src/syntax/walk";
import { expect, expectMessage, expectRange } from "./invariants";
import type { Random } from "./random";

/** Offsets tried per feature. */
const OFFSETS = 6;
/** Run time given to the interpreter; a script still running then is cancelled. */
const RUN_MS = 150;

/** Real time for time slicing (so that a busy loop still yields), virtual time for `:delay` (so that it waits not). */
function fuzzClock(): HostClock {
  const started = performance.now();
  let slept = 0;
  return {
    now: () => Date.UTC(2025, 3, 2, 14, 23, 51) + (performance.now() - started) + slept,
    monotonic: () => performance.now() - started + slept,
    sleep: async (ms, signal) => {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (signal.aborted) throw new Error("aborted");
      // A real clock stays finite: `:delay` of an astronomical time must not make it Infinity.
      slept = Math.min(slept + ms, Number.MAX_SAFE_INTEGER);
    },
  };
}

function checkParse(text: string): void {
  // strictProgress: a parser loop that stops moving forward throws instead of recovering.
  const parsed = parse(text, { strictProgress: true });
  let at = 0;
  for (const token of parsed.tokens) {
    expect(token.start === at && token.end > token.start, `tokens contiguous and not empty at ${at}`);
    expectRange(text, token.start, token.end, `token ${token.kind}`);
    at = token.end;
  }
  expect(at === text.length, "tokens cover the text");
  for (const d of parsed.diagnostics) expectRange(text, d.start, d.end, d.code);
}

function checkDiagnostics(text: string): void {
  for (const d of computeDiagnostics(text)) {
    expectRange(text, d.start, d.end, d.code);
    expectMessage(text, d.message, d.code);
  }
}

function checkFeatures(text: string, random: Random): void {
  const service = createLanguageService({ brokerNames: () => ["home", "cloud"] });
  const document: TextDocumentInput = { uri: "file:///fuzz.rsc", version: 1, text };
  for (const d of service.diagnostics(document)) expectRange(text, d.start, d.end, `published ${d.code}`);
  for (const t of service.semanticTokens(document)) expectRange(text, t.start, t.end, "semantic token");
  for (const s of service.documentSymbols(document)) expectRange(text, s.start, s.end, `symbol ${s.name}`);
  service.foldingRanges(document);
  service.syntaxTree(document);
  for (let i = 0; i < OFFSETS; i++) {
    const offset = random.int(text.length + 1);
    const items = service.complete(document, offset);
    const first = items[0];
    if (first) service.complete(document, offset, first.label);
    service.hover(document, offset);
    service.signatureHelp(document, offset);
    for (const r of service.definition(document, offset)) expectRange(text, r.start, r.end, "definition");
    for (const r of service.references(document, offset, true))
      expectRange(text, r.start, r.end, "reference");
    service.prepareRename(document, offset);
    const renamed = service.rename(document, offset, random.pick(["x", "newName", "a-b", "😀"]));
    if ("edits" in renamed) for (const e of renamed.edits) expectRange(text, e.start, e.end, "rename edit");
    const end = Math.min(text.length, offset + random.int(40));
    for (const a of service.codeActions(document, offset, end))
      for (const e of a.edits) expectRange(text, e.start, e.end, `code action ${a.title}`);
  }
}

/**
 * Every node (depth, kind, range), diagnostic and token of a parse, in order: equal for equal parses. Linear in the
 * size of the tree, unlike the indented dump, whose indentation grows with the depth.
 */
function fingerprint(parsed: ParseResult): string {
  const parts: string[] = [];
  const stack: [Node, number][] = [[parsed.script, 0]];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const [node, depth] = top;
    parts.push(`${depth}${node.kind}${node.start}-${node.end}`);
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i] as Node, depth + 1]);
  }
  for (const d of parsed.diagnostics) parts.push(`${d.code}${d.start}-${d.end}${d.message}`);
  for (const t of parsed.tokens) parts.push(`${t.kind}${t.start}`);
  return parts.join(",");
}

/** A few random edits through the incremental path give the parse a fresh one gives. */
function checkIncremental(text: string, random: Random): void {
  const service = createLanguageService();
  const uri = "file:///fuzz-edits.rsc";
  service.analyze({ uri, version: 1, text });
  let current = text;
  for (let version = 2; version < 6; version++) {
    const start = random.int(current.length + 1);
    const end = Math.min(current.length, start + random.int(8));
    const inserted = random.pick(["", " ", "\n", "{", "}", "[", "]", "(", ")", '"', "x", ":put 1\n", "😀"]);
    current = current.slice(0, start) + inserted + current.slice(end);
    const updated = service.update(uri, version, [{ start, end, text: inserted }]);
    expect(updated.text === current, "the updated text is the edited text");
    expect(
      fingerprint(updated.parsed) === fingerprint(parse(current)),
      `incremental re-parse equals a fresh parse after an edit at ${start}..${end}`,
    );
  }
}

async function checkRun(text: string): Promise<void> {
  const interpreter = new Interpreter(createBasicHost({ clock: fuzzClock(), random: () => 0.5 }));
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), RUN_MS);
  try {
    const outcome = await interpreter.run(new SourceText("fuzz.rsc", text), { signal: controller.signal });
    controller.abort();
    await interpreter.whenIdle();
    if (outcome.status !== "error") return;
    for (const f of outcome.failures) {
      expect(f.code !== "RSC4008", `no internal error of the interpreter: ${f.message}`);
      if (f.source === "fuzz.rsc") expectRange(text, f.start, f.end, `run failure ${f.code}`);
      expectMessage(text, f.message, `run failure ${f.code}`);
    }
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Every check of one script; throws what went wrong (an exception of the product, or an InvariantError). Returns the
 * CPU time of the checks whose work grows with the text (all but the run, which has a fixed time budget), in ms.
 */
export async function checkScript(text: string, random: Random): Promise<number> {
  const cpu = process.cpuUsage();
  checkParse(text);
  checkDiagnostics(text);
  checkFeatures(text, random);
  checkIncremental(text, random);
  const used = process.cpuUsage(cpu);
  await checkRun(text);
  return (used.user + used.system) / 1000;
}

// Benchmark: typing into a 56 KB function library through the real language server: the first answer after each burst of edits, server CPU and memory over 20,000 edits.
import { existsSync, readFileSync } from "node:fs";
import { createLanguageService } from "../../server/src/ide/languageService";
import type { TextChange } from "../../server/src/ide/incremental";
import { LspClient, type JsonRpcMessage } from "../support/lspClient";
import { generateFunctionLibrary } from "../support/generateScript";
import { fromRoot } from "../support/paths";
import { cpuMilliseconds, percentile, rssMegabytes, settledRss, timed } from "../support/benchMeasures";

/** Edits in all; a burst types a few characters at one place, and the next one deletes them again. */
const EDITS = 20_000;
/** Bursts before measuring: the first ones compile the code paths. */
const WARMUP_BURSTS = 40;
const SIZE = 56 * 1024;

/** A deterministic random source, so that every run types the same edits. */
function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** `--script=PATH` on the bench command line: a real script to type into instead of the generated one. */
function scriptText(): { text: string; label: string } {
  const arg = process.argv.find((a) => a.startsWith("--script="));
  if (arg) {
    const path = arg.slice("--script=".length);
    return { text: readFileSync(path, "utf8"), label: path };
  }
  return { text: generateFunctionLibrary(SIZE), label: "generated function library" };
}

interface Position {
  line: number;
  character: number;
}

/** One burst of typing: a word typed at (line, character), then deleted again by as many backspaces. */
interface Burst {
  readonly line: number;
  readonly character: number;
  readonly word: string;
}

/** The same bursts for the same text: at the end of a line or inside one, a variable, a substitution or a letter. */
function* bursts(lines: readonly string[], edits: number): Generator<Burst> {
  const random = rng(12);
  for (let typed = 0; typed < edits;) {
    const line = Math.floor(random() * lines.length);
    const lineText = lines[line] ?? "";
    const character = random() < 0.5 ? lineText.length : Math.floor(random() * (lineText.length + 1));
    const word = random() < 0.5 ? " $Input" : random() < 0.5 ? " [ :len $Count ]" : "x";
    typed += 2 * word.length;
    yield { line, character, word };
  }
}

/**
 * The same bursts through the language service in this process, timed in CPU time (process.cpuUsage), which a busy
 * machine inflates far less than wall time: per burst, the edits, the re-parse, the analysis, the answer and the
 * diagnostics the server publishes after it.
 */
function cpuPerBurst(text: string, lines: readonly string[]): number[] {
  const service = createLanguageService();
  const uri = "file:///bench/in-process.rsc";
  let version = 1;
  let current = text;
  service.diagnostics({ uri, version, text });
  const starts: number[] = [];
  for (let i = 0, at = 0; i < lines.length; i++) {
    starts.push(at);
    at += (lines[i] ?? "").length + 1;
  }
  const out: number[] = [];
  let count = 0;
  for (const { line, character, word } of bursts(lines, EDITS)) {
    const at = (starts[line] ?? 0) + character;
    const typing: TextChange[] = [...word].map((c, i) => ({ start: at + i, end: at + i, text: c }));
    const deleting: TextChange[] = [...word].map((_, i) => ({
      start: at + word.length - i - 1,
      end: at + word.length - i,
      text: "",
    }));
    for (const [changes, offset] of [
      [typing, at + word.length],
      [deleting, at],
    ] as const) {
      const before = process.cpuUsage();
      for (const change of changes)
        current = current.slice(0, change.start) + change.text + current.slice(change.end);
      version++;
      service.update(uri, version, changes, current);
      const document = { uri, version, text: current };
      if (changes === typing) service.complete(document, offset);
      else service.documentSymbols(document);
      service.diagnostics(document);
      const used = process.cpuUsage(before);
      if (++count > 2 * WARMUP_BURSTS) out.push((used.user + used.system) / 1000);
    }
  }
  return out;
}

export async function run(opts: { log: (s: string) => void }): Promise<Record<string, number | string>> {
  const { text, label } = scriptText();
  // `--server=PATH`: another build of the server, to compare (e.g. the main branch's dist/server.js).
  const server =
    process.argv.find((a) => a.startsWith("--server="))?.slice("--server=".length) ??
    fromRoot("dist", "server.js");
  if (!existsSync(server)) throw new Error(`${server} is missing: run node scripts/build.mjs first`);
  const client = LspClient.start([server, "--stdio"]);
  const uri = "file:///bench/library.rsc";
  const lines = text.split("\n");
  try {
    await client.initialize();
    client.notify("textDocument/didOpen", {
      textDocument: { uri, languageId: "routeros", version: 1, text },
    });
    await client.waitForNotification((m: JsonRpcMessage) => m.method === "textDocument/publishDiagnostics", {
      timeoutMs: 60_000,
      what: "first diagnostics",
    });
    const pid = client.process.pid ?? 0;
    let version = 1;
    const change = (range: { start: Position; end: Position }, newText: string): void => {
      version++;
      client.notify("textDocument/didChange", {
        textDocument: { uri, version },
        contentChanges: [{ range, text: newText }],
      });
    };

    const firstAnswer: number[] = [];
    let peakRss = 0;
    let edits = 0;
    let burstCount = 0;
    let cpuStart = NaN;
    let measuredEdits = 0;
    for (const { line, character, word } of bursts(lines, EDITS)) {
      // Type a word, then ask what the editor asks while typing.
      for (let i = 0; i < word.length; i++) {
        const at = { line, character: character + i };
        change({ start: at, end: at }, word.charAt(i));
      }
      const cursor = { line, character: character + word.length };
      const request = burstCount % 2 === 0 ? "textDocument/completion" : "textDocument/hover";
      const ms = await timed(() => client.request(request, { textDocument: { uri }, position: cursor }));
      // Then delete it again, character by character (backspace), and ask again.
      for (let i = word.length; i > 0; i--) {
        const from = { line, character: character + i - 1 };
        change({ start: from, end: { line, character: character + i } }, "");
      }
      const msAgain = await timed(() =>
        client.request("textDocument/documentSymbol", { textDocument: { uri } }),
      );
      edits += 2 * word.length;
      burstCount++;
      if (burstCount === WARMUP_BURSTS) cpuStart = cpuMilliseconds(pid);
      if (burstCount > WARMUP_BURSTS) {
        firstAnswer.push(ms, msAgain);
        measuredEdits += 2 * word.length;
      }
      if (burstCount % 50 === 0) peakRss = Math.max(peakRss, rssMegabytes(pid));
    }
    const serverCpuPerBurst = (cpuMilliseconds(pid) - cpuStart) / (2 * (burstCount - WARMUP_BURSTS));
    const rssAfter = rssMegabytes(pid);
    const rssSettled = Math.min(rssAfter, await settledRss(pid));
    await client.shutdown();
    const cpu = cpuPerBurst(text, lines);
    opts.log(
      `  (${label}: ${(text.length / 1024).toFixed(0)} KB, ${lines.length} lines; ${edits} edits in ${burstCount} bursts, ${measuredEdits} measured; wall times on a possibly shared machine, CPU from /proc)`,
    );
    const figures = {
      "first answer after a burst p50 ms": +percentile(firstAnswer, 50).toFixed(1),
      "first answer after a burst p99 ms": +percentile(firstAnswer, 99).toFixed(1),
      "server CPU ms per burst, average (edits, re-parse, analysis, answer, diagnostics)":
        +serverCpuPerBurst.toFixed(1),
      "in-process CPU ms per burst p50": +percentile(cpu, 50).toFixed(1),
      "in-process CPU ms per burst p99": +percentile(cpu, 99).toFixed(1),
      "server RSS MB, peak while editing": +peakRss.toFixed(1),
      "server RSS MB, after the edits": +rssAfter.toFixed(1),
      "server RSS MB, settled": +rssSettled.toFixed(1),
    };
    return {
      ...figures,
      "goal first answer p99 <= 50 ms (wall)":
        figures["first answer after a burst p99 ms"] <= 50 ? "met" : "NOT met",
      "goal first answer p99 <= 50 ms (CPU)":
        figures["in-process CPU ms per burst p99"] <= 50 ? "met" : "NOT met",
      "goal RSS <= 150 MB after 20,000 edits":
        figures["server RSS MB, after the edits"] <= 150 ? "met" : "NOT met",
    };
  } finally {
    client.kill();
  }
}

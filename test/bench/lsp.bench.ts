// Benchmark: the real language server over stdio on a 10,000-line script: completion and hover latency, diagnostics after an edit, memory.
import { existsSync } from "node:fs";
import { LspClient, type JsonRpcMessage } from "../support/lspClient";
import { generateLines } from "../support/generateScript";
import { fromRoot } from "../support/paths";
import { cpuMilliseconds, percentile, rssMegabytes, settledRss, timed } from "../support/benchMeasures";

const LINES = 10_000;
const SAMPLES = 300;
const EDITS = 200;
/** Edits made before measuring, so that the first compilation of the update path is not counted. */
const WARMUP_EDITS = 5;

/** Positions spread over the document: the end of a line, and the middle of the line's second word. */
function positions(lines: readonly string[], count: number): { line: number; character: number }[] {
  const out: { line: number; character: number }[] = [];
  for (let i = 0; i < count; i++) {
    const line = Math.floor(((i + 0.5) * lines.length) / count);
    const text = lines[line] ?? "";
    const space = text.indexOf(" ");
    const character = i % 2 === 0 || space < 0 ? text.length : Math.min(text.length, space + 3);
    out.push({ line, character });
  }
  return out;
}

export async function run(opts: { log: (s: string) => void }): Promise<Record<string, number | string>> {
  const text = generateLines(LINES);
  const lines = text.split("\n");
  const server = fromRoot("dist", "server.js");
  if (!existsSync(server)) throw new Error(`${server} is missing: run node scripts/build.mjs first`);
  const client = LspClient.start([server, "--stdio"]);
  const uri = "file:///bench/telemetry-10k.rsc";
  try {
    await client.initialize();
    const diagnosticsOf = (version: number) => (m: JsonRpcMessage) =>
      m.method === "textDocument/publishDiagnostics" &&
      (m.params as { uri: string; version?: number }).uri === uri &&
      (m.params as { version?: number }).version === version;

    const openMs = await timed(async () => {
      client.notify("textDocument/didOpen", {
        textDocument: { uri, languageId: "routeros", version: 1, text },
      });
      await client.waitForNotification(diagnosticsOf(1), { timeoutMs: 60_000, what: "first diagnostics" });
    });

    const pid = client.process.pid ?? 0;
    const rssOpen = await settledRss(pid);
    const where = positions(lines, SAMPLES);
    // Warm up the code paths once (the first request of a kind compiles its handler).
    for (const position of where.slice(0, 20)) {
      await client.request("textDocument/completion", { textDocument: { uri }, position });
      await client.request("textDocument/hover", { textDocument: { uri }, position });
    }
    const completion: number[] = [];
    let items = 0;
    for (const position of where) {
      completion.push(
        await timed(async () => {
          const result = await client.request<unknown[]>("textDocument/completion", {
            textDocument: { uri },
            position,
          });
          items += result.length;
        }),
      );
    }
    const hover: number[] = [];
    let hovers = 0;
    for (const position of where) {
      hover.push(
        await timed(async () => {
          const result = await client.request<unknown>("textDocument/hover", {
            textDocument: { uri },
            position,
          });
          if (result) hovers++;
        }),
      );
    }

    // Typing: one character inserted at a time at spread lines, each waiting for its own diagnostics.
    const afterEdit: number[] = [];
    let version = 1;
    /** Inserts a space at the end of `line` and waits for the diagnostics of the new version. */
    const typeSpaceAt = async (line: number): Promise<void> => {
      const character = (lines[line] ?? "").length;
      version++;
      const target = version;
      client.notify("textDocument/didChange", {
        textDocument: { uri, version: target },
        contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: " " }],
      });
      await client.waitForNotification(diagnosticsOf(target), {
        timeoutMs: 30_000,
        what: `diagnostics of v${target}`,
      });
    };
    for (let i = 0; i < WARMUP_EDITS; i++) await typeSpaceAt(2 + i);
    const cpuBefore = cpuMilliseconds(pid);
    for (let i = 0; i < EDITS; i++) {
      afterEdit.push(await timed(() => typeSpaceAt(Math.floor(((i + 0.5) * LINES) / EDITS))));
    }
    const cpuAfter = cpuMilliseconds(pid);
    const cpuPerEdit = (cpuAfter - cpuBefore) / EDITS;
    const rssAfterEdits = rssMegabytes(pid);
    const rssAfterEditsSettled = await settledRss(pid);
    await client.shutdown();
    opts.log(
      `  (${LINES} lines, ${(text.length / 1024).toFixed(0)} KB; ${SAMPLES} positions, ${(items / SAMPLES).toFixed(0)} items per completion, ${hovers} hovers with content; ${EDITS} edits)`,
    );
    const figures = {
      "open to first diagnostics ms": +openMs.toFixed(1),
      "completion p50 ms": +percentile(completion, 50).toFixed(2),
      "completion p99 ms": +percentile(completion, 99).toFixed(2),
      "hover p50 ms": +percentile(hover, 50).toFixed(2),
      "hover p99 ms": +percentile(hover, 99).toFixed(2),
      "edit to diagnostics p50 ms": +percentile(afterEdit, 50).toFixed(1),
      "edit to diagnostics p99 ms": +percentile(afterEdit, 99).toFixed(1),
      "server CPU ms per edit (re-parse, analysis, diagnostics)": +cpuPerEdit.toFixed(1),
      "server RSS MB, document open": +rssOpen.toFixed(1),
      "server RSS MB, right after the edits": +rssAfterEdits.toFixed(1),
      "server RSS MB, settled after the edits": +rssAfterEditsSettled.toFixed(1),
    };
    return {
      ...figures,
      "goal completion p99 <= 10 ms": figures["completion p99 ms"] <= 10 ? "met" : "NOT met",
      "goal hover p99 <= 10 ms": figures["hover p99 ms"] <= 10 ? "met" : "NOT met",
      "goal diagnostics after edit <= 50 ms (p50)":
        figures["edit to diagnostics p50 ms"] <= 50 ? "met" : "NOT met",
      "goal RSS <= 100 MB (document open)":
        figures["server RSS MB, document open"] <= 100 ? "met" : "NOT met",
    };
  } finally {
    client.kill();
  }
}

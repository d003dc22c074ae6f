// Benchmark: parse plus syntax check throughput on a 5+ MB generated script, beside a plain char-code loop; and the
// full check (syntax and semantic diagnostics, what `rsc check` does) on the same text.
import { computeDiagnostics } from "../../server/src/ide/diagnostics";
import { parse } from "../../server/src/syntax";
import { generateScript } from "../support/generateScript";

function best(runs: number, work: () => void): number {
  let fastest = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    work();
    fastest = Math.min(fastest, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return fastest;
}

export async function run(opts: { log: (s: string) => void }): Promise<Record<string, number | string>> {
  const text = generateScript(5 * 1024 * 1024);
  const megabytes = text.length / (1024 * 1024);
  let sink = 0;
  const loopMs = best(10, () => {
    let h = 0;
    for (let i = 0; i < text.length; i++) h = (h + text.charCodeAt(i)) | 0;
    sink ^= h;
  });
  // Syntax check: the parser's own diagnostics (lexical and syntax errors), as the goal defines it.
  const syntaxMs = best(7, () => {
    const parsed = parse(text);
    sink ^= parsed.diagnostics.length + parsed.tokens.length;
  });
  const fullMs = best(3, () => {
    sink ^= computeDiagnostics(text).length;
  });
  const diagnostics = computeDiagnostics(text);
  opts.log(
    `  (${megabytes.toFixed(2)} MB, ${text.split("\n").length} lines, ${diagnostics.length} diagnostics, sink ${sink & 1})`,
  );
  const parseMBps = megabytes / (syntaxMs / 1000);
  const loopMBps = megabytes / (loopMs / 1000);
  return {
    "input MB": +megabytes.toFixed(2),
    "parse+syntax check ms": +syntaxMs.toFixed(1),
    "parse+syntax check MB/s": +parseMBps.toFixed(1),
    "char loop MB/s": +loopMBps.toFixed(1),
    "ratio to char loop": +(parseMBps / loopMBps).toFixed(3),
    "goal MB/s (>=25)": parseMBps >= 25 ? "met" : "NOT met",
    "goal ratio (>=1/20)": parseMBps / loopMBps >= 0.05 ? "met" : "NOT met",
    "full check (syntax+semantic) ms": +fullMs.toFixed(1),
    "full check MB/s": +(megabytes / (fullMs / 1000)).toFixed(1),
  };
}

// `npm run fuzz -- [--seed N] [--seconds S] [--inputs N] [--per-input-ms MS] [--no-save] [--save-slowest FILE]`.
import { writeFileSync } from "node:fs";
import { fromRoot } from "../support/paths";
import { LARGE_INPUT, runFuzz, type Slowest } from "./engine";

function slowestLine(label: string, slowest: Slowest | undefined): string {
  if (!slowest) return `${label}: none`;
  return `${label}: ${slowest.cpuMsPerKb.toFixed(1)} ms CPU/KB (${slowest.origin}, ${slowest.bytes} chars)`;
}

function option(name: string): string | undefined {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  if (i >= 0) return args[i + 1];
  return args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

function numberOption(name: string, fallback: number): number {
  const text = option(name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} needs a number, not ${text}`);
  return value;
}

async function main(): Promise<void> {
  const seed = numberOption("seed", Date.now() % 2 ** 31);
  const save = !process.argv.includes("--no-save");
  const report = await runFuzz({
    seed,
    seconds: numberOption("seconds", 60),
    inputs: numberOption("inputs", Infinity),
    perInputMs: numberOption("per-input-ms", 10_000),
    saveDir: save ? fromRoot("test", "fixtures", "fuzz") : undefined,
    log: (line) => process.stdout.write(`  ${line}\n`),
  });
  const total = report.tried.script + report.tried.profile + report.tried.payload;
  const crashes = report.findings.filter((f) => f.kind === "crash");
  const hangs = report.findings.filter((f) => f.kind === "hang");
  const lines = [
    `seed ${report.seed}: ${total} inputs in ${report.seconds.toFixed(1)} s (${report.tried.script} scripts, ${report.tried.profile} device profiles, ${report.tried.payload} payloads)`,
    `crashes: ${crashes.length}, hangs: ${hangs.length} (distinct by error and place)`,
    ...report.findings.map(
      (f) =>
        `  ${f.kind} ${f.input} (${f.origin}, ${f.bytes} chars)${f.saved ? ` saved as test/fixtures/fuzz/${f.saved}` : ""}\n    ${f.error.replace(/\n/g, "\n    ")}`,
    ),
    slowestLine("slowest per KB", report.slowest),
    slowestLine(`slowest per KB of inputs >= ${LARGE_INPUT / 1024} KB`, report.slowestLarge),
    "(CPU time of the checks whose work grows with the input; the machine may be shared)",
  ];
  process.stdout.write(lines.join("\n") + "\n");
  const slowestPath = option("save-slowest");
  if (slowestPath !== undefined && report.slowest)
    writeFileSync(slowestPath, JSON.stringify(report.slowest.input));
  process.exitCode = report.findings.length > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  process.stderr.write(`fuzz: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 2;
});

// What the benchmarks measure: the wall time of a piece of work, percentiles of samples, a process's resident memory and
// CPU time (from /proc; memory from ps elsewhere).
import { existsSync, readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";

/** Wall time of `work`, in ms. */
export async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** The value below which `p` % of `values` lie (the p-th percentile, nearest rank); NaN when there are none. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** Resident memory of process `pid`, in MB. */
export function rssMegabytes(pid: number): number {
  const status = `/proc/${pid}/status`;
  if (existsSync(status)) {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(status, "utf8"));
    if (match) return Number(match[1]) / 1024;
  }
  return Number(execFileSync("ps", ["-o", "rss=", "-p", String(pid)], { encoding: "utf8" }).trim()) / 1024;
}

/** RSS once it stops falling (a language server collects garbage after a second of quiet): sampled for up to 3 s. */
export async function settledRss(pid: number): Promise<number> {
  let best = rssMegabytes(pid);
  const deadline = Date.now() + 3000;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    best = Math.min(best, rssMegabytes(pid));
  }
  return best;
}

/** CPU time the process has used (user + system), in ms; NaN where /proc is not available. */
export function cpuMilliseconds(pid: number): number {
  const stat = `/proc/${pid}/stat`;
  if (!existsSync(stat)) return NaN;
  // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th, in clock ticks.
  const content = readFileSync(stat, "utf8");
  const fields = content.slice(content.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

// Benchmark: schema data size, cold load in a fresh Node process (compiled and bundled), and lookup/resolve/validate throughput.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as esbuild from "esbuild";
import type { SchemaFile } from "../../server/src/schema";
import { getSchema, loadSchema, resolveCommand, validateValue } from "../../server/src/schema";
import rawFile from "../../server/src/schema/data/routeros-7.24.json";
import { fromRoot } from "../support/paths";

/** Loads the schema module in a fresh process; prints [module load ms, getSchema + first lookups ms]. */
const CHILD = `
const t0 = process.hrtime.bigint();
const m = require(process.argv[1]);
const t1 = process.hrtime.bigint();
const s = m.getSchema();
s.command("iot/mqtt", "publish").arg("qos");
s.properties("system/resource");
const t2 = process.hrtime.bigint();
process.stdout.write(JSON.stringify([Number(t1 - t0) / 1e6, Number(t2 - t1) / 1e6]));
`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function coldLoad(modulePath: string, runs: number): { load: number; first: number } {
  const loads: number[] = [];
  const firsts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, ["-e", CHILD, modulePath], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`cold load of ${modulePath} failed: ${r.stderr}`);
    const [load, first] = JSON.parse(r.stdout) as [number, number];
    loads.push(load);
    firsts.push(first);
  }
  return { load: median(loads), first: median(firsts) };
}

/** Operations per second of `work`, which performs `perCall` operations, over about `ms` milliseconds. */
function throughput(perCall: number, work: () => void, ms = 300): number {
  work();
  let calls = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < ms) {
    work();
    calls++;
    elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  }
  return (calls * perCall) / (elapsed / 1000);
}

const LINES: readonly [string, string, boolean][] = [
  ["", "iot mqtt publish", true],
  ["", "system resource get", true],
  ["", "system routerboard get", true],
  ["iot/mqtt/brokers", "add", false],
  ["ip/route", "put", false],
  ["ip/route", "log info", false],
  ["", "ip firewall filter add", true],
  ["iot/mqtt/brokers", ".. publish", false],
  ["", "interface wireguard peers print", true],
];
const BAD_LINES: readonly [string, string, boolean][] = [
  ["ip/route", "prnt", false],
  ["", "ip rout print", true],
];

export async function run(opts: { log: (s: string) => void }): Promise<Record<string, number | string>> {
  const dataBytes = statSync(fromRoot("server", "src", "schema", "data", "routeros-7.24.json")).size;

  const compiled = coldLoad(join(__dirname, "..", "..", "server", "src", "schema", "index.js"), 5);
  const dir = mkdtempSync(join(tmpdir(), "schema-bench-"));
  let bundled: { load: number; first: number };
  let bundleBytes: number;
  try {
    const outfile = join(dir, "schema.js");
    await esbuild.build({
      entryPoints: [fromRoot("server", "src", "schema", "index.ts")],
      bundle: true,
      platform: "node",
      format: "cjs",
      minify: true,
      outfile,
      logLevel: "error",
    });
    bundleBytes = statSync(outfile).size;
    bundled = coldLoad(outfile, 5);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const buildStart = process.hrtime.bigint();
  const fresh = loadSchema(rawFile as unknown as SchemaFile);
  let commands = 0;
  for (const path of fresh.menuPaths())
    for (const name of fresh.menu(path)?.commands ?? []) if (fresh.command(path, name)) commands++;
  const buildAllMs = Number(process.hrtime.bigint() - buildStart) / 1e6;

  const schema = getSchema();
  const lookupsPerSec = throughput(4, () => {
    schema.command("iot/mqtt", "publish");
    schema.command("ip/firewall/filter", "add");
    schema.menu("system/resource");
    schema.command("", "put");
  });
  const prepare = (lines: typeof LINES) =>
    lines.map(([current, line, absolute]) => ({
      current: current === "" ? [] : current.split("/"),
      words: line.split(/[ /]+/).map((text) => ({ text })),
      absolute,
    }));
  const good = prepare(LINES);
  const bad = prepare(BAD_LINES);
  const resolvesPerSec = throughput(good.length, () => {
    for (const p of good) resolveCommand(schema, p.current, p.words, p.absolute);
  });
  const badPerSec = throughput(bad.length, () => {
    for (const p of bad) resolveCommand(schema, p.current, p.words, p.absolute);
  });
  const publish = schema.command("iot/mqtt", "publish");
  const interval = schema.command("iot/mqtt/subscriptions", "monitor-data")?.arg("interval");
  const values = [
    [publish?.arg("qos"), "3"],
    [publish?.arg("topic"), "devices/r1/telemetry"],
    [publish?.arg("retain"), "yes"],
    [interval, "1m30s"],
  ] as const;
  const validationsPerSec = throughput(values.length, () => {
    for (const [arg, text] of values) if (arg) validateValue(arg, text);
  });

  opts.log(`  (${commands} commands built; cold loads are medians of 5 fresh processes)`);
  return {
    "data file KB": +(dataBytes / 1024).toFixed(1),
    "bundled schema module KB (minified)": +(bundleBytes / 1024).toFixed(1),
    "cold require, tsc output ms": +compiled.load.toFixed(1),
    "cold require, esbuild bundle ms": +bundled.load.toFixed(1),
    "getSchema + first lookups ms": +bundled.first.toFixed(2),
    "build every command ms": +buildAllMs.toFixed(1),
    "command lookups per s": Math.round(lookupsPerSec),
    "resolveCommand lines per s": Math.round(resolvesPerSec),
    "bad command names (with suggestions) per s": Math.round(badPerSec),
    "validateValue calls per s": Math.round(validationsPerSec),
  };
}

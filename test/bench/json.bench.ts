// Benchmark: the JSON scanner the message view runs on every payload (MB/s on valid and broken telemetry, beside JSON.parse).
import { jsonProblem } from "../../client/src/messages/jsonCheck";
import { scanJsonText } from "../../server/src/json";

/** A telemetry payload of about `bytes`: objects, arrays, numbers, escapes, booleans, null. */
function telemetry(bytes: number): string {
  const routers: unknown[] = [];
  let text = "";
  for (let i = 0; text.length < bytes; i++) {
    routers.push({
      name: `router-${i}`,
      cpu: i % 100,
      temp: 40.5 + (i % 10),
      up: "1d2h3m",
      ifaces: [{ rx: 123456789 * i, tx: -0.5e3, ok: true, note: 'café "x"' }],
      gone: null,
    });
    if (i % 50 === 0 || routers.length * 140 >= bytes) text = JSON.stringify({ routers });
  }
  return text;
}

/** Megabytes per second of `work` over `text`: the best of several rounds of about 60 ms. */
function megabytesPerSecond(text: string, work: (text: string) => unknown): number {
  for (let i = 0; i < 20; i++) work(text);
  let best = Infinity;
  for (let round = 0; round < 8; round++) {
    let calls = 0;
    const start = process.hrtime.bigint();
    let elapsed = 0;
    while (elapsed < 60e6) {
      work(text);
      calls++;
      elapsed = Number(process.hrtime.bigint() - start);
    }
    best = Math.min(best, elapsed / calls);
  }
  return (text.length / best) * 1e3;
}

export async function run(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [name, bytes] of [
    ["1kB", 1_000],
    ["64kB", 64_000],
    ["1MB", 1_000_000],
  ] as const) {
    const valid = telemetry(bytes);
    const broken = `${valid.slice(0, -2)},}`;
    if (scanJsonText(valid) !== undefined || scanJsonText(broken) === undefined)
      throw new Error("bad fixture");
    out[`${name} valid scan MB/s`] = megabytesPerSecond(valid, scanJsonText);
    out[`${name} valid JSON.parse MB/s`] = megabytesPerSecond(valid, JSON.parse);
    out[`${name} broken at the end jsonProblem MB/s`] = megabytesPerSecond(broken, jsonProblem);
  }
  return out;
}

// The fuzz loop: inputs from one seed, each checked in a worker under a time limit; counts, findings and the slowest input per kilobyte.
import { Checker } from "./checker";
import { loadCorpus } from "./corpus";
import { saveFinding } from "./findings";
import { nextInput, type FuzzInput, type InputKind } from "./inputs";
import { Random } from "./random";

export interface FuzzOptions {
  readonly seed: number;
  /** Stop after this many inputs... */
  readonly inputs?: number;
  /** ...or after this many seconds, whichever comes first. */
  readonly seconds?: number;
  /** An input still being checked after this long is a hang. */
  readonly perInputMs: number;
  /** Where findings are saved as fixtures; not saved when undefined. */
  readonly saveDir?: string;
  readonly log?: (line: string) => void;
}

export interface Finding {
  readonly kind: "crash" | "hang";
  readonly input: InputKind;
  readonly origin: string;
  readonly bytes: number;
  readonly error: string;
  /** The fixture it was saved as. */
  readonly saved: string | undefined;
}

export interface FuzzReport {
  readonly seed: number;
  readonly tried: Readonly<Record<InputKind, number>>;
  readonly findings: readonly Finding[];
  readonly seconds: number;
  /** The input that took the most CPU time per kilobyte of text (counted as 1 KB at least). */
  readonly slowest: Slowest | undefined;
  /** The same among inputs of LARGE_INPUT characters or more, where fixed costs no longer dominate. */
  readonly slowestLarge: Slowest | undefined;
}

export interface Slowest {
  readonly origin: string;
  readonly bytes: number;
  readonly cpuMsPerKb: number;
  readonly input: FuzzInput;
}

/** Inputs at least this long say how the work grows with the text (smaller ones mostly show fixed costs). */
export const LARGE_INPUT = 16 * 1024;

/**
 * Same error, same place: the error's name and the first frame in the product's code; for a broken invariant (all
 * of whose frames are the fuzzer's), the check that failed, named before the first colon of its message.
 */
function signature(kind: string, error: string): string {
  const [first = "", ...frames] = error.split("\n");
  const place = frames.find((f) => !f.includes("/test/fuzz/"));
  const what = place
    ? first.slice(0, first.indexOf(":"))
    : first.slice(0, first.indexOf(":", first.indexOf(":") + 1));
  return `${kind}|${what}|${(place ?? "").replace(/:\d+:\d+\)?$/, "")}`;
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const random = new Random(options.seed);
  const corpus = loadCorpus();
  const checker = new Checker(options.perInputMs);
  const tried: Record<InputKind, number> = { script: 0, profile: 0, payload: 0 };
  const findings: Finding[] = [];
  const seen = new Set<string>();
  let slowest: Slowest | undefined;
  let slowestLarge: Slowest | undefined;
  const started = performance.now();
  const deadline = started + (options.seconds ?? Infinity) * 1000;
  const limit = options.inputs ?? Infinity;
  try {
    for (let count = 0; count < limit && performance.now() < deadline; count++) {
      const input: FuzzInput = nextInput(random, corpus);
      const seed = random.int(2 ** 32);
      tried[input.kind]++;
      const verdict = await checker.check(input, seed);
      if (verdict.kind === "ok") {
        const perKb = verdict.cpuMs / Math.max(1, input.text.length / 1024);
        const entry = {
          origin: `${input.kind}: ${input.origin}`,
          bytes: input.text.length,
          cpuMsPerKb: perKb,
          input,
        };
        if (!slowest || perKb > slowest.cpuMsPerKb) slowest = entry;
        if (input.text.length >= LARGE_INPUT && (!slowestLarge || perKb > slowestLarge.cpuMsPerKb))
          slowestLarge = entry;
        continue;
      }
      const error = verdict.kind === "hang" ? `no answer within ${options.perInputMs} ms` : verdict.error;
      const key = signature(`${input.kind} ${verdict.kind}`, error);
      if (seen.has(key)) continue;
      seen.add(key);
      const saved = options.saveDir
        ? saveFinding(options.saveDir, input, seed, `${verdict.kind}: ${error}`)
        : undefined;
      const finding: Finding = {
        kind: verdict.kind,
        input: input.kind,
        origin: input.origin,
        bytes: input.text.length,
        error,
        saved,
      };
      findings.push(finding);
      options.log?.(
        `${verdict.kind} (${input.kind}, ${input.origin}, ${input.text.length} chars): ${error.split("\n")[0]}`,
      );
    }
  } finally {
    await checker.close();
  }
  const seconds = (performance.now() - started) / 1000;
  return { seed: options.seed, tried, findings, seconds, slowest, slowestLarge };
}

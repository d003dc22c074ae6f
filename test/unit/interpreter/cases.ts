// Reads interpreter case files (test/fixtures/interpreter/*.rsc) and runs one case against a deterministic host.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  createBasicHost,
  createDevice,
  Interpreter,
  SourceText,
  type DeviceProfile,
  type HostClock,
  type InterpreterHost,
} from "../../../server/src/interpreter";
import { fromRoot } from "../../support/paths";

/**
 * A case: the lines after `#== name` up to the next case. Its expectations are comments inside it:
 * `#-> text` one line of output (`:put`, `print`), `#log> level message` one log line,
 * `#!> L:C message` the error that ends the script (line and column counted from the case's first line),
 * `#router> text` what a router prints for that error (checked only in cases that state it).
 * The case's text is run as it is, so the comments do not change positions.
 */
export interface Case {
  readonly file: string;
  readonly name: string;
  /** One-based line of the `#==` header in the file. */
  readonly line: number;
  readonly code: string;
  readonly expected: readonly string[];
}

const EXPECTATION = /^\s*#(->|log>|!>|router>)(?: (.*))?$/;
const KINDS: Readonly<Record<string, string>> = {
  "->": "out",
  "log>": "log",
  "!>": "error",
  "router>": "router",
};

export function parseCases(file: string, text: string): Case[] {
  const cases: Case[] = [];
  const lines = text.split("\n");
  let current: { name: string; line: number; body: string[] } | undefined;
  const flush = (): void => {
    if (!current) return;
    const expected: string[] = [];
    for (const l of current.body) {
      const m = EXPECTATION.exec(l);
      if (!m) continue;
      const kind = KINDS[m[1] ?? ""] ?? "error";
      expected.push(`${kind} ${m[2] ?? ""}`.trimEnd());
    }
    cases.push({ file, name: current.name, line: current.line, code: current.body.join("\n"), expected });
  };
  lines.forEach((l, i) => {
    const header = /^#== (.+)$/.exec(l);
    if (header) {
      flush();
      current = { name: header[1] ?? "", line: i + 1, body: [] };
    } else if (current) {
      current.body.push(l);
    }
  });
  flush();
  return cases;
}

export function caseFiles(): { file: string; text: string }[] {
  const dir = fromRoot("test", "fixtures", "interpreter");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".rsc"))
    .sort()
    .map((f) => ({ file: f, text: readFileSync(join(dir, f), "utf8") }));
}

/** A clock that starts at 2025-04-02 14:23:51 UTC and moves only when a script waits (`:delay` returns at once). */
export function fakeClock(): HostClock & { elapsed(): number } {
  let ms = 0;
  const epoch = Date.UTC(2025, 3, 2, 14, 23, 51);
  return {
    now: () => epoch + ms,
    monotonic: () => ms,
    elapsed: () => ms,
    sleep: async (delay, signal) => {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (signal.aborted) throw new Error("aborted");
      ms += delay;
    },
  };
}

/** A repeatable random source (a small linear congruential generator). */
export function seededRandom(seed = 42): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export interface CaseHost {
  readonly host: InterpreterHost;
  readonly lines: string[];
}

export function caseHost(profile?: DeviceProfile): CaseHost {
  const lines: string[] = [];
  const host = createBasicHost({
    device: createDevice(profile),
    put: (text) => {
      for (const line of text.split("\n")) lines.push(`out ${line}`.trimEnd());
    },
    log: (level, message) => lines.push(`log ${level} ${message}`.trimEnd()),
    clock: fakeClock(),
    random: seededRandom(),
  });
  return { host, lines };
}

/** Runs a case and gives what it did, in the form of its expectations. */
export async function runCase(c: Case): Promise<string[]> {
  const { host, lines } = caseHost();
  const interpreter = new Interpreter(host);
  const outcome = await interpreter.run(new SourceText(c.file, c.code));
  const router = c.expected.some((e) => e.startsWith("router "));
  if (outcome.status === "error")
    for (const f of outcome.failures) {
      lines.push(`error ${f.line}:${f.column} ${f.message}`);
      if (router) lines.push(`router ${f.routerText ?? "(none)"}`);
    }
  if (outcome.status === "cancelled") lines.push(`error cancelled ${outcome.reason}`);
  await interpreter.whenIdle();
  return lines;
}

// Nothing crashes: every parser fixture, generated scripts, and thousands of mutilated variants run to an outcome, never to an internal error.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { createBasicHost, Interpreter, SourceText, type RunOutcome } from "../../../server/src/interpreter";
import { generateScript } from "../../support/generateScript";
import { fromRoot } from "../../support/paths";
import { fakeClock, seededRandom } from "./cases";

/** Runs a script with a small budget of work; a script still running then is cancelled. */
async function runBriefly(text: string): Promise<RunOutcome> {
  const interpreter = new Interpreter(createBasicHost({ clock: fakeClock(), random: seededRandom(7) }));
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 200);
  try {
    const outcome = await interpreter.run(new SourceText("fuzz.rsc", text), { signal: controller.signal });
    controller.abort();
    await interpreter.whenIdle();
    return outcome;
  } finally {
    clearTimeout(timer);
  }
}

function check(text: string, outcome: RunOutcome, what: string): void {
  if (outcome.status !== "error") return;
  for (const f of outcome.failures) {
    assert.notEqual(f.code, "RSC4008", `${what}: internal error ${f.message}`);
    assert.ok(
      f.start >= 0 && f.end >= f.start && f.end <= text.length,
      `${what}: range ${f.start}..${f.end} in the text`,
    );
    assert.ok(f.message.length > 0, `${what}: a message`);
  }
}

const fixtures = readdirSync(fromRoot("test", "fixtures", "parser", "ok"))
  .filter((f) => f.endsWith(".rsc"))
  .sort()
  .map((f) => ({
    name: f,
    text: readFileSync(join(fromRoot("test", "fixtures", "parser", "ok"), f), "utf8"),
  }));

test("every parser fixture runs to an outcome", { timeout: 60_000 }, async () => {
  for (const { name, text } of fixtures) check(text, await runBriefly(text), name);
});

test("generated scripts run to an outcome", { timeout: 60_000 }, async () => {
  const text = generateScript(20_000);
  check(text, await runBriefly(text), "generated");
});

test(
  "mutilated scripts (characters deleted, duplicated, swapped) never crash the interpreter",
  { timeout: 120_000 },
  async () => {
    const random = seededRandom(2024);
    const pick = (n: number): number => Math.floor(random() * n);
    let runs = 0;
    for (const { name, text } of fixtures) {
      for (let variant = 0; variant < 12; variant++) {
        let mutated = text;
        for (let edits = 1 + pick(4); edits > 0; edits--) {
          const at = pick(mutated.length + 1);
          const kind = pick(3);
          if (kind === 0) mutated = mutated.slice(0, at) + mutated.slice(at + 1 + pick(5));
          else if (kind === 1) mutated = mutated.slice(0, at) + mutated.slice(at, at + 3) + mutated.slice(at);
          else mutated = mutated.slice(0, at) + '"[]{}()$;=\\\n'[pick(11)] + mutated.slice(at);
        }
        check(mutated, await runBriefly(mutated), `${name} variant ${variant}`);
        runs++;
      }
    }
    assert.ok(runs > 100);
  },
);

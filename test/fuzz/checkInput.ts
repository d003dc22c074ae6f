// One input to the checks of its kind: what the fuzzer's worker and the fixture replay test both run.
import { checkPayload } from "./checkPayload";
import { checkProfile } from "./checkProfile";
import { checkScript } from "./checkScript";
import type { FuzzInput } from "./inputs";
import { Random } from "./random";

/**
 * Throws what went wrong; `seed` picks the offsets and edits tried on a script. Returns the CPU time (ms) of the
 * work that grows with the input: a script's run, which has a fixed time budget, is left out.
 */
export async function checkInput(input: FuzzInput, seed: number): Promise<number> {
  if (input.kind === "script") return checkScript(input.text, new Random(seed));
  const cpu = process.cpuUsage();
  if (input.kind === "profile") await checkProfile(input.text);
  else checkPayload(Buffer.from(input.text, "latin1"));
  const used = process.cpuUsage(cpu);
  return (used.user + used.system) / 1000;
}

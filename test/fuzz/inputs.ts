// Makes the fuzzer's inputs: mutated and generated scripts, device profiles and MQTT payloads, all from one seed.
import { deepScripts } from "../support/deepScripts";
import { generateScript } from "../support/generateScript";
import type { Corpus } from "./corpus";
import { JSON_PIECES, mutateMany, SCRIPT_PIECES } from "./mutate";
import type { Random } from "./random";

export type InputKind = "script" | "profile" | "payload";

export interface FuzzInput {
  readonly kind: InputKind;
  /** A script or profile as text; a payload as bytes, one character per byte (latin1). */
  readonly text: string;
  /** How it was made, for the report. */
  readonly origin: string;
}

function script(random: Random, corpus: Corpus): FuzzInput {
  const roll = random.int(10);
  if (roll === 0) {
    const shapes = deepScripts(random.pick([10, 150, 199, 201, 1000, 3072]));
    const shape = random.pick(shapes);
    return { kind: "script", text: shape.text, origin: `deep: ${shape.name}` };
  }
  if (roll === 1) {
    const text = mutateMany(
      random,
      generateScript(random.between(200, 4000), random.int(1000)),
      SCRIPT_PIECES,
      3,
    );
    return { kind: "script", text, origin: "generated, mutated" };
  }
  const seed = random.pick(corpus.scripts);
  const other = random.pick(corpus.scripts);
  const spliced = random.chance(0.2)
    ? seed.slice(0, random.int(seed.length)) + other.slice(random.int(other.length))
    : seed;
  const text = mutateMany(random, spliced, SCRIPT_PIECES, random.between(1, 6));
  return { kind: "script", text, origin: "corpus, mutated" };
}

function profile(random: Random, corpus: Corpus): FuzzInput {
  if (random.chance(0.15)) {
    const n = random.pick([100, 10_000, 200_000]);
    const text = random.pick([
      "[".repeat(n),
      '{"/interface":' + "[".repeat(n),
      `{"/system/resource":{"x":${"[".repeat(n)}`,
    ]);
    return { kind: "profile", text, origin: `deep JSON, ${n}` };
  }
  const text = mutateMany(random, random.pick(corpus.profiles), JSON_PIECES, random.between(1, 5));
  return { kind: "profile", text, origin: "profile, mutated" };
}

function payload(random: Random, corpus: Corpus): FuzzInput {
  const roll = random.int(6);
  if (roll === 0) {
    let bytes = "";
    for (let i = random.int(300); i > 0; i--) bytes += String.fromCharCode(random.int(256));
    return { kind: "payload", text: bytes, origin: "random bytes" };
  }
  if (roll === 1) {
    const n = random.pick([100, 5000, 200_000]);
    const text = random.chance(0.5) ? "[".repeat(n) + "]".repeat(n) : '{"a":'.repeat(n) + "1" + "}".repeat(n);
    return { kind: "payload", text, origin: `deep JSON, ${n}` };
  }
  const text = mutateMany(random, random.pick(corpus.payloads), JSON_PIECES, random.between(1, 4));
  // As UTF-8 bytes, one character per byte.
  return { kind: "payload", text: Buffer.from(text, "utf8").toString("latin1"), origin: "payload, mutated" };
}

/** The next input: mostly scripts, the reader with the most code behind it. */
export function nextInput(random: Random, corpus: Corpus): FuzzInput {
  const roll = random.int(10);
  if (roll < 7) return script(random, corpus);
  if (roll < 8) return profile(random, corpus);
  return payload(random, corpus);
}

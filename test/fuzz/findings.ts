// Findings saved as fixtures (one JSON file per input, exact even for texts that are not valid UTF-16), read back by the replay test.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { FuzzInput, InputKind } from "./inputs";

export interface SavedFinding {
  readonly kind: InputKind;
  readonly origin: string;
  /** What went wrong when it was found: "crash" or "hang", and the error. */
  readonly finding: string;
  /** The seed that picked offsets and edits for it. */
  readonly seed: number;
  readonly text: string;
}

/** Saves a finding under `dir`, named by its kind and the hash of its text; returns the file's name. */
export function saveFinding(dir: string, input: FuzzInput, seed: number, finding: string): string {
  mkdirSync(dir, { recursive: true });
  const hash = createHash("sha256").update(input.text).digest("hex").slice(0, 12);
  const name = `${input.kind}-${hash}.json`;
  const saved: SavedFinding = { kind: input.kind, origin: input.origin, finding, seed, text: input.text };
  const path = join(dir, name);
  if (!existsSync(path)) writeFileSync(path, JSON.stringify(saved, null, 1) + "\n");
  return name;
}

export function loadFindings(dir: string): { name: string; finding: SavedFinding }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((name) => ({ name, finding: JSON.parse(readFileSync(join(dir, name), "utf8")) as SavedFinding }));
}

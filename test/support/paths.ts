// Locates the repository root from compiled test files (out/test/...) and from sources alike.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";

function findRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, "package.json"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}`);
    dir = parent;
  }
  return dir;
}

/** The repository root: the folder holding package.json (never `out/`). */
export const repoRoot = findRoot(__dirname);

export function fromRoot(...parts: string[]): string {
  return join(repoRoot, ...parts);
}

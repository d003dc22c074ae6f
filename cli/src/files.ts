// Expands the PATH arguments of `rsc check` into .rsc files (directories walked in name order) or stdin.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileErrorReason } from "./errors";

export interface InputFile {
  /** The path as the user wrote it (joined for files found under a directory), or "-" for stdin. */
  readonly name: string;
}

export class UnreadablePathError extends Error {}

/** Every `.rsc` file under the given paths; a file named explicitly is taken whatever its extension. */
export function expandPaths(paths: readonly string[]): InputFile[] {
  const out: InputFile[] = [];
  for (const path of paths) {
    if (path === "-") {
      out.push({ name: "-" });
      continue;
    }
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch (error) {
      throw new UnreadablePathError(`cannot read ${path}: ${fileErrorReason(error)}`);
    }
    if (isDirectory) walk(path, out);
    else out.push({ name: path });
  }
  return out;
}

function walk(dir: string, out: InputFile[]): void {
  let entries: string[];
  try {
    entries = readdirSync(dir).sort();
  } catch (error) {
    throw new UnreadablePathError(`cannot read directory ${dir}: ${fileErrorReason(error)}`);
  }
  for (const entry of entries) {
    if (entry === "node_modules" || entry.startsWith(".")) continue;
    const path = join(dir, entry);
    const stats = statSync(path, { throwIfNoEntry: false });
    if (stats?.isDirectory()) walk(path, out);
    else if (stats?.isFile() && entry.endsWith(".rsc")) out.push({ name: path });
  }
}

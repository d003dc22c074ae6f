// The version `rsc --version` prints and SARIF reports: the one in the package.json beside the CLI (dist/ or out/).
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

const PACKAGE_NAME = "routeros-mqtt";

/** The version of the routeros-mqtt package this file belongs to ("unknown" when no package.json is found). */
export function packageVersion(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const file = join(dir, "package.json");
    if (existsSync(file)) {
      try {
        const manifest = JSON.parse(readFileSync(file, "utf8")) as { name?: unknown; version?: unknown };
        if (manifest.name === PACKAGE_NAME && typeof manifest.version === "string") return manifest.version;
      } catch {
        // An unreadable package.json on the way up is not ours; keep looking.
      }
    }
    if (dirname(dir) === dir) return "unknown";
  }
}

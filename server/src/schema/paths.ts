// Menu path helpers: normalising `"ip/route"` / `["ip","route"]` spellings and printing paths the way RouterOS 7 writes them.
import type { PathLike } from "./types";

/** `"/ip/route"`, `"ip/route"` and `["ip","route"]` all give `["ip","route"]`; `""` and `"/"` give the root `[]`. */
export function toPath(path: PathLike): readonly string[] {
  if (typeof path !== "string") return path;
  const trimmed = path.replace(/^\/+|\/+$/g, "");
  return trimmed === "" ? [] : trimmed.split("/");
}

/** The lookup key of a path: its segments joined by `/` (root = ""). */
export function pathKey(path: PathLike): string {
  return typeof path === "string" ? toPath(path).join("/") : path.join("/");
}

/** Slash form used by RouterOS 7 and in messages: `/iot/mqtt/brokers`; the root is `/`. */
export function formatPath(path: PathLike, command?: string): string {
  const segments = [...toPath(path), ...(command === undefined ? [] : [command])];
  return "/" + segments.join("/");
}

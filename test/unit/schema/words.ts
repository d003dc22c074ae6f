// Test helper: splits the path part of a command line into resolver words, as the parser would hand them over.
import type { ResolveWord } from "../../../server/src/schema";

/** `/ip route print` and `/ip/route/print` both give the words ip, route, print; a leading `/` or `:` means absolute. */
export function lineWords(line: string): { words: ResolveWord[]; absolute: boolean } {
  const absolute = line.startsWith("/") || line.startsWith(":");
  const words = line
    .replace(/^[:/]/, "")
    .split(/[\s/]+/)
    .filter((w) => w.length > 0)
    .map((text) => ({ text }));
  return { words, absolute };
}

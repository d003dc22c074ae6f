// "Did you mean" suggestions: nearest names by Damerau-Levenshtein distance (adjacent swaps count as one edit).

/**
 * Edit distance between `a` and `b` counting insertions, deletions, substitutions and swaps of two adjacent
 * characters (optimal string alignment). Stops early and returns `limit + 1` once the distance exceeds `limit`.
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, (beforePrevious[j - 2] ?? 0) + 1);
      current.push(d);
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return limit + 1;
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length] ?? 0;
}

export interface SuggestOptions {
  /** At most this many suggestions (default 3). */
  readonly max?: number;
  /** Largest distance worth suggesting (default: 1 for names up to 3 characters, 2 up to 6, then 3). */
  readonly maxDistance?: number;
}

/**
 * The candidates nearest to `name` (all at the smallest edit distance found, within `maxDistance`), best first: by
 * how close the lengths are, then alphabetically. A candidate that starts with `name` (an abbreviation such as `pri`
 * for `print`) counts as distance 1.
 */
export function suggest(name: string, candidates: Iterable<string>, options: SuggestOptions = {}): string[] {
  const max = options.max ?? 3;
  const maxDistance = options.maxDistance ?? (name.length <= 3 ? 1 : name.length <= 6 ? 2 : 3);
  const scored: { candidate: string; distance: number }[] = [];
  const seen = new Set<string>();
  for (const candidate of candidates) {
    if (candidate === name || seen.has(candidate)) continue;
    seen.add(candidate);
    let distance = editDistance(name, candidate, maxDistance);
    if (name.length >= 2 && candidate.startsWith(name)) distance = Math.min(distance, 1);
    if (distance <= maxDistance) scored.push({ candidate, distance });
  }
  scored.sort(
    (x, y) =>
      x.distance - y.distance ||
      Math.abs(x.candidate.length - name.length) - Math.abs(y.candidate.length - name.length) ||
      (x.candidate < y.candidate ? -1 : 1),
  );
  const best = scored[0]?.distance;
  return scored
    .filter((s) => s.distance === best)
    .slice(0, max)
    .map((s) => s.candidate);
}

/** `print`, `print or export`, `print, export or find`: for "did you mean" messages. */
export function joinAlternatives(words: readonly string[], conjunction = "or"): string {
  if (words.length <= 1) return words[0] ?? "";
  return `${words.slice(0, -1).join(", ")} ${conjunction} ${words[words.length - 1] ?? ""}`;
}

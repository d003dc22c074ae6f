// Most-recently-used lists (publish topics per broker, kept in globalState): pure list operations.

/** `value` moved (or added) to the front of `list`, without duplicates, at most `max` long. */
export function rememberRecent(list: readonly string[], value: string, max: number): string[] {
  if (max < 1) return [];
  return [value, ...list.filter((v) => v !== value)].slice(0, max);
}

/** Reads a stored list defensively: anything that is not an array of strings counts as empty. */
export function storedList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

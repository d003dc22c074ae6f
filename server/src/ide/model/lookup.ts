// Finding things in a semantic model by position: the bound command of a node, occurrences at an offset.
import type { Command } from "../../syntax";
import type { BoundCommand, Occurrence, SemanticModel } from "./types";

/** Index of the first element whose `key` is >= `value` in a list sorted by that key. */
function lowerBound<T>(list: readonly T[], value: number, key: (item: T) => number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    const item = list[mid];
    if (item !== undefined && key(item) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The binding of a command node (commands are sorted by start, and no two commands start at the same offset). */
export function boundCommandOf(model: SemanticModel, node: Command): BoundCommand | undefined {
  const found = model.commands[lowerBound(model.commands, node.start, (c) => c.node.start)];
  return found?.node === node ? found : undefined;
}

/** The variable occurrence whose name or reference covers `offset` (touching its end counts). */
export function occurrenceAt(model: SemanticModel, offset: number): Occurrence | undefined {
  const list = model.occurrences;
  let i = lowerBound(list, offset + 1, (o) => o.start) - 1;
  for (; i >= 0; i--) {
    const o = list[i];
    if (!o) break;
    if (o.start <= offset && offset <= o.end) return o;
    if (o.end < offset - 200) break;
  }
  return undefined;
}

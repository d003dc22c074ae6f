// Reads a command's head words (menu path, command name, leading positional words) out of their shared offset table.
import type { Command, Span } from "./ast";

/** How many bare words lead the command. */
export function headCount(command: Command): number {
  return command.headLength;
}

/** The range of head word `index`, or undefined past the end. */
export function headWord(command: Command, index: number): Span | undefined {
  if (index < 0 || index >= command.headLength) return undefined;
  const at = command.headIndex + index * 2;
  return { start: command.headTable[at] ?? 0, end: command.headTable[at + 1] ?? 0 };
}

/** Every head word's range, in order (a new array each call). */
export function headWords(command: Command): Span[] {
  const out: Span[] = [];
  for (let i = 0; i < command.headLength; i++) {
    const word = headWord(command, i);
    if (word) out.push(word);
  }
  return out;
}

/** The texts of the head words. */
export function headTexts(text: string, command: Command): string[] {
  const out: string[] = [];
  const table = command.headTable;
  for (let i = 0, at = command.headIndex; i < command.headLength; i++, at += 2) {
    out.push(text.slice(table[at], table[at + 1]));
  }
  return out;
}

/** The index of the head word holding `offset` (touching counts), or -1. */
export function headWordAt(command: Command, offset: number): number {
  const table = command.headTable;
  for (let i = 0, at = command.headIndex; i < command.headLength; i++, at += 2) {
    if ((table[at] ?? 0) <= offset && offset <= (table[at + 1] ?? 0)) return i;
  }
  return -1;
}

/** Moves the head words by `delta` in place (incremental re-parsing moves the commands it reuses). */
export function shiftHead(command: Command, delta: number): void {
  const table = command.headTable;
  const end = command.headIndex + command.headLength * 2;
  for (let at = command.headIndex; at < end; at++) table[at] = (table[at] ?? 0) + delta;
}

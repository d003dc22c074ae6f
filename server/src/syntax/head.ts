// Reads a command's head words (menu path, command name, leading positional words) out of their packed offset pairs.
import type { Command, Span } from "./ast";

/** How many bare words lead the command. */
export function headCount(command: Command): number {
  return command.headSpans.length >> 1;
}

/** The range of head word `index`, or undefined past the end. */
export function headWord(command: Command, index: number): Span | undefined {
  const spans = command.headSpans;
  const at = index * 2;
  if (index < 0 || at + 1 >= spans.length) return undefined;
  return { start: spans[at] ?? 0, end: spans[at + 1] ?? 0 };
}

/** Every head word's range, in order (a new array each call). */
export function headWords(command: Command): Span[] {
  const out: Span[] = [];
  const spans = command.headSpans;
  for (let at = 0; at + 1 < spans.length; at += 2)
    out.push({ start: spans[at] ?? 0, end: spans[at + 1] ?? 0 });
  return out;
}

/** The texts of the head words. */
export function headTexts(text: string, command: Command): string[] {
  const out: string[] = [];
  const spans = command.headSpans;
  for (let at = 0; at + 1 < spans.length; at += 2) out.push(text.slice(spans[at], spans[at + 1]));
  return out;
}

// Ranges that never split a character written as a UTF-16 surrogate pair (an emoji is two code units).

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** True when `offset` falls between the two halves of a surrogate pair of `text`. */
export function splitsPair(text: string, offset: number): boolean {
  return (
    offset > 0 &&
    offset < text.length &&
    isLowSurrogate(text.charCodeAt(offset)) &&
    isHighSurrogate(text.charCodeAt(offset - 1))
  );
}

/** `offset`, moved back to the start of the character it falls inside. */
export function codePointStart(text: string, offset: number): number {
  return splitsPair(text, offset) ? offset - 1 : offset;
}

/** `offset`, moved on to the end of the character it falls inside. */
export function codePointEnd(text: string, offset: number): number {
  return splitsPair(text, offset) ? offset + 1 : offset;
}

/** Code units of the character at `offset`: 2 for a surrogate pair, 1 otherwise, 0 at the end of the text. */
export function charWidthAt(text: string, offset: number): number {
  if (offset >= text.length) return 0;
  return isHighSurrogate(text.charCodeAt(offset)) && isLowSurrogate(text.charCodeAt(offset + 1)) ? 2 : 1;
}

/** The text of [start, end) widened to whole characters: what a message may quote. */
export function wholeCharacters(text: string, start: number, end: number): string {
  return text.slice(codePointStart(text, start), codePointEnd(text, end));
}

/** Characters of a word from the script that a message quotes; a longer one is cut with an ellipsis. */
export const MAX_QUOTED_WORD = 60;

/** `word` as a message quotes it: at most MAX_QUOTED_WORD characters, never cut inside a surrogate pair. */
export function quotedWord(word: string): string {
  if (word.length <= MAX_QUOTED_WORD) return word;
  return `${word.slice(0, codePointStart(word, MAX_QUOTED_WORD - 1))}…`;
}

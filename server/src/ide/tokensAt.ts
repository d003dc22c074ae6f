// Token lookups by offset over the compact token list of a parse.
import type { TokenList, TokenKind } from "../syntax";

/** Index of the token holding the character just before `offset` (the one the cursor touches), or -1. */
export function tokenIndexBefore(tokens: TokenList, offset: number): number {
  if (offset <= 0 || tokens.length === 0) return -1;
  let low = 0;
  let high = tokens.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (tokens.start(mid) < offset) low = mid;
    else high = mid - 1;
  }
  return tokens.start(low) < offset ? low : -1;
}

export interface TokenView {
  readonly kind: TokenKind;
  readonly start: number;
  readonly end: number;
}

export function tokenBefore(tokens: TokenList, offset: number): TokenView | undefined {
  const i = tokenIndexBefore(tokens, offset);
  return i < 0 ? undefined : { kind: tokens.kind(i), start: tokens.start(i), end: tokens.end(i) };
}

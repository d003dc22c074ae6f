// Semantic tokens of the code written in strings, mapped to the source (a token over an escape covers all of it).
import type { DocumentAnalysis } from "../analysis";
import type { SemanticToken } from "../semanticTokens";
import { innerCode, MAX_DEPTH } from "./inner";
import { embeddedSites } from "./sites";

const NONE: readonly SemanticToken[] = Object.freeze([]);

function shift(tokens: readonly SemanticToken[], delta: number): readonly SemanticToken[] {
  return tokens.map((t) => ({ ...t, start: t.start + delta, end: t.end + delta }));
}

/**
 * The tokens of the code in the strings of `analysis`, in the order of the strings; `tokensOf` gives the tokens of a
 * script (semanticTokens, passed in so that both modules need not import each other). A document's strings keep
 * their tokens while their node is reused and their context is the same.
 */
export function embeddedTokens(
  analysis: DocumentAnalysis,
  tokensOf: (code: DocumentAnalysis) => readonly SemanticToken[],
): SemanticToken[] {
  const out: SemanticToken[] = [];
  if (analysis.embedding.depth >= MAX_DEPTH) return out;
  const reuse = analysis.cache.reuse;
  const cache = analysis.cache.embeddedTokens;
  for (const site of embeddedSites(analysis.model)) {
    const start = site.literal.start;
    const cached = reuse ? cache.get(site.literal) : undefined;
    let tokens: readonly SemanticToken[];
    if (cached && cached.context === site.context) {
      if (cached.start !== start) {
        cached.tokens = shift(cached.tokens, start - cached.start);
        cached.start = start;
      }
      tokens = cached.tokens;
    } else {
      const code = innerCode(analysis, site);
      tokens = code
        ? tokensOf(code.analysis).map((t) => ({ ...t, ...code.decoded.sourceRange(t.start, t.end) }))
        : NONE;
      if (reuse) cache.set(site.literal, { start, context: site.context, tokens });
    }
    for (const t of tokens) out.push(t);
  }
  return out;
}

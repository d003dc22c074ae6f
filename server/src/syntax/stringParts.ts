// The pieces of a string literal in order (text, escapes, continuations and interpolations), built on demand from
// the source: the tree keeps only the interpolations, since most strings are never taken apart.
import type { Interpolation, StringLiteral, StringPart } from "./ast";
import { Ch, isInlineSpace } from "./chars";
import { decodeEscape } from "./escapes";
import { escapeEnd, escapeKind, stringTextEnd } from "./stringLexing";
import { K, TOKEN_KINDS } from "./tokens";

/** Every piece of `literal`, as the lexer split it: the tokens between interpolations, and the interpolations. */
export function stringParts(text: string, literal: StringLiteral): StringPart[] {
  const out: StringPart[] = [];
  const contentEnd = literal.terminated ? literal.end - 1 : literal.end;
  let pos = literal.start + 1;
  for (const interpolation of literal.interpolations) {
    pushTextPieces(text, pos, interpolation.start, out);
    out.push(interpolation);
    pos = interpolation.end;
  }
  pushTextPieces(text, pos, contentEnd, out);
  return out;
}

/** Splits [pos, limit), a stretch without interpolations, into text, escape and continuation tokens. */
function pushTextPieces(text: string, pos: number, limit: number, out: StringPart[]): void {
  while (pos < limit) {
    const c = text.charCodeAt(pos);
    let kind: K;
    let end: number;
    if (c === Ch.Backslash) {
      end = Math.min(escapeEnd(text, pos), limit);
      kind = escapeKind(text, pos, end);
    } else if (c === Ch.Dollar) {
      // A `$` that starts no interpolation is plain text on its own.
      end = pos + 1;
      kind = K.StringText;
    } else {
      end = Math.max(stringTextEnd(text, pos, limit), pos + 1);
      kind = K.StringText;
    }
    out.push({ kind: TOKEN_KINDS[kind] ?? "StringText", start: pos, end });
    pos = end;
  }
}

/**
 * The value of a string piece by piece, in order: `onText` gets decoded text, `verbatim` when it is the source as
 * written from `start` on (each character its own), otherwise one escape's value standing for all of [start, end);
 * `onInterpolation` gets each interpolation. As on RouterOS, the indentation after a `\`-continued line is not text
 * (exports indent their continued lines).
 */
export function forEachStringPiece(
  text: string,
  literal: StringLiteral,
  onText: (piece: string, start: number, end: number, verbatim: boolean) => void,
  onInterpolation?: (part: Interpolation) => void,
): void {
  let stripIndent = false;
  for (const part of stringParts(text, literal)) {
    if (part.kind === "StringText") {
      let start = part.start;
      if (stripIndent) while (start < part.end && isInlineSpace(text.charCodeAt(start))) start++;
      if (start < part.end) onText(text.slice(start, part.end), start, part.end, true);
      stripIndent = false;
    } else if (part.kind === "StringEscape") {
      onText(decodeEscape(text.slice(part.start, part.end)), part.start, part.end, false);
      stripIndent = false;
    } else if (part.kind === "StringContinuation") {
      stripIndent = true;
    } else {
      // stringParts gives string tokens (above) and interpolations, nothing else.
      onInterpolation?.(part as Interpolation);
      stripIndent = false;
    }
  }
}

/** The literal text of a string without interpolation (escapes decoded): used for quoted variable names and keys. */
export function stringText(text: string, literal: StringLiteral): string {
  let out = "";
  forEachStringPiece(text, literal, (piece) => (out += piece));
  return out;
}

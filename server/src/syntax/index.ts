// Public surface of the syntax layer: parse text into a lossless tree plus errors, and the helpers to read it.
export * from "./ast";
export { parse, type ParseResult } from "./parser";
export { headCount, headTexts, headWord, headWords } from "./head";
export type { ParseOptions } from "./scanner";
export type { Token, TokenKind } from "./tokens";
export { isTrivia } from "./tokens";
export { TokenList } from "./tokenList";
export { LineIndex, type Position } from "./lineIndex";
export { classifyLiteral, type LiteralKind } from "./literals";
export { decodeEscape, encodeStringText } from "./escapes";
export { forEachStringPiece, stringParts, stringText } from "./stringParts";

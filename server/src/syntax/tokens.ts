// The token kinds of RouterOS scripts: every character of a source file belongs to exactly one token, trivia included.

/** One lexical class. Trivia kinds (whitespace, comments, continuations) carry no meaning but keep the tree lossless. */
export type TokenKind =
  // Trivia
  | "Whitespace"
  | "Newline"
  | "Comment"
  | "LineContinuation"
  // Structure
  | "Semicolon"
  | "Colon"
  | "Slash"
  | "DotDot"
  | "Equals"
  | "LBrace"
  | "RBrace"
  | "LBracket"
  | "RBracket"
  | "LParen"
  | "RParen"
  // Words and values
  | "Word"
  | "ArgName"
  | "Value"
  | "Variable"
  | "Dollar"
  | "Operator"
  // Strings
  | "StringOpen"
  | "StringClose"
  | "StringText"
  | "StringEscape"
  | "StringContinuation"
  // Anything the lexer could not place; always paired with a diagnostic.
  | "Error";

/** A token is a half-open range [start, end) of the source text plus its kind. Text is not copied. */
export interface Token {
  readonly kind: TokenKind;
  readonly start: number;
  readonly end: number;
}

export function isTrivia(kind: TokenKind): boolean {
  return kind === "Whitespace" || kind === "Comment" || kind === "LineContinuation" || kind === "Newline";
}

/** Numeric ids of the token kinds, for compact storage; `TOKEN_KINDS[id]` is the kind's name. */
export const enum K {
  Whitespace = 0,
  Newline = 1,
  Comment = 2,
  LineContinuation = 3,
  Semicolon = 4,
  Colon = 5,
  Slash = 6,
  DotDot = 7,
  Equals = 8,
  LBrace = 9,
  RBrace = 10,
  LBracket = 11,
  RBracket = 12,
  LParen = 13,
  RParen = 14,
  Word = 15,
  ArgName = 16,
  Value = 17,
  Variable = 18,
  Dollar = 19,
  Operator = 20,
  StringOpen = 21,
  StringClose = 22,
  StringText = 23,
  StringEscape = 24,
  StringContinuation = 25,
  Error = 26,
}

export const TOKEN_KINDS: readonly TokenKind[] = [
  "Whitespace",
  "Newline",
  "Comment",
  "LineContinuation",
  "Semicolon",
  "Colon",
  "Slash",
  "DotDot",
  "Equals",
  "LBrace",
  "RBrace",
  "LBracket",
  "RBracket",
  "LParen",
  "RParen",
  "Word",
  "ArgName",
  "Value",
  "Variable",
  "Dollar",
  "Operator",
  "StringOpen",
  "StringClose",
  "StringText",
  "StringEscape",
  "StringContinuation",
  "Error",
];

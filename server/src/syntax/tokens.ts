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

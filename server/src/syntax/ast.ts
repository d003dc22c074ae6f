// The syntax tree of a RouterOS script: typed nodes with source offsets; errors are kept beside the tree, never in it.
import type { LiteralKind } from "./literals";
import type { Token } from "./tokens";

/** Every node covers the half-open source range [start, end). */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface Script extends Span {
  readonly kind: "Script";
  readonly body: readonly Statement[];
}

export type Statement = Command | Block | Substitution;

/**
 * One command line: `[:|/] [path words...] [args...]`, or a call `$f args...`.
 * The parser does not know the command tree, so `head` holds every leading bare word (menu path, command name and
 * leading positional words alike: `/system resource get cpu-load`); the schema binder splits them.
 */
export interface Command extends Span {
  readonly kind: "Command";
  /** Written with a leading `:` (`:put`): a global command. The colon is at `start`. */
  readonly colon: boolean;
  /** Written with a leading `/`: the path starts at the root menu. The slash is at `start`. */
  readonly root: boolean;
  /**
   * Leading bare words, `..` included, in order, as offset pairs in a table shared with other commands: word i spans
   * [headTable[headIndex + 2i], headTable[headIndex + 2i + 1]). Read them with `headCount`/`headWord`/`headWords`
   * (./head). A script has hundreds of thousands of words: numbers in a shared typed array cost the garbage
   * collector nothing, where an object (or a list) per word or per command did.
   */
  readonly headTable: Int32Array;
  readonly headIndex: number;
  /** How many head words. */
  readonly headLength: number;
  /** The function value of a call statement such as `$f a=1`. */
  readonly callee: Expr | undefined;
  readonly args: readonly Arg[];
}

/**
 * One argument: `name=value`, a `where` clause, or an unnamed value or switch (`as-value`), which is the value
 * expression itself (whether it is a value or a switch is decided by the command's schema).
 */
export type Arg = NamedArg | WhereArg | Expr;

/** True for an unnamed argument (a value or a switch). */
export function isPositional(arg: Arg): arg is Expr {
  return arg.kind !== "NamedArg" && arg.kind !== "WhereArg";
}

/** `name=value`; `value` is undefined for `name=` with nothing after it (an empty value, valid in RouterOS). */
export interface NamedArg extends Span {
  readonly kind: "NamedArg";
  /** The name spans [start, nameEnd); the `=` follows it directly at `nameEnd`. */
  readonly nameEnd: number;
  readonly value: Expr | undefined;
}

/** `where <condition>` after print/export, or the condition of `find`. Juxtaposed conditions join with "and". */
export interface WhereArg extends Span {
  readonly kind: "WhereArg";
  readonly keyword: Token | undefined;
  readonly condition: Expr;
}

export type Expr =
  | Literal
  | StringLiteral
  | Variable
  | Substitution
  | Paren
  | ArrayLiteral
  | Block
  | Unary
  | Binary
  | Concat
  | Missing;

/** A bare word in value position: `ether1`, `10.0.0.1/24`, `1d2h`, `yes`, `*1A`. */
export interface Literal extends Span {
  readonly kind: "Literal";
  readonly literal: LiteralKind;
}

/**
 * `"..."`. The tree keeps only its interpolations; the text and escapes between them are in the token list, and
 * `stringParts` (./stringParts) gives every piece in order.
 */
export interface StringLiteral extends Span {
  readonly kind: "String";
  /** `$name`, `$"name"`, `$[cmd]` and `$(expr)` inside the string, in order (the same empty array when none). */
  readonly interpolations: readonly Interpolation[];
  /** False when the closing quote is missing (an error was reported). */
  readonly terminated: boolean;
}

/** A run-time part of a string. */
export type Interpolation = Variable | Substitution | Paren;

/** One piece of a string, as `stringParts` gives them: a text, escape or continuation token, or an interpolation. */
export type StringPart = Token | Interpolation;

/**
 * `$name`, `$"quoted name"`, `$1`, or `$(expr)` whose value names the variable.
 * `name` is the variable's name as written (unescaped for the quoted form); `nameStart`/`nameEnd` locate it.
 */
export interface Variable extends Span {
  readonly kind: "Variable";
  readonly name: string;
  readonly nameStart: number;
  readonly nameEnd: number;
  readonly quoted: StringLiteral | undefined;
  readonly dynamic: Paren | undefined;
}

/** `[ command ]` or `$[ command ]`: runs the command and yields its value. */
export interface Substitution extends Span {
  readonly kind: "Substitution";
  /** 2 for `$[` inside strings and values, 1 for `[`. */
  readonly openLength: number;
  readonly body: readonly Statement[];
  readonly closed: boolean;
}

export interface Paren extends Span {
  readonly kind: "Paren";
  /** 2 for `$(`, 1 for `(`. */
  readonly openLength: number;
  readonly expr: Expr;
  readonly closed: boolean;
}

/** `{1;2;"k"=v}`: an array literal (in value position where code is not expected). */
export interface ArrayLiteral extends Span {
  readonly kind: "Array";
  readonly elements: readonly ArrayElement[];
  readonly closed: boolean;
}

export interface ArrayElement extends Span {
  readonly kind: "ArrayElement";
  /** The key of `key=value`, a word or a string token range. */
  readonly key: Token | StringLiteral | undefined;
  readonly value: Expr | undefined;
}

/** `{ statements }`: a block of code (statement level, `do={}`, `else={}`, `on-error={}`, `on-message={}`...). */
export interface Block extends Span {
  readonly kind: "Block";
  readonly body: readonly Statement[];
  readonly closed: boolean;
}

/** A prefix operation; the operator is at `start`. */
export interface Unary extends Span {
  readonly kind: "Unary";
  readonly operator: string;
  readonly operand: Expr;
}

/** A binary operation. */
export interface Binary extends Span {
  readonly kind: "Binary";
  /** Where the operator is written (it spans `operator.length`); -1 for the implicit "and" between juxtaposed `where` conditions. */
  readonly opStart: number;
  readonly operator: string;
  readonly left: Expr;
  readonly right: Expr;
}

/** Adjacent value parts with no space between them (`topic=$base/x` style): their strings are joined. */
export interface Concat extends Span {
  readonly kind: "Concat";
  readonly parts: readonly Expr[];
}

/** Stands where something was expected but absent; an error says what. Zero width. */
export interface Missing extends Span {
  readonly kind: "Missing";
}

export type Node = Script | Statement | Arg | Expr | ArrayElement;

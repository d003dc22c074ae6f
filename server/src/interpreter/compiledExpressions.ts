// The expression half of the compiled-form printer: values, operators, strings and arrays as RouterOS 7.22.1's IL writes them.
import { readWord, type Schema } from "../schema";
import type { Block, Expr, StringLiteral, Substitution } from "../syntax";
import { COMPARISONS } from "../syntax/operators";
import { forEachStringPiece } from "../syntax/stringParts";
import { toBytes } from "./bytes";
import { wordText } from "./compiledValues";

/**
 * Operators whose chains RouterOS compiles as one node of many operands, parentheses or not (`(. a b c)`,
 * `(and x y z)`; `($a + ($b + $c))` is `(+ $a $b $c)`, RouterOS 7.22.1 IL).
 */
const FLATTENED: ReadonlySet<string> = new Set([".", ",", "+", "*", "and", "or"]);

/** Operator names as the IL writes them. */
const OPERATOR_NAMES: Readonly<Record<string, string>> = { "&&": "and", "||": "or" };

/** Prints expressions; the statement half (compiledForm.ts) prints the blocks and substitutions they hold. */
export abstract class CompiledExpressionPrinter {
  /** Inside a `where` condition, where bare words in a property's place name properties (`name~"x"` is `(~ $name x)`). */
  protected inWhere = false;

  constructor(
    protected readonly text: string,
    protected readonly schema: Schema,
    /** The text is UTF-16 source and the result a byte string, as the interpreter's values are (./bytes). */
    protected readonly bytes: boolean,
  ) {}

  /** `(evl ...)` of a block or a substitution (the statement half). */
  protected abstract blockNode(block: Block | Substitution, menu: readonly string[]): string;

  protected literal(expr: Expr): string {
    return this.text.slice(expr.start, expr.end);
  }

  expr(expr: Expr | undefined, menu: readonly string[]): string {
    if (expr === undefined) return "";
    switch (expr.kind) {
      case "Literal":
        return wordText(this.literal(expr));
      case "String":
        return this.string(expr, menu);
      case "Variable":
        return expr.dynamic ? `(evl ${this.expr(expr.dynamic.expr, menu)})` : `$${expr.name}`;
      case "Substitution":
        return this.blockNode(expr, menu);
      case "Paren":
        return this.property(expr.expr, menu);
      case "Array":
        return this.array(expr, menu);
      case "Block":
        return `;${this.blockNode(expr, menu)}`;
      case "Unary":
        return `(${expr.operator} ${expr.operator === "!" ? this.property(expr.operand, menu) : this.expr(expr.operand, menu)})`;
      case "Binary":
        return this.binary(expr, menu);
      case "Concat":
        return this.pieces(
          expr.parts.map((part) => this.expr(part, menu)),
          false,
        );
      case "Missing":
        return "";
    }
  }

  /** An array literal: its unkeyed members in order, then its keyed ones sorted by key, as RouterOS stores them. */
  private array(expr: Expr & { kind: "Array" }, menu: readonly string[]): string {
    const unkeyed: string[] = [];
    const keyed: [string, string][] = [];
    for (const element of expr.elements) {
      const value = element.value === undefined ? "" : this.expr(element.value, menu);
      if (element.key === undefined) {
        unkeyed.push(value);
        continue;
      }
      const key =
        element.key.kind === "String"
          ? this.string(element.key, menu)
          : this.text.slice(element.key.start, element.key.end);
      keyed.push([key, value]);
    }
    keyed.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return [...unkeyed, ...keyed.map(([key, value]) => `${key}=${value}`)].join(";");
  }

  /**
   * An operand in a variable's place: the left of a comparison, the key of `->`, the operand of `!`, a condition of
   * `and`/`or`, the whole of `(...)`. A bare word there that is no value reads a variable, or in a `where` a property, as RouterOS
   * 7.22.1 compiles it: `!dynamic` is `(! $dynamic)`, `(keypress=0xFFFF)` is `(= $keypress 65535)`, `"$(apikey)"`
   * is `$apikey`, `($a->key)` is `(-> $a $key)`; on the right of a comparison a word stays text (`type="ether"` is
   * `(= $type ether)`).
   */
  protected property(expr: Expr | undefined, menu: readonly string[]): string {
    if (expr?.kind === "Literal") {
      const word = this.literal(expr);
      if (/^[A-Za-z.][A-Za-z0-9_.-]*$/.test(word) && readWord(word) === undefined) return `$${word}`;
    }
    return this.expr(expr, menu);
  }

  private binary(expr: Expr & { kind: "Binary" }, menu: readonly string[]): string {
    const operator = OPERATOR_NAMES[expr.operator] ?? expr.operator;
    if (expr.opStart < 0) return `(  ${this.operands(expr, "", menu).join(" ")})`;
    const operands = FLATTENED.has(operator)
      ? this.operands(expr, operator, menu)
      : [
          COMPARISONS.has(operator) ? this.property(expr.left, menu) : this.expr(expr.left, menu),
          operator === "->" ? this.property(expr.right, menu) : this.expr(expr.right, menu),
        ];
    return `(${operator} ${operands.join(" ")})`;
  }

  /** The operands of a chain of one flattened operator (`a . b . c`), or of juxtaposed conditions (`""`). */
  private operands(expr: Expr, operator: string, menu: readonly string[]): string[] {
    const out: string[] = [];
    const visit = (node: Expr): void => {
      if (node.kind === "Paren" && operator !== "") return visit(node.expr);
      const inner = node;
      if (
        inner.kind === "Binary" &&
        (OPERATOR_NAMES[inner.operator] ?? inner.operator) === operator &&
        operator !== ""
      )
        return (visit(inner.left), visit(inner.right));
      if (operator === "" && inner.kind === "Binary" && inner.opStart < 0)
        return (visit(inner.left), visit(inner.right));
      if (
        operator === "." &&
        inner.kind === "String" &&
        (inner.interpolations.length > 0 || this.hasEscape(inner))
      ) {
        for (const piece of this.stringPieces(inner, menu)) out.push(piece);
        return;
      }
      out.push(
        operator === "and" || operator === "or" || operator === ""
          ? this.property(inner, menu)
          : this.expr(inner, menu),
      );
    };
    visit(expr);
    return out;
  }

  private hasEscape(literal: StringLiteral): boolean {
    return this.text.slice(literal.start + 1, literal.end).includes("\\");
  }

  /**
   * The pieces of a string: text runs as written, each escape decoded on its own, interpolations compiled; the
   * indentation after a `\`-continued line is no text (`forEachStringPiece`, as RouterOS reads it).
   */
  private stringPieces(literal: StringLiteral, menu: readonly string[]): string[] {
    const pieces: string[] = [];
    forEachStringPiece(
      this.text,
      literal,
      (piece, _start, _end, verbatim) => pieces.push(verbatim && this.bytes ? toBytes(piece) : piece),
      (part) => pieces.push(this.expr(part, menu)),
    );
    return pieces;
  }

  protected string(literal: StringLiteral, menu: readonly string[]): string {
    return this.pieces(this.stringPieces(literal, menu), true);
  }

  private pieces(pieces: readonly string[], _string: boolean): string {
    if (pieces.length === 0) return "";
    if (pieces.length === 1) return pieces[0] ?? "";
    return `(. ${pieces.join(" ")})`;
  }
}

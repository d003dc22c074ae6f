// The expression part of the model walk: variable references, strings (JSON candidates, interpolations) and the code
// nested in expressions (`[...]`, `{...}`), visited in the menu and scope the walk gives.
import type { Container, Scope } from "./types";
import { readWord } from "../../schema";
import { isDigit, isLetter } from "../../syntax/chars";
import { COMPARISONS } from "../../syntax/operators";
import type { Expr, Literal, Statement, StringLiteral, Variable } from "../../syntax";
import { opensLikeJson } from "./commandFacts";
import { blockEnd, NOTHING_INJECTED, ScopeBuilder, type WalkContext } from "./scopeBuilder";
import type { VariableSymbol } from "./types";

/**
 * How a bare word of an expression reads: as text (a command's argument, the right of a comparison), as the variable of
 * that name (elsewhere inside `( )` and as an unkeyed array member: RouterOS 7.22.1 compiles `(lastkey != 113)` to
 * `(!= $lastkey 113)`), or as a property of the item (a `where` condition).
 */
export type BareWords = "text" | "variables" | "properties";

/** A word that names a variable when read bare: letters, digits, `_` and `-` (not `:a`, not a list `a,b`). */
const VARIABLE_WORD = /^[A-Za-z0-9_][A-Za-z0-9_-]*$/;

export abstract class ExpressionWalker extends ScopeBuilder {
  protected readonly jsonCandidates: Expr[] = [];

  protected abstract get text(): string;

  /** Visits a statement list in `menu` and `scope` (implemented by the walk of statements and commands). */
  protected abstract visitStatements(
    container: Container,
    body: readonly Statement[],
    menu: readonly string[],
    scope: Scope,
    isCode: boolean,
    outerStatementStart?: number,
  ): void;

  protected visitVariable(node: Variable, ctx: WalkContext): VariableSymbol | undefined {
    if (node.dynamic) {
      this.visitExpr(node.dynamic, ctx);
      return undefined;
    }
    if (node.quoted) {
      return this.reference(
        node.name,
        "read",
        "quoted",
        { start: node.start, end: node.end, nameStart: node.quoted.start, nameEnd: node.quoted.end },
        ctx,
        node,
      );
    }
    return this.reference(node.name, "read", "dollar", node, ctx, node);
  }

  /** A string; `regex`: the pattern of a `~` match (`$1~"[0-9]"`), a regular expression, never JSON. */
  private visitString(node: StringLiteral, ctx: WalkContext, regex = false): void {
    if (!regex && opensLikeJson(this.text, node.start + 1)) this.jsonCandidates.push(node);
    for (const part of node.interpolations) {
      switch (part.kind) {
        case "Variable": {
          const quoted = this.text.charCodeAt(part.start + 1) === 92; // `$\"name\"`
          this.reference(part.name, "read", quoted ? "string-quoted" : "string-dollar", part, ctx, part);
          break;
        }
        case "Substitution":
          this.visitStatements(part, part.body, ctx.menu, ctx.scope, false, ctx.statementStart);
          break;
        case "Paren":
          this.visitExpr(part.expr, ctx);
          break;
        default:
          break;
      }
    }
  }

  /** A value RouterOS reads as a regular expression (`regexp=` of /ip dns static, `~`): a string in it is never JSON. */
  protected visitPattern(expr: Expr, ctx: WalkContext): void {
    if (expr.kind === "String") this.visitString(expr, ctx, true);
    else this.visitExpr(expr, ctx);
  }

  /** A bare word read as a variable: one RouterOS cannot read as a number, address, time, boolean or list. */
  private visitBareWord(expr: Literal, ctx: WalkContext): void {
    if (expr.literal !== "word") return;
    const word = this.text.slice(expr.start, expr.end);
    // Glued to what comes before (`($i_x + 1)`: `$i`, then `_x`): RSC3022 speaks of the whole, when it is meant.
    const before = expr.start > 0 ? this.text.charCodeAt(expr.start - 1) : 32;
    if (isLetter(before) || isDigit(before)) return;
    // `($x = nil)`: MikroTik's own default configuration script compares with nil so; the undeclared `$nil` it reads is
    // nothing, which is what that comparison means.
    if (!VARIABLE_WORD.test(word) || word === "nil" || readWord(word) !== undefined) return;
    this.reference(
      word,
      "read",
      "word",
      { start: expr.start, end: expr.end, nameStart: expr.start, nameEnd: expr.end },
      ctx,
      undefined,
    );
  }

  protected visitExpr(expr: Expr, ctx: WalkContext, bare: BareWords = "text"): void {
    switch (expr.kind) {
      case "Variable":
        this.visitVariable(expr, ctx);
        return;
      case "String":
        this.visitString(expr, ctx);
        return;
      case "Substitution":
        this.visitStatements(expr, expr.body, ctx.menu, ctx.scope, false, ctx.statementStart);
        return;
      case "Paren":
        if (expr.expr.kind === "Binary" && expr.expr.operator === ".") {
          let first: Expr = expr.expr;
          while (first.kind === "Binary" && first.operator === ".") first = first.left;
          if (first.kind === "String" && opensLikeJson(this.text, first.start + 1))
            this.jsonCandidates.push(expr);
        }
        this.visitExpr(expr.expr, ctx, bare === "properties" ? "properties" : "variables");
        return;
      case "Array":
        for (const element of expr.elements) {
          if (element.key?.kind === "String") this.visitString(element.key, ctx);
          if (element.value) this.visitExpr(element.value, ctx, element.key ? "text" : "variables");
        }
        return;
      case "Block": {
        const scope = this.newScope(
          "block",
          expr.start,
          blockEnd(expr),
          ctx.scope,
          undefined,
          NOTHING_INJECTED,
        );
        this.visitStatements(expr, expr.body, ctx.menu, scope, true);
        return;
      }
      case "Unary":
        this.visitExpr(expr.operand, ctx, bare);
        return;
      case "Binary":
        this.visitExpr(expr.left, ctx, bare);
        if (expr.operator === "~" && expr.right.kind === "String") this.visitString(expr.right, ctx, true);
        else
          this.visitExpr(
            expr.right,
            ctx,
            COMPARISONS.has(expr.operator) && bare === "variables" ? "text" : bare,
          );
        return;
      case "Concat":
        for (const part of expr.parts) this.visitExpr(part, ctx);
        return;
      case "Literal":
        if (bare === "variables") this.visitBareWord(expr, ctx);
        return;
      case "Missing":
        return;
    }
  }
}

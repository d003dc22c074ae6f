// Finds the strings meant to be JSON (publish messages, strings opening like JSON) and reports where they break.
import { diagnostic } from "../../diagnostics/catalog";
import type { Diagnostic } from "../../diagnostics/types";
import type { Expr } from "../../syntax";
import type { DocumentAnalysis } from "../analysis";
import { RosArray } from "../../interpreter/array";
import { fromBytes } from "../../interpreter/bytes";
import { toStr } from "../../interpreter/format";
import { staticValue } from "../payload";
import { checkJsonUnits, looksLikeJson, messageUnits, type HoleInfo, type JsonProblem } from "./jsonMessage";

/** Quick-fix data of a JSON value that needs quotes: insert `\"` at `start` and at `end`. */
export interface QuoteData {
  readonly kind: "quote";
  readonly start: number;
  readonly end: number;
}

function holeInfo(analysis: DocumentAnalysis): HoleInfo {
  const kinds = analysis.kinds;
  return {
    kindOf: (expr) => kinds.ofExpr(expr),
    // A constant as the router prints it (`1h` is `01:00:00`, `2.2` is `2.0.0.2`, `[:serialize ...]` its JSON):
    // the interpreter's own value rules, as the publish hover shows the message.
    constantOf: (expr) => {
      if (expr.kind !== "Variable" && expr.kind !== "Substitution") return undefined;
      const value = staticValue(analysis, expr);
      return value === undefined || value instanceof RosArray ? undefined : fromBytes(toStr(value));
    },
  };
}

/** What the run-time parts of a message are, as far as inference knows: `num,str=abc,...`. */
function holeSignature(expr: Expr, info: HoleInfo): string {
  let signature = "";
  const visit = (node: Expr): void => {
    switch (node.kind) {
      case "String":
        for (const part of node.interpolations) visit(part);
        return;
      case "Paren":
        visit(node.expr);
        return;
      case "Binary":
        visit(node.left);
        visit(node.right);
        return;
      case "Variable":
      case "Substitution": {
        const constant = info.constantOf(node);
        signature += constant === undefined ? `${info.kindOf(node)},` : `=${constant.length}:${constant},`;
        return;
      }
      default:
        return;
    }
  };
  visit(expr);
  return signature;
}

function shiftProblem(problem: JsonProblem, delta: number): JsonProblem {
  if (delta === 0) return problem;
  const moved = { ...problem, start: problem.start + delta, end: problem.end + delta };
  return problem.quote
    ? { ...moved, quote: { start: problem.quote.start + delta, end: problem.quote.end + delta } }
    : moved;
}

/** The values that reach the `message=` of `/iot mqtt publish`: direct, or through a variable assigned once. */
function publishedMessages(analysis: DocumentAnalysis): Expr[] {
  const out: Expr[] = [];
  for (const bound of analysis.model.commands) {
    if (bound.info?.name !== "publish" || bound.menuPath.join("/") !== "iot/mqtt") continue;
    const value = bound.args.find((a) => a.kind === "named" && a.name === "message")?.value;
    if (!value) continue;
    if (value.kind === "Variable") {
      const symbol = analysis.kinds.occurrenceStartingAt(value.start)?.symbol;
      const writes = symbol?.occurrences.filter((o) => o.role === "write").length ?? 1;
      const [only] = symbol?.assignments ?? [];
      if (symbol && writes === 0 && symbol.assignments.length === 1 && only) out.push(only);
    } else {
      out.push(value);
    }
  }
  return out;
}

export function checkJsonMessages(analysis: DocumentAnalysis, out: Diagnostic[]): void {
  const info = holeInfo(analysis);
  const text = analysis.text;
  const checked = new Set<Expr>();
  const markStrings = (expr: Expr): void => {
    checked.add(expr);
    if (expr.kind === "Paren") markStrings(expr.expr);
    else if (expr.kind === "Binary" && expr.operator === ".") {
      markStrings(expr.left);
      markStrings(expr.right);
    }
  };
  const cache = analysis.cache.jsonChecks;
  const reuse = analysis.cache.reuse;
  const check = (expr: Expr, strict: boolean): void => {
    if (checked.has(expr)) return;
    markStrings(expr);
    // The verdict depends on the text (unchanged while the node is reused) and on what its holes hold.
    const signature = reuse ? holeSignature(expr, info) : "";
    const cached = reuse ? cache.get(expr) : undefined;
    let problem: JsonProblem | undefined;
    if (cached && cached.strict === strict && cached.signature === signature) {
      problem = cached.problem && shiftProblem(cached.problem, expr.start - cached.start);
    } else {
      const units = messageUnits(text, expr, info);
      problem = units && looksLikeJson(units, strict) ? checkJsonUnits(units) : undefined;
    }
    if (reuse) cache.set(expr, { start: expr.start, strict, signature, problem });
    if (!problem) return;
    const data: QuoteData | undefined = problem.quote ? { kind: "quote", ...problem.quote } : undefined;
    out.push(
      diagnostic("RSC3020", problem.start, Math.max(problem.end, problem.start), [problem.message], data),
    );
  };
  for (const message of publishedMessages(analysis)) check(message, false);
  for (const candidate of analysis.model.jsonCandidates) check(candidate, true);
}

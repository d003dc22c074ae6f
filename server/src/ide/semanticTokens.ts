// Semantic tokens: menus, commands, argument names, values, properties, variables and parameters, code in strings too.
import type { Expr } from "../syntax";
import { walk } from "../syntax/walk";
import type { DocumentAnalysis } from "./analysis";
import { embeddedTokens } from "./embedded/tokens";
import type { BoundCommand, VariableSymbol } from "./model/types";
import { headCount, headWord } from "../syntax/head";

/** The legend: token types and modifiers by index, as the LSP layer announces them. */
export const TOKEN_TYPES = [
  "namespace",
  "function",
  "property",
  "parameter",
  "variable",
  "enumMember",
  "keyword",
] as const;
export const TOKEN_MODIFIERS = ["declaration", "readonly", "defaultLibrary", "global", "local"] as const;

export type TokenType = (typeof TOKEN_TYPES)[number];
export type TokenModifier = (typeof TOKEN_MODIFIERS)[number];

export interface SemanticToken {
  readonly start: number;
  readonly end: number;
  /** Index in TOKEN_TYPES. */
  readonly type: number;
  /** Bit set over TOKEN_MODIFIERS. */
  readonly modifiers: number;
}

const typeIndex = (type: TokenType): number => TOKEN_TYPES.indexOf(type);
const modifierBits = (modifiers: readonly TokenModifier[]): number =>
  modifiers.reduce((bits, m) => bits | (1 << TOKEN_MODIFIERS.indexOf(m)), 0);

function variableToken(symbol: VariableSymbol, declaration: boolean): { type: number; modifiers: number } {
  const extra: TokenModifier[] = declaration ? ["declaration"] : [];
  switch (symbol.kind) {
    case "parameter":
    case "positional":
      return { type: typeIndex("parameter"), modifiers: modifierBits(extra) };
    case "injected":
      return {
        type: typeIndex("variable"),
        modifiers: modifierBits(["readonly", "defaultLibrary", ...extra]),
      };
    case "global":
      return {
        type: typeIndex(symbol.isFunction ? "function" : "variable"),
        modifiers: modifierBits(["global", ...extra]),
      };
    default:
      return {
        type: typeIndex(symbol.isFunction ? "function" : "variable"),
        modifiers: modifierBits(["local", ...extra]),
      };
  }
}

function commandTokens(analysis: DocumentAnalysis, bound: BoundCommand, out: SemanticToken[]): void {
  const node = bound.node;
  const pathWords = bound.resolution?.error ? bound.resolution.error.wordIndex : bound.pathWordCount;
  for (let i = 0; i < pathWords && i < headCount(node); i++) {
    const token = headWord(node, i);
    if (!token || analysis.text.startsWith("..", token.start)) continue;
    const isCommand = bound.info !== undefined && i === bound.pathWordCount - 1;
    out.push({
      start: token.start,
      end: token.end,
      type: typeIndex(isCommand ? "function" : "namespace"),
      modifiers: isCommand && bound.rootCommand !== undefined ? modifierBits(["defaultLibrary"]) : 0,
    });
  }
  const text = analysis.text;
  for (const arg of bound.args) {
    switch (arg.kind) {
      case "named":
        if (arg.info || bound.info?.acceptsAnyArg) {
          out.push({ start: arg.nameStart, end: arg.nameEnd, type: typeIndex("property"), modifiers: 0 });
        }
        if (arg.info && arg.value?.kind === "Literal" && (arg.info.enumValues || arg.info.type === "bool")) {
          out.push({
            start: arg.value.start,
            end: arg.value.end,
            type: typeIndex("enumMember"),
            modifiers: 0,
          });
        }
        break;
      case "switch":
      case "unset":
        out.push({ start: arg.start, end: arg.end, type: typeIndex("keyword"), modifiers: 0 });
        break;
      case "positional":
        if (arg.info?.name === "value-name" && arg.value?.kind === "Literal") {
          out.push({ start: arg.value.start, end: arg.value.end, type: typeIndex("property"), modifiers: 0 });
        }
        break;
      case "where":
        if (arg.value) whereTokens(analysis, bound, arg.value, out);
        if (arg.nameEnd > arg.nameStart && text.startsWith("where", arg.nameStart)) {
          out.push({ start: arg.nameStart, end: arg.nameEnd, type: typeIndex("keyword"), modifiers: 0 });
        }
        break;
    }
  }
}

/** Bare words of a `where` condition that name properties of the menu. */
function whereTokens(
  analysis: DocumentAnalysis,
  bound: BoundCommand,
  condition: Expr,
  out: SemanticToken[],
): void {
  const properties = analysis.schema.properties(bound.menuPath);
  if (properties.length === 0) return;
  walk(condition, (node) => {
    if (node.kind === "Substitution" || node.kind === "String") return false;
    if (node.kind === "Literal" && node.literal === "word") {
      const name = analysis.text.slice(node.start, node.end);
      if (properties.some((p) => p.name === name)) {
        out.push({ start: node.start, end: node.end, type: typeIndex("property"), modifiers: 0 });
      }
    }
    return undefined;
  });
}

/** Tokens sorted by start, without overlaps. Offsets only: the LSP layer splits lines and encodes. */
export function semanticTokens(analysis: DocumentAnalysis): SemanticToken[] {
  const model = analysis.model;
  const out: SemanticToken[] = [];
  for (const bound of model.commands) commandTokens(analysis, bound, out);
  for (const o of model.occurrences) {
    const { type, modifiers } = variableToken(o.symbol, o.role === "declaration");
    out.push({ start: o.start, end: o.end, type, modifiers });
  }
  for (const token of embeddedTokens(analysis, semanticTokens)) out.push(token);
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  const result: SemanticToken[] = [];
  let last = -1;
  for (const token of out) {
    if (token.start < last || token.end <= token.start) continue;
    result.push(token);
    last = token.end;
  }
  return result;
}

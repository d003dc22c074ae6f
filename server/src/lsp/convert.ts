// Conversions between the language features' plain data (offsets) and LSP types (positions, kinds).
import {
  CompletionItemKind,
  DiagnosticSeverity,
  FoldingRangeKind,
  InsertTextFormat,
  MarkupKind,
  SymbolKind,
  type CompletionItem,
  type Diagnostic as LspDiagnostic,
  type DocumentSymbol,
  type FoldingRange,
  type Range,
  type TextEdit as LspTextEdit,
} from "vscode-languageserver";
import type { Diagnostic } from "../diagnostics/types";
import type { CompletionEntry, FoldingEntry, SymbolEntry, TextEdit } from "../ide/types";
import type { LineIndex } from "../syntax";

export function toRange(lines: LineIndex, start: number, end: number): Range {
  return { start: lines.positionAt(start), end: lines.positionAt(end) };
}

const SEVERITIES: Readonly<Record<Diagnostic["severity"], DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(lines: LineIndex, d: Diagnostic): LspDiagnostic {
  return {
    range: toRange(lines, d.start, d.end),
    severity: SEVERITIES[d.severity],
    code: d.code,
    source: "routeros",
    message: d.message,
  };
}

const COMPLETION_KINDS: Readonly<Record<CompletionEntry["kind"], CompletionItemKind>> = {
  menu: CompletionItemKind.Module,
  command: CompletionItemKind.Function,
  argument: CompletionItemKind.Property,
  switch: CompletionItemKind.Keyword,
  value: CompletionItemKind.EnumMember,
  variable: CompletionItemKind.Variable,
  function: CompletionItemKind.Function,
  property: CompletionItemKind.Field,
  broker: CompletionItemKind.Reference,
  snippet: CompletionItemKind.Snippet,
};

export function toCompletionItem(lines: LineIndex, entry: CompletionEntry): CompletionItem {
  const item: CompletionItem = {
    label: entry.label,
    kind: COMPLETION_KINDS[entry.kind],
    textEdit: { range: toRange(lines, entry.start, entry.end), newText: entry.insertText },
  };
  if (entry.detail !== undefined) item.detail = entry.detail;
  if (entry.documentation !== undefined)
    item.documentation = { kind: MarkupKind.Markdown, value: entry.documentation };
  if (entry.snippet) item.insertTextFormat = InsertTextFormat.Snippet;
  if (entry.sortText !== undefined) item.sortText = entry.sortText;
  if (entry.filterText !== undefined) item.filterText = entry.filterText;
  if (entry.preselect) item.preselect = true;
  if (entry.retrigger) item.command = { title: "Suggest", command: "editor.action.triggerSuggest" };
  return item;
}

export function toTextEdit(lines: LineIndex, edit: TextEdit): LspTextEdit {
  return { range: toRange(lines, edit.start, edit.end), newText: edit.newText };
}

const SYMBOL_KINDS: Readonly<Record<SymbolEntry["kind"], SymbolKind>> = {
  variable: SymbolKind.Variable,
  function: SymbolKind.Function,
  menu: SymbolKind.Namespace,
  constant: SymbolKind.Constant,
};

export function toDocumentSymbol(lines: LineIndex, entry: SymbolEntry): DocumentSymbol {
  const symbol: DocumentSymbol = {
    name: entry.name,
    kind: SYMBOL_KINDS[entry.kind],
    range: toRange(lines, entry.start, entry.end),
    selectionRange: toRange(lines, entry.selectionStart, entry.selectionEnd),
    children: entry.children.map((child) => toDocumentSymbol(lines, child)),
  };
  if (entry.detail !== undefined) symbol.detail = entry.detail;
  return symbol;
}

export function toFoldingRange(entry: FoldingEntry): FoldingRange {
  const range: FoldingRange = { startLine: entry.startLine, endLine: entry.endLine };
  if (entry.kind === "comment") range.kind = FoldingRangeKind.Comment;
  if (entry.kind === "region") range.kind = FoldingRangeKind.Region;
  return range;
}

/** LSP's relative encoding of semantic tokens: [deltaLine, deltaStart, length, type, modifiers] per token, one line each. */
export function encodeSemanticTokens(
  lines: LineIndex,
  text: string,
  tokens: readonly {
    readonly start: number;
    readonly end: number;
    readonly type: number;
    readonly modifiers: number;
  }[],
): number[] {
  const data: number[] = [];
  let previousLine = 0;
  let previousCharacter = 0;
  for (const token of tokens) {
    let start = token.start;
    while (start < token.end) {
      const position = lines.positionAt(start);
      const lineEnd = Math.min(token.end, lineEndOffset(lines, text, position.line));
      const length = lineEnd - start;
      if (length > 0) {
        const deltaLine = position.line - previousLine;
        const deltaCharacter = deltaLine === 0 ? position.character - previousCharacter : position.character;
        data.push(deltaLine, deltaCharacter, length, token.type, token.modifiers);
        previousLine = position.line;
        previousCharacter = position.character;
      }
      start = Math.max(lineEnd, lines.lineStart(position.line + 1));
      if (position.line + 1 >= lines.lineCount) break;
    }
  }
  return data;
}

/** The offset of the line break ending `line` (or the end of the text). */
function lineEndOffset(lines: LineIndex, text: string, line: number): number {
  let end = line + 1 < lines.lineCount ? lines.lineStart(line + 1) : text.length;
  while (end > lines.lineStart(line) && (text.charCodeAt(end - 1) === 10 || text.charCodeAt(end - 1) === 13))
    end--;
  return end;
}

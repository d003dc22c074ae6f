// Plain result shapes of the language features (offsets, not LSP positions): the LSP layer converts them.
import type { Diagnostic } from "../diagnostics/types";

export type CompletionKind =
  | "menu"
  | "command"
  | "argument"
  | "switch"
  | "value"
  | "variable"
  | "function"
  | "property"
  | "broker"
  | "snippet";

export interface CompletionEntry {
  readonly label: string;
  readonly kind: CompletionKind;
  /** One line shown beside the label (type, range...). */
  readonly detail?: string;
  /** Markdown. */
  readonly documentation?: string;
  /** Replaces the text in [start, end); a snippet (with `$0` tab stops) when `snippet` is set. */
  readonly insertText: string;
  readonly snippet?: boolean;
  readonly start: number;
  readonly end: number;
  readonly sortText?: string;
  readonly filterText?: string;
  /** Ask the editor to complete again right after inserting (a value after `name=`). */
  readonly retrigger?: boolean;
  readonly preselect?: boolean;
  /** Documentation was left out (long list): complete again with `documentationFor: label` to get it. */
  readonly lazyDocumentation?: boolean;
}

export interface HoverResult {
  /** Markdown. */
  readonly contents: string;
  readonly start: number;
  readonly end: number;
}

export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

export interface SignatureParameter {
  /** [start, end) of the parameter inside the signature label. */
  readonly label: readonly [number, number];
  readonly documentation?: string;
}

export interface SignatureResult {
  readonly label: string;
  readonly documentation?: string;
  readonly parameters: readonly SignatureParameter[];
  readonly activeParameter: number | undefined;
}

export type SymbolKind = "variable" | "function" | "menu" | "constant";

export interface SymbolEntry {
  readonly name: string;
  readonly detail?: string;
  readonly kind: SymbolKind;
  /** The whole construct. */
  readonly start: number;
  readonly end: number;
  /** The name inside it. */
  readonly selectionStart: number;
  readonly selectionEnd: number;
  readonly children: readonly SymbolEntry[];
}

/** Zero-based lines, inclusive. */
export interface FoldingEntry {
  readonly startLine: number;
  readonly endLine: number;
  readonly kind?: "comment" | "region";
}

export interface CodeActionEntry {
  readonly title: string;
  readonly diagnostic: Diagnostic;
  readonly edits: readonly TextEdit[];
  readonly preferred?: boolean;
}

export interface RangeResult {
  readonly start: number;
  readonly end: number;
}

export type RenameResult = { readonly edits: readonly TextEdit[] } | { readonly error: string };

export type PrepareRenameResult =
  { readonly start: number; readonly end: number; readonly placeholder: string } | { readonly error: string };

// The language service: a factory over the pure features, caching one analysis per document version.
import type { Diagnostic } from "../diagnostics/types";
import { getSchema, type Schema } from "../schema";
import { parse } from "../syntax";
import { dumpParseResult } from "../syntax/dump";
import { DocumentAnalysis } from "./analysis";
import { AnalysisCache } from "./analysisCache";
import { codeActions } from "./codeActions";
import { complete } from "./completion";
import { analysisDiagnostics } from "./diagnostics";
import { foldingRanges } from "./folding";
import { hover } from "./hover";
import { mergeChanges, reparse, type TextChange } from "./incremental";
import { definition, prepareRename, references, rename } from "./navigation";
import { semanticTokens, type SemanticToken } from "./semanticTokens";
import { signatureHelp } from "./signatureHelp";
import { documentSymbols } from "./symbols";
import type {
  CodeActionEntry,
  CompletionEntry,
  FoldingEntry,
  HoverResult,
  PrepareRenameResult,
  RangeResult,
  RenameResult,
  SignatureResult,
  SymbolEntry,
} from "./types";

export interface LanguageServiceOptions {
  /** The command tree (default: the bundled RouterOS 7.24 schema). */
  readonly schema?: Schema;
  /** Broker names known outside the documents (e.g. the editor's broker list); read at each completion. */
  readonly brokerNames?: () => Iterable<string>;
}

/** A document as the editor has it. */
export interface TextDocumentInput {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
}

export interface LanguageService {
  /** The analysis of a document at its version (cached: the same version is parsed once). */
  analyze(document: TextDocumentInput): DocumentAnalysis;
  /**
   * Applies edits (offsets in the previous text, applied in order) to the cached version of `uri` and analyzes the
   * result, re-parsing only the statements around the edits when it can. Returns the new analysis.
   */
  update(uri: string, version: number, changes: readonly TextChange[], fullText?: string): DocumentAnalysis;
  /** The cached analysis of `uri`, if any. */
  cached(uri: string): DocumentAnalysis | undefined;
  forget(uri: string): void;
  /** Broker names defined by `/iot mqtt brokers add name=...` in every cached document. */
  documentBrokerNames(): string[];

  diagnostics(document: TextDocumentInput): Diagnostic[];
  /** Completion items; `documentationFor` (a label) fills in that item's documentation when it was left out. */
  complete(document: TextDocumentInput, offset: number, documentationFor?: string): CompletionEntry[];
  hover(document: TextDocumentInput, offset: number): HoverResult | undefined;
  signatureHelp(document: TextDocumentInput, offset: number): SignatureResult | undefined;
  definition(document: TextDocumentInput, offset: number): RangeResult[];
  references(document: TextDocumentInput, offset: number, includeDeclaration: boolean): RangeResult[];
  prepareRename(document: TextDocumentInput, offset: number): PrepareRenameResult;
  rename(document: TextDocumentInput, offset: number, newName: string): RenameResult;
  documentSymbols(document: TextDocumentInput): SymbolEntry[];
  semanticTokens(document: TextDocumentInput): SemanticToken[];
  foldingRanges(document: TextDocumentInput): FoldingEntry[];
  codeActions(document: TextDocumentInput, start: number, end: number): CodeActionEntry[];
  /** The parser's tree dump (for a "Show Syntax Tree" debug view). */
  syntaxTree(document: TextDocumentInput): string;
}

export function createLanguageService(options: LanguageServiceOptions = {}): LanguageService {
  const schema = options.schema ?? getSchema();
  const extraBrokers = options.brokerNames ?? (() => []);
  const cache = new Map<string, DocumentAnalysis>();
  /** One per document: bindings and checks of unchanged commands carry over from version to version. */
  const caches = new Map<string, AnalysisCache>();
  const cacheOf = (uri: string): AnalysisCache => {
    let c = caches.get(uri);
    if (!c) {
      c = new AnalysisCache(schema);
      caches.set(uri, c);
    }
    return c;
  };

  const analyze = (document: TextDocumentInput): DocumentAnalysis => {
    const known = cache.get(document.uri);
    if (known && known.version === document.version && known.text === document.text) return known;
    const analysis = new DocumentAnalysis(
      document.uri,
      document.version,
      parse(document.text),
      schema,
      cacheOf(document.uri),
    );
    cache.set(document.uri, analysis);
    return analysis;
  };

  const documentBrokerNames = (): string[] => {
    const names = new Set<string>();
    for (const analysis of cache.values())
      for (const broker of analysis.model.brokers) names.add(broker.name);
    return [...names].sort();
  };

  const brokerNames = (): Iterable<string> => [...documentBrokerNames(), ...extraBrokers()];

  return {
    analyze,
    update(uri, version, changes, fullText) {
      const previous = cache.get(uri);
      let parsed = previous?.parsed;
      if (parsed && changes.length > 0) {
        const merged = mergeChanges(parsed.text, changes);
        parsed = reparse(parsed, merged.change, merged.text);
      }
      if (!parsed || (fullText !== undefined && parsed.text !== fullText)) parsed = parse(fullText ?? "");
      const analysis = new DocumentAnalysis(uri, version, parsed, schema, cacheOf(uri));
      cache.set(uri, analysis);
      return analysis;
    },
    cached: (uri) => cache.get(uri),
    forget: (uri) => {
      cache.delete(uri);
      caches.delete(uri);
    },
    documentBrokerNames,
    diagnostics: (document) => analysisDiagnostics(analyze(document)),
    complete: (document, offset, documentationFor) =>
      complete(
        analyze(document),
        offset,
        documentationFor === undefined ? { brokerNames } : { brokerNames, documentationFor },
      ),
    hover: (document, offset) => hover(analyze(document), offset),
    signatureHelp: (document, offset) => signatureHelp(analyze(document), offset),
    definition: (document, offset) => definition(analyze(document), offset),
    references: (document, offset, includeDeclaration) =>
      references(analyze(document), offset, includeDeclaration),
    prepareRename: (document, offset) => prepareRename(analyze(document), offset),
    rename: (document, offset, newName) => rename(analyze(document), offset, newName),
    documentSymbols: (document) => documentSymbols(analyze(document)),
    semanticTokens: (document) => semanticTokens(analyze(document)),
    foldingRanges: (document) => foldingRanges(analyze(document)),
    codeActions: (document, start, end) => codeActions(analyze(document), start, end),
    syntaxTree: (document) => dumpParseResult(analyze(document).parsed),
  };
}

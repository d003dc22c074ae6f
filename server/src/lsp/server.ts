// The RouterOS language server: wires LSP requests to the language service, converting types and isolating failures.
import {
  CodeActionKind,
  LSPErrorCodes,
  MarkupKind,
  ResponseError,
  TextDocumentSyncKind,
  type CodeAction,
  type CompletionItem,
  type Connection,
  type InitializeResult,
  type ServerCapabilities,
} from "vscode-languageserver";
import { createLanguageService, type LanguageService, type TextDocumentInput } from "../ide/languageService";
import { TOKEN_MODIFIERS, TOKEN_TYPES } from "../ide/semanticTokens";
import type { DocumentAnalysis } from "../ide/analysis";
import {
  encodeSemanticTokens,
  toCompletionItem,
  toDiagnostic,
  toDocumentSymbol,
  toFoldingRange,
  toRange,
  toTextEdit,
} from "./convert";
import { DiagnosticsScheduler } from "./diagnosticsScheduler";
import { IdleCollector } from "./memory";
import { OpenDocuments } from "./documents";
import { BrokerNamesNotification, SyntaxTreeRequest } from "./protocol";

export interface ServerOptions {
  /** Delay between the last change and publishing diagnostics (ms). */
  readonly diagnosticsDelayMs?: number;
  /**
   * Test hook: the LSP method (e.g. "textDocument/hover") whose handler throws on purpose, to check that a failing
   * request answers empty and the server keeps serving. Set from the RSC_LSP_FAULT environment variable.
   */
  readonly faultyMethod?: string;
}

/** Where a completion item came from, so that its documentation can be computed when the editor shows it. */
interface ResolveData {
  readonly uri: string;
  readonly version: number;
  readonly offset: number;
}

const CAPABILITIES: ServerCapabilities = {
  textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
  completionProvider: { triggerCharacters: ["/", ":", "$", "=", ","], resolveProvider: true },
  hoverProvider: true,
  signatureHelpProvider: { triggerCharacters: [" ", "="], retriggerCharacters: [" "] },
  definitionProvider: true,
  referencesProvider: true,
  renameProvider: { prepareProvider: true },
  documentSymbolProvider: true,
  foldingRangeProvider: true,
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
  semanticTokensProvider: {
    legend: { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] },
    full: true,
  },
};

function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** Registers every handler on `connection` and starts listening. */
export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new OpenDocuments();
  let clientBrokers: readonly string[] = [];
  const service: LanguageService = createLanguageService({ brokerNames: () => clientBrokers });

  /** The analysis of an open document at its current version, re-parsing only around the pending edits. */
  const analysisOf = (uri: string): DocumentAnalysis | undefined => {
    const document = documents.get(uri);
    if (!document) return undefined;
    const cached = service.cached(uri);
    if (cached && cached.version === document.version && document.pending.length === 0) return cached;
    let analysis: DocumentAnalysis;
    if (document.incremental && cached && document.pending.length > 0) {
      analysis = service.update(uri, document.version, document.pending, document.text);
    } else {
      const input: TextDocumentInput = { uri, version: document.version, text: document.text };
      analysis = service.analyze(input);
    }
    document.pending = [];
    document.incremental = true;
    document.lines = analysis.lines;
    return analysis;
  };

  /**
   * Wraps a handler: a throw is logged and answered with `fallback`, never a dead server. The test hook
   * `faultyMethod` makes one method throw on purpose.
   */
  const safe =
    <P, R>(method: string, fallback: R, handler: (params: P) => R) =>
    (params: P): R => {
      try {
        if (options.faultyMethod === method) throw new Error(`fault injected into ${method} (RSC_LSP_FAULT)`);
        return handler(params);
      } catch (error) {
        if (error instanceof ResponseError) throw error; // an answer for the user (a refused rename), not a bug
        connection.console.error(`${method} failed: ${describeError(error)}`);
        return fallback;
      }
    };

  const collector = new IdleCollector();
  const scheduler = new DiagnosticsScheduler(options.diagnosticsDelayMs ?? 5, (uri) => {
    collector.poke();
    try {
      const analysis = analysisOf(uri);
      if (!analysis) return;
      const diagnostics = service.diagnostics({ uri, version: analysis.version, text: analysis.text });
      const lines = analysis.lines;
      void connection.sendDiagnostics({
        uri,
        version: analysis.version,
        diagnostics: diagnostics.map((d) => toDiagnostic(lines, d)),
      });
    } catch (error) {
      connection.console.error(`diagnostics of ${uri} failed: ${describeError(error)}`);
    }
  });

  connection.onInitialize((): InitializeResult => ({
    capabilities: CAPABILITIES,
    serverInfo: { name: "routeros-language-server", version: "0.1.0" },
  }));

  connection.onDidOpenTextDocument(
    safe("textDocument/didOpen", undefined, (params) => {
      const { uri, version, text } = params.textDocument;
      documents.open(uri, version, text);
      scheduler.schedule(uri);
    }),
  );
  connection.onDidChangeTextDocument(
    safe("textDocument/didChange", undefined, (params) => {
      const document = documents.change(
        params.textDocument.uri,
        params.textDocument.version,
        params.contentChanges,
      );
      if (document) scheduler.schedule(document.uri);
    }),
  );
  connection.onDidCloseTextDocument(
    safe("textDocument/didClose", undefined, (params) => {
      const uri = params.textDocument.uri;
      documents.close(uri);
      service.forget(uri);
      scheduler.cancel(uri);
      void connection.sendDiagnostics({ uri, diagnostics: [] });
    }),
  );

  connection.onCompletion(
    safe("textDocument/completion", [], (params) => {
      const analysis = analysisOf(params.textDocument.uri);
      if (!analysis) return [];
      const lines = analysis.lines;
      const offset = lines.offsetAt(params.position);
      const uri = params.textDocument.uri;
      return service.complete(analysis, offset).map((entry) => {
        const item = toCompletionItem(lines, entry);
        if (entry.lazyDocumentation)
          item.data = { uri, version: analysis.version, offset } satisfies ResolveData;
        return item;
      });
    }),
  );
  connection.onCompletionResolve((item: CompletionItem): CompletionItem => {
    // Answers the item itself on any failure: an item without documentation is still an item.
    const resolve = safe("completionItem/resolve", item, (data: ResolveData | undefined) => {
      const analysis = data ? analysisOf(data.uri) : undefined;
      if (!data || !analysis || analysis.version !== data.version) return item;
      const entry = service.complete(analysis, data.offset, item.label).find((e) => e.label === item.label);
      return entry?.documentation === undefined
        ? item
        : { ...item, documentation: { kind: MarkupKind.Markdown, value: entry.documentation } };
    });
    return resolve(item.data as ResolveData | undefined);
  });
  connection.onHover(
    safe("textDocument/hover", null, (params) => {
      const analysis = analysisOf(params.textDocument.uri);
      if (!analysis) return null;
      const lines = analysis.lines;
      const result = service.hover(analysis, lines.offsetAt(params.position));
      if (!result) return null;
      return {
        contents: { kind: "markdown", value: result.contents },
        range: toRange(lines, result.start, result.end),
      };
    }),
  );
  connection.onSignatureHelp(
    safe("textDocument/signatureHelp", null, (params) => {
      const analysis = analysisOf(params.textDocument.uri);
      if (!analysis) return null;
      const result = service.signatureHelp(analysis, analysis.lines.offsetAt(params.position));
      if (!result) return null;
      return {
        signatures: [
          {
            label: result.label,
            ...(result.documentation !== undefined ? { documentation: result.documentation } : {}),
            parameters: result.parameters.map((p) => ({
              label: [p.label[0], p.label[1]] as [number, number],
              ...(p.documentation !== undefined
                ? { documentation: { kind: "markdown" as const, value: p.documentation } }
                : {}),
            })),
          },
        ],
        activeSignature: 0,
        ...(result.activeParameter !== undefined ? { activeParameter: result.activeParameter } : {}),
      };
    }),
  );
  connection.onDefinition(
    safe("textDocument/definition", [], (params) => {
      const analysis = analysisOf(params.textDocument.uri);
      if (!analysis) return [];
      const lines = analysis.lines;
      return service
        .definition(analysis, lines.offsetAt(params.position))
        .map((r) => ({ uri: params.textDocument.uri, range: toRange(lines, r.start, r.end) }));
    }),
  );
  connection.onReferences(
    safe("textDocument/references", [], (params) => {
      const analysis = analysisOf(params.textDocument.uri);
      if (!analysis) return [];
      const lines = analysis.lines;
      return service
        .references(analysis, lines.offsetAt(params.position), params.context.includeDeclaration)
        .map((r) => ({ uri: params.textDocument.uri, range: toRange(lines, r.start, r.end) }));
    }),
  );
  connection.onPrepareRename(
    safe("textDocument/prepareRename", null, (params) => {
      const analysis = analysisOf(params.textDocument.uri);
      if (!analysis) return null;
      const lines = analysis.lines;
      const result = service.prepareRename(analysis, lines.offsetAt(params.position));
      if ("error" in result) throw new ResponseError(LSPErrorCodes.RequestFailed, result.error);
      return { range: toRange(lines, result.start, result.end), placeholder: result.placeholder };
    }),
  );
  connection.onRenameRequest(
    safe("textDocument/rename", null, (params) => {
      const analysis = analysisOf(params.textDocument.uri);
      if (!analysis) return null;
      const lines = analysis.lines;
      const result = service.rename(analysis, lines.offsetAt(params.position), params.newName);
      if ("error" in result) throw new ResponseError(LSPErrorCodes.RequestFailed, result.error);
      return { changes: { [params.textDocument.uri]: result.edits.map((e) => toTextEdit(lines, e)) } };
    }),
  );
  connection.onDocumentSymbol(
    safe("textDocument/documentSymbol", [], (params) => {
      const analysis = analysisOf(params.textDocument.uri);
      if (!analysis) return [];
      const lines = analysis.lines;
      return service.documentSymbols(analysis).map((s) => toDocumentSymbol(lines, s));
    }),
  );
  connection.onFoldingRanges(
    safe("textDocument/foldingRange", [], (params) => {
      const analysis = analysisOf(params.textDocument.uri);
      return analysis ? service.foldingRanges(analysis).map(toFoldingRange) : [];
    }),
  );
  connection.onCodeAction(
    safe("textDocument/codeAction", [], (params) => {
      const uri = params.textDocument.uri;
      const analysis = analysisOf(uri);
      if (!analysis) return [];
      const lines = analysis.lines;
      const start = lines.offsetAt(params.range.start);
      const end = lines.offsetAt(params.range.end);
      return service.codeActions(analysis, start, end).map((action): CodeAction => ({
        title: action.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [toDiagnostic(lines, action.diagnostic)],
        isPreferred: action.preferred === true,
        edit: { changes: { [uri]: action.edits.map((e) => toTextEdit(lines, e)) } },
      }));
    }),
  );
  connection.languages.semanticTokens.on(
    safe("textDocument/semanticTokens/full", { data: [] }, (params) => {
      const analysis = analysisOf(params.textDocument.uri);
      if (!analysis) return { data: [] };
      return { data: encodeSemanticTokens(analysis.lines, analysis.text, service.semanticTokens(analysis)) };
    }),
  );

  connection.onNotification(
    BrokerNamesNotification,
    safe(BrokerNamesNotification.method, undefined, (params) => {
      clientBrokers = params.names.filter((n) => typeof n === "string");
    }),
  );
  connection.onRequest(
    SyntaxTreeRequest,
    safe(SyntaxTreeRequest.method, "", (params) => {
      const analysis = analysisOf(params.textDocument.uri);
      return analysis ? service.syntaxTree(analysis) : "";
    }),
  );

  connection.onShutdown(() => {
    scheduler.dispose();
    collector.dispose();
  });
  connection.listen();
}

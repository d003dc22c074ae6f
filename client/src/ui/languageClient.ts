// The RouterOS language client: starts dist/server.js over IPC when the first RouterOS document opens, and keeps the server told of the brokers view's names.
import * as vscode from "vscode";
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from "vscode-languageclient/node";
import { BrokerNamesNotification, SyntaxTreeRequest } from "../../../server/src/lsp/protocol";

const LANGUAGE_ID = "routeros";

export class RouterOsLanguageClient implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private ready = false;
  private names: readonly string[] = [];
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: (message: string) => void,
  ) {
    if (vscode.workspace.textDocuments.some((d) => d.languageId === LANGUAGE_ID)) this.start();
    else {
      const waiting = vscode.workspace.onDidOpenTextDocument((d) => {
        if (d.languageId !== LANGUAGE_ID) return;
        waiting.dispose();
        this.start();
      });
      this.disposables.push(waiting);
    }
  }

  /** Remembers the broker names and sends them when the server is up (now, or once it starts). */
  setBrokerNames(names: readonly string[]): void {
    this.names = names;
    this.sendNames();
  }

  /** Starts the server unless it runs already; activation never waits for it. */
  start(): void {
    if (this.client) return;
    const module = this.context.asAbsolutePath("dist/server.js");
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ["--nolazy", "--inspect=6009"] } },
    };
    const clientOptions: LanguageClientOptions = {
      // Every scheme: files on disk, untitled editors, and virtual workspaces (package.json's virtualWorkspaces).
      documentSelector: [{ language: LANGUAGE_ID }],
    };
    // The id names the trace setting the client reads: routerosMqtt.trace.server.
    const client = new LanguageClient(
      "routerosMqtt",
      "RouterOS Language Server",
      serverOptions,
      clientOptions,
    );
    this.client = client;
    void client.start().then(
      () => {
        this.ready = true;
        this.sendNames();
      },
      (error: unknown) => this.log(`the RouterOS language server did not start: ${describe(error)}`),
    );
  }

  /** The parser's tree of an open document as text (debug view); starts the server when needed. */
  async syntaxTree(uri: vscode.Uri): Promise<string> {
    this.start();
    const client = this.client;
    if (!client) throw new Error("the RouterOS language server is not running");
    if (!this.ready) await client.start();
    return client.sendRequest(SyntaxTreeRequest, { textDocument: { uri: uri.toString() } });
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    const client = this.client;
    this.client = undefined;
    if (client) void client.stop().catch(() => {});
  }

  private sendNames(): void {
    const client = this.client;
    if (!client || !this.ready) return;
    client
      .sendNotification(BrokerNamesNotification, { names: this.names })
      .catch((error: unknown) =>
        this.log(`could not send broker names to the language server: ${describe(error)}`),
      );
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// `rsc lsp --stdio`: starts the language server on standard input/output for any LSP editor.
import { createConnection, ProposedFeatures } from "vscode-languageserver/node";
import { protectProcess } from "../../server/src/lsp/console";
import { tuneHeap } from "../../server/src/lsp/memory";
import { startServer } from "../../server/src/lsp/server";
import { UsageError } from "./usage";

/** Serves until the client sends `exit` or closes stdin (the library then ends the process). */
export async function runLsp(argv: readonly string[]): Promise<number> {
  const unknown = argv.filter((a) => a !== "--stdio");
  if (unknown.length > 0)
    throw new UsageError(`unknown option ${unknown[0] ?? ""} for rsc lsp (use --stdio)`);
  if (!argv.includes("--stdio"))
    throw new UsageError("rsc lsp needs --stdio: the server talks LSP on stdin/stdout");
  const connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  protectProcess(connection);
  tuneHeap();
  const fault = process.env["RSC_LSP_FAULT"];
  startServer(connection, fault ? { faultyMethod: fault } : {});
  return new Promise<number>(() => {
    // Never resolves: the connection owns the process from here on.
  });
}

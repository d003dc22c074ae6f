// `rsc lsp --stdio`: starts the language server on standard input/output for any LSP editor.
import { UsageError } from "./usage";

export async function runLsp(_argv: readonly string[]): Promise<number> {
  throw new UsageError("rsc lsp is not available in this build yet");
}

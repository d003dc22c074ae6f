// The open documents as the client sent them: text, version, and the edits since the last analysis (for re-parsing).
import type { TextDocumentContentChangeEvent } from "vscode-languageserver";
import type { TextChange } from "../ide/incremental";
import { applyChange } from "../ide/incremental";
import { LineIndex } from "../syntax";

export interface OpenDocument {
  readonly uri: string;
  version: number;
  text: string;
  /** Edits (in order, offsets in the text before each) not yet seen by the language service. */
  pending: TextChange[];
  /** The text before the pending edits were applied was analyzed; when false, a full parse is needed. */
  incremental: boolean;
  /** Line starts of `text`, when known (the analysis of the current text has them). */
  lines: LineIndex | undefined;
}

export class OpenDocuments {
  private readonly documents = new Map<string, OpenDocument>();

  open(uri: string, version: number, text: string): OpenDocument {
    const document: OpenDocument = { uri, version, text, pending: [], incremental: false, lines: undefined };
    this.documents.set(uri, document);
    return document;
  }

  get(uri: string): OpenDocument | undefined {
    return this.documents.get(uri);
  }

  close(uri: string): void {
    this.documents.delete(uri);
  }

  all(): IterableIterator<OpenDocument> {
    return this.documents.values();
  }

  /** Applies LSP content changes (ranged or whole-text) in order. */
  change(
    uri: string,
    version: number,
    changes: readonly TextDocumentContentChangeEvent[],
  ): OpenDocument | undefined {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    for (const change of changes) {
      if ("range" in change) {
        const lines = document.lines ?? new LineIndex(document.text);
        const start = lines.offsetAt(change.range.start);
        const end = Math.max(start, lines.offsetAt(change.range.end));
        const edit: TextChange = { start, end, text: change.text };
        document.text = applyChange(document.text, edit);
        document.lines = undefined;
        document.pending.push(edit);
      } else {
        document.text = change.text;
        document.lines = undefined;
        document.pending = [];
        document.incremental = false;
      }
    }
    document.version = version;
    return document;
  }
}

// Read-only documents for received messages (scheme `routeros-mqtt`): each topic's decoder (detected, or picked and remembered: JSON pretty-printed, text, hex, base64 and CBOR decoded), MQTT 5 properties as comment lines above the payload; JSON mistakes and truncation shown as diagnostics; diffs against the previous message of a topic.
import * as vscode from "vscode";
import { headerLines } from "../messages/messageHeader";
import type { MessageHub } from "../messages/messageHub";
import {
  decodePayload,
  isDecoderName,
  type DecodedPayload,
  type DecoderName,
} from "../messages/payloadDecoders";
import { formatBytes } from "../messages/payloadFormat";
import type { StoredMessage } from "../mqtt";
import { showInformationMessage } from "./notify";

export const MESSAGE_SCHEME = "routeros-mqtt";

export interface MessageRef {
  broker: string;
  topic: string;
  seq: number;
  /** The decoder the document was opened with (in its URI, so another decoder is another document). */
  decoder?: DecoderName;
}

/** What a message's document shows: the decoded payload with the header lines above it. */
export interface MessageView {
  decoded: DecodedPayload;
  header: string[];
  /** `json`, `jsonc` (JSON with a header of comments) or `plaintext`. */
  language: string;
  text: string;
  /** Where the payload starts in `text` (after the header). */
  payloadOffset: number;
}

export function messageView(message: StoredMessage, decoder: DecoderName): MessageView {
  const decoded = decodePayload(message.payload, decoder, { truncated: message.truncated });
  const header = headerLines(message, decoded);
  const head = header.map((line) => `// ${line}\n`).join("") + (header.length > 0 ? "\n" : "");
  const language = decoded.language === "json" ? (header.length > 0 ? "jsonc" : "json") : "plaintext";
  return { decoded, header, language, text: head + decoded.text, payloadOffset: head.length };
}

/** A URI whose path reads well as a tab title (`/home/sensors/temp #12.json`) and whose query identifies the message. */
export function messageUri(
  ref: MessageRef,
  message: StoredMessage | undefined,
  decoder: DecoderName = "auto",
): vscode.Uri {
  const view = message ? messageView(message, decoder) : undefined;
  const ext =
    view?.language === "json"
      ? ".json"
      : view?.language === "jsonc"
        ? ".jsonc"
        : view?.decoded.kind === "binary"
          ? ".hex"
          : ".txt";
  const query = new URLSearchParams({
    broker: ref.broker,
    topic: ref.topic,
    seq: String(ref.seq),
    decoder,
  }).toString();
  return vscode.Uri.from({
    scheme: MESSAGE_SCHEME,
    path: `/${ref.broker}/${ref.topic} #${ref.seq}${ext}`,
    query,
  });
}

export function parseMessageUri(uri: vscode.Uri): MessageRef | undefined {
  const params = new URLSearchParams(uri.query);
  const broker = params.get("broker");
  const topic = params.get("topic");
  const seq = Number(params.get("seq"));
  const decoder = params.get("decoder");
  if (broker === null || topic === null || !Number.isInteger(seq)) return undefined;
  return { broker, topic, seq, ...(isDecoderName(decoder) ? { decoder } : {}) };
}

export class MessageDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection("routeros-mqtt-payload");
  private readonly disposables: vscode.Disposable[] = [this.diagnostics];

  constructor(
    private readonly hub: MessageHub,
    private readonly decoderOf: (broker: string, topic: string) => DecoderName = () => "auto",
  ) {
    this.disposables.push(
      vscode.workspace.registerTextDocumentContentProvider(MESSAGE_SCHEME, this),
      vscode.workspace.onDidOpenTextDocument((doc) => this.annotate(doc)),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        if (doc.uri.scheme === MESSAGE_SCHEME) this.diagnostics.delete(doc.uri);
      }),
    );
  }

  /** The held message of a reference, or undefined when it was evicted. */
  message(ref: MessageRef): StoredMessage | undefined {
    return this.hub
      .store(ref.broker)
      ?.history(ref.topic)
      .find((m) => m.seq === ref.seq);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const ref = parseMessageUri(uri);
    const message = ref && this.message(ref);
    if (!message) {
      const limit = this.hub.store(ref?.broker ?? "")?.limits.maxMessagesPerTopic;
      return (
        (limit
          ? vscode.l10n.t(
              "This message is no longer held: the last {0} messages of each topic are kept.",
              limit,
            )
          : vscode.l10n.t("This message is no longer held.")) + "\n"
      );
    }
    return messageView(message, ref.decoder ?? this.decoderOf(ref.broker, ref.topic)).text;
  }

  /** Opens the newest message of a topic (or the one with `seq`). */
  async open(broker: string, topic: string, seq?: number): Promise<vscode.TextDocument | undefined> {
    const history = this.hub.store(broker)?.history(topic) ?? [];
    const message = seq === undefined ? history[history.length - 1] : history.find((m) => m.seq === seq);
    if (!message) {
      void showInformationMessage(vscode.l10n.t('No message of "{0}" is held any more.', topic));
      return undefined;
    }
    const doc = await vscode.workspace.openTextDocument(
      messageUri({ broker, topic, seq: message.seq }, message, this.decoderOf(broker, topic)),
    );
    await vscode.window.showTextDocument(doc, { preview: true });
    return doc;
  }

  /** Diffs the newest message of a topic against the one before it. */
  async diffWithPrevious(broker: string, topic: string): Promise<boolean> {
    const history = this.hub.store(broker)?.history(topic) ?? [];
    const last = history[history.length - 1];
    const previous = history[history.length - 2];
    if (!last || !previous) {
      void showInformationMessage(
        vscode.l10n.t('"{0}" has only one held message so far: nothing to compare.', topic),
      );
      return false;
    }
    const decoder = this.decoderOf(broker, topic);
    const left = messageUri({ broker, topic, seq: previous.seq }, previous, decoder);
    const right = messageUri({ broker, topic, seq: last.seq }, last, decoder);
    await vscode.commands.executeCommand(
      "vscode.diff",
      left,
      right,
      `${topic}: #${previous.seq} ↔ #${last.seq}`,
    );
    return true;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  /** JSON mistakes and truncation as diagnostics on the message document. */
  private annotate(doc: vscode.TextDocument): void {
    if (doc.uri.scheme !== MESSAGE_SCHEME) return;
    const ref = parseMessageUri(doc.uri);
    const message = ref && this.message(ref);
    if (!message) return;
    const out: vscode.Diagnostic[] = [];
    const view = messageView(message, ref.decoder ?? this.decoderOf(ref.broker, ref.topic));
    if (message.truncated) {
      const d = new vscode.Diagnostic(
        new vscode.Range(0, 0, 0, 0),
        vscode.l10n.t(
          "Payload truncated: the first {0} of {1} are kept (routerosMqtt.messages.maxPayloadKB).",
          formatBytes(message.payload.length),
          formatBytes(message.originalLength),
        ),
        vscode.DiagnosticSeverity.Information,
      );
      out.push(d);
    }
    const problem = view.decoded.jsonProblem;
    if (problem) {
      const at = doc.positionAt(view.payloadOffset + problem.offset);
      const d = new vscode.Diagnostic(
        new vscode.Range(at, doc.positionAt(view.payloadOffset + problem.offset + 1)),
        vscode.l10n.t(
          "Not valid JSON: {0} (line {1}, column {2})",
          problem.message,
          problem.line + 1,
          problem.column + 1,
        ),
        vscode.DiagnosticSeverity.Warning,
      );
      d.source = "RouterOS MQTT";
      out.push(d);
    }
    this.diagnostics.set(doc.uri, out);
  }
}

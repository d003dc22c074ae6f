// Feeds one MQTT payload to the message view's formatting: kind, document (pretty JSON or the place it breaks), previews, chart fields.
import { numericFields } from "../../client/src/messages/chartFields";
import { jsonProblem } from "../../client/src/messages/jsonCheck";
import {
  classifyPayload,
  payloadDocument,
  payloadPreview,
  payloadText,
} from "../../client/src/messages/payloadFormat";
import { expect } from "./invariants";

export function checkPayload(bytes: Uint8Array): void {
  const kind = classifyPayload(bytes);
  for (const truncated of [false, true]) {
    const document = payloadDocument(bytes, { truncated });
    expect(document.kind === kind, "the document has the payload's kind");
    if (document.kind === "json") JSON.parse(document.text);
    const problem = document.jsonProblem;
    if (problem) {
      const text = payloadText(bytes) ?? "";
      expect(
        problem.offset >= 0 && problem.offset <= text.length,
        `JSON problem at ${problem.offset} in the text`,
      );
      expect(problem.line >= 0 && problem.column >= 0, "JSON problem line and column");
    }
  }
  expect(payloadPreview(bytes).length <= 80, "a preview stays short");
  const text = payloadText(bytes);
  if (text !== undefined) jsonProblem(text);
  numericFields(Buffer.from(bytes));
}

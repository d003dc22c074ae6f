// Says where and why a received JSON text breaks (the shared scanner in server/src/json), with hints at the usual mistakes of JSON built by hand in RouterOS strings (an empty `$var` leaving `"cpu":,`, an unescaped quote).
import { scanJsonText, type JsonError } from "../../../server/src/json";

/** Where JSON text breaks: zero-based offset, line and column, and what was expected. */
export interface JsonProblem {
  offset: number;
  line: number;
  column: number;
  message: string;
}

/** Undefined when `text` is valid JSON; otherwise the first place it breaks. */
export function jsonProblem(text: string): JsonProblem | undefined {
  const error = scanJsonText(text);
  if (error === undefined) return undefined;
  return { offset: error.at, ...lineAndColumn(text, error.at), message: error.message + hint(text, error) };
}

/** What a payload published by a RouterOS script most likely got wrong. */
function hint(text: string, error: JsonError): string {
  const c = text.charAt(error.at);
  switch (error.code) {
    case "value":
      if (c === "" || c === "," || c === "}" || c === "]") return " (an empty variable in the script?)";
      if (c === "'") return " (strings need double quotes, not single quotes)";
      return /[A-Za-z]/.test(c) ? " (text values need double quotes)" : "";
    case "object-next":
      return c === '"' ? " (a missing comma?)" : " (an unescaped quote?)";
    default:
      return "";
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart };
}

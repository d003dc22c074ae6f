// The brokers view's filter: a topic pattern (MQTT wildcards), payload text, and JSON field conditions (`cpu-load > 80`, `uptime > 1d`, `name ~ ether`), all of which a topic must satisfy; parsed once, matched against a topic's last payload.
import { validateTopicFilter, topicMatchesFilter } from "../mqtt/topics";
import { payloadText } from "./payloadFormat";
import { routerOsSeconds } from "./routerosTime";

export type CompareOp = ">" | ">=" | "<" | "<=" | "==" | "!=" | "~";

export type QueryTerm =
  /** An MQTT topic filter: a word with `/`, `+` or `#`. */
  | { kind: "topic"; filter: string }
  /** A quoted text the payload contains (case-insensitive). */
  | { kind: "text"; text: string }
  /** A bare word the topic or the payload contains (case-insensitive). */
  | { kind: "word"; word: string }
  /** A JSON field (dotted path) compared with a value. */
  | { kind: "field"; path: string[]; op: CompareOp; value: string };

export interface TopicQuery {
  readonly source: string;
  readonly terms: readonly QueryTerm[];
  /** Some term reads the payload (so a new message can change the answer). */
  readonly readsPayload: boolean;
}

export type QueryParse = { ok: true; query: TopicQuery } | { ok: false; message: string; offset: number };

const OPERATORS: readonly CompareOp[] = [">=", "<=", "!=", "==", ">", "<", "~"];

interface Token {
  text: string;
  quoted: boolean;
  offset: number;
}

/** Words, quoted strings ("…" with \" and \\) and operators. */
function tokenize(source: string): Token[] | { message: string; offset: number } {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i] as string;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '"') {
      let text = "";
      let j = i + 1;
      for (; j < source.length && source[j] !== '"'; j++) {
        if (source[j] === "\\" && j + 1 < source.length) j++;
        text += source[j];
      }
      if (j >= source.length) return { message: "a quoted text is not closed", offset: i };
      tokens.push({ text, quoted: true, offset: i });
      i = j + 1;
      continue;
    }
    const op = OPERATORS.find((o) => source.startsWith(o, i)) ?? (c === "=" ? "=" : undefined);
    if (op) {
      tokens.push({ text: op === "=" ? "==" : op, quoted: false, offset: i });
      i += op.length;
      continue;
    }
    let j = i;
    while (j < source.length && !/[\s"]/.test(source[j] as string) && !startsOperator(source, j)) j++;
    tokens.push({ text: source.slice(i, j), quoted: false, offset: i });
    i = j;
  }
  return tokens;
}

function startsOperator(source: string, at: number): boolean {
  const c = source[at];
  return c === ">" || c === "<" || c === "=" || c === "~" || (c === "!" && source[at + 1] === "=");
}

function isOperator(token: Token | undefined): token is Token & { text: CompareOp } {
  return !!token && !token.quoted && (OPERATORS as readonly string[]).includes(token.text);
}

/** Parses a filter; an empty text is a query that matches everything. */
export function parseTopicQuery(source: string): QueryParse {
  const tokens = tokenize(source);
  if (!Array.isArray(tokens)) return { ok: false, ...tokens };
  const terms: QueryTerm[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const next = tokens[i + 1];
    if (isOperator(token)) {
      return { ok: false, message: `"${token.text}" needs a field name before it`, offset: token.offset };
    }
    if (isOperator(next)) {
      if (token.quoted) return { ok: false, message: "a field name is not quoted", offset: token.offset };
      const value = tokens[i + 2];
      if (!value || isOperator(value)) {
        return { ok: false, message: `"${next.text}" needs a value after it`, offset: next.offset };
      }
      terms.push({ kind: "field", path: token.text.split("."), op: next.text, value: value.text });
      i += 2;
      continue;
    }
    if (token.quoted) terms.push({ kind: "text", text: token.text.toLowerCase() });
    else if (/[/+#]/.test(token.text)) {
      const problem = validateTopicFilter(token.text);
      if (problem) {
        return {
          ok: false,
          message: `topic pattern "${token.text}" ${problem.message}`,
          offset: token.offset + problem.offset,
        };
      }
      terms.push({ kind: "topic", filter: token.text });
    } else terms.push({ kind: "word", word: token.text.toLowerCase() });
  }
  const readsPayload = terms.some((t) => t.kind !== "topic");
  return { ok: true, query: { source, terms, readsPayload } };
}

/** The payload read once for every term: its text and, when it is JSON, its value. */
class PayloadView {
  private textValue: string | undefined | null = null;
  private jsonValue: unknown = NOT_READ;

  constructor(private readonly payload: Uint8Array) {}

  get text(): string | undefined {
    if (this.textValue === null) this.textValue = payloadText(this.payload)?.toLowerCase();
    return this.textValue;
  }

  get json(): unknown {
    if (this.jsonValue === NOT_READ) {
      const raw = payloadText(this.payload);
      try {
        this.jsonValue = raw !== undefined && /^\s*[[{]/.test(raw) ? JSON.parse(raw) : undefined;
      } catch {
        this.jsonValue = undefined;
      }
    }
    return this.jsonValue;
  }
}

const NOT_READ = Symbol("not read");

/** Whether a topic and its last payload satisfy every term. */
export function matchesQuery(query: TopicQuery, topic: string, payload: Uint8Array): boolean {
  const view = new PayloadView(payload);
  for (const term of query.terms) {
    switch (term.kind) {
      case "topic":
        if (!topicMatchesFilter(term.filter, topic)) return false;
        break;
      case "text":
        if (!view.text?.includes(term.text)) return false;
        break;
      case "word":
        if (!topic.toLowerCase().includes(term.word) && !view.text?.includes(term.word)) return false;
        break;
      case "field":
        if (!compareField(fieldValue(view.json, term.path), term.op, term.value)) return false;
        break;
    }
  }
  return true;
}

/** The value at a dotted path (`interfaces.ether1.rx`, `list.0.name`), or undefined. */
export function fieldValue(json: unknown, path: readonly string[]): unknown {
  let value = json;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** A value as a number: JSON numbers, numeric strings and RouterOS times (as seconds). */
function numberOf(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  if (/^-?\d+(?:\.\d+)?(?:e[+-]?\d+)?$/i.test(text)) return Number(text);
  return routerOsSeconds(text);
}

function compareField(actual: unknown, op: CompareOp, expected: string): boolean {
  if (actual === undefined || (actual !== null && typeof actual === "object")) return false;
  const text = typeof actual === "string" ? actual : (JSON.stringify(actual) ?? "");
  if (op === "~") return text.toLowerCase().includes(expected.toLowerCase());
  const a = numberOf(actual);
  const b = numberOf(expected);
  if (op === "==" || op === "!=") {
    const equal = a !== undefined && b !== undefined ? a === b : text === expected;
    return op === "==" ? equal : !equal;
  }
  if (a === undefined || b === undefined) return false;
  return op === ">" ? a > b : op === ">=" ? a >= b : op === "<" ? a < b : a <= b;
}

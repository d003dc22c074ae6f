// Applying editor changes to a parsed document: the new text, and its parse, re-parsing only the statements around the change.
import type { Diagnostic } from "../diagnostics/types";
import { parse, type Node, type ParseResult, type Statement, type Token, type TokenKind } from "../syntax";
import { UNBOUNDED_ERRORS } from "../syntax/scanner";
import { shiftHead } from "../syntax/head";
import { TokenList } from "../syntax/tokenList";
import { TOKEN_KINDS, type K } from "../syntax/tokens";

/** Replace [start, end) of the previous text by `text`. */
export interface TextChange {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export function applyChange(text: string, change: TextChange): string {
  const start = Math.max(0, Math.min(change.start, text.length));
  const end = Math.max(start, Math.min(change.end, text.length));
  return text.slice(0, start) + change.text + text.slice(end);
}

/**
 * Changes applied in order (each in the text the previous ones left), as one change of the original text: from the
 * first offset any of them touched to the last, and the text that results. Typing a word sends a change per
 * character; re-parsing once for all of them (rather than once each, through unclosed brackets and strings that a
 * full parse must follow) is what keeps the first answer after a burst of typing fast.
 */
export function mergeChanges(
  text: string,
  changes: readonly TextChange[],
): { change: TextChange; text: string } {
  let current = text;
  /** Offsets before this are untouched by every change so far... */
  let prefix = text.length;
  /** ...and so are this many characters at the end. */
  let suffix = text.length;
  for (const change of changes) {
    const start = Math.max(0, Math.min(change.start, current.length));
    const end = Math.max(start, Math.min(change.end, current.length));
    prefix = Math.min(prefix, start);
    suffix = Math.min(suffix, current.length - end);
    current = current.slice(0, start) + change.text + current.slice(end);
  }
  if (changes.length === 0) return { change: { start: 0, end: 0, text: "" }, text };
  return {
    change: {
      start: prefix,
      end: text.length - suffix,
      text: current.slice(prefix, current.length - suffix),
    },
    text: current,
  };
}

/** True when `text` ends with `\` and spaces (looked at from the end: a region may be long). */
function endsWithBackslash(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && (text[i] === " " || text[i] === "\t" || text[i] === "\f" || text[i] === "\v")) i--;
  return i >= 0 && text[i] === "\\";
}

/** Below this many top-level statements a full parse is as cheap as anything cleverer. */
const SMALL_SCRIPT = 16;

/** Views of views of token lists are copied flat beyond this depth (see SplicedTokens). */
const MAX_VIEW_DEPTH = 64;

const KIND_IDS = new Map(TOKEN_KINDS.map((kind, id) => [kind, id as K]));

type Mutable<T> = { -readonly [P in keyof T]: T[P] };

function shiftToken(token: Token | undefined, delta: number): void {
  if (!token) return;
  const t = token as Mutable<Token>;
  t.start += delta;
  t.end += delta;
}

/**
 * Moves a subtree by `delta` in place. Only used on nodes that no caller sees any more at their old offsets: the
 * previous analysis of a document is dropped when the new one is built (see LanguageService.update).
 */
function shiftNode(node: Node, delta: number): void {
  const n = node as Mutable<Node> & { start: number; end: number };
  n.start += delta;
  n.end += delta;
  switch (node.kind) {
    case "Script":
    case "Block":
    case "Substitution":
      for (const statement of node.body) shiftNode(statement, delta);
      return;
    case "Command": {
      shiftHead(node, delta);
      if (node.callee) shiftNode(node.callee, delta);
      for (const arg of node.args) shiftNode(arg, delta);
      return;
    }
    case "NamedArg":
      (node as Mutable<typeof node>).nameEnd += delta;
      if (node.value) shiftNode(node.value, delta);
      return;
    case "WhereArg":
      shiftToken(node.keyword, delta);
      shiftNode(node.condition, delta);
      return;
    case "String":
      for (const part of node.interpolations) shiftNode(part, delta);
      return;
    case "Variable": {
      const v = node as Mutable<typeof node>;
      v.nameStart += delta;
      v.nameEnd += delta;
      if (node.quoted) shiftNode(node.quoted, delta);
      if (node.dynamic) shiftNode(node.dynamic, delta);
      return;
    }
    case "Paren":
      shiftNode(node.expr, delta);
      return;
    case "Array":
      for (const element of node.elements) shiftNode(element, delta);
      return;
    case "ArrayElement":
      if (node.key) {
        if (node.key.kind === "String" && "interpolations" in node.key) shiftNode(node.key, delta);
        else shiftToken(node.key, delta);
      }
      if (node.value) shiftNode(node.value, delta);
      return;
    case "Unary":
      shiftNode(node.operand, delta);
      return;
    case "Binary":
      if (node.opStart >= 0) (node as Mutable<typeof node>).opStart += delta;
      shiftNode(node.left, delta);
      shiftNode(node.right, delta);
      return;
    case "Concat":
      for (const part of node.parts) shiftNode(part, delta);
      return;
    case "Literal":
    case "Missing":
      return;
  }
}

function shiftDiagnostic(d: Diagnostic, delta: number): Diagnostic {
  return delta === 0 ? d : { ...d, start: d.start + delta, end: d.end + delta };
}

/** First index in [0, length) whose value is >= `value` by `key` (the list is sorted by that key). */
function firstAtLeast(body: readonly Statement[], value: number, key: (s: Statement) => number): number {
  let low = 0;
  let high = body.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    const s = body[mid];
    if (s !== undefined && key(s) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * The parse of `newText`, which is `old.text` with `change` applied: equal to `parse(newText)`. Re-parses the
 * top-level statements around the change (one more on each side) and reuses the others, moved in place; falls back to
 * a full parse when the change could reach further (an unclosed bracket or string, a small script).
 * After this call, `old` must not be used: its unchanged statements now belong to the result.
 */
export function reparse(old: ParseResult, change: TextChange, newText: string): ParseResult {
  const body = old.script.body;
  if (body.length < SMALL_SCRIPT) return parse(newText);
  const delta = change.text.length - (change.end - change.start);
  const first = firstAtLeast(body, change.start, (s) => s.end);
  const from = Math.max(0, first - 1);
  const regionStart = from === 0 ? 0 : (body[from]?.start ?? 0);
  const after = firstAtLeast(body, change.end + 1, (s) => s.start);
  const to = after + 1; // statements [from, to) are re-parsed; `to` is the first one reused after the change
  const toEnd = to >= body.length;
  const oldRegionEnd = toEnd ? old.text.length : (body[to]?.start ?? old.text.length);
  if (regionStart > change.start || oldRegionEnd < change.end) return parse(newText);
  const regionText = newText.slice(regionStart, oldRegionEnd + delta);
  // A `\` at the end of the region continues a line there, but is an error before the next statement's first
  // character (found by the fuzzer): the region alone cannot tell.
  if (!toEnd && endsWithBackslash(regionText)) return parse(newText);
  const region = parse(regionText);
  // Errors at the very end of the text belong to the region when it reaches the end.
  const suffixDiagnostics = toEnd ? [] : old.diagnostics.filter((d) => d.start >= oldRegionEnd);
  // Their messages name a line and column, counted from the start of the text; and one met while skipping a broken
  // command's rest is not reported, but the skip may have followed a bracket to the region's end, where a parse of the
  // whole text goes on (found by the fuzzer: `> (` over transcript lines).
  if (region.unbounded) return parse(newText);
  if (!toEnd) {
    if (suffixDiagnostics.some((d) => UNBOUNDED_ERRORS.has(d.code))) return parse(newText);
    // The statement just before the reused ones must come out where it was: then the parser is in step again.
    const last = region.script.body[region.script.body.length - 1];
    const expected = (body[to - 1]?.end ?? -1) + delta - regionStart;
    if (!last || last.end !== expected) return parse(newText);
  }

  for (const statement of region.script.body) shiftNode(statement, regionStart);
  const reused = body.slice(to);
  if (delta !== 0) for (const statement of reused) shiftNode(statement, delta);
  const script = {
    kind: "Script" as const,
    body: [...body.slice(0, from), ...region.script.body, ...reused],
    start: 0,
    end: newText.length,
  };

  const regionTokens = region.tokens;
  const diagnostics = [
    ...old.diagnostics.filter((d) => d.end <= regionStart && d.start < regionStart),
    ...region.diagnostics.map((d) => shiftDiagnostic(d, regionStart)),
    ...suffixDiagnostics.map((d) => shiftDiagnostic(d, delta)),
  ];
  const tokens = SplicedTokens.over(old.tokens, regionTokens, regionStart, oldRegionEnd, delta);
  // The reused statements' own parse is unchanged; whether it met such an error is only known for the whole old text.
  return { text: newText, script, diagnostics, tokens, unbounded: old.unbounded };
}

/** A real token list with the same tokens as `view`: one pass, walking the views' segments rather than each token. */
function flatten(view: TokenList): TokenList {
  const tokens = new TokenList();
  copyInto(view, 0, view.length, 0, tokens);
  return tokens;
}

/** Appends tokens [from, to) of `list`, moved by `shift`, to `out`. */
function copyInto(list: TokenList, from: number, to: number, shift: number, out: TokenList): void {
  if (from >= to) return;
  if (list instanceof SplicedTokens) {
    list.copyRange(from, to, shift, out);
    return;
  }
  for (let i = from; i < to; i++)
    out.push(KIND_IDS.get(list.kind(i)) ?? 0, list.start(i) + shift, list.end(i) + shift);
}

/** Index of the first token of `list` starting at or after `offset`. */
function firstTokenAtOrAfter(list: TokenList, offset: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (list.start(mid) < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * The token list of an edited text as a view, built in O(log n): the old tokens before the re-parsed region, the
 * region's tokens moved to it, then the old tokens after it moved by the edit's length change. Views of views stay
 * cheap to build; once they nest deeper than MAX_VIEW_DEPTH, the list is copied flat (one pass, every few edits).
 */
class SplicedTokens extends TokenList {
  private constructor(
    private readonly base: TokenList,
    private readonly region: TokenList,
    private readonly regionStart: number,
    private readonly delta: number,
    /** Old tokens [0, cut) come first; old tokens from `resume` on come last. */
    private readonly cut: number,
    private readonly resume: number,
    readonly depth: number,
  ) {
    super();
  }

  static over(
    base: TokenList,
    region: TokenList,
    regionStart: number,
    oldRegionEnd: number,
    delta: number,
  ): TokenList {
    const depth = base instanceof SplicedTokens ? base.depth + 1 : 1;
    const flat = depth > MAX_VIEW_DEPTH ? flatten(base) : base;
    return new SplicedTokens(
      flat,
      region,
      regionStart,
      delta,
      firstTokenAtOrAfter(flat, regionStart),
      firstTokenAtOrAfter(flat, oldRegionEnd),
      flat === base ? depth : 1,
    );
  }

  override get length(): number {
    return this.cut + this.region.length + (this.base.length - this.resume);
  }

  override kind(i: number): TokenKind {
    if (i < this.cut) return this.base.kind(i);
    const j = i - this.cut;
    if (j < this.region.length) return this.region.kind(j);
    return this.base.kind(this.resume + j - this.region.length);
  }

  override start(i: number): number {
    if (i < this.cut) return this.base.start(i);
    const j = i - this.cut;
    if (j < this.region.length) return this.region.start(j) + this.regionStart;
    return this.base.start(this.resume + j - this.region.length) + this.delta;
  }

  override end(i: number): number {
    if (i < this.cut) return this.base.end(i);
    const j = i - this.cut;
    if (j < this.region.length) return this.region.end(j) + this.regionStart;
    return this.base.end(this.resume + j - this.region.length) + this.delta;
  }

  /** Appends tokens [from, to) of this view, moved by `shift`, to `out`, segment by segment. */
  copyRange(from: number, to: number, shift: number, out: TokenList): void {
    const regionEnd = this.cut + this.region.length;
    copyInto(this.base, from, Math.min(to, this.cut), shift, out);
    copyInto(
      this.region,
      Math.max(from, this.cut) - this.cut,
      Math.min(to, regionEnd) - this.cut,
      shift + this.regionStart,
      out,
    );
    copyInto(
      this.base,
      Math.max(from, regionEnd) - regionEnd + this.resume,
      to - regionEnd + this.resume,
      shift + this.delta,
      out,
    );
  }

  override at(i: number): Token {
    return { kind: this.kind(i), start: this.start(i), end: this.end(i) };
  }

  override *[Symbol.iterator](): Iterator<Token> {
    for (let i = 0; i < this.length; i++) yield this.at(i);
  }

  override toArray(): Token[] {
    return Array.from(this);
  }

  override push(): void {
    throw new Error("a spliced token list is read-only");
  }

  override truncate(): void {
    throw new Error("a spliced token list is read-only");
  }
}

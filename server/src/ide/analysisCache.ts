// What outlives one analysis of a document: command bindings (with their diagnostics) and JSON verdicts, reused for unchanged code.
import type { Schema } from "../schema";
import type { Diagnostic } from "../diagnostics/types";
import type { Expr, StringLiteral } from "../syntax";
import type { JsonProblem } from "./checks/jsonMessage";
import { BindingCache, type ResolveCache } from "./model/bindCommand";
import type { SemanticToken } from "./semanticTokens";

/** The JSON verdict of a message node, valid while its holes keep the same kinds and constants. */
export interface CachedJsonCheck {
  readonly start: number;
  readonly strict: boolean;
  readonly signature: string;
  readonly problem: JsonProblem | undefined;
}

/** The diagnostics of the code in a string (source offsets, with the string at `start`), valid in one context. */
export interface CachedEmbeddedCode {
  start: number;
  readonly context: string;
  diagnostics: readonly Diagnostic[];
}

/** The semantic tokens of the code in a string (source offsets, with the string at `start`), valid in one context. */
export interface CachedEmbeddedTokens {
  start: number;
  readonly context: string;
  tokens: readonly SemanticToken[];
}

export class AnalysisCache {
  readonly bindings: BindingCache;

  readonly jsonChecks = new WeakMap<Expr, CachedJsonCheck>();

  readonly embeddedCode = new WeakMap<StringLiteral, CachedEmbeddedCode>();

  readonly embeddedTokens = new WeakMap<StringLiteral, CachedEmbeddedTokens>();

  /**
   * `reuse` false for a one-shot analysis (`rsc check`, computeDiagnostics): nothing is remembered for a next
   * version, which saves the bookkeeping. `resolutions`: shared with the document's cache (code in its strings).
   */
  constructor(
    readonly schema: Schema,
    readonly reuse = true,
    resolutions?: ResolveCache,
  ) {
    this.bindings = new BindingCache(schema, reuse, resolutions);
  }

  private inner: AnalysisCache | undefined;

  /** For the code in this text's strings: one-shot, sharing this cache's command resolutions. */
  get embedded(): AnalysisCache {
    this.inner ??= new AnalysisCache(this.schema, false, this.bindings.resolutions);
    return this.inner;
  }
}

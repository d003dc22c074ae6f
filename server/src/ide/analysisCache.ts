// What outlives one analysis of a document: command bindings (with their diagnostics) and JSON verdicts, reused for unchanged code.
import type { Schema } from "../schema";
import type { Expr } from "../syntax";
import type { JsonProblem } from "./checks/jsonMessage";
import { BindingCache } from "./model/bindCommand";

/** The JSON verdict of a message node, valid while its holes keep the same kinds and constants. */
export interface CachedJsonCheck {
  readonly start: number;
  readonly strict: boolean;
  readonly signature: string;
  readonly problem: JsonProblem | undefined;
}

export class AnalysisCache {
  readonly bindings: BindingCache;

  readonly jsonChecks = new WeakMap<Expr, CachedJsonCheck>();

  /**
   * `reuse` false for a one-shot analysis (`rsc check`, computeDiagnostics): nothing is remembered for a next
   * version, which saves the bookkeeping.
   */
  constructor(
    readonly schema: Schema,
    readonly reuse = true,
  ) {
    this.bindings = new BindingCache(schema, reuse);
  }
}

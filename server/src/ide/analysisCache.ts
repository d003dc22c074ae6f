// What outlives one analysis of a document: command bindings and their diagnostics, reused for unchanged commands.
import type { Diagnostic } from "../diagnostics/types";
import type { Schema } from "../schema";
import { BindingCache } from "./model/bindCommand";
import type { BoundCommand } from "./model/types";

export interface CachedChecks {
  /** The command's start when the diagnostics were computed. */
  start: number;
  diagnostics: readonly Diagnostic[];
}

export class AnalysisCache {
  readonly bindings: BindingCache;
  /** Diagnostics of each bound command (they depend on the command alone). */
  readonly commandChecks = new WeakMap<BoundCommand, CachedChecks>();

  constructor(readonly schema: Schema) {
    this.bindings = new BindingCache(schema);
  }
}

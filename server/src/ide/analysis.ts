// One document at one version: its parse, line index, semantic model and value kinds, each computed once on demand.
import type { Diagnostic } from "../diagnostics/types";
import type { Schema } from "../schema";
import { LineIndex, type ParseResult } from "../syntax";
import { AnalysisCache } from "./analysisCache";
import { buildModel } from "./model/buildModel";
import { SCRIPT_ROOT, type RootScope } from "./model/scriptContexts";
import type { SemanticModel } from "./model/types";
import { ValueKinds } from "./model/valueKinds";

/** Where a text runs: a document (depth 0), or the code in a string of a text one level up. */
export interface Embedding {
  readonly root: RootScope;
  readonly depth: number;
}

const DOCUMENT: Embedding = Object.freeze({ root: SCRIPT_ROOT, depth: 0 });

export class DocumentAnalysis {
  private lineIndex: LineIndex | undefined;
  private semanticModel: SemanticModel | undefined;
  private valueKinds: ValueKinds | undefined;
  /** Semantic diagnostics, filled by the diagnostics pass (kept here so code actions reuse them). */
  semanticDiagnostics: readonly Diagnostic[] | undefined;
  /** Diagnostics of the code written in strings (`on-event="..."`), mapped to this text; filled like the above. */
  embeddedDiagnostics: readonly Diagnostic[] | undefined;

  readonly cache: AnalysisCache;

  constructor(
    readonly uri: string,
    readonly version: number,
    readonly parsed: ParseResult,
    readonly schema: Schema,
    cache?: AnalysisCache,
    readonly embedding: Embedding = DOCUMENT,
  ) {
    this.cache = cache ?? new AnalysisCache(schema);
  }

  get text(): string {
    return this.parsed.text;
  }

  get lines(): LineIndex {
    this.lineIndex ??= new LineIndex(this.parsed.text);
    return this.lineIndex;
  }

  get model(): SemanticModel {
    this.semanticModel ??= buildModel(this.parsed, this.schema, this.cache.bindings, this.embedding.root);
    return this.semanticModel;
  }

  get kinds(): ValueKinds {
    this.valueKinds ??= new ValueKinds(this.model, this.schema, this.parsed.text);
    return this.valueKinds;
  }
}

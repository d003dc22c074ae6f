// The analysis of the code in one string: decoded, parsed and modelled as a script of its own, one level deeper.
import { parse } from "../../syntax";
import { DocumentAnalysis } from "../analysis";
import { DecodedString } from "./decode";
import type { EmbeddedSite } from "./sites";

/** Strings in strings in strings...: code deeper than this is not analysed. */
export const MAX_DEPTH = 4;

export interface InnerCode {
  readonly decoded: DecodedString;
  readonly analysis: DocumentAnalysis;
}

/**
 * A single line of bare words that names no command (`on-event="backup"`): the name of a script to run, as
 * `/system scheduler` allows, rather than code.
 */
function looksLikeScriptName(inner: DocumentAnalysis): boolean {
  const body = inner.parsed.script.body;
  const [only] = body;
  if (body.length !== 1 || only?.kind !== "Command" || inner.parsed.diagnostics.length > 0) return false;
  if (only.colon || only.root || only.callee !== undefined || only.args.length > 0) return false;
  return inner.model.commands[0]?.resolution?.error !== undefined;
}

/** The code of `site` in `outer`, or undefined when it is rather the name of a script. */
export function innerCode(outer: DocumentAnalysis, site: EmbeddedSite): InnerCode | undefined {
  const decoded = DecodedString.of(outer.text, site.literal);
  const embedding = { root: site.root, depth: outer.embedding.depth + 1 };
  const { uri, version, schema } = outer;
  const analysis = new DocumentAnalysis(
    uri,
    version,
    parse(decoded.code),
    schema,
    outer.cache.embedded,
    embedding,
  );
  return looksLikeScriptName(analysis) ? undefined : { decoded, analysis };
}

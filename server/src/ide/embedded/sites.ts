// Which strings of a script hold code known before it runs (`on-event="..."`, `source="..."`), and how that code runs.
import type { StringLiteral } from "../../syntax";
import { SCRIPT_ROOT, scriptContextOf, type RootScope } from "../model/scriptContexts";
import type { BoundCommand, SemanticModel } from "../model/types";

/** A string whose text is code, the argument it is the value of, and the scope that code starts in. */
export interface EmbeddedSite {
  readonly literal: StringLiteral;
  readonly argName: string;
  readonly root: RootScope;
  /** Everything besides the string's text that its diagnostics depend on (for caches). */
  readonly context: string;
}

/**
 * The scope code in `name="..."` of this command runs in, or undefined when it is not checked. As for `{...}` code
 * (see buildModel's codeScope): menu commands run it as a script of its own (on-message code receives `$msgData` and
 * `$msgTopic`), `do=` of a menu command gets the command's fields, and `:execute script=` is a script of its own.
 * Strings given to other root commands (`:if ... do="..."`), to calls and to unknown commands are left alone.
 */
function rootScopeOf(bound: BoundCommand, name: string): RootScope | undefined {
  if (bound.node.callee !== undefined) return undefined;
  if (bound.rootCommand !== undefined) return bound.rootCommand === "execute" ? SCRIPT_ROOT : undefined;
  if (bound.info === undefined) return undefined;
  return scriptContextOf(bound.info.menuPath, name);
}

/**
 * The code strings of a model (closed, without interpolations: an unescaped `$x` is substituted when the command
 * runs, so that code is not known before) that run in a scope we know.
 */
export function embeddedSites(model: SemanticModel): EmbeddedSite[] {
  const out: EmbeddedSite[] = [];
  for (const { command, name, literal } of model.codeStrings) {
    const root = rootScopeOf(command, name);
    if (root === undefined) continue;
    const context = `${root.kind}:${[...root.injected].join(",")}:${name}`;
    out.push({ literal, argName: name, root, context });
  }
  return out;
}

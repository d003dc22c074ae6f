// Finds the `/iot mqtt publish` commands of a script (either path spelling, or `publish` after a `/iot mqtt` line) and what each one would send: literal values now, the rest asked for.
import { getSchema, validateValue } from "../../../server/src/schema";
import { LineIndex, parse } from "../../../server/src/syntax";
import type { QoS } from "../mqtt";
import { namedArguments } from "./argumentValues";
import { boundCommands } from "./boundCommands";
import { literalVariables, plainVariableName } from "./literalVariables";

export const PUBLISH_FIELDS = ["broker", "topic", "message", "qos", "retain"] as const;
export type PublishField = (typeof PUBLISH_FIELDS)[number];

/** What the editor knows of one publish command before running anything. */
export interface PublishSite {
  /** Source range of the whole command. */
  readonly start: number;
  readonly end: number;
  /** Zero-based line of the command's first character. */
  readonly line: number;
  /** Values written as literals (escapes decoded). */
  readonly literals: Readonly<Partial<Record<PublishField, string>>>;
  /** Values only a run can compute (`$message`, `[...]`): their source text, shown when asking. */
  readonly computed: Readonly<Partial<Record<PublishField, string>>>;
  /** Literals reached through a variable the script fixes once (`:local topic "a/b"`): the variable of each. */
  readonly viaVariables: Readonly<Partial<Record<PublishField, string>>>;
  /** Literal values the router would refuse (by the schema's rules). */
  readonly problems: readonly string[];
}

/** The publish a site asks for: known values, plus the fields to ask the user with a hint each. */
export interface PublishDraft {
  broker?: string;
  topic?: string;
  message?: string;
  qos?: QoS;
  retain?: boolean;
  /** Fields to ask for, in order, with the source text that computes them in the script (or undefined if absent). */
  ask: Array<{ field: PublishField; source: string | undefined }>;
}

/** Every publish command of the script, in source order. Never throws. */
export function findPublishSites(text: string): PublishSite[] {
  const parsed = parse(text);
  const lines = new LineIndex(text);
  const schema = getSchema();
  const spec = schema.command("iot/mqtt", "publish");
  const variables = literalVariables(parsed);
  const out: PublishSite[] = [];
  for (const bound of boundCommands(parsed, schema)) {
    if (bound.name !== "publish" || bound.menuPath.join("/") !== "iot/mqtt") continue;
    const literals: Partial<Record<PublishField, string>> = {};
    const computed: Partial<Record<PublishField, string>> = {};
    const viaVariables: Partial<Record<PublishField, string>> = {};
    const problems: string[] = [];
    for (const [name, value] of namedArguments(text, bound.command)) {
      if (!(PUBLISH_FIELDS as readonly string[]).includes(name)) continue;
      const field = name as PublishField;
      let literal: string;
      if (value.kind === "expression") {
        const variable = plainVariableName(value.source);
        const known = variable === undefined ? undefined : variables.get(variable);
        if (variable === undefined || !known || known.declaredAt > bound.command.start) {
          computed[field] = value.source;
          continue;
        }
        literal = known.value;
        viaVariables[field] = variable;
      } else {
        literal = value.kind === "literal" ? value.value : "";
      }
      const argSpec = spec?.arg(name);
      const problem = argSpec ? validateValue(argSpec, literal) : undefined;
      if (problem?.severity === "error") problems.push(problem.message);
      else literals[field] = literal;
    }
    out.push({
      start: bound.command.start,
      end: bound.command.end,
      line: lines.positionAt(bound.command.start).line,
      literals,
      computed,
      viaVariables,
      problems,
    });
  }
  return out;
}

const TRUE_WORDS = new Set(["yes", "true"]);

/**
 * The publish of a site: literal values as they are; broker, topic and message asked for when missing or computed;
 * qos and retain asked for only when computed (missing ones take RouterOS's defaults, 0 and no).
 */
export function publishDraft(site: PublishSite): PublishDraft {
  const draft: PublishDraft = { ask: [] };
  const { literals, computed } = site;
  if (literals.broker !== undefined) draft.broker = literals.broker;
  if (literals.topic !== undefined) draft.topic = literals.topic;
  if (literals.message !== undefined) draft.message = literals.message;
  if (literals.qos !== undefined) draft.qos = Number(literals.qos) as QoS;
  if (literals.retain !== undefined) draft.retain = TRUE_WORDS.has(literals.retain);
  for (const field of PUBLISH_FIELDS) {
    if (literals[field] !== undefined) continue;
    const required = field === "broker" || field === "topic" || field === "message";
    if (required || computed[field] !== undefined) draft.ask.push({ field, source: computed[field] });
  }
  return draft;
}

/** The CodeLens title of a site: `Publish to my/topic on home` plus what will be asked. */
export function publishLensTitle(site: PublishSite): string {
  if (site.problems.length > 0) return `$(warning) Publish: ${site.problems[0] ?? ""}`;
  const draft = publishDraft(site);
  let title = "$(send) Publish";
  if (draft.topic !== undefined) title += ` to ${draft.topic}`;
  if (draft.broker !== undefined) title += ` on ${draft.broker}`;
  if (draft.ask.length > 0) title += ` (asks ${draft.ask.map((a) => a.field).join(", ")})`;
  return title;
}

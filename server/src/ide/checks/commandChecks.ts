// Diagnostics of one bound command: unknown names, arguments and properties, invalid values, missing arguments.
import { diagnostic } from "../../diagnostics/catalog";
import type { Diagnostic } from "../../diagnostics/types";
import {
  formatPath,
  joinAlternatives,
  optionalMenuOf,
  type Abbreviation,
  suggest,
  validateValue,
  type ArgInfo,
  type CommandInfo,
  type Schema,
} from "../../schema";
import type { Command } from "../../syntax";
import { commandLabel } from "../docs";
import type { BoundArg, BoundCommand } from "../model/types";
import { staticText, templateText } from "../model/staticText";
import { headWord } from "../../syntax/head";
import { checkExtraValue } from "./extraValues";
import { routerOs6Argument, routerOs6Menu } from "./routerOs6Names";

/** Quick-fix data of a "did you mean" diagnostic: replace [start, end) by one of the suggestions. */
export interface ReplaceData {
  readonly kind: "replace";
  readonly start: number;
  readonly end: number;
  readonly suggestions: readonly string[];
  /** The word is an abbreviation and the suggestion its full name (the fix writes it out). */
  readonly fullName?: boolean;
}

/** Quick-fix data of a missing-argument diagnostic: append ` name=` pairs at `insertAt`. */
export interface MissingArgsData {
  readonly kind: "missing-args";
  readonly insertAt: number;
  readonly names: readonly string[];
}

function hint(suggestions: readonly string[]): string {
  return suggestions.length > 0 ? `; did you mean ${joinAlternatives(suggestions)}?` : "";
}

function replaceData(start: number, end: number, suggestions: readonly string[]): ReplaceData | undefined {
  return suggestions.length > 0 ? { kind: "replace", start, end, suggestions } : undefined;
}

const TOPIC_FORMATS = new Set(["mqtt-topic", "mqtt-topic-filter"]);

/** Every problem of one command. `text` is the document text. */
export function checkCommand(schema: Schema, text: string, bound: BoundCommand, out: Diagnostic[]): void {
  const resolution = bound.resolution;
  const node = bound.node;
  if (resolution) checkAbbreviations(text, resolution.abbreviations, node, out);
  if (resolution?.error) {
    const error = resolution.error;
    const token = headWord(node, error.wordIndex);
    if (!token) return;
    // RouterOS compiles a name it does not know into a run-time failure: an error. Only menus of hardware or extra
    // packages the tree (an x86 CHR with every package it can run) lacks are beyond our knowledge: a hint.
    // In a slash path (`/ip/cloud/file-share/print`) RouterOS resolves the words as it parses: past an unknown one,
    // the `/` is a syntax error (RouterOS 7.22.1: `syntax error` at that slash), which stops the parse.
    const slashFollows = text.charCodeAt(token.end) === 47; /* / */
    out.push(
      error.optional !== undefined
        ? diagnostic("RSC3013", token.start, token.end, [
            error.word,
            formatPath(error.menuPath),
            error.optional,
          ])
        : diagnostic(
            slashFollows ? "RSC3021" : "RSC3001",
            // RouterOS reports the slash path at the `/` after the unknown name (its column), a bad name at the name.
            slashFollows ? token.end : token.start,
            slashFollows ? token.end + 1 : token.end,
            [
              error.word,
              formatPath(error.menuPath),
              routerOs6Menu(error.menuPath, error.word) ??
                (error.hint === undefined ? "" : `; ${error.hint}`),
            ],
            replaceData(token.start, token.end, error.suggestions),
          ),
    );
    return;
  }
  const info = bound.info;
  if (!info) return;
  // Menus of hardware or packages the tree only partly knows (/system health on a device with sensors): what the
  // command takes there is beyond our knowledge.
  const partlyKnown = inPartlyKnownMenu(schema, info);
  for (const arg of bound.args) {
    if (partlyKnown && arg.info === undefined) continue;
    checkArg(schema, text, bound, arg, out);
  }
  const required = requiredArgs(info);
  if (required.length > 0 || info.requiredOneOf) checkRequired(bound, required, out);
}

/** A hint with a quick fix for each menu or command word written as an abbreviation (`/log warn`). */
function checkAbbreviations(
  text: string,
  abbreviations: readonly Abbreviation[],
  node: Command,
  out: Diagnostic[],
): void {
  for (const { wordIndex, name } of abbreviations) {
    const token = headWord(node, wordIndex);
    if (token) out.push(abbreviationHint(text, token.start, token.end, name));
  }
}

function abbreviationHint(text: string, start: number, end: number, name: string): Diagnostic {
  return diagnostic("RSC3015", start, end, [text.slice(start, end), name], {
    kind: "replace",
    start,
    end,
    suggestions: [name],
    fullName: true,
  } satisfies ReplaceData);
}

const partlyKnownCache = new WeakMap<CommandInfo, boolean>();

/** The command is in a menu of hardware or a package the tree only partly knows (computed once per command). */
function inPartlyKnownMenu(schema: Schema, info: CommandInfo): boolean {
  let known = partlyKnownCache.get(info);
  if (known === undefined) {
    known = optionalMenuOf(schema, info.menuPath) !== undefined;
    partlyKnownCache.set(info, known);
  }
  return known;
}

const requiredCache = new WeakMap<CommandInfo, readonly ArgInfo[]>();

/** The required arguments of a command (computed once per command of the schema). */
function requiredArgs(info: CommandInfo): readonly ArgInfo[] {
  let list = requiredCache.get(info);
  if (list === undefined) {
    list = info.args.filter((a) => a.required);
    requiredCache.set(info, list);
  }
  return list;
}

/**
 * `; /interface/wifi/radio has no set: RouterOS reads set as the global :set` when a word written without `:` in a
 * menu that lacks it resolved to a global command (whose arguments then do not fit), else "".
 */
function globalFromMenu(bound: BoundCommand): string {
  const name = bound.rootCommand;
  if (name === undefined || bound.absolute || bound.contextMenu.length === 0) return "";
  return `; ${formatPath(bound.contextMenu)} has no ${name}: RouterOS reads ${name} as the global :${name}`;
}

function checkArg(schema: Schema, text: string, bound: BoundCommand, arg: BoundArg, out: Diagnostic[]): void {
  const info = bound.info;
  if (!info) return;
  switch (arg.kind) {
    case "named": {
      const name = arg.name ?? "";
      if (arg.abbreviated) out.push(abbreviationHint(text, arg.nameStart, arg.nameEnd, name));
      if (!arg.info) {
        if (info.acceptsAnyArg) return;
        const match = info.readArg(name);
        if (match.kind === "ambiguous") {
          out.push(
            diagnostic(
              "RSC3002",
              arg.nameStart,
              arg.nameEnd,
              [
                name,
                commandLabel(info),
                `; it begins ${joinAlternatives(match.candidates, "and")}, so RouterOS cannot tell which one is meant`,
              ],
              replaceData(arg.nameStart, arg.nameEnd, match.candidates),
            ),
          );
          return;
        }
        const suggestions = suggest(
          name,
          info.args.map((a) => a.name),
        );
        // RouterOS refuses a name the command does not take when it parses the script (`expected end of command`);
        // only where hardware adds arguments (PoE, SFP, switch chips) can the tree lack a valid one.
        const menu = schema.menu(info.menuPath);
        const hardware = menu?.hardwareArgs;
        const changing = menu?.changingArgs;
        const namedByHardware = menu?.hardwareArgNames
          ? menu.hardwareArgNames.includes(name)
          : suggestions.length === 0;
        out.push(
          hardware !== undefined && namedByHardware
            ? diagnostic("RSC3014", arg.nameStart, arg.nameEnd, [name, commandLabel(info), hardware])
            : changing !== undefined
              ? diagnostic(
                  "RSC3019",
                  arg.nameStart,
                  arg.nameEnd,
                  [name, commandLabel(info), hint(suggestions), changing],
                  replaceData(arg.nameStart, arg.nameEnd, suggestions),
                )
              : diagnostic(
                  "RSC3002",
                  arg.nameStart,
                  arg.nameEnd,
                  [
                    name,
                    commandLabel(info),
                    routerOs6Argument(info.menuPath, name) ?? globalFromMenu(bound) + hint(suggestions),
                  ],
                  replaceData(arg.nameStart, arg.nameEnd, suggestions),
                ),
        );
        return;
      }
      checkValue(text, arg.info, arg, out);
      if (name === "value-name") checkProperty(schema, text, bound, arg, out);
      return;
    }
    case "positional": {
      if (arg.info) {
        checkValue(text, arg.info, arg, out);
        if (arg.info.name === "value-name") checkProperty(schema, text, bound, arg, out);
        return;
      }
      if (info.acceptsAnyArg || info.handAdded || arg.value === undefined) return;
      checkExtraValue(schema, text, info, arg, bound.args[bound.args.indexOf(arg) - 1], out);
      return;
    }
    default:
      return;
  }
}

/** Types whose values validateValue accepts whatever they are: no need to look at the text. */
const UNCHECKED_TYPES = new Set(["unknown", "script", "switch", "id"]);

function checkValue(text: string, spec: ArgInfo, arg: BoundArg, out: Diagnostic[]): void {
  const value = arg.value;
  if (!value || UNCHECKED_TYPES.has(spec.type)) return;
  if (spec.type === "string" && spec.format === undefined && spec.lengthRange === undefined) return;
  const literal = staticText(text, value);
  if (spec.format !== undefined && TOPIC_FORMATS.has(spec.format)) {
    const template = literal ?? templateText(text, value);
    if (template === undefined) return;
    const problem = validateValue(spec, template);
    if (problem) out.push(diagnostic("RSC3007", value.start, value.end, [problem.message]));
    return;
  }
  if (literal === undefined) return;
  // RouterOS takes `address=192.168.88.1/24` where the command tree says "IP address" (/ip address, DHCP networks).
  const target = spec.type === "ip" && literal.includes("/") ? { ...spec, type: "ip-prefix" as const } : spec;
  const problem = validateValue(target, literal);
  if (!problem) return;
  out.push(
    diagnostic(problem.severity === "error" ? "RSC3003" : "RSC3004", value.start, value.end, [
      problem.message,
    ]),
  );
}

/** `get cpu-lod`: the value name must be a property of the menu (when the schema knows its properties). */
function checkProperty(
  schema: Schema,
  text: string,
  bound: BoundCommand,
  arg: BoundArg,
  out: Diagnostic[],
): void {
  const value = arg.value;
  if (value?.kind !== "Literal") return;
  const properties = schema.properties(bound.menuPath);
  if (properties.length === 0) return;
  const name = text.slice(value.start, value.end);
  if (properties.some((p) => p.name === name)) return;
  // The one property the word begins (`content` of /file: contents): RouterOS resolves a value name when the command
  // runs, as it resolves argument names (its compiled form keeps `value-name=content`; forum and framework scripts read
  // `[/file get $f content]`). A hint, like other abbreviations.
  const [only, second] = properties.filter((p) => p.name.startsWith(name));
  if (only && !second && name.length > 0) {
    out.push(abbreviationHint(text, value.start, value.end, only.name));
    return;
  }
  const suggestions = suggest(
    name,
    properties.map((p) => p.name),
  );
  // Close to a known property: most likely a typo. Otherwise our list may just lack it (read-only properties are
  // documented menu by menu, not dumped): a hint.
  out.push(
    suggestions.length > 0
      ? diagnostic(
          "RSC3008",
          value.start,
          value.end,
          [name, formatPath(bound.menuPath), hint(suggestions)],
          replaceData(value.start, value.end, suggestions),
        )
      : diagnostic("RSC3018", value.start, value.end, [name, formatPath(bound.menuPath)]),
  );
}

/** The command has `name=` or an unnamed value bound to `name`. */
function isGiven(bound: BoundCommand, name: string): boolean {
  for (const a of bound.args)
    if (a.name === name && (a.kind === "named" || a.kind === "positional")) return true;
  return false;
}

function checkRequired(bound: BoundCommand, required: readonly ArgInfo[], out: Diagnostic[]): void {
  const info = bound.info;
  if (!info) return;
  const given = (name: string): boolean => isGiven(bound, name);
  const oneOf = info.requiredOneOf;
  // The common case, every required argument given: decided without allocating.
  if (required.every((a) => isGiven(bound, a.name)) && (!oneOf || oneOf.names.some(given))) return;
  if (given("copy-from")) return;
  const missingRouter: string[] = [];
  const missingProduct: string[] = [];
  for (const arg of required) {
    if (given(arg.name)) continue;
    (arg.requiredBy === "product" ? missingProduct : missingRouter).push(arg.name);
  }
  const token = headWord(bound.node, bound.pathWordCount - 1);
  const start = token?.start ?? bound.node.start;
  const end = token?.end ?? bound.node.end;
  const insertAt = bound.node.end;
  const where = commandLabel(info);
  if (missingRouter.length > 0) {
    // RouterOS's own words: `missing value(s) of argument(s) ca-cert path`.
    out.push(
      diagnostic(
        "RSC3005",
        start,
        end,
        [missingRouter.join(" "), where, missingRouter.length > 1 ? "them" : "it"],
        { kind: "missing-args", insertAt, names: missingRouter } satisfies MissingArgsData,
      ),
    );
  }
  if (missingProduct.length > 0) {
    out.push(
      diagnostic(
        "RSC3006",
        start,
        end,
        [
          missingProduct.length > 1 ? "s" : "",
          joinAlternatives(missingProduct, "and"),
          where,
          missingProduct.length > 1 ? "them" : "it",
        ],
        { kind: "missing-args", insertAt, names: missingProduct } satisfies MissingArgsData,
      ),
    );
  }
  if (oneOf && !oneOf.names.some(given)) {
    out.push(diagnostic("RSC3016", start, end, [oneOf.message, where, joinAlternatives(oneOf.names)]));
  }
}

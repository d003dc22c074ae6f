// Binds the leading words of a command line to a menu and a command, walking the tree the way RouterOS does.
import { matchName } from "./abbreviation";
import { formatPath } from "./paths";
import { joinAlternatives, suggest } from "./suggest";
import type { CommandInfo, Schema } from "./types";

/** One word of the command line, separators (spaces or `/`) already removed. `..` means "up one level". */
export interface ResolveWord {
  readonly text: string;
}

export interface ResolveError {
  /** Index in `words` of the word that is neither a menu nor a command. */
  readonly wordIndex: number;
  readonly word: string;
  /** As RouterOS says it: `bad command name prnt`. */
  readonly message: string;
  /** Close names from the menu where the word was looked up (and global commands when they apply), best first. */
  readonly suggestions: readonly string[];
  /** `did you mean print?` when there are suggestions. */
  readonly hint?: string;
  /** The menu in which the word was looked up. */
  readonly menuPath: readonly string[];
  /** The word begins several names of the menu (`/ip dhcp`): RouterOS cannot tell which one is meant. */
  readonly ambiguous?: readonly string[];
  /**
   * The word is in (or names) a menu of hardware or an extra package the 7.24 tree lacks (`the zerotier package`):
   * valid for a user who has it, and nothing after it can be checked.
   */
  readonly optional?: string;
}

/** A word written shorter than the name RouterOS reads it as (`sys` for `system`). */
export interface Abbreviation {
  readonly wordIndex: number;
  readonly name: string;
}

export interface Resolution {
  /** The menu of the command; for a menu-only line, the menu that becomes current for the following lines. */
  readonly menuPath: readonly string[];
  /** Absent for a menu-only line (`/iot mqtt brokers` alone) and on error. */
  readonly command?: CommandInfo;
  /** How many leading words were path and command; the rest are the command's unnamed arguments. */
  readonly pathWords: number;
  /** The command (or global menu such as `log`) was found at the root because the current menu lacks it. */
  readonly viaGlobalFallback: boolean;
  /** Words RouterOS reads as a longer name (unambiguous abbreviations), in order; usually empty. */
  readonly abbreviations: readonly Abbreviation[];
  readonly error?: ResolveError;
}

const NO_ABBREVIATIONS: readonly Abbreviation[] = Object.freeze([]);

/**
 * Resolves `words` starting from `currentMenu` (or from the root when `absolute`: the line started with `/`, or the
 * command had a `:` prefix, which always means a root command). A word naming a sub-menu descends; `..` goes up; a
 * word naming a command of the current menu ends the path. A relative first word that the current menu lacks falls
 * back to the root's commands and global menus (`put`, `if`, `log`...), as RouterOS runs them from any menu. Exact
 * names come first (the menu's, then the root's); then unambiguous abbreviations, read the same way (`matchName`).
 */
export function resolveCommand(
  schema: Schema,
  currentMenu: readonly string[],
  words: readonly ResolveWord[],
  absolute: boolean,
): Resolution {
  const start = absolute || schema.menu(currentMenu) === undefined ? [] : currentMenu;
  const path = [...start];
  let viaGlobalFallback = false;
  let abbreviations = NO_ABBREVIATIONS;
  const done = (command: CommandInfo | undefined, pathWords: number): Resolution => ({
    menuPath: path,
    ...(command ? { command } : {}),
    pathWords,
    viaGlobalFallback,
    abbreviations,
  });
  /** RouterOS's `bad command name` at word `i`, looked up in the menu `path`. */
  const badName = (
    i: number,
    word: string,
    details: Pick<ResolveError, "suggestions" | "hint" | "ambiguous" | "optional">,
  ): Resolution => ({
    ...done(undefined, i),
    error: { wordIndex: i, word, message: `bad command name ${word}`, menuPath: [...path], ...details },
  });
  for (let i = 0; i < words.length; i++) {
    const word = words[i]?.text ?? "";
    if (word === "..") {
      path.pop();
      continue;
    }
    const menu = schema.menu(path);
    if (!menu) break; // unreachable: every step below keeps `path` on an existing menu
    // Exact names of the menu first (the common case, kept free of allocation).
    if (menu.menus.includes(word)) {
      path.push(word);
      continue;
    }
    if (menu.commands.includes(word)) return done(schema.command(path, word), i + 1);
    const fallbackAllowed = !absolute && i === 0 && path.length > 0;
    const step = resolveWord(schema, menu.menus, menu.commands, word, fallbackAllowed);
    const optional = step.kind === "none" ? optionalOf(schema, path, word) : undefined;
    if (optional !== undefined) return badName(i, word, { suggestions: [], optional });
    if (step.kind === "none" || step.kind === "ambiguous") {
      const candidates = [...menu.menus, ...menu.commands, ...(fallbackAllowed ? globalNames(schema) : [])];
      const ambiguous = step.kind === "ambiguous" ? step.candidates : undefined;
      const suggestions = ambiguous ?? suggest(word, candidates);
      const hint = ambiguous
        ? `it begins ${joinAlternatives(ambiguous, "and")}, so RouterOS cannot tell which one is meant`
        : suggestions.length > 0
          ? `did you mean ${joinAlternatives(suggestions)}?`
          : undefined;
      return badName(i, word, {
        suggestions,
        ...(hint !== undefined ? { hint } : {}),
        ...(ambiguous ? { ambiguous } : {}),
      });
    }
    if (step.abbreviated) abbreviations = [...abbreviations, { wordIndex: i, name: step.name }];
    if (step.global) {
      viaGlobalFallback = true;
      path.length = 0;
    }
    if (step.kind === "menu") {
      path.push(step.name);
      continue;
    }
    return done(schema.command(path, step.name), i + 1);
  }
  return done(undefined, words.length);
}

/** What provides `word` in the menu at `path` when the tree cannot know it: an optional menu around, or a package name. */
function optionalOf(schema: Schema, path: readonly string[], word: string): string | undefined {
  return optionalMenuOf(schema, path) ?? schema.optionalPackage(word);
}

/**
 * The hardware or package the menu at `path` (or a menu above it) belongs to when the tree does not know all it holds
 * (`/system routerboard`, `/zerotier`): names and arguments there are beyond our knowledge.
 */
export function optionalMenuOf(schema: Schema, path: readonly string[]): string | undefined {
  for (let n = path.length; n > 0; n--) {
    const optional = schema.menu(path.slice(0, n))?.optional;
    if (optional !== undefined) return optional;
  }
  return undefined;
}

type WordStep =
  | { kind: "menu" | "command"; name: string; abbreviated: boolean; global: boolean }
  | { kind: "ambiguous"; candidates: readonly string[] }
  | { kind: "none" };

/**
 * A word that is no exact name of the menu: the root's exact names (relative first words), then an abbreviation of a
 * name of the menu, then (relative first words) of the root's commands and global menus.
 */
function resolveWord(
  schema: Schema,
  menus: readonly string[],
  commands: readonly string[],
  word: string,
  fallbackAllowed: boolean,
): WordStep {
  const root = fallbackAllowed ? schema.menu([]) : undefined;
  const globalMenus = root ? globalMenuNames(schema) : [];
  if (root?.commands.includes(word)) return { kind: "command", name: word, abbreviated: false, global: true };
  if (globalMenus.includes(word)) return { kind: "menu", name: word, abbreviated: false, global: true };
  const own = matchName(word, menus, commands);
  if (own.kind === "abbreviation") {
    const kind = menus.includes(own.name) ? "menu" : "command";
    return { kind, name: own.name, abbreviated: true, global: false };
  }
  if (own.kind === "ambiguous") return own;
  if (!root) return { kind: "none" };
  const global = matchName(word, globalMenus, root.commands);
  if (global.kind === "abbreviation") {
    const kind = globalMenus.includes(global.name) ? "menu" : "command";
    return { kind, name: global.name, abbreviated: true, global: true };
  }
  return global.kind === "ambiguous" ? global : { kind: "none" };
}

const globalMenusOf = new WeakMap<Schema, readonly string[]>();

/** Root menus that scripts reach from any menu (`log`), computed once per schema. */
function globalMenuNames(schema: Schema): readonly string[] {
  let names = globalMenusOf.get(schema);
  if (names === undefined) {
    names = schema.menu([])?.menus.filter((m) => schema.menu([m])?.global === true) ?? [];
    globalMenusOf.set(schema, names);
  }
  return names;
}

/**
 * The menu in which `[...]` commands inside a command's arguments resolve: the command's own menu
 * (`/tool netwatch get [find host=...]` finds in /tool/netwatch), except for root commands and commands of global
 * menus, which keep the current one: RouterOS 7.22.1 compiles `:log info [:put [monitor $u once]]` written in
 * `/system ups { ... }` with `/system/ups/monitor`.
 */
export function argumentMenu(
  schema: Schema,
  command: CommandInfo,
  currentMenu: readonly string[],
): readonly string[] {
  const top = command.menuPath[0];
  if (top === undefined || globalMenuNames(schema).includes(top)) return currentMenu;
  return command.menuPath;
}

/** Names a script may use from any menu: root commands and global menus. */
function globalNames(schema: Schema): string[] {
  const root = schema.menu([]);
  if (!root) return [];
  return [...root.commands, ...globalMenuNames(schema)];
}

/** Full description of a resolution error for messages: `bad command name prnt in /ip/route; did you mean print?`. */
export function describeResolveError(error: ResolveError): string {
  const where = error.menuPath.length > 0 ? ` in ${formatPath(error.menuPath)}` : "";
  return `${error.message}${where}${error.hint !== undefined ? `; ${error.hint}` : ""}`;
}

// Binds the leading words of a command line to a menu and a command, walking the tree the way RouterOS does.
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
  readonly error?: ResolveError;
}

/**
 * Resolves `words` starting from `currentMenu` (or from the root when `absolute`: the line started with `/`, or the
 * command had a `:` prefix, which always means a root command). A word naming a sub-menu descends; `..` goes up; a
 * word naming a command of the current menu ends the path. A relative first word that the current menu lacks falls
 * back to the root's commands and global menus (`put`, `if`, `log`...), as RouterOS runs them from any menu.
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
  for (let i = 0; i < words.length; i++) {
    const word = words[i]?.text ?? "";
    if (word === "..") {
      path.pop();
      continue;
    }
    const menu = schema.menu(path);
    if (!menu) break; // unreachable: every step below keeps `path` on an existing menu
    if (menu.menus.includes(word)) {
      path.push(word);
      continue;
    }
    if (menu.commands.includes(word)) {
      return { menuPath: path, command: schema.command(path, word), pathWords: i + 1, viaGlobalFallback };
    }
    const fallbackAllowed = !absolute && i === 0 && path.length > 0;
    if (fallbackAllowed) {
      const root = schema.menu([]);
      if (root?.commands.includes(word)) {
        return { menuPath: [], command: schema.command([], word), pathWords: 1, viaGlobalFallback: true };
      }
      if (schema.menu([word])?.global === true) {
        path.length = 0;
        path.push(word);
        viaGlobalFallback = true;
        continue;
      }
    }
    const candidates = [...menu.menus, ...menu.commands, ...(fallbackAllowed ? globalNames(schema) : [])];
    const suggestions = suggest(word, candidates);
    return {
      menuPath: path,
      pathWords: i,
      viaGlobalFallback,
      error: {
        wordIndex: i,
        word,
        message: `bad command name ${word}`,
        suggestions,
        ...(suggestions.length > 0 ? { hint: `did you mean ${joinAlternatives(suggestions)}?` } : {}),
        menuPath: [...path],
      },
    };
  }
  return { menuPath: path, pathWords: words.length, viaGlobalFallback };
}

/** Names a script may use from any menu: root commands and global menus. */
function globalNames(schema: Schema): string[] {
  const root = schema.menu([]);
  if (!root) return [];
  return [...root.commands, ...root.menus.filter((m) => schema.menu([m])?.global === true)];
}

/** Full description of a resolution error for messages: `bad command name prnt in /ip/route; did you mean print?`. */
export function describeResolveError(error: ResolveError): string {
  const where = error.menuPath.length > 0 ? ` in ${formatPath(error.menuPath)}` : "";
  return `${error.message}${where}${error.hint !== undefined ? `; ${error.hint}` : ""}`;
}

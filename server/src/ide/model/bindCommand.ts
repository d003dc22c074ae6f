// Binds one command line to the schema: splits head words into path, command and values, and names every argument.
import { resolveCommand, type CommandInfo, type Resolution, type Schema } from "../../schema";
import { classifyLiteral, isPositional, type Command, type Expr, type Literal } from "../../syntax";
import { globalFindValues, groupedName } from "./argumentForms";
import type { BoundArg, BoundCommand } from "./types";
import { headCount, headTexts, headWord } from "../../syntax/head";

/** Resolutions a cache keeps at most: a document's distinct command heads, with room for many edits. */
const RESOLVE_CACHE_LIMIT = 4096;

/**
 * Resolutions are pure functions of (absolute, current menu, words), and words after the command name do not change
 * them: one cache per current menu (by identity), keyed by the words up to the command name. Bounded: every word typed
 * while editing adds an entry, so past `limit` entries it starts again empty (the next analysis refills it).
 */
export class ResolveCache {
  private byMenu = new Map<string, Map<string, Resolution>>();
  private menuKeys = new WeakMap<readonly string[], Map<string, Resolution>>();
  private entries = 0;

  constructor(
    private readonly schema: Schema,
    private readonly limit = RESOLVE_CACHE_LIMIT,
  ) {}

  /** How many resolutions are remembered. */
  get size(): number {
    return this.entries;
  }

  private cacheOf(menu: readonly string[]): Map<string, Resolution> {
    let cache = this.menuKeys.get(menu);
    if (cache) return cache;
    const key = menu.join("/");
    cache = this.byMenu.get(key);
    if (!cache) {
      cache = new Map();
      this.byMenu.set(key, cache);
    }
    this.menuKeys.set(menu, cache);
    return cache;
  }

  private store(menu: readonly string[], key: string, resolution: Resolution): void {
    if (this.entries >= this.limit) {
      this.byMenu = new Map();
      this.menuKeys = new WeakMap();
      this.entries = 0;
    }
    const cache = this.cacheOf(menu);
    if (!cache.has(key)) this.entries++;
    cache.set(key, resolution);
  }

  /** True when the command tree knows what `menu` holds (not a menu of hardware or a package it only names). */
  knowsMenu(menu: readonly string[]): boolean {
    const info = this.schema.menu(menu);
    return info !== undefined && (info.optional === undefined || info.commands.length > 0);
  }

  resolve(text: string, node: Command, contextMenu: readonly string[], absolute: boolean): Resolution {
    const cache = this.cacheOf(contextMenu);
    const texts = headTexts(text, node);
    let prefix = absolute ? "/" : "";
    for (let k = 0; k < texts.length; k++) {
      prefix += (k === 0 ? "" : " ") + texts[k];
      const known = cache.get(prefix);
      if (known && (known.command !== undefined || known.error !== undefined || k === texts.length - 1))
        return known;
    }
    const words = texts.map((word) => ({ text: word }));
    const resolution = resolveCommand(this.schema, contextMenu, words, absolute);
    const used = resolution.command
      ? resolution.pathWords
      : resolution.error
        ? resolution.error.wordIndex + 1
        : words.length;
    const key =
      (absolute ? "/" : "") +
      words
        .slice(0, used)
        .map((w) => w.text)
        .join(" ");
    this.store(contextMenu, key, resolution);
    return resolution;
  }
}

/** Between `name=` and a value continued on the next line: a backslash, the line break and indentation. */
const CONTINUED_VALUE = /^\\[ \t]*(?:\r\n|\n|\r)[ \t]*$/;

/** Reused by every binding (binding is synchronous and not re-entrant). */
const SCRATCH: BoundArg[] = [];

const NO_ARGS: readonly BoundArg[] = Object.freeze([]);

function literalAt(text: string, start: number, end: number): Literal {
  return { kind: "Literal", literal: classifyLiteral(text.slice(start, end)), start, end };
}

export function bindCommand(
  text: string,
  node: Command,
  contextMenu: readonly string[],
  cache: ResolveCache,
): BoundCommand {
  const absolute = node.colon || node.root;
  // In a menu the command tree lacks or only names (after `/interface ethernet switch`), relative lines cannot be bound.
  const unknownMenu = !absolute && contextMenu.length > 0 && !cache.knowsMenu(contextMenu);
  if (node.callee !== undefined || (node.colon && headCount(node) === 0) || unknownMenu) {
    return {
      node,
      contextMenu,
      absolute,
      resolution: undefined,
      menuPath: contextMenu,
      info: undefined,
      menuOnly: false,
      menuBlock: false,
      pathWordCount: 0,
      rootCommand: undefined,
      args: bindArgs(text, node, undefined, 0),
    };
  }
  const resolution = cache.resolve(text, node, contextMenu, absolute);
  const info = resolution.command;
  const menuPathOnly = info === undefined && resolution.error === undefined;
  const menuBlock = menuPathOnly && node.args.some((a) => a.kind === "Block");
  const pathWordCount = info !== undefined ? resolution.pathWords : headCount(node);
  return {
    node,
    contextMenu,
    absolute,
    resolution,
    menuPath: resolution.menuPath,
    info,
    menuOnly: menuPathOnly && !menuBlock,
    menuBlock,
    pathWordCount,
    rootCommand: info !== undefined && info.menuPath.length === 0 ? info.name : undefined,
    args:
      resolution.error === undefined
        ? bindArgs(text, node, info, pathWordCount)
        : bindArgs(text, node, undefined, headCount(node)),
  };
}

/** True when `node` has `name=...` among its parsed arguments. */
function hasNamed(text: string, node: Command, name: string): boolean {
  for (const arg of node.args) {
    if (
      arg.kind === "NamedArg" &&
      arg.nameEnd - arg.start === name.length &&
      text.startsWith(name, arg.start)
    )
      return true;
  }
  return false;
}

/** Binds unnamed values to the command's positional slots in order, skipping slots given by name. */
class ArgBinder {
  readonly out: BoundArg[];
  private position = 0;
  private slot = 0;

  constructor(
    private readonly text: string,
    private readonly node: Command,
    private readonly info: CommandInfo | undefined,
    scratch: BoundArg[],
  ) {
    this.out = scratch;
    this.out.length = 0;
  }

  private nextSlot(): string | undefined {
    const positional = this.info?.positional;
    if (!positional) return undefined;
    while (this.slot < positional.length) {
      const name = positional[this.slot++];
      if (name !== undefined && !hasNamed(this.text, this.node, name)) return name;
    }
    return undefined;
  }

  unnamed(value: Expr, start: number, end: number, fromHead: boolean): void {
    const info = this.info;
    if (value.kind === "Literal" && info !== undefined) {
      const word = this.text.slice(value.start, value.end);
      const switchInfo = info.arg(word);
      if (switchInfo?.type === "switch") {
        this.out.push({
          kind: "switch",
          start,
          end,
          name: word,
          nameStart: start,
          nameEnd: end,
          info: switchInfo,
          value: undefined,
          position: -1,
          fromHead: false,
          abbreviated: false,
        });
        return;
      }
      if (word.length > 1 && word.charCodeAt(0) === 33 /* ! */ && info.menuPath.length > 0) {
        const name = word.slice(1);
        this.out.push({
          kind: "unset",
          start,
          end,
          name,
          nameStart: start + 1,
          nameEnd: end,
          info: info.arg(name),
          value: undefined,
          position: -1,
          fromHead: false,
          abbreviated: false,
        });
        return;
      }
    }
    const slot = this.nextSlot();
    this.out.push({
      kind: "positional",
      start,
      end,
      name: slot,
      nameStart: start,
      nameEnd: start,
      info: slot === undefined ? undefined : info?.arg(slot),
      value,
      position: this.position++,
      fromHead,
      abbreviated: false,
    });
  }
}

/** Names and positions of the arguments: head words after the command, then the parsed arguments. */
function bindArgs(
  text: string,
  node: Command,
  info: CommandInfo | undefined,
  pathWordCount: number,
): readonly BoundArg[] {
  const words = headCount(node);
  if (words <= pathWordCount && node.args.length === 0) return NO_ARGS;
  const binder = new ArgBinder(text, node, info, SCRATCH);
  const out = binder.out;
  // The group of the last dotted name (`security` of `security.passphrase=`), for the `.name=` that follow it.
  let group: string | undefined;
  for (let i = pathWordCount; i < words; i++) {
    const token = headWord(node, i);
    if (token) binder.unnamed(literalAt(text, token.start, token.end), token.start, token.end, true);
  }
  for (let i = 0; i < node.args.length; i++) {
    const arg = node.args[i];
    if (arg === undefined) continue;
    switch (arg.kind) {
      case "NamedArg": {
        const name = text.slice(arg.start, arg.nameEnd);
        let value = arg.value;
        let end = arg.end;
        const next = node.args[i + 1];
        if (
          value === undefined &&
          next !== undefined &&
          isPositional(next) &&
          CONTINUED_VALUE.test(text.slice(arg.end, next.start))
        ) {
          // `name=\` + line break + value, as /export writes long values: the value is on the next line.
          value = next;
          end = next.end;
          i++;
        }
        // Exact names first (no allocation on the common path); else how RouterOS reads an abbreviation.
        const grouped = groupedName(name, group, info);
        const exact = info?.arg(grouped ?? name);
        const match = exact === undefined ? info?.readArg(name) : undefined;
        const fullName = grouped ?? (match?.kind === "abbreviation" ? match.name : name);
        const dot = fullName.lastIndexOf(".");
        if (dot > 0) group = fullName.slice(0, dot);
        out.push({
          kind: "named",
          start: arg.start,
          end,
          name: fullName,
          nameStart: arg.start,
          nameEnd: arg.nameEnd,
          info: exact ?? (match?.kind === "abbreviation" ? info?.arg(fullName) : undefined),
          value,
          position: -1,
          fromHead: false,
          abbreviated: grouped === undefined && fullName !== name,
        });
        break;
      }
      case "WhereArg": {
        const values = globalFindValues(info, arg);
        if (values) {
          for (const value of values) binder.unnamed(value, value.start, value.end, false);
          break;
        }
        out.push({
          kind: "where",
          start: arg.start,
          end: arg.end,
          name: "where",
          nameStart: arg.start,
          nameEnd: arg.keyword?.end ?? arg.start,
          info: info?.arg("where"),
          value: arg.condition,
          position: -1,
          fromHead: false,
          abbreviated: false,
        });
        break;
      }
      default:
        binder.unnamed(arg, arg.start, arg.end, false);
        break;
    }
  }
  // Copied out of the shared scratch list at its exact size: a list grown by push keeps room for 17 arguments.
  return out.slice();
}

type Mutable<T> = { -readonly [P in keyof T]: T[P] };

/** Moves the offsets a binding copied from its command (and its head-word Literals) by `delta`. */
function shiftArgs(args: readonly BoundArg[], delta: number): void {
  for (const arg of args) {
    const a = arg as Mutable<BoundArg>;
    a.start += delta;
    a.end += delta;
    a.nameStart += delta;
    a.nameEnd += delta;
    if (arg.fromHead && arg.value) {
      const literal = arg.value as Mutable<Literal>;
      literal.start += delta;
      literal.end += delta;
    }
  }
}

/**
 * Bindings that outlive one analysis: resolutions by (menu, words), and each command node's binding. When an edit
 * re-parses only part of a script, the untouched command nodes are the same objects (moved in place), so their
 * bindings are reused, moved by the same amount, as long as they resolve against the same current menu.
 */
export class BindingCache {
  readonly resolutions: ResolveCache;
  private readonly bindings = new WeakMap<Command, { bound: BoundCommand; start: number }>();

  /**
   * `reuse` false: a one-shot analysis (rsc check), where remembering bindings would only cost memory. `resolutions`:
   * shared with another cache (code in strings is bound against the same tree as its document).
   */
  constructor(
    schema: Schema,
    readonly reuse = true,
    resolutions?: ResolveCache,
  ) {
    this.resolutions = resolutions ?? new ResolveCache(schema);
  }

  bind(text: string, node: Command, contextMenu: readonly string[]): BoundCommand {
    if (!this.reuse) return bindCommand(text, node, contextMenu, this.resolutions);
    const cached = this.bindings.get(node);
    if (cached && cached.bound.contextMenu === contextMenu) {
      const delta = node.start - cached.start;
      if (delta !== 0) {
        shiftArgs(cached.bound.args, delta);
        cached.start = node.start;
      }
      return cached.bound;
    }
    const bound = bindCommand(text, node, contextMenu, this.resolutions);
    this.bindings.set(node, { bound, start: node.start });
    return bound;
  }
}

// A script or a code value as RouterOS 7.22.1 compiles it ("IL", what `:put $f` prints): pure, from the tree + binding.
import { argumentMenu, getSchema, type Schema } from "../schema";
import type { Arg, Block, Command, Expr, Statement, Substitution } from "../syntax";
import { headCount, headTexts, headWord } from "../syntax/head";
import { bindCommand, ResolveCache } from "../ide/model/bindCommand";
import type { BoundArg, BoundCommand } from "../ide/model/types";
import { CompiledExpressionPrinter } from "./compiledExpressions";
import { argumentWordText } from "./compiledValues";

/** `/`, `/log/`, `/ip/firewall/filter/`: a menu as the IL names it (the current menu of a block). */
function menuText(menu: readonly string[]): string {
  return menu.length === 0 ? "/" : `/${menu.join("/")}/`;
}

/** The fields every item of a menu has besides its properties, last in a `where`'s list. */
const ITEM_FIELDS: readonly string[] = [".id", ".nextid", ".dead", ".about"];

/** The one-based line and column of `offset` in `text`. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Prints the compiled form of statements. Rules (each seen in RouterOS 7.22.1's IL of the parse oracle):
 * - a command is `(evl /menu/command` + its arguments `name=value` sorted by name, joined by `;` + `)`;
 * - a block is `(evl stmt stmt)`, with its current menu first (`(evl / ...)`, `(evl /log/ ...)`) when it spans lines;
 *   a menu-only line inside it is its menu (`/ip/route/`); the script is its menu and statements joined by `;`;
 * - code given to an argument is the function array `{nothing; code}`: `do=;(evl ...)`;
 * - operators are prefix nodes `(> $a 1)`; `.`, `and`, `or` chains are one node; juxtaposed conditions `(  a b)`;
 * - a string with escapes or interpolations is `(. piece piece)`, each escape a piece of its own;
 * - a call is `(<%% $f (> $f);arg;name=value)`; a bad command name `(<%% bad command name w (line L column C) w;...)`.
 */
class CompiledFormPrinter extends CompiledExpressionPrinter {
  private readonly cache: ResolveCache;

  constructor(text: string, schema: Schema, bytes: boolean) {
    super(text, schema, bytes);
    this.cache = new ResolveCache(schema);
  }

  script(body: readonly Statement[], menu: readonly string[]): string {
    const items: string[] = [];
    this.statements(body, menu, items, 0, this.text.length, true);
    return items.join(";");
  }

  /** `(evl ...)` of a block or a substitution whose contents span [start, end). */
  block(body: readonly Statement[], menu: readonly string[], start: number, end: number): string {
    const items: string[] = [];
    this.statements(body, menu, items, start, end, false);
    return `(evl${items.map((item) => ` ${item}`).join("")})`;
  }

  protected blockNode(block: Block | Substitution, menu: readonly string[]): string {
    const open = block.kind === "Substitution" ? block.openLength : 1;
    return this.block(block.body, menu, block.start + open, block.closed ? block.end - 1 : block.end);
  }

  /**
   * The statements of a container spanning [start, end), with the empty statements RouterOS 7.22.1 keeps (printed as
   * the current menu, `/`): one where the container opens on a line break or a comment (`{` + line break, a script's
   * header comments) or holds nothing (`{}`, two for blanks over lines), after a `;` followed by blanks and the line's
   * end or a comment, for a line of blanks after a comment line, and when an indented comment ends the script. Where
   * else RouterOS keeps one (some blank lines in blocks) is not settled by the oracle: il-compare lists them.
   */
  private statements(
    body: readonly Statement[],
    menu: readonly string[],
    items: string[],
    start: number,
    end: number,
    topLevel: boolean,
  ): void {
    let current = menu;
    let gapStart = start;
    const empties = (gap: string, first: boolean, last: boolean): void => {
      let count = 0;
      // `{}` and `{ }` hold one empty statement, a `{` and `}` on two lines two (RouterOS 7.22.1 IL).
      if (first && body.length === 0)
        count += topLevel ? (/\S/.test(gap) ? 1 : 0) : /[\r\n]/.test(gap) ? 2 : 1;
      else if (first && /^[ \t]*(?:[\r\n]|#)/.test(gap)) count++;
      else {
        count += /^;[ \t]+(?:\r?\n|#)/.test(gap) ? 1 : 0;
        count += (gap.match(/#[^\n]*\n[ \t]+(?=\r?\n)/g) ?? []).length;
        if (last && topLevel && /\n[ \t]+#[^\n]*\s*$/.test(gap)) count++;
      }
      for (let i = 0; i < count; i++) items.push(menuText(current));
    };
    for (let index = 0; index < body.length; index++) {
      const statement = body[index];
      if (statement === undefined) continue;
      empties(this.text.slice(gapStart, statement.start), index === 0, false);
      gapStart = statement.end;
      if (statement.kind === "Block") {
        items.push(this.blockNode(statement, current));
        continue;
      }
      if (statement.kind === "Substitution") {
        // A `[...]` statement ends a sequence: what the container held so far, then the bracket's statements, is run
        // as one piece of code called with no arguments (RouterOS 7.22.1 IL: `{\n[:parse "x"]\n}` is
        // `(evl (<%% (evl /;(evl /parsevalue=x)) ))`, `[[:parse "x"]]` is `(evl (<%% (evl /parsevalue=x) ))`; a second
        // one wraps the first the same way).
        const sequence = items.splice(0, items.length);
        this.statements(statement.body, current, sequence, statement.end, statement.end, false);
        items.push(`(<%% ${sequence.length === 1 ? sequence[0] : `(evl ${sequence.join(";")})`} )`);
        continue;
      }
      if (statement.callee?.kind === "Substitution") {
        // `[...] a b` at a line start: the sequence rule above, the call taking the words as written (RouterOS 7.22.1
        // IL: a script's first line `[/system clock get time] - 5m` is `(<%% (evl /;(evl /system/clock/...)) -;5m)`).
        const sequence = items.splice(0, items.length);
        this.statements(
          statement.callee.body,
          current,
          sequence,
          statement.callee.end,
          statement.callee.end,
          false,
        );
        const head = sequence.length === 1 ? sequence[0] : `(evl ${sequence.join(";")})`;
        const args = statement.args.map((arg) => this.rawArg(arg, current));
        items.push(`(<%% ${head} ${args.join(";")})`);
        continue;
      }
      const bound = bindCommand(this.text, statement, current, this.cache);
      if (bound.menuOnly) {
        current = bound.menuPath;
        items.push(menuText(current));
        continue;
      }
      items.push(this.command(bound, current));
    }
    empties(this.text.slice(gapStart, end), body.length === 0, true);
  }

  private command(bound: BoundCommand, menu: readonly string[]): string {
    const node = bound.node;
    if (node.callee !== undefined) return this.call(node.callee, bound.args, menu);
    if (bound.menuBlock) {
      const block = node.args.find((a): a is Block => a.kind === "Block");
      if (block) return this.blockNode(block, bound.menuPath);
    }
    const info = bound.info;
    const error = bound.resolution?.error;
    if (info === undefined || error !== undefined)
      return this.badCommand(bound, error?.wordIndex ?? 0, error?.word);
    const argMenu = argumentMenu(this.schema, info, menu);
    const pairs = this.arguments(bound, argMenu, info.name === "find" && info.menuPath.length > 0);
    const path = `/${[...info.menuPath, info.name].join("/")}`;
    return `(evl ${path}${pairs.join(";")})`;
  }

  /** `name=value` of every argument, sorted by name. */
  private arguments(bound: BoundCommand, menu: readonly string[], isFind: boolean): string[] {
    const menuCommand = (bound.info?.menuPath.length ?? 0) > 0;
    const pairs: [string, string][] = [];
    const conditions: string[] = [];
    let previous: string | undefined;
    for (const arg of bound.args) {
      if (isFind && arg.kind === "named" && arg.name !== undefined && arg.name !== "where") {
        conditions.push(`(= $${arg.name} ${this.argumentValue(arg, menu, menuCommand)})`);
        continue;
      }
      let value: string;
      if (arg.kind === "switch") value = previous ?? "true";
      else if (arg.kind === "where") value = this.where(arg.value, bound.menuPath);
      else if (arg.kind === "unset") value = "";
      else value = this.argumentValue(arg, menu, menuCommand);
      previous = arg.kind === "switch" ? previous : value;
      pairs.push([arg.name ?? "", value]);
    }
    if (conditions.length > 0)
      pairs.push([
        "where",
        this.whereList(
          bound.menuPath,
          conditions.length === 1 ? (conditions[0] ?? "") : `(  ${conditions.join(" ")})`,
        ),
      ]);
    pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return pairs.map(([name, value]) => `${name}=${value}`);
  }

  /** A `where` condition: the menu's properties as variables, then the condition, then 5 (RouterOS 7.22.1 IL). */
  private where(condition: Expr | undefined, menu: readonly string[]): string {
    const outer = this.inWhere;
    this.inWhere = true;
    try {
      return this.whereList(menu, this.property(condition, menu));
    } finally {
      this.inWhere = outer;
    }
  }

  private whereList(menu: readonly string[], condition: string): string {
    const names = this.schema.properties(menu).map((p) => `$${p.name}`);
    return [...names, ...ITEM_FIELDS.map((name) => `$${name}`), condition, "5"].join(";");
  }

  private argumentValue(arg: BoundArg, menu: readonly string[], menuCommand: boolean): string {
    const value = arg.value;
    if (value === undefined) return "";
    if (arg.info?.format === "variable-name" && value.kind === "String")
      return `$${this.string(value, menu)}`;
    if (arg.info?.format === "variable-name" && value.kind === "Literal")
      return this.text
        .slice(value.start, value.end)
        .split(",")
        .map((name) => `$${name}`)
        .join(";");
    if (value.kind === "Literal")
      return argumentWordText(
        this.text.slice(value.start, value.end),
        arg.info,
        menuCommand,
        arg.kind === "named",
      );
    return this.expr(value, menu);
  }

  private call(callee: Expr, args: readonly BoundArg[], menu: readonly string[]): string {
    const head =
      callee.kind === "Substitution" && callee.body.length === 1 && callee.body[0]?.kind === "Command"
        ? this.inner(callee.body[0], menu)
        : this.expr(callee, menu);
    // Unnamed arguments first, in order, then the named ones (RouterOS 7.22.1 IL: `$f prefix=mr a b` is `a;b;prefix=mr`).
    const items: string[] = [];
    const named: string[] = [];
    if (callee.kind === "Variable") items.push(`(> ${head})`);
    for (const arg of args) {
      const value = arg.value === undefined ? "" : this.expr(arg.value, menu);
      if (arg.kind === "named") named.push(`${this.text.slice(arg.nameStart, arg.nameEnd)}=${value}`);
      else items.push(value);
    }
    return `(<%% ${head} ${[...items, ...named.sort()].join(";")})`;
  }

  /** The one command of a `[...]` used as a function (`[[:parse ...]]`): its node without the substitution's. */
  private inner(command: Command, menu: readonly string[]): string {
    const bound = bindCommand(this.text, command, menu, this.cache);
    return this.command(bound, menu);
  }

  private badCommand(bound: BoundCommand, wordIndex: number, word: string | undefined): string {
    const node = bound.node;
    const words = headTexts(this.text, node).slice(wordIndex);
    const at = headWord(node, Math.min(wordIndex, headCount(node) - 1));
    const where = lineColumn(this.text, at?.start ?? node.start);
    const items = [...words];
    const named: string[] = [];
    for (const arg of node.args)
      (arg.kind === "NamedArg" ? named : items).push(this.rawArg(arg, bound.contextMenu));
    for (const pair of named.sort()) items.push(pair);
    return `(<%% bad command name ${word ?? words[0] ?? ""} (line ${where.line} column ${where.column}) ${items.join(";")})`;
  }

  private rawArg(arg: Arg, menu: readonly string[]): string {
    if (arg.kind === "NamedArg") {
      const name = this.text.slice(arg.start, arg.nameEnd);
      const value =
        arg.value === undefined
          ? ""
          : arg.value.kind === "Literal"
            ? this.literal(arg.value)
            : this.expr(arg.value, menu);
      return `${name}=${value}`;
    }
    if (arg.kind === "WhereArg") return `where=${this.expr(arg.condition, menu)}`;
    return arg.kind === "Literal" ? this.literal(arg) : this.expr(arg, menu);
  }
}

/** Options of the printer: `bytes` when `text` is UTF-16 source and the result must be a byte string (./bytes). */
export interface CompiledFormOptions {
  readonly bytes?: boolean;
  readonly schema?: Schema;
}

/** The compiled form of a whole script, as `:parse` of its text gives it (`/;(evl ...);(evl ...)`). */
export function compiledScript(
  text: string,
  body: readonly Statement[],
  options: CompiledFormOptions = {},
): string {
  return new CompiledFormPrinter(text, options.schema ?? getSchema(), options.bytes ?? false).script(
    body,
    [],
  );
}

/** The compiled form of code whose statements span [start, end) of `text`, run in `menu` (`:put $f` of a function). */
export function compiledCode(
  text: string,
  body: readonly Statement[],
  start: number,
  end: number,
  menu: readonly string[],
  options: CompiledFormOptions = {},
): string {
  return new CompiledFormPrinter(text, options.schema ?? getSchema(), options.bytes ?? false).block(
    body,
    menu,
    start,
    end,
  );
}

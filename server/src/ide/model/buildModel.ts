// Walks a parsed script once: binds every command, tracks the current menu, and builds variable scopes and references.
import { argumentMenu, type Schema } from "../../schema";
import {
  stringText,
  type Block,
  type Command,
  type Expr,
  type ParseResult,
  type Statement,
  type StringLiteral,
  type Variable,
} from "../../syntax";
import { isCodeArgument } from "../../syntax/codeArguments";
import { headWord } from "../../syntax/head";
import { BindingCache } from "./bindCommand";
import type {
  BoundArg,
  BoundCommand,
  BrokerDefinition,
  CodeString,
  Container,
  FunctionCall,
  MenuSection,
  NameForm,
  Occurrence,
  Scope,
  ScopeKind,
  SemanticModel,
  UnresolvedReference,
  VariableKind,
  VariableSymbol,
} from "./types";
import { scriptContextOf, SCRIPT_ROOT, type RootScope } from "./scriptContexts";

/** The root menu, one object: bindings are reused only against the very same current-menu object. */
export const ROOT_MENU: readonly string[] = Object.freeze([]);
const NOTHING_INJECTED: ReadonlySet<string> = new Set();
const POSITIONAL_NAME = /^[0-9]+$/;
/** Root commands whose `{...}` arguments are inline code of the same script. */
const SEPARATE_SCRIPT_ROOT_COMMANDS: ReadonlySet<string> = new Set(["execute"]);

/** Shared by every empty list of the model until something is added (most scopes and symbols keep it). */
const EMPTY: readonly never[] = Object.freeze([]);

/** Appends to a list that may still be the shared empty one. */
function append<T>(list: readonly T[], item: T): readonly T[] {
  if (list === EMPTY) return [item];
  (list as T[]).push(item);
  return list;
}

/** Where a block's scope ends: an unclosed block reaches the end of the text, which the cursor may touch. */
function blockEnd(block: Block): number {
  return block.closed ? block.end : block.end + 1;
}

/** True when the string content at `from` starts (after spaces and `\\` line continuations) with `{` or `[`. */
function opensLikeJson(text: string, from: number): boolean {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 123 /* { */ || c === 91 /* [ */) return true;
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 92 /* \\ */) return false;
  }
  return false;
}

/**
 * A path-only line naming a menu the command tree lacks (`/interface ethernet switch` on hardware with a switch chip):
 * the menu its following lines run in, which is unknown, so that they are not checked against the wrong menu.
 * Undefined for other lines (a close misspelling stays a misspelling, and the current menu does not change).
 */
function unknownMenuOf(bound: BoundCommand): readonly string[] | undefined {
  const error = bound.resolution?.error;
  if (!error || error.suggestions.length > 0 || bound.node.args.length > 0 || bound.node.callee)
    return undefined;
  return [...error.menuPath, error.word];
}

/** Where the walk is. One per statement list, updated statement by statement (nothing keeps a reference). */
interface Context {
  readonly scope: Scope;
  /** The menu in which nested `[...]` commands resolve (the enclosing command's menu). */
  menu: readonly string[];
  /** Start of the statement (in a statement list of code) holding what is being visited. */
  statementStart: number;
}

class ModelBuilder {
  private readonly commands: BoundCommand[] = [];
  private readonly jsonCandidates: Expr[] = [];
  private readonly codeStrings: CodeString[] = [];
  private readonly symbols: VariableSymbol[] = [];
  private readonly occurrences: Occurrence[] = [];
  private readonly unresolved: UnresolvedReference[] = [];
  private readonly scopes: Scope[] = [];
  private readonly calls: FunctionCall[] = [];
  private readonly sections: MenuSection[] = [];
  private readonly brokers: BrokerDefinition[] = [];
  private readonly globals = new Map<string, VariableSymbol>();

  constructor(
    private readonly parsed: ParseResult,
    private readonly schema: Schema,
    private readonly bindings: BindingCache,
    private readonly rootScope: RootScope,
  ) {}

  private get text(): string {
    return this.parsed.text;
  }

  build(): SemanticModel {
    const script = this.parsed.script;
    const { kind, injected } = this.rootScope;
    const root = this.newScope(kind, script.start, script.end, undefined, undefined, injected);
    this.visitStatements(script, script.body, ROOT_MENU, root, true);
    this.occurrences.sort((a, b) => a.start - b.start);
    return {
      commands: this.commands,
      symbols: this.symbols,
      occurrences: this.occurrences,
      unresolved: this.unresolved,
      scopes: this.scopes,
      calls: this.calls,
      sections: this.sections,
      brokers: this.brokers,
      jsonCandidates: this.jsonCandidates,
      codeStrings: this.codeStrings,
    };
  }

  // ---- scopes and symbols ---------------------------------------------------------------------------------------

  private newScope(
    kind: ScopeKind,
    start: number,
    end: number,
    parent: Scope | undefined,
    fn: VariableSymbol | undefined,
    injected: ReadonlySet<string>,
  ): Scope {
    const scope: Scope = {
      kind,
      start,
      end,
      parent,
      declarations: EMPTY,
      visible: undefined,
      function: fn,
      injected,
    };
    this.scopes.push(scope);
    return scope;
  }

  private newSymbol(name: string, kind: VariableKind, scope: Scope, owner?: VariableSymbol): VariableSymbol {
    const symbol: VariableSymbol = {
      name,
      kind,
      scope,
      occurrences: [],
      assignments: EMPTY,
      functionBodies: EMPTY,
      isFunction: false,
      owner,
    };
    this.symbols.push(symbol);
    return symbol;
  }

  private declareIn(scope: Scope, symbol: VariableSymbol, visibleFrom: number): void {
    scope.declarations = append(scope.declarations, { symbol, visibleFrom });
    (scope.visible ??= new Map()).set(symbol.name, symbol);
  }

  private occurrence(
    symbol: VariableSymbol,
    role: Occurrence["role"],
    form: NameForm,
    start: number,
    end: number,
    nameStart: number,
    nameEnd: number,
  ): void {
    const occurrence: Occurrence = { symbol, role, form, start, end, nameStart, nameEnd };
    symbol.occurrences.push(occurrence);
    this.occurrences.push(occurrence);
  }

  /** The symbol a name means at this point of the walk, creating parameters and injected names on first use. */
  private lookup(name: string, scope: Scope): VariableSymbol | undefined {
    let s: Scope | undefined = scope;
    for (;;) {
      if (s === undefined) return undefined;
      const found = s.visible?.get(name);
      if (found) return found;
      if (s.injected.has(name) || s.kind === "provided") {
        const symbol = this.newSymbol(name, "injected", s);
        this.declareIn(s, symbol, s.start);
        return symbol;
      }
      if (s.kind === "function") {
        const kind = POSITIONAL_NAME.test(name) ? "positional" : "parameter";
        const symbol = this.newSymbol(name, kind, s, s.function);
        this.declareIn(s, symbol, s.start);
        return symbol;
      }
      if (s.kind === "script" || s.kind === "separate") return undefined;
      s = s.parent;
    }
  }

  private reference(
    name: string,
    role: "read" | "write",
    form: NameForm,
    span: { start: number; end: number; nameStart: number; nameEnd: number },
    ctx: Context,
    node: Variable | undefined,
  ): VariableSymbol | undefined {
    if (name === "") return undefined;
    const symbol = this.lookup(name, ctx.scope);
    if (symbol) {
      this.occurrence(symbol, role, form, span.start, span.end, span.nameStart, span.nameEnd);
      return symbol;
    }
    // `$1` outside a function: the script's own arguments (`:parse`d code), not a mistake we can see.
    if (POSITIONAL_NAME.test(name)) return undefined;
    this.unresolved.push({
      name,
      node,
      form,
      start: span.start,
      end: span.end,
      role,
      scope: ctx.scope,
      statementStart: ctx.statementStart,
    });
    return undefined;
  }

  // ---- statements -----------------------------------------------------------------------------------------------

  private visitStatements(
    container: Container,
    body: readonly Statement[],
    menu: readonly string[],
    scope: Scope,
    isCode: boolean,
    outerStatementStart = 0,
  ): void {
    let current = menu;
    const topLevel = container.kind === "Script";
    let section: { path: readonly string[]; start: number; headerEnd: number; end: number } | undefined;
    const ctx: Context = { scope, menu: current, statementStart: outerStatementStart };
    for (const statement of body) {
      ctx.menu = current;
      ctx.statementStart = isCode ? statement.start : outerStatementStart;
      switch (statement.kind) {
        case "Command": {
          const bound = this.visitCommand(statement, current, ctx);
          const unknown = unknownMenuOf(bound);
          if (unknown) current = unknown;
          if (bound.menuOnly) {
            current = bound.menuPath;
            if (topLevel) {
              if (section) this.sections.push(section);
              section = {
                path: bound.menuPath,
                start: statement.start,
                headerEnd: statement.end,
                end: statement.end,
              };
              continue;
            }
          }
          // A section holds the lines that run in its menu: relative menu commands (`add ...`), not `:put` or `/ip ...`.
          if (section && !bound.absolute && bound.info && bound.rootCommand === undefined)
            section.end = statement.end;
          break;
        }
        case "Block": {
          const inner = this.newScope(
            "block",
            statement.start,
            blockEnd(statement),
            scope,
            undefined,
            NOTHING_INJECTED,
          );
          this.visitStatements(statement, statement.body, current, inner, true);
          break;
        }
        case "Substitution":
          this.visitStatements(statement, statement.body, current, scope, false, ctx.statementStart);
          break;
      }
    }
    if (section) this.sections.push(section);
  }

  private visitCommand(node: Command, menu: readonly string[], ctx: Context): BoundCommand {
    const bound = this.bindings.bind(this.text, node, menu);
    this.commands.push(bound);
    const innerMenu = bound.info ? argumentMenu(this.schema, bound.info, menu) : menu;
    const inner: Context =
      innerMenu === ctx.menu
        ? ctx
        : { scope: ctx.scope, menu: innerMenu, statementStart: ctx.statementStart };
    if (node.callee !== undefined) {
      const callee = node.callee.kind === "Variable" ? this.visitVariable(node.callee, inner) : undefined;
      if (node.callee.kind !== "Variable") this.visitExpr(node.callee, inner);
      const namedArgs = bound.args.filter((a) => a.kind === "named").map((a) => a.name ?? "");
      this.calls.push({ callee, node, namedArgs });
      for (const arg of bound.args) this.visitArgValue(bound, arg, inner);
      return bound;
    }
    switch (bound.rootCommand) {
      case "local":
      case "global":
        this.visitDeclaration(bound, bound.rootCommand, inner);
        break;
      case "set":
        this.visitSet(bound, inner);
        break;
      case "foreach":
      case "for":
        this.visitDeclaringBlock(bound, inner, "counter", this.declaredNames(bound, "counter"), "counter");
        break;
      case "onerror":
        this.visitDeclaringBlock(
          bound,
          inner,
          "error",
          this.declaredNames(bound, "error").slice(0, 1),
          "error",
        );
        break;
      default:
        for (const arg of bound.args) this.visitArgValue(bound, arg, inner);
        this.noteBroker(bound);
    }
    return bound;
  }

  /** Visits an argument's value; `{...}` code gets the scope its command gives it. */
  private visitArgValue(bound: BoundCommand, arg: BoundArg, ctx: Context, blockScope?: Scope): void {
    const value = arg.value;
    if (value === undefined) return;
    if (arg.kind === "where") {
      this.visitExpr(value, ctx);
      return;
    }
    if (value.kind !== "Block") {
      if (value.kind === "String" && arg.kind === "named") this.noteCodeString(bound, arg, value);
      this.visitExpr(value, ctx);
      return;
    }
    const scope = blockScope ?? this.codeScope(bound, arg, value, ctx.scope);
    const menu = scope.kind === "separate" ? ROOT_MENU : bound.menuBlock ? bound.menuPath : bound.contextMenu;
    this.visitStatements(value, value.body, menu, scope, true);
  }

  /** `name="..."` where `name` holds code and the string is known before the command runs (no interpolation). */
  private noteCodeString(bound: BoundCommand, arg: BoundArg, literal: StringLiteral): void {
    const name = arg.name;
    if (name === undefined || literal.interpolations.length > 0 || !literal.terminated) return;
    const node = bound.node;
    const word = node.colon ? headWord(node, 0) : undefined;
    const globalCommand = word ? this.text.slice(word.start, word.end) : "";
    if (isCodeArgument(globalCommand, name)) this.codeStrings.push({ command: bound, name, literal });
  }

  /** The scope of a `{...}` argument: inline code for root commands, its own script or command-provided fields otherwise. */
  private codeScope(bound: BoundCommand, arg: BoundArg, block: Block, parent: Scope): Scope {
    const root = bound.rootCommand;
    if ((root !== undefined && !SEPARATE_SCRIPT_ROOT_COMMANDS.has(root)) || bound.menuBlock) {
      return this.newScope("block", block.start, blockEnd(block), parent, undefined, NOTHING_INJECTED);
    }
    if (root === undefined && bound.info === undefined && bound.node.callee === undefined) {
      // Unknown command: be lenient, its fields may be provided.
      return this.newScope("provided", block.start, blockEnd(block), parent, undefined, NOTHING_INJECTED);
    }
    const context = scriptContextOf(bound.info?.menuPath ?? ROOT_MENU, arg.name ?? "");
    const kind = context.kind === "provided" ? "provided" : "separate";
    return this.newScope(kind, block.start, blockEnd(block), parent, undefined, context.injected);
  }

  // ---- variable-declaring commands -------------------------------------------------------------------------------

  /** The variable name(s) given as the first unnamed value (or `name=`): word, quoted string, or `k,v` list. */
  private declaredNames(
    bound: BoundCommand,
    argName: string,
  ): { name: string; form: NameForm; start: number; end: number; nameStart: number; nameEnd: number }[] {
    const arg = bound.args.find((a) => a.name === argName && (a.kind === "positional" || a.kind === "named"));
    const value = arg?.value;
    if (!value) return [];
    if (value.kind === "Literal") {
      const out = [];
      let offset = value.start;
      for (const part of this.text.slice(value.start, value.end).split(",")) {
        if (part !== "") {
          out.push({
            name: part,
            form: "word" as const,
            start: offset,
            end: offset + part.length,
            nameStart: offset,
            nameEnd: offset + part.length,
          });
        }
        offset += part.length + 1;
      }
      return out;
    }
    if (value.kind === "String") {
      const name = stringText(this.text, value);
      return [
        {
          name,
          form: "quoted",
          start: value.start,
          end: value.end,
          nameStart: value.start,
          nameEnd: value.end,
        },
      ];
    }
    return [];
  }

  private visitDeclaration(bound: BoundCommand, kind: "local" | "global", ctx: Context): void {
    const [target] = this.declaredNames(bound, "name");
    let symbol: VariableSymbol | undefined;
    if (target) {
      if (kind === "global") {
        symbol = this.globals.get(target.name);
        if (!symbol) {
          symbol = this.newSymbol(target.name, "global", ctx.scope);
          this.globals.set(target.name, symbol);
        }
      } else {
        symbol = this.newSymbol(target.name, "local", ctx.scope);
      }
    }
    this.visitAssignment(bound, symbol, ctx, true);
    if (symbol && target) {
      this.declareIn(ctx.scope, symbol, bound.node.end);
      this.occurrence(
        symbol,
        "declaration",
        target.form,
        target.start,
        target.end,
        target.nameStart,
        target.nameEnd,
      );
    }
  }

  /**
   * The arguments of `:local`/`:global`/`:set` after the name: `do={...}` makes the variable a function (its body a
   * function scope), `value` is recorded as an assignment, anything else is visited as a value.
   */
  private visitAssignment(
    bound: BoundCommand,
    symbol: VariableSymbol | undefined,
    ctx: Context,
    skipName: boolean,
  ): void {
    for (const arg of bound.args) {
      if (arg.name === "name" && skipName) continue;
      if (arg.name === "do" && arg.value?.kind === "Block") {
        const body = arg.value;
        const scope = this.newScope(
          "function",
          body.start,
          blockEnd(body),
          ctx.scope,
          symbol,
          NOTHING_INJECTED,
        );
        if (symbol) {
          symbol.isFunction = true;
          symbol.functionBodies = append(symbol.functionBodies, body);
        }
        this.visitStatements(body, body.body, ROOT_MENU, scope, true);
        continue;
      }
      if (arg.name === "value" && arg.value && symbol)
        symbol.assignments = append(symbol.assignments, arg.value);
      this.visitArgValue(bound, arg, ctx);
    }
  }

  private visitSet(bound: BoundCommand, ctx: Context): void {
    const [target] = this.declaredNames(bound, "name");
    let symbol: VariableSymbol | undefined;
    if (target) {
      symbol = this.reference(target.name, "write", target.form, target, ctx, undefined);
    }
    this.visitAssignment(bound, symbol, ctx, target !== undefined);
  }

  /**
   * `:for`/`:foreach` (their counters) and `:onerror` (its error variable): the names are declared in the `do={...}`
   * block only; every block argument is a block of the same script.
   */
  private visitDeclaringBlock(
    bound: BoundCommand,
    ctx: Context,
    nameArg: string,
    names: ReturnType<ModelBuilder["declaredNames"]>,
    kind: VariableKind,
  ): void {
    for (const arg of bound.args) {
      if (arg.name === nameArg) continue;
      const value = arg.value;
      if (value?.kind !== "Block") {
        this.visitArgValue(bound, arg, ctx);
        continue;
      }
      const scope = this.newScope(
        "block",
        value.start,
        blockEnd(value),
        ctx.scope,
        undefined,
        NOTHING_INJECTED,
      );
      if (arg.name === "do") {
        for (const name of names) {
          const symbol = this.newSymbol(name.name, kind, scope);
          this.declareIn(scope, symbol, value.start);
          this.occurrence(
            symbol,
            "declaration",
            name.form,
            name.start,
            name.end,
            name.nameStart,
            name.nameEnd,
          );
        }
      }
      this.visitArgValue(bound, arg, ctx, scope);
    }
  }

  /** `/iot mqtt brokers add name=X`: remembered for `broker=` completion. */
  private noteBroker(bound: BoundCommand): void {
    const path = bound.menuPath;
    if (bound.info?.name !== "add" || path.length !== 3 || path[2] !== "brokers" || path[1] !== "mqtt")
      return;
    const value = bound.args.find((a) => a.kind === "named" && a.name === "name")?.value;
    if (value === undefined) return;
    if (value.kind === "Literal") {
      this.brokers.push({
        name: this.text.slice(value.start, value.end),
        start: value.start,
        end: value.end,
      });
    } else if (value.kind === "String" && value.interpolations.length === 0) {
      this.brokers.push({ name: stringText(this.text, value), start: value.start, end: value.end });
    }
  }

  // ---- expressions -----------------------------------------------------------------------------------------------

  private visitVariable(node: Variable, ctx: Context): VariableSymbol | undefined {
    if (node.dynamic) {
      this.visitExpr(node.dynamic, ctx);
      return undefined;
    }
    if (node.quoted) {
      return this.reference(
        node.name,
        "read",
        "quoted",
        { start: node.start, end: node.end, nameStart: node.quoted.start, nameEnd: node.quoted.end },
        ctx,
        node,
      );
    }
    return this.reference(node.name, "read", "dollar", node, ctx, node);
  }

  private visitString(node: StringLiteral, ctx: Context): void {
    if (opensLikeJson(this.text, node.start + 1)) this.jsonCandidates.push(node);
    for (const part of node.interpolations) {
      switch (part.kind) {
        case "Variable": {
          const quoted = this.text.charCodeAt(part.start + 1) === 92; // `$\"name\"`
          this.reference(part.name, "read", quoted ? "string-quoted" : "string-dollar", part, ctx, part);
          break;
        }
        case "Substitution":
          this.visitStatements(part, part.body, ctx.menu, ctx.scope, false, ctx.statementStart);
          break;
        case "Paren":
          this.visitExpr(part.expr, ctx);
          break;
        default:
          break;
      }
    }
  }

  private visitExpr(expr: Expr, ctx: Context): void {
    switch (expr.kind) {
      case "Variable":
        this.visitVariable(expr, ctx);
        return;
      case "String":
        this.visitString(expr, ctx);
        return;
      case "Substitution":
        this.visitStatements(expr, expr.body, ctx.menu, ctx.scope, false, ctx.statementStart);
        return;
      case "Paren":
        if (expr.expr.kind === "Binary" && expr.expr.operator === ".") {
          let first: Expr = expr.expr;
          while (first.kind === "Binary" && first.operator === ".") first = first.left;
          if (first.kind === "String" && opensLikeJson(this.text, first.start + 1))
            this.jsonCandidates.push(expr);
        }
        this.visitExpr(expr.expr, ctx);
        return;
      case "Array":
        for (const element of expr.elements) {
          if (element.key?.kind === "String") this.visitString(element.key, ctx);
          if (element.value) this.visitExpr(element.value, ctx);
        }
        return;
      case "Block": {
        const scope = this.newScope(
          "block",
          expr.start,
          blockEnd(expr),
          ctx.scope,
          undefined,
          NOTHING_INJECTED,
        );
        this.visitStatements(expr, expr.body, ctx.menu, scope, true);
        return;
      }
      case "Unary":
        this.visitExpr(expr.operand, ctx);
        return;
      case "Binary":
        this.visitExpr(expr.left, ctx);
        this.visitExpr(expr.right, ctx);
        return;
      case "Concat":
        for (const part of expr.parts) this.visitExpr(part, ctx);
        return;
      case "Literal":
      case "Missing":
        return;
    }
  }
}

/** Builds the semantic model of a parsed script. Linear in the size of the tree; never throws on broken input. */
export function buildModel(
  parsed: ParseResult,
  schema: Schema,
  bindings?: BindingCache,
  root: RootScope = SCRIPT_ROOT,
): SemanticModel {
  return new ModelBuilder(parsed, schema, bindings ?? new BindingCache(schema), root).build();
}

// Walks a parsed script once: binds every command, tracks the current menu, and builds variable scopes and references.
import { argumentMenu, type Schema } from "../../schema";
import type { Block, Command, ParseResult, Statement, StringLiteral } from "../../syntax";
import { isCodeArgument } from "../../syntax/codeArguments";
import { headWord } from "../../syntax/head";
import { BindingCache } from "./bindCommand";
import { brokerDefinition, declaredNames, unknownMenuOf, type DeclaredName } from "./commandFacts";
import { ExpressionWalker } from "./expressionWalk";
import { scriptContextOf, SCRIPT_ROOT, type RootScope } from "./scriptContexts";
import { append, blockEnd, NOTHING_INJECTED, type WalkContext } from "./scopeBuilder";
import type {
  BoundArg,
  BoundCommand,
  BrokerDefinition,
  CodeString,
  Container,
  FunctionCall,
  MenuSection,
  Scope,
  SemanticModel,
  VariableKind,
  VariableSymbol,
} from "./types";

/** Arguments RouterOS reads as regular expressions (`regexp=`, `ssid-regexp=`, `regex=` in its 7.24 tree). */
const REGEX_ARGUMENT = /(^|-)regexp?$/;

/** The root menu, one object: bindings are reused only against the very same current-menu object. */
export const ROOT_MENU: readonly string[] = Object.freeze([]);
/** Root commands whose `{...}` arguments are inline code of the same script. */
const SEPARATE_SCRIPT_ROOT_COMMANDS: ReadonlySet<string> = new Set(["execute"]);

class ModelBuilder extends ExpressionWalker {
  private readonly commands: BoundCommand[] = [];
  private readonly codeStrings: CodeString[] = [];
  private readonly calls: FunctionCall[] = [];
  private readonly sections: MenuSection[] = [];
  private readonly brokers: BrokerDefinition[] = [];
  private readonly globals = new Map<string, VariableSymbol>();

  constructor(
    private readonly parsed: ParseResult,
    private readonly schema: Schema,
    private readonly bindings: BindingCache,
    private readonly rootScope: RootScope,
  ) {
    super();
  }

  protected get text(): string {
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

  // ---- statements -----------------------------------------------------------------------------------------------

  protected visitStatements(
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
    const ctx: WalkContext = { scope, menu: current, statementStart: outerStatementStart };
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

  private visitCommand(node: Command, menu: readonly string[], ctx: WalkContext): BoundCommand {
    const bound = this.bindings.bind(this.text, node, menu);
    this.commands.push(bound);
    const innerMenu = bound.info ? argumentMenu(this.schema, bound.info, menu) : menu;
    const inner: WalkContext =
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
        this.visitDeclaringBlock(
          bound,
          inner,
          "counter",
          declaredNames(this.text, bound, "counter"),
          "counter",
        );
        break;
      case "onerror":
        this.visitDeclaringBlock(
          bound,
          inner,
          "error",
          declaredNames(this.text, bound, "error").slice(0, 1),
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
  private visitArgValue(bound: BoundCommand, arg: BoundArg, ctx: WalkContext, blockScope?: Scope): void {
    const value = arg.value;
    if (value === undefined) return;
    if (arg.kind === "where") {
      this.visitExpr(value, ctx, "properties");
      return;
    }
    if (value.kind !== "Block") {
      if (value.kind === "String" && arg.kind === "named") this.noteCodeString(bound, arg, value);
      if (arg.kind === "named" && REGEX_ARGUMENT.test(arg.name ?? "")) this.visitPattern(value, ctx);
      else this.visitExpr(value, ctx);
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

  private visitDeclaration(bound: BoundCommand, kind: "local" | "global", ctx: WalkContext): void {
    const [target] = declaredNames(this.text, bound, "name");
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
    ctx: WalkContext,
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
        // RouterOS compiles a `do={...}` body where it is written, like every block: relative command names resolve
        // in the menu of that line (`/ip firewall address-list` then `:local f do={ add ... }` adds an address).
        this.visitStatements(body, body.body, bound.contextMenu, scope, true);
        continue;
      }
      if (arg.name === "value" && arg.value && symbol)
        symbol.assignments = append(symbol.assignments, arg.value);
      this.visitArgValue(bound, arg, ctx);
    }
  }

  private visitSet(bound: BoundCommand, ctx: WalkContext): void {
    const [target] = declaredNames(this.text, bound, "name");
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
    ctx: WalkContext,
    nameArg: string,
    names: readonly DeclaredName[],
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
    const broker = brokerDefinition(this.text, bound);
    if (broker) this.brokers.push(broker);
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

// Scopes, symbols and references of the semantic model: where each variable is declared and what each use refers to.
import type { Block } from "../../syntax";
import type { Variable } from "../../syntax";
import type {
  NameForm,
  Occurrence,
  Scope,
  ScopeKind,
  UnresolvedReference,
  VariableKind,
  VariableSymbol,
} from "./types";

export const NOTHING_INJECTED: ReadonlySet<string> = new Set();
const POSITIONAL_NAME = /^[0-9]+$/;

/** Shared by every empty list of the model until something is added (most scopes and symbols keep it). */
export const EMPTY: readonly never[] = Object.freeze([]);

/** Appends to a list that may still be the shared empty one. */
export function append<T>(list: readonly T[], item: T): readonly T[] {
  if (list === EMPTY) return [item];
  (list as T[]).push(item);
  return list;
}

/** Where a block's scope ends: an unclosed block reaches the end of the text, which the cursor may touch. */
export function blockEnd(block: Block): number {
  return block.closed ? block.end : block.end + 1;
}

/** Where the walk is. One per statement list, updated statement by statement (nothing keeps a reference). */
export interface WalkContext {
  readonly scope: Scope;
  /** The menu in which nested `[...]` commands resolve (the enclosing command's menu). */
  menu: readonly string[];
  /** Start of the statement (in a statement list of code) holding what is being visited. */
  statementStart: number;
}

/** The scope, symbol and reference bookkeeping the model walk builds on. */
export class ScopeBuilder {
  protected readonly symbols: VariableSymbol[] = [];
  protected readonly occurrences: Occurrence[] = [];
  protected readonly unresolved: UnresolvedReference[] = [];
  protected readonly scopes: Scope[] = [];

  protected newScope(
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

  protected newSymbol(
    name: string,
    kind: VariableKind,
    scope: Scope,
    owner?: VariableSymbol,
  ): VariableSymbol {
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

  protected declareIn(scope: Scope, symbol: VariableSymbol, visibleFrom: number): void {
    scope.declarations = append(scope.declarations, { symbol, visibleFrom });
    (scope.visible ??= new Map()).set(symbol.name, symbol);
  }

  protected occurrence(
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
      // A menu command's `do={...}` runs where it is written: a name declared around it is that variable (MikroTik's
      // GPS guide sets `:global lat` inside `/system gps monitor once do={...}`); any other name is a field.
      const outer = s.kind === "provided" ? declaredAround(name, s.parent) : undefined;
      if (outer) return outer;
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

  protected reference(
    name: string,
    role: "read" | "write",
    form: NameForm,
    span: { start: number; end: number; nameStart: number; nameEnd: number },
    ctx: WalkContext,
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
}

/** The variable `name` declared and visible from `scope` outwards, up to the script it belongs to; creates nothing. */
function declaredAround(name: string, scope: Scope | undefined): VariableSymbol | undefined {
  for (let s = scope; s !== undefined; s = s.parent) {
    const found = s.visible?.get(name);
    if (found) return found;
    if (s.kind === "script" || s.kind === "separate") return undefined;
  }
  return undefined;
}

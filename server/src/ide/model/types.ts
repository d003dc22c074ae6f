// Shapes of the semantic model: commands bound to the schema, variable symbols with their scopes and occurrences.
import type { Diagnostic } from "../../diagnostics/types";
import type { ArgInfo, CommandInfo, Resolution } from "../../schema";
import type { Block, Command, Expr, Script, StringLiteral, Substitution, Variable } from "../../syntax";

/** A statement list that tracks its own current menu: the script, a `{...}` block, or a `[...]` substitution. */
export type Container = Script | Block | Substitution;

/** How one argument of a command was written, bound to the command's schema when it is known. */
export interface BoundArg {
  /**
   * "named": `name=value`; "positional": an unnamed value (head word or argument); "switch": a bare switch word such
   * as `as-value`; "unset": `!name` (set only); "where": a `where` clause or `find` condition.
   */
  readonly kind: "named" | "positional" | "switch" | "unset" | "where";
  readonly start: number;
  readonly end: number;
  /**
   * The argument's name (named, switch, unset) or the one bound by position; undefined when unknown. A named argument
   * written as an abbreviation has its full name here (`to-addresses` for `to-address=`) and `abbreviated` set.
   */
  readonly name: string | undefined;
  /** Where the name is written: [nameStart, nameEnd) (named, switch, unset). */
  readonly nameStart: number;
  readonly nameEnd: number;
  readonly info: ArgInfo | undefined;
  /** The value (named, positional), a synthesized Literal for head words, or the condition (where). */
  readonly value: Expr | undefined;
  /** Position among unnamed values (positional only), 0-based. */
  readonly position: number;
  /** The value is a Literal made for a head word (`get cpu-load`), not a node of the tree. */
  readonly fromHead: boolean;
  /** The name is written shorter than `name`, which RouterOS reads it as. */
  readonly abbreviated: boolean;
}

export interface BoundCommand {
  readonly node: Command;
  /** The current menu before the command, against which relative words resolve. */
  readonly contextMenu: readonly string[];
  /** Written with `/` or `:`: resolves from the root. */
  readonly absolute: boolean;
  /** Undefined for a call statement (`$f a=1`). */
  readonly resolution: Resolution | undefined;
  /** The menu of the command, or the menu a menu-only line makes current. */
  readonly menuPath: readonly string[];
  readonly info: CommandInfo | undefined;
  /** A line that only names a menu (`/iot mqtt brokers`): it changes the current menu of the following lines. */
  readonly menuOnly: boolean;
  /**
   * A menu path followed by a `{...}` block (`/interface { :foreach i in=[find] do={...} }`): the block is code of the
   * same script run in that menu; the current menu of the following lines does not change.
   */
  readonly menuBlock: boolean;
  /** Number of head words that are path and command (the rest are unnamed values). */
  readonly pathWordCount: number;
  /** Name of a root command (`put`, `local`, `foreach`...) when the command is one, else undefined. */
  readonly rootCommand: string | undefined;
  readonly args: readonly BoundArg[];
  /** This command's diagnostics, computed once (they depend on the command alone), with its start at the time. */
  checks?: { start: number; diagnostics: readonly Diagnostic[] };
}

/** local/global: declared with `:local`/`:global`; parameter: a name used in a function body; counter: `:for`/`:foreach`; error: `:onerror e`; injected: provided by the run context (`$msgData`, fields of `monitor ... do={}`); positional: `$1`, `$2`... */
export type VariableKind = "local" | "global" | "parameter" | "counter" | "error" | "injected" | "positional";

/** What a value is, as far as the text shows: RouterOS's `:typeof` names, or "unknown". */
export type ValueKind =
  | "num"
  | "str"
  | "bool"
  | "time"
  | "ip"
  | "ip-prefix"
  | "ip6"
  | "ip6-prefix"
  | "mac"
  | "id"
  | "array"
  | "code"
  | "nil"
  | "unknown";

/** How a variable's name is written at one occurrence; rename needs it to keep the source valid. */
export type NameForm =
  /** A bare word: `:local x`, `:set x`, `:for i`. */
  | "word"
  /** `$x` outside a string. */
  | "dollar"
  /** `$"my var"` outside a string, or a quoted name word `:local "my var"`: [nameStart, nameEnd) is the string. */
  | "quoted"
  /** `$x` inside a string. */
  | "string-dollar"
  /** `$\"my-var\"` inside a string: [nameStart, nameEnd) is the raw name between the escaped quotes. */
  | "string-quoted";

export interface Occurrence {
  readonly symbol: VariableSymbol;
  /** "declaration": `:local x`, `:global x`, counters, parameters' first use is still a "read". */
  readonly role: "declaration" | "read" | "write";
  readonly form: NameForm;
  /** The whole reference (`$x`, `$"x"` or the name word). */
  readonly start: number;
  readonly end: number;
  /** The name itself (without `$`; for quoted forms, the string or the raw name). */
  readonly nameStart: number;
  readonly nameEnd: number;
}

export interface VariableSymbol {
  readonly name: string;
  readonly kind: VariableKind;
  /** The scope that owns the symbol (for globals, the scope of the first declaration). */
  readonly scope: Scope;
  readonly occurrences: Occurrence[];
  /** Values assigned to it: the declaration's value and every `:set`, in source order. */
  assignments: readonly Expr[];
  /** `do={...}` bodies (functions) assigned to it. */
  functionBodies: readonly Block[];
  /** True when the value is code: `do={...}` or `[:parse ...]`. */
  isFunction: boolean;
  /** The function whose parameter this is (kind "parameter"/"positional"). */
  readonly owner: VariableSymbol | undefined;
}

/**
 * A region where variables are looked up. "script": a script's top level; "block": a `{...}` of inline code
 * (`:if ... do={}`, statement blocks); "function": a `do={...}` body assigned to a variable; "separate": code that runs
 * as its own script (`on-event={}`, `on-message={}`, `source={}`); "provided": `do={}` of a menu command, whose
 * command injects its fields as variables.
 */
export type ScopeKind = "script" | "block" | "function" | "separate" | "provided";

export interface Declaration {
  readonly symbol: VariableSymbol;
  readonly visibleFrom: number;
}

export interface Scope {
  readonly kind: ScopeKind;
  readonly start: number;
  readonly end: number;
  readonly parent: Scope | undefined;
  /** Declarations in source order with the offset from which each is visible. */
  declarations: readonly Declaration[];
  /** Names visible so far during the walk (the latest declaration wins); undefined until the first declaration. */
  visible: Map<string, VariableSymbol> | undefined;
  /** For "function": the symbol the body belongs to, when known. */
  readonly function: VariableSymbol | undefined;
  /** Names the run context provides in this scope (`msgData`, `msgTopic` in on-message). */
  readonly injected: ReadonlySet<string>;
}

/** A use of a name that no declaration reaches. */
export interface UnresolvedReference {
  readonly name: string;
  readonly node: Variable | undefined;
  readonly form: NameForm;
  readonly start: number;
  readonly end: number;
  readonly role: "read" | "write";
  readonly scope: Scope;
  /** The statement holding the reference (at its container's level), where a declaration could be inserted. */
  readonly statementStart: number;
}

/** A call of a variable holding a function: `$f a=1 "x"` or `[$f a=1]`. */
export interface FunctionCall {
  readonly callee: VariableSymbol | undefined;
  readonly node: Command;
  readonly namedArgs: readonly string[];
}

/** An export-style section: a menu-only line and the commands that follow it, up to the next menu-only line. */
export interface MenuSection {
  readonly path: readonly string[];
  readonly start: number;
  readonly end: number;
  /** The menu-only line itself. */
  readonly headerEnd: number;
}

/** A broker defined in the document: `/iot mqtt brokers add name=X ...`. */
export interface BrokerDefinition {
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

/** A closed string without interpolations given to an argument that holds code (`on-event="..."`). */
export interface CodeString {
  readonly command: BoundCommand;
  /** The argument's name (`on-event`). */
  readonly name: string;
  readonly literal: StringLiteral;
}

export interface SemanticModel {
  /** Every command, sorted by start (see `boundCommandOf`). */
  readonly commands: readonly BoundCommand[];
  readonly symbols: readonly VariableSymbol[];
  /** Every variable occurrence, sorted by start. */
  readonly occurrences: readonly Occurrence[];
  readonly unresolved: readonly UnresolvedReference[];
  /** Scopes in pre-order (a parent before its children). */
  readonly scopes: readonly Scope[];
  readonly calls: readonly FunctionCall[];
  readonly sections: readonly MenuSection[];
  readonly brokers: readonly BrokerDefinition[];
  /** Strings (and `.` concatenations in parentheses) whose text opens with `{` or `[`: maybe JSON. */
  readonly jsonCandidates: readonly Expr[];
  /** Strings whose text is code known before it runs, in the order met (see embedded/). */
  readonly codeStrings: readonly CodeString[];
}

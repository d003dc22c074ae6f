// What compiled code needs from the interpreter at run time: host, globals, schema, time slicing, calls and jobs.
import type { CommandInfo, Schema } from "../schema";
import type { Expr, NamedArg } from "../syntax";
import type { InterpreterHost } from "./host";
import type { MaybePromise } from "./maybe";
import type { Globals, Scope } from "./scope";
import type { Slicer } from "./slicer";
import type { SourceText } from "./source";
import type { Code, Value } from "./values";

/** A compiled expression or statement: runs in a scope and gives a value, now or later. */
export type Eval = (s: Scope) => MaybePromise<Value>;

/** A command as written, bound to its menu and command: what builtins and menu commands compile from. */
export interface CallSite {
  readonly source: SourceText;
  /** The command line's range, for errors. */
  readonly start: number;
  readonly end: number;
  /** Menu of the command (`[]` for global commands such as `:put`). */
  readonly menu: readonly string[];
  /** The current menu where the command is written (arguments' substitutions resolve against the command's menu). */
  readonly info: CommandInfo;
  /** Unnamed arguments in order: leading bare words of the line first, then the other unnamed values. */
  readonly positional: readonly Expr[];
  /** `name=value` arguments by name (the last one wins). */
  readonly named: ReadonlyMap<string, NamedArg>;
  /** The `where` condition (several `where` clauses and find conditions joined with "and"). */
  readonly where: Expr | undefined;
  /** The command is inside `[...]`: its value is used (print count-only returns instead of printing). */
  readonly valueWanted: boolean;
}

/** One menu command to run on the device (or by the host): evaluated arguments. */
export interface MenuCall {
  readonly site: CallSite;
  /** `menu/path/command`, the key of host commands (`iot/mqtt/publish`). */
  readonly key: string;
  readonly path: readonly string[];
  readonly command: string;
  readonly args: ReadonlyMap<string, Value>;
  readonly switches: ReadonlySet<string>;
  /** Unnamed values that bind to no argument of the command. */
  readonly extra: readonly Value[];
  /** Tests an item against the `where` condition. */
  readonly where: ((item: ReadonlyMap<string, Value>) => MaybePromise<boolean>) | undefined;
}

export interface Runtime {
  readonly host: InterpreterHost;
  readonly globals: Globals;
  readonly schema: Schema;
  readonly slicer: Slicer;
  /** Runs code as a function call: a new frame whose root scope holds the arguments. */
  callCode(
    code: Code,
    caller: Scope,
    named: ReadonlyMap<string, Value>,
    positional: readonly Value[],
  ): MaybePromise<Value>;
  /** `:parse`: compiles text to code; throws a ScriptError `syntax error (line L column C)`. */
  parseCode(text: string): Code;
  /** `:execute`: runs code as a background job; returns its job id. */
  startJob(code: Code, caller: Scope): number;
  /** `:execute as-string`: runs code now, collecting its `:put` output. */
  runCapturingOutput(code: Code, caller: Scope): Promise<string>;
  /** Runs a menu command: host commands first, then the simulated device. */
  menuCommand(call: MenuCall, s: Scope): MaybePromise<Value>;
  /** Writes one line of output for the script running in `s` (`:put`, `print`): to the host, or captured. */
  put(s: Scope, line: string): void;
  /** `:environment print` lines. */
  environmentLines(): string[];
}

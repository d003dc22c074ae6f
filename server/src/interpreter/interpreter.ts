// Runs RouterOS scripts: compiles them, runs them as jobs against the host, and reports errors with their positions.
import { storedValue } from "./array";
import { getSchema, type Schema } from "../schema";
import { BUILTINS } from "./builtins";
import { menuBuiltin } from "./builtins/code";
import { fromBytes } from "./bytes";
import { Compiler } from "./compiler";
import { FUNCTION, undeclaredVariables, type TopLevel } from "./declarations";
import { runDeviceCommand } from "./device/commands";
import { CancelledError, EngineError, hostLimit, ScriptError, type SourceRange } from "./errors";
import { environmentText } from "./format";
import type { InterpreterHost } from "./host";
import type { MaybePromise } from "./maybe";
import type { Eval, MenuCall, Runtime } from "./runtime";
import { Frame, Globals, Scope, Signal, type Job } from "./scope";
import { checkSignal, Slicer } from "./slicer";
import { SourceText } from "./source";
import { Op } from "./opValues";
import { Code, type Value } from "./values";

export interface InterpreterOptions {
  readonly schema?: Schema;
  /** Work time between two yields to the event loop (default 10 ms). */
  readonly sliceMs?: number;
  /** Deepest nesting of function calls (default 100). */
  readonly maxCallDepth?: number;
}

/** A problem that stopped a script (or kept it from starting), located in its source. */
export interface ScriptFailure {
  /** RSC4xxx for run-time errors, the parser's RSC1xxx/RSC2xxx for syntax errors. */
  readonly code: string;
  readonly message: string;
  /** The source's name: the file, or `<parse>` for code from `:parse`. */
  readonly source: string;
  readonly start: number;
  readonly end: number;
  /** One-based. */
  readonly line: number;
  readonly column: number;
  /**
   * What a router's terminal prints when a script fails this way at run time: `no such item`, `Script Error: cannot
   * compare if array is more than array (:put; line 1)`, `syntax error (line 2 column 6)` for a `:set` of a name
   * nothing declares. Absent for what only the simulator cannot do, and for syntax errors (whose wording differs).
   */
  readonly routerText?: string;
}

export type RunOutcome =
  | { readonly status: "ok"; readonly value: Value; readonly exited: boolean }
  | { readonly status: "error"; readonly failures: readonly ScriptFailure[] }
  | {
      readonly status: "cancelled";
      readonly reason: string;
      /** Where the script was when it was cancelled (a runaway loop shows here). */
      readonly at?: ScriptFailure;
    };

export interface ScriptRunOptions {
  /** What `:jobname` says (default: the source's name). */
  readonly name?: string;
  readonly signal?: AbortSignal;
  /** Variables the script sees as its own locals (`$msgData`, `$msgTopic` of on-message scripts). */
  readonly variables?: Iterable<readonly [string, Value]>;
}

const NEVER = new AbortController().signal;
const NO_NAMES: ReadonlySet<string> = new Set();

export class Interpreter implements Runtime {
  readonly globals = new Globals();
  readonly schema: Schema;
  readonly slicer: Slicer;
  private readonly compiler: Compiler;
  private readonly maxCallDepth: number;
  private readonly compiled = new WeakMap<SourceText, Eval | readonly ScriptFailure[]>();
  private readonly background = new Set<Promise<RunOutcome>>();
  private readonly jobListeners: ((job: string, outcome: RunOutcome) => void)[] = [];
  private jobCounter = 0;

  constructor(
    readonly host: InterpreterHost,
    options: InterpreterOptions = {},
  ) {
    this.schema = options.schema ?? getSchema();
    this.slicer = new Slicer(() => host.monotonic(), options.sliceMs ?? 10);
    this.maxCallDepth = options.maxCallDepth ?? 100;
    this.compiler = new Compiler(this, BUILTINS, menuBuiltin);
  }

  /**
   * Syntax errors and `:set` of undeclared variables: the script runs only when this is empty (as on RouterOS, whose
   * parser refuses both; a bad command name or a read of an undeclared variable fails or reads nothing at run time).
   * `injected`: the names its caller gives it (`msgData`, `msgTopic`).
   */
  check(source: SourceText, injected: ReadonlySet<string> = NO_NAMES): readonly ScriptFailure[] {
    const result = this.compile(source, { kind: "script", injected });
    return typeof result === "function" ? [] : result;
  }

  /** Runs a whole script as a job. Never throws: the outcome says how it ended. */
  async run(source: SourceText, options: ScriptRunOptions = {}): Promise<RunOutcome> {
    const variables = [...(options.variables ?? [])];
    const injected = new Set(variables.map(([name]) => name));
    const body = this.compile(source, { kind: "script", injected });
    if (typeof body !== "function") return { status: "error", failures: body };
    return this.execute(body, source, { ...options, variables });
  }

  /**
   * Compiles text given at run time as a script of its own (an on-message script set by string), checked like a
   * whole script with `injected` names declared: its code, or why it cannot run (positions in `name`).
   */
  compileScript(bytes: string, name: string, injected: ReadonlySet<string>): Code | readonly ScriptFailure[] {
    const source = new SourceText(name, fromBytes(bytes));
    const result = this.compile(source, { kind: "script", injected });
    if (typeof result !== "function") return result;
    return new Code(source.parse().script.body, source, 0, source.text.length);
  }

  /** Runs a code value (an on-message script) as a job of its own. */
  async runCode(code: Code, options: ScriptRunOptions = {}): Promise<RunOutcome> {
    return this.execute(this.compiler.code(code), code.source, options);
  }

  /** Resolves when every background job (`:execute`) has ended. */
  async whenIdle(): Promise<void> {
    while (this.background.size > 0) await Promise.allSettled([...this.background]);
  }

  /** Tells `listener` how each background job ended. */
  onJobEnd(listener: (job: string, outcome: RunOutcome) => void): void {
    this.jobListeners.push(listener);
  }

  /** A source is compiled once, with the top level of its first compilation. */
  private compile(source: SourceText, top: TopLevel): Eval | readonly ScriptFailure[] {
    const cached = this.compiled.get(source);
    if (cached) return cached;
    const parsed = source.parse();
    const syntax = parsed.diagnostics.filter((d) => d.severity === "error");
    let result: Eval | readonly ScriptFailure[];
    if (syntax.length > 0) {
      result = syntax.map((d) => failureAt(d.code, d.message, { source, start: d.start, end: d.end }));
    } else {
      try {
        // RouterOS refuses such a script with "syntax error" at the name (parse oracle: `{ :set msg "x" }`), and a
        // terminal prints that (manual, Scripting: `:put $myVar` on a new line gives "syntax error (line 1 column 7)").
        const failures = undeclaredVariables(parsed, this.schema, top).map((u) => {
          const failure = failureAt("RSC4009", u.message, { source, start: u.start, end: u.end });
          return { ...failure, routerText: `syntax error (line ${failure.line} column ${failure.column})` };
        });
        // Through `code`, so that a Code of this very body (compileScript) reuses the compiled closures.
        const body = this.compiler.code(new Code(parsed.script.body, source, 0, source.text.length));
        result = failures.length === 0 ? body : failures;
      } catch (error) {
        // A run never throws: a limit of the host while compiling (the parser's nesting limit keeps trees within the
        // stack, so this is a safety net) is a failure of the script.
        const limit = hostLimit(error);
        const at = { source, start: 0, end: 0 };
        result = [
          limit === undefined
            ? failureAt(
                "RSC4008",
                `internal error: ${error instanceof Error ? error.message : String(error)}`,
                at,
              )
            : failureAt("RSC4001", limit, at),
        ];
      }
    }
    this.compiled.set(source, result);
    return result;
  }

  private async execute(body: Eval, source: SourceText, options: ScriptRunOptions): Promise<RunOutcome> {
    const job: Job = {
      name: options.name ?? source.name,
      signal: options.signal ?? NEVER,
      id: ++this.jobCounter,
    };
    return this.executeJob(body, source, job, options.variables);
  }

  private async executeJob(
    body: Eval,
    source: SourceText,
    job: Job,
    variables?: Iterable<readonly [string, Value]>,
  ): Promise<RunOutcome> {
    const frame = new Frame(job, source, 0);
    const scope = new Scope(undefined, frame);
    for (const [name, value] of variables ?? []) scope.declare(name, value);
    try {
      checkSignal(job.signal);
      const value = await body(scope);
      return {
        status: "ok",
        value: frame.signal === Signal.Return ? frame.returned : value,
        exited: frame.signal === Signal.Exit,
      };
    } catch (error) {
      return outcomeOf(error, source);
    }
  }

  // ---- Runtime ------------------------------------------------------------------------------------------------

  callCode(
    code: Code,
    caller: Scope,
    named: ReadonlyMap<string, Value>,
    positional: readonly Value[],
  ): MaybePromise<Value> {
    const depth = caller.frame.depth + 1;
    if (depth > this.maxCallDepth)
      throw new ScriptError(`failure: too deep recursion (more than ${this.maxCallDepth} nested calls)`);
    const frame = new Frame(caller.frame.job, code.source, depth);
    // Quoted code (`(>[...])`) sees the variables of the scope it was written in; other code starts afresh.
    const root = new Scope(code instanceof Op ? code.closure : undefined, frame);
    for (const [name, value] of named) root.declare(name, storedValue(value));
    frame.parameters = new Set(named.keys());
    frame.root = root;
    positional.forEach((value, i) => root.declare(String(i + 1), storedValue(value)));
    const body = this.compiler.code(code);
    const finish = (value: Value): Value => {
      if (frame.signal === Signal.Exit) caller.frame.signal = Signal.Exit;
      return frame.signal === Signal.Return ? frame.returned : value;
    };
    const signal = caller.frame.job.signal;
    if (this.slicer.due(signal))
      return this.slicer
        .pause(signal)
        .then(() => body(root))
        .then(finish);
    const r = body(root);
    return r instanceof Promise ? r.then(finish) : finish(r);
  }

  parseCode(bytes: string): Code {
    const source = new SourceText("<parse>", fromBytes(bytes));
    const parsed = source.parse();
    const first = parsed.diagnostics.find((d) => d.severity === "error");
    if (first) {
      const at = source.position(first.start);
      throw new ScriptError(`syntax error (line ${at.line} column ${at.column}): ${first.message}`);
    }
    const code = new Code(parsed.script.body, source, 0, source.text.length);
    this.compiler.code(code);
    const [undeclared] = undeclaredVariables(parsed, this.schema, FUNCTION);
    if (undeclared) {
      const at = source.position(undeclared.start);
      throw new ScriptError(`${undeclared.message} (line ${at.line} column ${at.column})`, "RSC4009");
    }
    return code;
  }

  startJob(code: Code, caller: Scope): number {
    const job: Job = { name: "", signal: caller.frame.job.signal, id: ++this.jobCounter };
    const running = this.executeJob(this.compiler.code(code), code.source, job);
    this.background.add(running);
    void running.then((outcome) => {
      this.background.delete(running);
      for (const listener of this.jobListeners) listener(`job ${job.id}`, outcome);
    });
    return job.id;
  }

  async runCapturingOutput(code: Code, caller: Scope): Promise<string> {
    const lines: string[] = [];
    const job: Job = {
      name: "",
      signal: caller.frame.job.signal,
      id: ++this.jobCounter,
      put: (l) => lines.push(l),
    };
    const frame = new Frame(job, code.source, caller.frame.depth + 1);
    await this.compiler.code(code)(new Scope(undefined, frame));
    return lines.join("\n");
  }

  put(s: Scope, line: string): void {
    const capture = s.frame.job.put;
    if (capture) capture(line);
    else this.host.put(line);
  }

  menuCommand(call: MenuCall, s: Scope): MaybePromise<Value> {
    const handler = this.host.command(call.key);
    if (handler)
      return handler({
        path: call.key,
        args: call.args,
        switches: call.switches,
        signal: s.frame.job.signal,
      });
    return runDeviceCommand(call, this, s);
  }

  environmentLines(): string[] {
    return [...this.globals.slots]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, slot]) => `${name}=${fromBytes(environmentText(slot.value))}`);
  }
}

function failureAt(code: string, message: string, at: SourceRange): ScriptFailure {
  const position = at.source.position(at.start);
  return {
    code,
    message,
    source: at.source.name,
    start: at.start,
    end: at.end,
    line: position.line,
    column: position.column,
  };
}

/**
 * A failure as a router's terminal prints it: the message alone for a command's failure or `:error` (`no such item`,
 * `failure: dns name does not exist`: the manual's Catch run-time errors; `invalid value for argument address` on a
 * 7.21.5 serial console, tikoci/quickchr console tests); a failure of the engine itself with its prefix, command and
 * line, `Script Error: cannot compare if array is more than array (:put; line 1)` (centrs, CHR 7.23.3).
 */
function routerText(error: ScriptError, line: number, at: SourceRange): string {
  if (!(error instanceof EngineError)) return error.message;
  const where = at.command === undefined ? `line ${line}` : `${at.command}; line ${line}`;
  return `Script Error: ${error.message} (${where})`;
}

function outcomeOf(error: unknown, main: SourceText): RunOutcome {
  if (error instanceof CancelledError) {
    return error.at
      ? { status: "cancelled", reason: error.message, at: failureAt("RSC4005", error.message, error.at) }
      : { status: "cancelled", reason: error.message };
  }
  if (error instanceof ScriptError) {
    const at = error.at ?? { source: main, start: 0, end: 0 };
    const failure = failureAt(error.code, error.report, at);
    return {
      status: "error",
      // What only the simulator lacks (RSC4003, "not supported by the simulator") is no router's output.
      failures: [
        error.code === "RSC4003" ? failure : { ...failure, routerText: routerText(error, failure.line, at) },
      ],
    };
  }
  const limit = hostLimit(error);
  if (limit !== undefined)
    return { status: "error", failures: [failureAt("RSC4001", limit, { source: main, start: 0, end: 0 })] };
  const message = error instanceof Error ? error.message : String(error);
  return {
    status: "error",
    failures: [failureAt("RSC4008", `internal error: ${message}`, { source: main, start: 0, end: 0 })],
  };
}

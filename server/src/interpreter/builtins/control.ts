// Control flow: :if :while :do :for :foreach :break :continue :exit :return :error :onerror :retry :delay :time.
import { RosArray, storedValue } from "../array";
import type { ArgCompiler, Builtin } from "../compiler";
import { toNum, toTime } from "../convert";
import { ScriptError } from "../errors";
import { toStr } from "../format";
import { then, type MaybePromise } from "../maybe";
import { truth } from "../operators";
import type { CallSite, Eval } from "../runtime";
import { Signal, type Scope } from "../scope";
import { checkSignal } from "../slicer";
import { isNothing, NIL, NOTHING, Time, type Value } from "../values";
import { runLoop } from "./loop";

const NONE: Eval = () => NOTHING;

function required(site: CallSite, c: ArgCompiler, name: string, index?: number): Eval {
  if (!c.has(site, name, index)) {
    return () => {
      throw new ScriptError(`missing value for argument ${name}`);
    };
  }
  return c.arg(site, name, index);
}

function numberOf(value: Value, what: string): bigint {
  const n = toNum(value);
  if (typeof n !== "bigint")
    throw new ScriptError(`invalid value for argument ${what}: ${toStr(value) || "nothing"}`);
  return n;
}

/**
 * The truth of an `:if`, `:while` or `:do while` condition: a bool, or a num as `:tobool` reads it (0 false, any other
 * true). rextended's dec2bin (forum.mikrotik.com/t/rextended-fragments-of-snippets/151033/17) tests bits with
 * `:if ($number & 128) do={...}`. Nil or nothing is false: amm0's $strip loops `:while ([find $a $b]) do={...}` until
 * `:find` gives nil, and his router transcript prints its results (forum.mikrotik.com/t/decimals/21737/10 and /11).
 * Other types fail as before.
 */
function holds(value: Value): boolean {
  if (isNothing(value)) return false;
  return typeof value === "bigint" ? value !== 0n : truth(value);
}

const ifCommand: Builtin = (site, c) => {
  const condition = required(site, c, "condition", 0);
  const whenTrue = c.codeArg(site, "do") ?? NONE;
  const whenFalse = c.codeArg(site, "else") ?? NONE;
  return (s) => then(condition(s), (v) => (holds(v) ? whenTrue(s) : whenFalse(s)));
};

const whileCommand: Builtin = (site, c) => {
  const condition = required(site, c, "condition", 0);
  const body = c.codeArg(site, "do") ?? NONE;
  return (s) =>
    runLoop(s, c.rt, () => then(condition(s), (v) => (holds(v) ? then(body(s), () => true) : false)));
};

/** Runs `body`, and `onError` (a block) when it raises a script error. */
function guarded(body: Eval, onError: Eval, s: Scope): MaybePromise<Value> {
  try {
    const r = body(s);
    if (r instanceof Promise)
      return r.catch((error: unknown) => {
        if (!(error instanceof ScriptError)) throw error;
        return onError(s);
      });
    return r;
  } catch (error) {
    if (!(error instanceof ScriptError)) throw error;
    return onError(s);
  }
}

/**
 * `:do {...} while ($x < 3)`: `while` written bare before its condition, as MikroTik's "Scripting examples" page does
 * (help.mikrotik.com/docs/spaces/ROS/pages/139067404, "Parse file to add ppp secrets"), reads as `while=(...)`.
 */
function bareWhile(site: CallSite, c: ArgCompiler): Eval | undefined {
  const [, word, condition] = site.positional;
  if (c.has(site, "while") || word?.kind !== "Literal" || condition === undefined) return undefined;
  return site.source.text.slice(word.start, word.end) === "while" ? c.expr(condition) : undefined;
}

/** `:do {...} while=(...)`, `:do {...} on-error={...}`, `:do {...} if=(...)`. */
const doCommand: Builtin = (site, c) => {
  const body = c.codeArg(site, "command", 0) ?? NONE;
  const onError = c.codeArg(site, "on-error");
  const bare = bareWhile(site, c);
  const hasWhile = bare !== undefined || c.has(site, "while");
  const condition = bare ?? c.arg(site, "while");
  const guard = c.has(site, "if") ? c.arg(site, "if") : undefined;
  const once: Eval = onError ? (s) => guarded(body, onError, s) : body;
  // A plain `:do {...}` gives, as a value, its block run the way a function array runs: {nothing; last value}
  // (amm0's router transcript, forum.mikrotik.com/t/conditional-not-boolean-bug-with-onerror-new-in-7-13/172543/25:
  // `[:do {:put "a"; :put "b"; :put "c"}]` is an array of 2, `:tostr` ";c", `->1` "c").
  let run: Eval =
    onError || hasWhile
      ? once
      : (s) =>
          then(once(s), (v) => (s.frame.signal === Signal.None ? RosArray.of(NOTHING, storedValue(v)) : v));
  if (hasWhile) {
    run = (s) =>
      runLoop(s, c.rt, () =>
        then(once(s), () => {
          const frame = s.frame;
          if (frame.signal === Signal.Continue) frame.signal = Signal.None;
          if (frame.signal !== Signal.None) return true;
          return then(condition(s), (v) => holds(v));
        }),
      );
  }
  if (!guard) return run;
  return (s) => then(guard(s), (v) => (holds(v) ? run(s) : NOTHING));
};

const forCommand: Builtin = (site, c) => {
  const counter = c.wordArg(site, "counter", 0);
  const from = required(site, c, "from");
  const to = required(site, c, "to");
  const step = c.has(site, "step") ? c.arg(site, "step") : undefined;
  const body = c.codeArg(site, "do") ?? NONE;
  const onError = c.codeArg(site, "on-error");
  const loop: Eval = (s) =>
    then(from(s), (fv) =>
      then(to(s), (tv) =>
        then(step ? step(s) : 0n, (sv) => {
          const first = numberOf(fv, "from");
          const last = numberOf(tv, "to");
          let by = step ? numberOf(sv, "step") : first <= last ? 1n : -1n;
          if (by === 0n) by = 1n;
          const scope = s.child();
          const slot = scope.declare(counter ?? "", first);
          return runLoop(s, c.rt, (i) => {
            const value = first + BigInt(i) * by;
            if (by > 0n ? value > last : value < last) return false;
            slot.value = value;
            return then(body(scope), () => true);
          });
        }),
      ),
    );
  return onError ? (s) => guarded(loop, onError, s) : loop;
};

const foreachCommand: Builtin = (site, c) => {
  const names = (c.wordArg(site, "counter", 0) ?? "").split(",");
  const [first = "", second] = names;
  const source = c.arg(site, "in");
  const body = c.codeArg(site, "do") ?? NONE;
  const onError = c.codeArg(site, "on-error");
  const loop: Eval = (s) =>
    then(source(s), (collection) => {
      let entries: [Value, Value][];
      if (collection instanceof RosArray) entries = [...collection.entries()];
      else if (
        collection === NOTHING ||
        collection === "" ||
        (typeof collection === "object" && collection.type === "nil")
      )
        entries = [];
      // `:foreach k,v in=false`: the key is the value itself and the value nil (CHR 7.23.3, `(a=1)` in tikoci/centrs
      // test/fixtures/explain/values.json, keyBinding: "M|k=false|kt=bool|v=|vt=nil").
      else if (second !== undefined) entries = [[collection, NIL]];
      else entries = [[0n, collection]];
      const scope = s.child();
      const keySlot = second === undefined ? undefined : scope.declare(first, NOTHING);
      const valueSlot = scope.declare(second ?? first, NOTHING);
      return runLoop(s, c.rt, (i) => {
        const entry = entries[i];
        if (!entry) return false;
        if (keySlot) keySlot.value = entry[0];
        valueSlot.value = storedValue(entry[1]);
        return then(body(scope), () => true);
      });
    });
  return onError ? (s) => guarded(loop, onError, s) : loop;
};

function signalCommand(signal: Signal): Builtin {
  return () => (s) => {
    s.frame.signal = signal;
    return NOTHING;
  };
}

const returnCommand: Builtin = (site, c) => {
  const value = c.arg(site, "value", 0);
  return (s) =>
    then(value(s), (v) => {
      s.frame.returned = v;
      s.frame.signal = Signal.Return;
      return v;
    });
};

const errorCommand: Builtin = (site, c) => {
  const message = c.arg(site, "message", 0, "");
  return (s) =>
    then(message(s), (m) => {
      throw new ScriptError(toStr(m), "RSC4002");
    });
};

/** `:onerror e in={...} do={...}`: true when `in` failed (and `do` ran with `$e` set to the message). */
const onerrorCommand: Builtin = (site, c) => {
  const name = c.wordArg(site, "error", 0) ?? "error";
  const body = c.codeArg(site, "in", 1) ?? NONE;
  const handler = c.codeArg(site, "do") ?? NONE;
  return (s) => {
    const failed = (error: unknown): MaybePromise<Value> => {
      if (!(error instanceof ScriptError)) throw error;
      const scope = s.child();
      scope.declare(name, error.message);
      // `:return` in `do=` returns from the function (or script) around `:onerror`, with its value: the manual's
      // "returns true ... unless otherwise specified (with commands such as :return or :error)", and a CHR test
      // harness that ends its script with `do={ ... :return }` before the line that reports success.
      return then(handler(scope), () => (s.frame.signal === Signal.Return ? s.frame.returned : true));
    };
    try {
      const r = body(s);
      if (r instanceof Promise) return r.then(() => false, failed);
      return false;
    } catch (error) {
      return failed(error);
    }
  };
};

/** `:retry command={...} delay=1 max=3 on-error={...}`. */
const retryCommand: Builtin = (site, c) => {
  const body = c.codeArg(site, "command", 0) ?? NONE;
  const delay = c.arg(site, "delay", undefined, 1n);
  const max = c.arg(site, "max", undefined, 3n);
  const onError = c.codeArg(site, "on-error");
  return (s) =>
    then(delay(s), (dv) =>
      then(max(s), async (mv) => {
        const waitMs = delayMs(dv);
        const attempts = Math.max(1, Number(numberOf(mv, "max")));
        let last: ScriptError | undefined;
        for (let attempt = 1; attempt <= attempts; attempt++) {
          try {
            return await body(s);
          } catch (error) {
            if (!(error instanceof ScriptError)) throw error;
            last = error;
          }
          if (attempt < attempts) await sleep(c, s, waitMs);
        }
        if (onError) return onError(s);
        throw last ?? new ScriptError("retry failed");
      }),
    );
};

function delayMs(value: Value): number {
  const time = typeof value === "bigint" ? new Time(value * 1_000_000_000n) : toTime(value);
  if (!(time instanceof Time))
    throw new ScriptError(`invalid value for argument delay-time: ${toStr(value)}`);
  return Number(time.ns) / 1e6;
}

async function sleep(c: ArgCompiler, s: Scope, ms: number): Promise<void> {
  const signal = s.frame.job.signal;
  checkSignal(signal);
  try {
    await c.rt.host.sleep(Math.max(0, ms), signal);
  } catch (error) {
    if (signal.aborted) checkSignal(signal);
    throw error;
  }
  checkSignal(signal);
}

const delayCommand: Builtin = (site, c) => {
  const time = c.arg(site, "delay-time", 0, 1n);
  return (s) => then(time(s), (v) => sleep(c, s, delayMs(v)).then(() => NOTHING));
};

const timeCommand: Builtin = (site, c) => {
  const body = c.codeArg(site, "command", 0) ?? NONE;
  return (s) => {
    const started = c.rt.host.monotonic();
    return then(body(s), () => new Time(BigInt(Math.round((c.rt.host.monotonic() - started) * 1e6))));
  };
};

export const CONTROL_BUILTINS: ReadonlyMap<string, Builtin> = new Map([
  ["if", ifCommand],
  ["while", whileCommand],
  ["do", doCommand],
  ["for", forCommand],
  ["foreach", foreachCommand],
  ["break", signalCommand(Signal.Break)],
  ["continue", signalCommand(Signal.Continue)],
  ["exit", signalCommand(Signal.Exit)],
  ["return", returnCommand],
  ["error", errorCommand],
  ["onerror", onerrorCommand],
  ["retry", retryCommand],
  ["delay", delayCommand],
  ["time", timeCommand],
]);

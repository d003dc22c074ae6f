// Code and environment commands: :parse, :execute, :environment print, :log / /log, and the unsupported console ones.
import type { ArgCompiler, Builtin } from "../compiler";
import { fromBytes } from "../bytes";
import { ScriptError } from "../errors";
import { RosArray } from "../array";
import { toIp, toIp6, toNum } from "../convert";
import { toStr } from "../format";
import type { LogLevel } from "../host";
import { then, type MaybePromise } from "../maybe";
import { regexTest } from "../regex";
import type { CallSite, Eval } from "../runtime";
import { Code, Id, Ip, Ip6, NOTHING, type Value } from "../values";

const parseCommand: Builtin = (site, c) => {
  const value = c.arg(site, "value", 0, "");
  return (s) => then(value(s), (v) => (v instanceof Code ? v : c.rt.parseCode(toStr(v))));
};

const executeCommand: Builtin = (site, c) => {
  const script = c.argExpr(site, "script", 0);
  const asString =
    site.positional.some(
      (e) => e.kind === "Literal" && c.ctx.source.text.slice(e.start, e.end) === "as-string",
    ) || site.named.has("as-string");
  if (site.named.has("file")) {
    return () => {
      throw new ScriptError(
        ":execute file= is not supported by the simulator (scripts have no file system)",
        "RSC4003",
      );
    };
  }
  const value: Eval = script ? c.expr(script) : () => "";
  return (s) =>
    then(value(s), (v): MaybePromise<Value> => {
      const code = v instanceof Code ? v : c.rt.parseCode(toStr(v));
      if (asString) return c.rt.runCapturingOutput(code, s);
      return new Id(c.rt.startJob(code, s));
    });
};

/** True when the command line has the bare flag `name` (`as-string`, `as-array`) or `name=...`. */
function hasFlag(site: CallSite, c: ArgCompiler, name: string): boolean {
  return (
    site.named.has(name) ||
    site.positional.some((e) => e.kind === "Literal" && c.ctx.source.text.slice(e.start, e.end) === name)
  );
}

/** The indexes of `lines` that match, with `before` and `after` lines of context around each, in order. */
function grepIndexes(lines: readonly string[], pattern: string, before: number, after: number): number[] {
  const keep = new Set<number>();
  lines.forEach((line, i) => {
    if (!regexTest(pattern, line)) return;
    for (let j = Math.max(0, i - before); j <= Math.min(lines.length - 1, i + after); j++) keep.add(j);
  });
  return [...keep].sort((a, b) => a - b);
}

/**
 * `:grep script pattern=... [after=n] [before=n] [as-array]`: runs the script, keeps the lines of its console output
 * that match the POSIX regex, and prints them, or with `as-array` returns them (amm0 on 7.13.5,
 * forum.mikrotik.com/t/v7-13-5-stable-is-released/171923/878: `[:grep ":put \"hello\nworld\nhello world\""
 * pattern="hello.*" as-array]` is hello;hello world). Printing, it returns whether a line matched: `[:tobool [:grep
 * ...]]` is false without a match (forum.mikrotik.com/t/the-start-parameter-of-the-find-function/178600/6).
 */
const grepCommand: Builtin = (site, c) => {
  const script = c.arg(site, "script", 0, "");
  const pattern = c.arg(site, "pattern", undefined, "");
  const after = c.arg(site, "after", undefined, 0n);
  const before = c.arg(site, "before", undefined, 0n);
  const asArray = hasFlag(site, c, "as-array");
  if (site.named.has("filename"))
    return unsupported(":grep filename=", "scripts have no file system")(site, c);
  return (s) =>
    then(script(s), (v) =>
      then(pattern(s), (p) =>
        then(after(s), (a) =>
          then(before(s), async (b) => {
            const code = v instanceof Code ? v : c.rt.parseCode(toStr(v));
            const lines = (await c.rt.runCapturingOutput(code, s)).split(/\r?\n/);
            const count = (x: Value): number => {
              const n = toNum(x);
              return typeof n === "bigint" && n > 0n ? Number(n) : 0;
            };
            const kept = grepIndexes(lines, toStr(p), count(b), count(a)).map((i) => lines[i] ?? "");
            if (asArray) return new RosArray(kept);
            for (const line of kept) c.rt.put(s, line);
            return kept.length > 0;
          }),
        ),
      ),
    );
};

function logCommand(level: LogLevel): Builtin {
  return (site, c) => {
    const message = c.arg(site, "message", 0, "");
    return (s) =>
      then(message(s), (v) => {
        c.rt.host.log(level, fromBytes(toStr(v)));
        return NOTHING;
      });
  };
}

const environmentPrint: Builtin = (_site, c) => (s) => {
  for (const line of c.rt.environmentLines()) c.rt.put(s, line);
  return NOTHING;
};

/**
 * `:resolve`: an address resolves to itself; a name fails as on a router whose DNS has no answer (the simulator has
 * none): `failure: dns name does not exist` (manual, Scripting, Catch run-time errors: `:put [:resolve
 * www.example.com]` prints it and stops the script; `:onerror` catches it).
 */
const resolveCommand: Builtin = (site, c) => {
  const name = c.arg(site, "domain-name", 0, "");
  return (s) =>
    then(name(s), (v) => {
      const address = [toIp(v), toIp6(v)].find((a) => a instanceof Ip || a instanceof Ip6);
      if (address) return address;
      throw new ScriptError(
        "failure: dns name does not exist",
        "RSC4001",
        undefined,
        "(the simulator has no DNS)",
      );
    });
};

function unsupported(name: string, why: string): Builtin {
  return () => () => {
    throw new ScriptError(`${name} is not supported by the simulator: ${why}`, "RSC4003");
  };
}

export const CODE_BUILTINS: ReadonlyMap<string, Builtin> = new Map([
  ["parse", parseCommand],
  ["execute", executeCommand],
  ["resolve", resolveCommand],
  ["grep", grepCommand],
  ["import", unsupported(":import", "scripts have no file system")],
  ["export", unsupported(":export", "there is no configuration to export")],
  ["ping", unsupported(":ping", "it has no network interfaces")],
  ["password", unsupported(":password", "it has no users")],
  ["quit", unsupported(":quit", "there is no console session")],
  ["undo", unsupported(":undo", "there is no configuration history")],
  ["redo", unsupported(":redo", "there is no configuration history")],
  ["lock", unsupported(":lock", "there is no configuration lock")],
  ["recursive-print", unsupported(":recursive-print", "there is no configuration tree to print")],
]);

const LOG_LEVELS: ReadonlySet<string> = new Set(["info", "warning", "error", "debug"]);

/** Commands of global menus that behave like global commands: `/log info`, `:environment print`. */
export function menuBuiltin(site: CallSite, c: ArgCompiler): Eval | undefined {
  const [first, second] = site.menu;
  if (site.menu.length === 1 && first === "log" && LOG_LEVELS.has(site.info.name))
    return logCommand(site.info.name as LogLevel)(site, c);
  const env =
    (site.menu.length === 1 && first === "environment") ||
    (site.menu.length === 3 && first === "system" && second === "script" && site.menu[2] === "environment");
  if (env && site.info.name === "print") return environmentPrint(site, c);
  return undefined;
}

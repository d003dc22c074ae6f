// Value commands: :put :len :pick :find :typeof, conversions, :range :rndnum :rndstr :timestamp :jobname, :convert, :serialize.
import { RosArray } from "../array";
import { fromBytes } from "../bytes";
import type { ArgCompiler, Builtin } from "../compiler";
import { toArray, toBool, toId, toIp, toIp6, toNsec, toNum, toTime } from "../convert";
import { fromDsv, toDsv } from "../dsv";
import { ScriptError } from "../errors";
import { toStr } from "../format";
import { fromJson, toJson } from "../json";
import { then } from "../maybe";
import { equals } from "../operators";
import type { CallSite, Eval } from "../runtime";
import { putText } from "../putText";
import { convert } from "../transform";
import { NIL, NOTHING, Time, typeOf, type Value } from "../values";

/**
 * `:put` prints its message and returns it as a string: `:put [:typeof [:put "sometext"]]` prints sometext, then str
 * (forum.mikrotik.com/t/conditional-not-boolean-bug-with-onerror-new-in-7-13/172543/22, a router's transcript; post 25
 * shows a block ending in `:put "c"` giving "c").
 */
const putCommand: Builtin = (site, c) => {
  const message = c.arg(site, "message", 0, "");
  return (s) =>
    then(message(s), (v) => {
      const text = putText(v);
      c.rt.put(s, fromBytes(text));
      return text;
    });
};

function unary(f: (v: Value) => Value, name = "value", index = 0): Builtin {
  return (site, c) => {
    const value = c.arg(site, name, index);
    return (s) => then(value(s), f);
  };
}

function length(v: Value): Value {
  if (v instanceof RosArray) return BigInt(v.size);
  return BigInt(toStr(v).length);
}

function num(value: Value, what: string): number {
  const n = toNum(value);
  if (typeof n !== "bigint")
    throw new ScriptError(`invalid value for argument ${what}: ${toStr(value) || "nothing"}`);
  return Number(n);
}

/** `:pick value begin [end]`: a substring or an array slice; with only `begin`, one character or element. */
const pickCommand: Builtin = (site, c) => {
  const value = c.arg(site, "counter", 0);
  const begin = c.arg(site, "begin", 1, 0n);
  const hasEnd = c.has(site, "end", 2);
  const end = c.arg(site, "end", 2);
  return (s) =>
    then(value(s), (v) =>
      then(begin(s), (b) =>
        then(end(s), (e) => {
          const items = v instanceof RosArray ? v.values() : undefined;
          const size = items ? items.length : toStr(v).length;
          const from = Math.max(0, num(b, "begin"));
          const to = hasEnd ? Math.min(size, num(e, "end")) : from + 1;
          if (items) {
            if (!hasEnd) return items[from] ?? NOTHING;
            return new RosArray(from < to ? items.slice(from, to) : []);
          }
          // Past the end of a string there is nothing to pick: nil. rextended's base64/base32 decoders test
          // `[:typeof [:pick $work 1 2]] = "nil"` for a missing character (forum.mikrotik.com/t/
          // base64-and-sha256-function-for-scripting/164889/4 and /8), and his encoders' router transcripts (/7) need it.
          if (from >= size) return NIL;
          return from < to ? toStr(v).slice(from, to) : "";
        }),
      ),
    );
};

/** `:find in key [from]`: position of a substring (or array element) after position `from` (default -1); nil if none. */
const findCommand: Builtin = (site, c) => {
  const haystack = c.arg(site, "in", 0);
  const needle = c.arg(site, "key", 1);
  const from = c.arg(site, "from", 2, -1n);
  return (s) =>
    then(haystack(s), (h) =>
      then(needle(s), (n) =>
        then(from(s), (f): Value => {
          const start = num(f, "from") + 1;
          if (h instanceof RosArray) {
            let i = 0;
            for (const [key, value] of h.entries()) {
              if (i++ >= start && equals(value, n)) return key;
            }
            return NIL;
          }
          const at = toStr(h).indexOf(toStr(n), Math.max(0, start));
          return at < 0 ? NIL : BigInt(at);
        }),
      ),
    );
};

const rangeCommand: Builtin = (site, c) => {
  const from = c.arg(site, "from", 0, 0n);
  const to = c.arg(site, "to", 1);
  return (s) =>
    then(from(s), (f) =>
      then(to(s), (t) => {
        const a = BigInt(num(f, "from"));
        const b = BigInt(num(t, "to"));
        if ((b > a ? b - a : a - b) > 10_000_000n) throw new ScriptError("failure: range too large");
        const out = new RosArray();
        const step = a <= b ? 1n : -1n;
        for (let i = a; step > 0n ? i <= b : i >= b; i += step) out.push(i);
        return out;
      }),
    );
};

const rndnumCommand: Builtin = (site, c) => {
  const from = c.arg(site, "from", undefined, 0n);
  const to = c.arg(site, "to", undefined, 4294967295n);
  return (s) =>
    then(from(s), (f) =>
      then(to(s), (t) => {
        // Either order: `[:rndnum to=1 from=100]` is a num (amm0's router transcript, forum.mikrotik.com/t/
        // new-rndnum-command-doesnt-work-guessing-it-should-generate-a-random-number/151589/11).
        const low = Math.min(num(f, "from"), num(t, "to"));
        const high = Math.max(num(f, "from"), num(t, "to"));
        return BigInt(low + Math.floor(c.rt.host.random() * (high - low + 1)));
      }),
    );
};

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

const rndstrCommand: Builtin = (site, c) => {
  const from = c.arg(site, "from", undefined, ALPHANUMERIC);
  const length = c.arg(site, "length", undefined, 16n);
  return (s) =>
    then(from(s), (f) =>
      then(length(s), (l) => {
        const charset = toStr(f) || ALPHANUMERIC;
        const count = num(l, "length");
        if (count < 0 || count > 65536) throw new ScriptError(`invalid value for argument length: ${count}`);
        let out = "";
        for (let i = 0; i < count; i++) out += charset[Math.floor(c.rt.host.random() * charset.length)];
        return out;
      }),
    );
};

/** Comma-separated option words (`json.pretty,json.no-string-conversion`). */
function options(value: Value): Set<string> {
  return new Set(
    toStr(value)
      .split(",")
      .map((o) => o.trim())
      .filter(Boolean),
  );
}

/** `order=("c","a","b")` or `order=c,a,b`: key names. */
function orderOf(value: Value): string[] | undefined {
  if (value instanceof RosArray) return value.values().map(toStr);
  const text = toStr(value);
  return text === "" ? undefined : text.split(",");
}

function optionalArg(site: CallSite, c: ArgCompiler, name: string): Eval {
  return c.arg(site, name, undefined, "");
}

const serializeCommand: Builtin = (site, c) => {
  const value = c.arg(site, "value", 0);
  const to = optionalArg(site, c, "to");
  const opts = optionalArg(site, c, "options");
  const delimiter = optionalArg(site, c, "delimiter");
  const order = optionalArg(site, c, "order");
  return (s) =>
    then(value(s), (v) =>
      then(to(s), (t) =>
        then(opts(s), (o) =>
          then(delimiter(s), (d) =>
            then(order(s), (ord) => {
              const format = toStr(t) || "json";
              const set = options(o);
              const keyOrder = orderOf(ord);
              if (format === "json")
                return toJson(v, {
                  pretty: set.has("json.pretty"),
                  noStringConversion: set.has("json.no-string-conversion"),
                  order: keyOrder,
                });
              if (format === "dsv")
                return toDsv(v, {
                  delimiter: toStr(d) || ",",
                  wrapStrings: set.has("dsv.wrap-strings"),
                  ignoreSize: set.has("dsv.ignore-size"),
                  remap: set.has("dsv.remap"),
                  order: keyOrder,
                });
              throw new ScriptError(`invalid value for argument to: ${format} (expected json or dsv)`);
            }),
          ),
        ),
      ),
    );
};

const deserializeCommand: Builtin = (site, c) => {
  const value = c.arg(site, "value", 0);
  const from = optionalArg(site, c, "from");
  const opts = optionalArg(site, c, "options");
  const delimiter = optionalArg(site, c, "delimiter");
  return (s) =>
    then(value(s), (v) =>
      then(from(s), (f) =>
        then(opts(s), (o) =>
          then(delimiter(s), (d) => {
            const format = toStr(f) || "json";
            const set = options(o);
            if (format === "json")
              return fromJson(toStr(v), { noStringConversion: set.has("json.no-string-conversion") });
            if (format === "dsv")
              return fromDsv(toStr(v), {
                delimiter: toStr(d) || ",",
                plain: set.has("dsv.plain"),
                array: set.has("dsv.array"),
              });
            throw new ScriptError(`invalid value for argument from: ${format} (expected json or dsv)`);
          }),
        ),
      ),
    );
};

const convertCommand: Builtin = (site, c) => {
  const value = c.arg(site, "value", 0);
  const from = optionalArg(site, c, "from");
  const to = optionalArg(site, c, "to");
  const transform = optionalArg(site, c, "transform");
  return (s) =>
    then(value(s), (v) =>
      then(from(s), (f) =>
        then(to(s), (t) =>
          then(transform(s), (x) =>
            convert(v, { from: toStr(f) || "raw", to: toStr(t) || "raw", transform: toStr(x) }),
          ),
        ),
      ),
    );
};

const toarrayCommand: Builtin = (site, c) => {
  const value = c.arg(site, "value", 0);
  const delimiter = c.has(site, "delimiter") ? c.arg(site, "delimiter") : undefined;
  return (s) =>
    then(value(s), (v) => (delimiter ? then(delimiter(s), (d) => toArray(v, toStr(d))) : toArray(v)));
};

/** Milliseconds to nanoseconds without the rounding of a double past 2^53 (`.651000064` for .651). */
function msToNs(ms: number): bigint {
  const whole = Math.floor(ms);
  return BigInt(whole) * 1_000_000n + BigInt(Math.round((ms - whole) * 1e6));
}

const timestampCommand: Builtin = (_site, c) => () => new Time(msToNs(c.rt.host.now()));

const jobnameCommand: Builtin = () => (s) => s.frame.job.name;

const nothingCommand: Builtin = () => () => NOTHING;

const beepCommand: Builtin = () => () => NOTHING;

export const VALUE_BUILTINS: ReadonlyMap<string, Builtin> = new Map<string, Builtin>([
  ["put", putCommand],
  ["len", unary(length)],
  ["typeof", unary(typeOf)],
  ["pick", pickCommand],
  ["find", findCommand],
  ["tostr", unary(toStr)],
  ["tonum", unary(toNum)],
  ["tobool", unary(toBool)],
  ["toip", unary(toIp)],
  ["toip6", unary(toIp6)],
  ["totime", unary(toTime)],
  ["toid", unary(toId)],
  ["tonsec", unary(toNsec)],
  ["toarray", toarrayCommand],
  ["tocrlf", unary((v) => toStr(v).replace(/\r?\n/g, "\r\n"), "input")],
  ["tolf", unary((v) => toStr(v).replace(/\r\n/g, "\n"), "input")],
  ["range", rangeCommand],
  ["rndnum", rndnumCommand],
  ["rndstr", rndstrCommand],
  ["serialize", serializeCommand],
  ["deserialize", deserializeCommand],
  ["convert", convertCommand],
  ["timestamp", timestampCommand],
  ["jobname", jobnameCommand],
  ["nothing", nothingCommand],
  ["beep", beepCommand],
]);

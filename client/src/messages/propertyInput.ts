// MQTT 5 properties typed in the publish form: user properties as `name=value; name2=value2` (`\;` and `\=` for the characters themselves), message expiry in seconds or a RouterOS time; pure parsing with messages that say what is wrong.
import { routerOsSeconds } from "./routerosTime";

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** `site=eu-1; role=edge` → [["site","eu-1"],["role","edge"]]; an empty text is no property. */
export function parseUserProperties(text: string): Parsed<Array<[string, string]>> {
  const pairs: Array<[string, string]> = [];
  let name = "";
  let value = "";
  let inValue = false;
  const flush = (): string | undefined => {
    const n = name.trim();
    if (n === "" && !inValue && value.trim() === "") return undefined;
    if (n === "") return "a user property needs a name before =";
    if (!inValue) return `user property "${n}" needs =value`;
    pairs.push([n, value.trim()]);
    return undefined;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === "\\" && i + 1 < text.length) {
      const next = text[++i] as string;
      if (inValue) value += next;
      else name += next;
    } else if (c === ";") {
      const problem = flush();
      if (problem) return { ok: false, message: problem };
      name = "";
      value = "";
      inValue = false;
    } else if (c === "=" && !inValue) inValue = true;
    else if (inValue) value += c;
    else name += c;
  }
  const problem = flush();
  return problem ? { ok: false, message: problem } : { ok: true, value: pairs };
}

/** Message expiry: whole seconds (`3600`) or a RouterOS time (`1h`, `1d00:00:00`), 0 to 4294967295. */
export function parseExpiry(text: string): Parsed<number | undefined> {
  const t = text.trim();
  if (t === "") return { ok: true, value: undefined };
  const seconds = /^\d+$/.test(t) ? Number(t) : routerOsSeconds(t);
  if (seconds === undefined || !Number.isInteger(seconds) || seconds < 0 || seconds > 0xffffffff) {
    return {
      ok: false,
      message: "message expiry is whole seconds (3600) or a time (1h), at most 4294967295 s",
    };
  }
  return { ok: true, value: seconds };
}

// What `:put` prints: code as RouterOS's compiled form (its "IL"), which only `:put` shows; anything else as `:tostr`.
import { RosArray } from "./array";
import { compiledCode, compiledScript } from "./compiledForm";
import { toStr } from "./format";
import { Code, type Value } from "./values";

const BYTES = { bytes: true } as const;

/**
 * The compiled form of a code value: parsed text as a script (`:put [:parse ":put hello"]` prints
 * `(evl /putmessage=hello)`), a `do={...}` body or a quoted `(>[...])` as the block it is.
 */
function codeText(code: Code): string {
  const text = code.source.text;
  if (code.start === 0 && code.end === text.length) return compiledScript(text, code.body, BYTES);
  return compiledCode(text, code.body, code.start, code.end, code.menu, BYTES);
}

/**
 * The text `:put` prints for a value. Code shows its compiled form, as on a router: amm0's transcripts show
 * `:global fn do={:put "$1 $2"}; :put $fn` printing `;(evl (evl /putmessage=(. $1   $2)))` (the function is the array
 * {nothing; code}; forum.mikrotik.com/t/a-few-undocumented-operators-that-are-kind-of-neat/163557/11) and `:put` of
 * `(>[:do {:put "$1"}])` printing `(evl (evl /docommand=;(evl (evl /putmessage=$1))))`
 * (forum.mikrotik.com/t/persistent-environment-variables/145326/44); tikoci/lsp-routeros-ts notes that only `:put`
 * does: `:tostr`, `:serialize` and `:environment print` show `(code)`.
 */
export function putText(value: Value): string {
  if (value instanceof Code) return codeText(value);
  if (!(value instanceof RosArray) || !containsCode(value)) return toStr(value);
  const parts: string[] = [];
  for (const member of value.list) parts.push(putText(member));
  for (const key of value.keys()) parts.push(`${key}=${putText(value.get(key))}`);
  return parts.join(";");
}

function containsCode(array: RosArray): boolean {
  for (const member of array.list)
    if (member instanceof Code || (member instanceof RosArray && containsCode(member))) return true;
  for (const key of array.keys()) {
    const member = array.get(key);
    if (member instanceof Code || (member instanceof RosArray && containsCode(member))) return true;
  }
  return false;
}

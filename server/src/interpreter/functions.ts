// Functions as RouterOS keeps them: a `do={...}` given to :global, :local or :set is the array {nothing; code}.
import { RosArray } from "./array";
import { Code, isNothing, NOTHING, type Value } from "./values";

/**
 * The value a `do={...}` function is: a two-member array whose second member is the code. amm0's router transcripts
 * show it: `:global fn do={:put "$1 $2"}` then `[:typeof $fn]` is array, `[:len $fn]` 2, `[:typeof ($fn->1)]` code
 * (forum.mikrotik.com/t/a-few-undocumented-operators-that-are-kind-of-neat/163557/11), and `(("text1","text2") .
 * $myfunction)` prints `text1;text1(code);text2;text2(code)` (forum.mikrotik.com/t/frustrated-trying-to-create-a-script/
 * 169947/5); RouterOS 7.22.1 compiles every `do=` block as `do=;(evl ...)`, an empty member then the code.
 */
export function functionValue(code: Code): RosArray {
  return new RosArray([NOTHING, code]);
}

/** The code a call runs: code itself, or the code of a function array; undefined for anything else. */
export function calledCode(value: Value): Code | undefined {
  if (value instanceof Code) return value;
  if (!(value instanceof RosArray) || value.hasKeys() || value.list.length !== 2) return undefined;
  const [first, second] = value.list;
  return first !== undefined && isNothing(first) && second instanceof Code ? second : undefined;
}

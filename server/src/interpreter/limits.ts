// Caps on what one script value may hold, so that a runaway script fails at the statement that grew too far instead of exhausting its host's memory; growth past the checks is reported to the run's growth watch.
import { ScriptError } from "./errors";
import { reportGrowth } from "./growth";

/*
 * We found no documented RouterOS limit for a script's strings or arrays (the manual's Scripting page names none; the
 * limits it does state are elsewhere: `:execute as-string` output 64 kB, `/iot mqtt` messages 32768 bytes from 7.18).
 * These caps are the simulator's own: far above what a router's memory holds in practice (a hAP ax³ has 1 GB in all), and
 * low enough that a few such values fit the run's memory cap (see client/src/run/isolated/).
 */

/** Bytes in one string (16 MiB). */
export const MAX_STRING_BYTES = 16 * 1024 * 1024;
/** Elements directly in one array (a million). */
export const MAX_ARRAY_ELEMENTS = 1_000_000;

/** What an element added to an array is counted as for the growth watch (its slot, and some of the value). */
const ELEMENT_BYTES = 16;

/** Throws the run-time error of a string of `length` bytes when it is over the cap; counts it as growth. */
export function checkStringLength(length: number): void {
  if (length > MAX_STRING_BYTES)
    throw new ScriptError(
      `failure: string too long (${length} bytes; the simulator's limit is ${MAX_STRING_BYTES} bytes)`,
    );
  reportGrowth(length);
}

/** Throws the run-time error of an array of `size` elements when it is over the cap; counts `added` elements as growth. */
export function checkArraySize(size: number, added = size): void {
  if (size > MAX_ARRAY_ELEMENTS)
    throw new ScriptError(
      `failure: array too large (${size} elements; the simulator's limit is ${MAX_ARRAY_ELEMENTS} elements)`,
    );
  reportGrowth(added * ELEMENT_BYTES);
}

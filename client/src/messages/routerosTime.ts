// RouterOS times found in payloads (`"uptime":"3d04:05:06"`, `1w2d`, `00:00:30`) read as seconds, for exports and filters; plain numbers are numbers, not times.
import { parseTime } from "../../../server/src/schema/values/time";

const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;
/** A time has a unit letter or a clock colon; anything longer is not a time a router prints. */
const TIME_SHAPE = /^-?[0-9][0-9wdhmsun.:]{0,40}$/;

/** Seconds of a RouterOS time literal, or undefined when the text is not one (or is a plain number). */
export function routerOsSeconds(text: string): number | undefined {
  if (PLAIN_NUMBER.test(text) || !TIME_SHAPE.test(text)) return undefined;
  const ns = parseTime(text);
  return ns === undefined ? undefined : Number(ns) / 1e9;
}

// RouterOS date literals: `2023-04-13` (7.10 and later) and `apr/13/2023` (before 7.10), optionally followed by a time of day.

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const OLD = /^([a-z]{3})\/(\d{2})\/(\d{4})$/i;
const TIME_OF_DAY = /^\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?$/;

export interface DateParts {
  readonly year: number;
  /** 1..12 */
  readonly month: number;
  readonly day: number;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses the date part; the old `mmm/dd/yyyy` month names are case-insensitive. */
export function parseDate(text: string): DateParts | undefined {
  let year: number;
  let month: number;
  let day: number;
  const iso = ISO.exec(text);
  const old = iso ? undefined : OLD.exec(text);
  if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else if (old) {
    month = MONTHS.indexOf((old[1] ?? "").toLowerCase()) + 1;
    [year, day] = [Number(old[3]), Number(old[2])];
  } else {
    return undefined;
  }
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
  return { year, month, day };
}

/** A date, or a date and a time of day separated by a space or `T` (`2023-05-22 16:57:00`). */
export function isDateTime(text: string): boolean {
  const split = text.search(/[ T]/);
  if (split < 0) return parseDate(text) !== undefined;
  return parseDate(text.slice(0, split)) !== undefined && TIME_OF_DAY.test(text.slice(split + 1));
}

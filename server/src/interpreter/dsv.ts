// `:serialize to=dsv` / `:deserialize from=dsv`: delimiter-separated values, a header row of column names.
import { RosArray } from "./array";
import { ScriptError } from "./errors";
import { toStr } from "./format";
import { ordered } from "./json";
import type { Value } from "./values";

export interface DsvWriteOptions {
  readonly delimiter: string;
  /** `dsv.wrap-strings`: every string field in double quotes. */
  readonly wrapStrings?: boolean;
  /** `dsv.ignore-size`: columns of different lengths are padded with empty fields instead of failing. */
  readonly ignoreSize?: boolean;
  /** `dsv.remap`: a list of rows (`print as-value`) is merged into columns first. */
  readonly remap?: boolean;
  /** `order=`: these columns first, in this order (default: sorted names). */
  readonly order?: readonly string[] | undefined;
}

export interface DsvReadOptions {
  readonly delimiter: string;
  /** `dsv.plain`: every line is a list; no header. */
  readonly plain?: boolean;
  /** `dsv.array`: the first line is a header; each other line is a row keyed by it. */
  readonly array?: boolean;
}

function field(value: Value, options: DsvWriteOptions): string {
  const text = toStr(value);
  const needsQuotes =
    (options.wrapStrings === true && typeof value === "string") ||
    text.includes(options.delimiter) ||
    text.includes('"') ||
    /[\r\n]/.test(text);
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A list of keyed rows as one keyed array of columns (missing fields empty). */
function remapRows(rows: readonly Value[]): RosArray {
  const names = [...new Set(rows.flatMap((r) => (r instanceof RosArray ? [...r.keys()] : [])))];
  return new RosArray(
    [],
    names.map((name): [string, Value] => [
      name,
      new RosArray(rows.map((r) => (r instanceof RosArray ? r.get(name) : ""))),
    ]),
  );
}

/**
 * Serializes to DSV. A keyed array is a table of columns (`{a=(1,2,3);b=(4,5,6)}`: header `a;b`, rows `1;4`...;
 * manual, :serialize); a list of keyed rows is remapped to that; a list of lists is one line per list; a list of
 * plain values is one line (amm0 on 7.17, forum.mikrotik.com/t/experiments-with-convert-for-bits-bytes-csv-from-iot/
 * 179268/3: `:serialize to=dsv delimiter=" " $temps` prints `2181 2292 2388 ...`).
 */
export function toDsv(value: Value, options: DsvWriteOptions): string {
  let table = value instanceof RosArray ? value : RosArray.of(value);
  const rows = table.values();
  if (!table.hasKeys() && rows.some((r) => r instanceof RosArray && r.hasKeys())) table = remapRows(rows);
  if (!table.hasKeys() && !rows.some((r) => r instanceof RosArray))
    return rows.map((v) => field(v, options)).join(options.delimiter);
  if (!table.hasKeys()) {
    return table
      .values()
      .map((row) => (row instanceof RosArray ? row.values() : [row]).map((v) => field(v, options)))
      .map((cells) => cells.join(options.delimiter))
      .join("\n");
  }
  const names = ordered(table.keys(), options.order);
  const columns = names.map((name) => {
    const column = table.get(name);
    return column instanceof RosArray ? column.values() : [column];
  });
  const height = columns.reduce((tallest, c) => Math.max(tallest, c.length), 0);
  if (!options.ignoreSize && columns.some((c) => c.length !== height))
    throw new ScriptError("array size mismatch");
  const lines = [names.join(options.delimiter)];
  for (let i = 0; i < height; i++)
    lines.push(
      columns.map((c) => (i < c.length ? field(c[i] as Value, options) : "")).join(options.delimiter),
    );
  return lines.join("\n");
}

function splitLine(line: string, delimiter: string): string[] {
  if (!line.includes('"')) return line.split(delimiter);
  const out: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        current += '"';
        i++;
      } else if (c === '"') quoted = false;
      else current += c;
    } else if (c === '"') quoted = true;
    else if (line.startsWith(delimiter, i)) {
      out.push(current);
      current = "";
      i += delimiter.length - 1;
    } else current += c;
  }
  out.push(current);
  return out;
}

/**
 * Deserializes DSV: `dsv.plain` gives every line as a list, `dsv.array` a list of rows keyed by the header line
 * (manual, :deserialize), and neither a keyed array of columns, the shape `:serialize to=dsv` writes.
 */
export function fromDsv(text: string, options: DsvReadOptions): RosArray {
  const lines = text.split(/\r?\n/).filter((l) => l !== "");
  const rows = lines.map((l) => splitLine(l, options.delimiter));
  if (options.plain) return new RosArray(rows.map((r) => new RosArray(r)));
  const [header = [], ...body] = rows;
  if (options.array) {
    return new RosArray(
      body.map(
        (r) =>
          new RosArray(
            [],
            header.map((k, i): [string, Value] => [k, r[i] ?? ""]),
          ),
      ),
    );
  }
  return new RosArray(
    [],
    header.map((k, i): [string, Value] => [k, new RosArray(body.map((r) => r[i] ?? ""))]),
  );
}

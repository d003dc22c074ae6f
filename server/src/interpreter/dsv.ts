// `:serialize to=dsv` / `:deserialize from=dsv`: delimiter-separated rows (a header row for keyed rows).
import { RosArray } from "./array";
import { toStr } from "./format";
import type { Value } from "./values";

export interface DsvWriteOptions {
  readonly delimiter: string;
  /** `dsv.wrap-strings`: every string field in double quotes. */
  readonly wrapStrings?: boolean;
  /** Column order for keyed rows (default: the keys of all rows, sorted). */
  readonly order?: readonly string[] | undefined;
}

export interface DsvReadOptions {
  readonly delimiter: string;
  /** `dsv.plain`: no quote handling. */
  readonly plain?: boolean;
  /** `dsv.array`: rows as lists, the first line is not a header. */
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

export function toDsv(value: Value, options: DsvWriteOptions): string {
  const rows = value instanceof RosArray ? value.values() : [value];
  const keyed = rows.some((r) => r instanceof RosArray && r.hasKeys());
  const lines: string[] = [];
  if (keyed) {
    const columns =
      options.order ?? [...new Set(rows.flatMap((r) => (r instanceof RosArray ? [...r.keys()] : [])))].sort();
    lines.push(columns.join(options.delimiter));
    for (const row of rows) {
      const get = (k: string): Value => (row instanceof RosArray ? row.get(k) : "");
      lines.push(columns.map((k) => field(get(k), options)).join(options.delimiter));
    }
  } else {
    for (const row of rows) {
      const cells = row instanceof RosArray ? row.values() : [row];
      lines.push(cells.map((v) => field(v, options)).join(options.delimiter));
    }
  }
  return lines.join("\n");
}

function splitLine(line: string, delimiter: string, plain: boolean): string[] {
  if (plain || !line.includes('"')) return line.split(delimiter);
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

export function fromDsv(text: string, options: DsvReadOptions): RosArray {
  const lines = text.split(/\r?\n/).filter((l) => l !== "");
  const rows = lines.map((l) => splitLine(l, options.delimiter, options.plain === true));
  if (options.array) return new RosArray(rows.map((r) => new RosArray(r)));
  const [header = [], ...body] = rows;
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

// The layout of the derived data file (written by scripts/derive-schema.mjs) and the decoding of its flat records.
import type { SchemaHeader, ValueFormat, ValueSpec, ValueType } from "./types";

/** A flat record: alternating keys and primitive values, e.g. `["type","number","min",0,"max",2]`. */
export type FlatRecord = readonly (string | number)[];

/**
 * The file as stored. Tables are referenced by index:
 * - `args[i]` = [name, typeIndex, noteIndex]
 * - `argLists[i]` = arg indexes of one command, sorted by name
 * - `positionalLists[i]` = names of the positional arguments in order
 * - `menus[i]` = [path ("ip/route", "" = root), kind, noteIndex, [commandName, argListIndex, positionalListIndex, noteIndex, ...]]
 * - `properties[i]` = [menuPath, name, typeIndex, noteIndex]: read-only properties
 * - `packages[i]` = [name, what]: extra packages and hardware whose menus the tree may lack
 */
export interface SchemaFile {
  readonly header: SchemaHeader;
  readonly types: readonly FlatRecord[];
  readonly notes: readonly FlatRecord[];
  readonly args: readonly (readonly [string, number, number])[];
  readonly argLists: readonly (readonly number[])[];
  readonly positionalLists: readonly (readonly string[])[];
  readonly menus: readonly (readonly [string, string, number, readonly (string | number)[]])[];
  readonly properties: readonly (readonly [string, string, number, number])[];
  /** `[name, what]`: names of extra packages and hardware (`zerotier`, `routerboard`) a script may use. */
  readonly packages?: readonly (readonly [string, string])[];
}

/** Descriptive fields of an argument, command, menu or property. */
export interface Note {
  readonly description?: string;
  readonly default?: string;
  readonly requiredBy?: "router" | "product";
  /** Of a command: one of these arguments (`|`-joined) must be given, else RouterOS fails with `requiredMessage`. */
  readonly requiredOneOf?: string;
  readonly requiredMessage?: string;
  readonly firstSeen?: string;
  readonly sensitive?: boolean;
  readonly acceptsAnyArg?: boolean;
  readonly global?: boolean;
  readonly handAdded?: boolean;
  /** Of a menu: it exists only with this hardware or package (`the zerotier package`); its contents are unknown. */
  readonly optional?: string;
  /** Of a menu: its commands take more arguments on this hardware than the tree lists. */
  readonly hardwareArgs?: string;
  /** Of a menu: the only names (comma-separated) that hardware adds, when the tree knows the rest fully. */
  readonly hardwareArgNames?: string;
  /** Of a menu: its package's arguments changed within RouterOS 7 (`the container package`). */
  readonly changingArgs?: string;
}

function fields(record: FlatRecord): Map<string, string | number> {
  const map = new Map<string, string | number>();
  for (let i = 0; i + 1 < record.length; i += 2) map.set(String(record[i]), record[i + 1] as string | number);
  return map;
}

const num = (v: string | number | undefined): number | undefined => (typeof v === "number" ? v : undefined);
const str = (v: string | number | undefined): string | undefined => (typeof v === "string" ? v : undefined);

/** Builds a ValueSpec from a type record, leaving out absent fields. */
export function decodeType(record: FlatRecord): ValueSpec {
  const f = fields(record);
  const spec: {
    -readonly [K in keyof ValueSpec]: ValueSpec[K];
  } = { type: (str(f.get("type")) ?? "unknown") as ValueType };
  const format = str(f.get("format"));
  if (format !== undefined) spec.format = format as ValueFormat;
  const enumValues = str(f.get("enum"));
  if (enumValues !== undefined) spec.enumValues = enumValues.split("|");
  if (f.get("multi") === 1) spec.multiValue = true;
  const extra = str(f.get("extra"));
  if (extra !== undefined) spec.extraValues = extra.split("|");
  const min = num(f.get("min"));
  const max = num(f.get("max"));
  if (min !== undefined && max !== undefined) spec.range = { min, max };
  const timeMin = num(f.get("timeMin"));
  const timeMax = num(f.get("timeMax"));
  if (timeMin !== undefined)
    spec.timeRange = timeMax === undefined ? { min: timeMin } : { min: timeMin, max: timeMax };
  const lengthMin = num(f.get("lengthMin"));
  const lengthMax = num(f.get("lengthMax"));
  if (lengthMin !== undefined || lengthMax !== undefined) {
    spec.lengthRange = {
      ...(lengthMin !== undefined ? { min: lengthMin } : {}),
      ...(lengthMax !== undefined ? { max: lengthMax } : {}),
    };
  }
  return spec;
}

export function decodeNote(record: FlatRecord): Note {
  const f = fields(record);
  const note: { -readonly [K in keyof Note]: Note[K] } = {};
  const description = str(f.get("description"));
  if (description !== undefined) note.description = description;
  const def = str(f.get("default"));
  if (def !== undefined) note.default = def;
  const requiredBy = str(f.get("requiredBy"));
  if (requiredBy === "router" || requiredBy === "product") note.requiredBy = requiredBy;
  const oneOf = str(f.get("requiredOneOf"));
  if (oneOf !== undefined) note.requiredOneOf = oneOf;
  const requiredMessage = str(f.get("requiredMessage"));
  if (requiredMessage !== undefined) note.requiredMessage = requiredMessage;
  const firstSeen = str(f.get("firstSeen"));
  if (firstSeen !== undefined) note.firstSeen = firstSeen;
  if (f.get("sensitive") === 1) note.sensitive = true;
  if (f.get("acceptsAnyArg") === 1) note.acceptsAnyArg = true;
  if (f.get("global") === 1) note.global = true;
  if (f.get("handAdded") === 1) note.handAdded = true;
  const optional = str(f.get("optional"));
  if (optional !== undefined) note.optional = optional;
  const hardwareArgs = str(f.get("hardwareArgs"));
  if (hardwareArgs !== undefined) note.hardwareArgs = hardwareArgs;
  const hardwareArgNames = str(f.get("hardwareArgNames"));
  if (hardwareArgNames !== undefined) note.hardwareArgNames = hardwareArgNames;
  const changingArgs = str(f.get("changingArgs"));
  if (changingArgs !== undefined) note.changingArgs = changingArgs;
  return note;
}

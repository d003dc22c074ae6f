// Device profiles: JSON files naming menu paths (`/system/resource`) with their properties or items; checked with clear errors.
import { getSchema, pathKey, suggest, type Schema } from "../../schema";
import defaultProfileJson from "./default-profile.json";
import { scanJsonText } from "../../json";
import { Device, type ProfileMenus } from "./device";
import type { JsonValue } from "./typed";

export interface DeviceProfile {
  readonly description?: string;
  readonly menus: ProfileMenus;
}

/** A profile that cannot be used: what is wrong and where (a line and column for JSON syntax, else a JSON path). */
export class ProfileError extends Error {
  override readonly name = "ProfileError";
  readonly where: string;
  constructor(message: string, where: string) {
    // An empty menu key is a place too: shown as the empty name it is (found by the fuzzer).
    const shown = where === "" ? '""' : printable(where);
    super(`${shown}: ${message}`);
    this.where = shown;
  }
}

/** Longest name or path an error quotes. */
const MAX_SHOWN = 120;

/**
 * Text from the profile as an error shows it: cut to MAX_SHOWN characters, and a lone half of a surrogate pair (a
 * `\ud83d` escape in a JSON name) written as its escape rather than as a broken character.
 */
function printable(text: string): string {
  const cut = text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
  return cut.replace(
    /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16)}`,
  );
}

const META_KEYS = new Set(["$schema", "description", "extends"]);

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

function checkValue(value: unknown, where: string, depth = 0): void {
  if (value === null || ["string", "number", "boolean"].includes(typeof value)) return;
  if (depth > 8) throw new ProfileError("values are nested too deeply", where);
  if (Array.isArray(value)) {
    value.forEach((v, i) => checkValue(v, `${where}[${i}]`, depth + 1));
    return;
  }
  if (typeof value === "object") {
    for (const [k, v] of Object.entries(value as Record<string, unknown>))
      checkValue(v, `${where}.${k}`, depth + 1);
    return;
  }
  throw new ProfileError(`expected a string, number, boolean or array, found ${typeName(value)}`, where);
}

function checkProperties(row: unknown, where: string): Record<string, JsonValue> {
  if (row === null || typeof row !== "object" || Array.isArray(row))
    throw new ProfileError(`expected an object of property: value, found ${typeName(row)}`, where);
  for (const [name, value] of Object.entries(row as Record<string, unknown>)) {
    if (!/^[.a-z0-9][a-z0-9-]*$/i.test(name))
      throw new ProfileError(`"${printable(name)}" is not a property name`, where);
    checkValue(value, `${where}.${name}`);
  }
  return row as Record<string, JsonValue>;
}

/** Checks parsed JSON as a profile; a profile with `"extends": "default"` adds to (and overrides) the default one. */
export function checkDeviceProfile(data: unknown, schema: Schema = getSchema()): DeviceProfile {
  if (data === null || typeof data !== "object" || Array.isArray(data))
    throw new ProfileError(
      `a device profile is a JSON object of menu paths, found ${typeName(data)}`,
      "(top level)",
    );
  const record = data as Record<string, unknown>;
  const menus: Record<string, ProfileMenus[string]> = {};
  for (const [key, value] of Object.entries(record)) {
    if (META_KEYS.has(key)) continue;
    if (!key.startsWith("/"))
      throw new ProfileError(
        `"${printable(key)}" is not a menu path; write menu paths with slashes, like "/system/resource"`,
        key,
      );
    if (!schema.menu(key)) {
      const parent = pathKey(key).split("/").slice(0, -1);
      const siblings = (schema.menu(parent)?.menus ?? []).map((m) => `/${[...parent, m].join("/")}`);
      const near = suggest(key, siblings);
      throw new ProfileError(
        `no such RouterOS menu${near.length > 0 ? `; did you mean ${near[0]}?` : ""}`,
        key,
      );
    }
    if (Array.isArray(value)) menus[key] = value.map((row, i) => checkProperties(row, `${key}[${i}]`));
    else menus[key] = checkProperties(value, key);
  }
  const extendsValue = record["extends"];
  if (extendsValue !== undefined && extendsValue !== "default")
    throw new ProfileError(`"extends" can only be "default"`, "extends");
  const description = typeof record["description"] === "string" ? record["description"] : undefined;
  const merged = extendsValue === "default" ? { ...DEFAULT_PROFILE.menus, ...menus } : menus;
  return description === undefined ? { menus: merged } : { description, menus: merged };
}

/** Line and column (one-based) of a character offset. */
function position(text: string, offset: number): string {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return `line ${before.length}, column ${(before[before.length - 1]?.length ?? 0) + 1}`;
}

/** Parses and checks a profile file's text. Errors say where: `line 3, column 7` or the JSON path. */
export function parseDeviceProfile(text: string, schema: Schema = getSchema()): DeviceProfile {
  // The project's one JSON scanner says where and why, in one pass at any depth (Node's messages do not always say
  // where, quote half an emoji, and the recursive check they replaced overflowed the stack on deep input).
  const error = scanJsonText(text);
  if (error !== undefined) throw new ProfileError(`invalid JSON: ${error.message}`, position(text, error.at));
  return checkDeviceProfile(JSON.parse(text), schema);
}

/** The profile shipped with the product (a hAP ax3 with the iot package). */
export const DEFAULT_PROFILE: DeviceProfile = (() => {
  const raw = defaultProfileJson as unknown as Record<string, unknown>;
  const menus: Record<string, ProfileMenus[string]> = {};
  for (const [key, value] of Object.entries(raw))
    if (!META_KEYS.has(key)) menus[key] = value as ProfileMenus[string];
  const description = raw["description"];
  return { description: typeof description === "string" ? description : "", menus };
})();

/** A device simulating `profile` (the default one when omitted); brokers and subscriptions lists always exist. */
export function createDevice(profile: DeviceProfile = DEFAULT_PROFILE, schema: Schema = getSchema()): Device {
  const device = new Device(schema, profile.menus);
  device.ensureList("iot/mqtt/brokers");
  device.ensureList("iot/mqtt/subscriptions");
  return device;
}

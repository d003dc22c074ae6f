// Device profiles: the JSON schema agrees with the RouterOS command schema and the default profile; values read as their property's type; bad profiles say what and where.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { getSchema } from "../../../server/src/schema";
import {
  checkDeviceProfile,
  createDevice,
  DEFAULT_PROFILE,
  parseDeviceProfile,
  ProfileError,
  typeOf,
  type DeviceMenu,
  type Value,
} from "../../../server/src/interpreter";
import { fromRoot } from "../../support/paths";

interface JsonSchemaNode {
  type?: string | string[];
  oneOf?: JsonSchemaNode[];
  enum?: unknown[];
  pattern?: string;
  properties?: Record<string, JsonSchemaNode>;
  items?: JsonSchemaNode;
  patternProperties?: Record<string, JsonSchemaNode>;
}

const jsonSchema = JSON.parse(
  readFileSync(fromRoot("schemas", "device-profile.schema.json"), "utf8"),
) as JsonSchemaNode;
const schema = getSchema();
const menuEntries = Object.entries(jsonSchema.properties ?? {}).filter(([k]) => k.startsWith("/"));
const HEALTH_ROW = new Set(["name", "value", "type"]);

/** The few JSON-schema rules the profile schema uses for property values. */
function accepts(node: JsonSchemaNode, value: unknown): boolean {
  if (node.oneOf) return node.oneOf.some((n) => accepts(n, value));
  if (node.enum) return node.enum.includes(value);
  const types = node.type === undefined ? [] : Array.isArray(node.type) ? node.type : [node.type];
  const typeOk =
    types.length === 0 ||
    types.some((t) =>
      t === "integer" ? Number.isInteger(value) : t === "null" ? value === null : typeof value === t,
    );
  return (
    typeOk &&
    (node.pattern === undefined || (typeof value === "string" && new RegExp(node.pattern).test(value)))
  );
}

describe("the device profile JSON schema", () => {
  test("names only RouterOS menus and their properties", () => {
    assert.ok(menuEntries.length >= 10);
    for (const [path, node] of menuEntries) {
      assert.ok(schema.menu(path), `${path} is a RouterOS menu`);
      const props = node.properties ?? node.items?.properties ?? {};
      for (const name of Object.keys(props)) {
        if (name === ".id" || (path === "/system/health" && HEALTH_ROW.has(name))) continue;
        assert.ok(schema.property(path, name), `${path} ${name} is a property`);
      }
    }
  });

  test("the default profile fits it, value by value", () => {
    const pattern = new RegExp(Object.keys(jsonSchema.patternProperties ?? {})[0] ?? "^$");
    for (const [path, data] of Object.entries(DEFAULT_PROFILE.menus)) {
      assert.match(path, pattern);
      const node = jsonSchema.properties?.[path];
      if (!node) continue;
      const rows = Array.isArray(data)
        ? (data as Record<string, unknown>[])
        : [data as Record<string, unknown>];
      assert.equal(Array.isArray(data), node.type === "array", `${path}: list or settings as in the schema`);
      const props = node.properties ?? node.items?.properties ?? {};
      for (const row of rows) {
        for (const [name, value] of Object.entries(row)) {
          const rule = props[name];
          assert.ok(rule, `${path} ${name} is described`);
          assert.ok(
            accepts(rule, value),
            `${path} ${name}=${JSON.stringify(value)} fits ${JSON.stringify(rule)}`,
          );
        }
      }
    }
  });
});

describe("device profile values", () => {
  const device = createDevice();
  const settings = (path: string): ReadonlyMap<string, Value> => {
    const menu = device.menu(path) as DeviceMenu;
    assert.equal(menu.kind, "settings");
    return menu.kind === "settings" ? menu.props : new Map();
  };
  const TYPES: readonly [path: string, name: string, type: string][] = [
    ["system/resource", "uptime", "time"],
    ["system/resource", "cpu-load", "num"],
    ["system/resource", "version", "str"],
    ["system/routerboard", "routerboard", "bool"],
    ["system/clock", "time", "time"],
    ["system/clock", "date", "str"],
  ];
  for (const [path, name, type] of TYPES) {
    test(`/${path} ${name} is a ${type}`, () => {
      const value = settings(path).get(name);
      assert.ok(value !== undefined);
      assert.equal(typeOf(value), type);
    });
  }

  test("strings that do not fit the property's type stay strings; numbers as text become numbers", () => {
    const custom = createDevice(
      checkDeviceProfile({
        "/system/resource": { "cpu-load": "7", uptime: "not a time" },
        "/ip/address": [{ address: "10.0.0.1/24", network: "10.0.0.0" }],
      }),
    );
    const resource = custom.menu("system/resource");
    assert.ok(resource?.kind === "settings");
    assert.equal(resource.props.get("cpu-load"), 7n);
    assert.equal(resource.props.get("uptime"), "not a time");
    const addresses = custom.menu("ip/address");
    assert.ok(addresses?.kind === "list");
    assert.equal(addresses.items[0]?.props.get("address"), "10.0.0.1/24");
    assert.equal(typeOf(addresses.items[0]?.props.get("network") as Value), "ip");
  });

  test('"extends": "default" keeps the default menus and overrides the given ones', () => {
    const profile = checkDeviceProfile({ extends: "default", "/system/identity": { name: "edge" } });
    assert.deepEqual(profile.menus["/system/identity"], { name: "edge" });
    assert.deepEqual(profile.menus["/system/resource"], DEFAULT_PROFILE.menus["/system/resource"]);
    assert.equal(
      checkDeviceProfile({ "/system/identity": { name: "x" } }).menus["/system/resource"],
      undefined,
    );
  });
});

describe("bad device profiles", () => {
  const BAD: readonly [name: string, text: string, message: string][] = [
    [
      "not JSON",
      '{\n  "/system/identity": {\n    "name": 1,\n  }\n}',
      "line 3, column 14: invalid JSON: trailing comma before '}'",
    ],
    [
      "a trailing comma",
      '{\n  "/system/identity": {"name": "x"},\n}',
      "line 2, column 36: invalid JSON: trailing comma before '}'",
    ],
    [
      "text after the object",
      '{"/system/identity": {}} extra',
      "line 1, column 26: invalid JSON: unexpected 'e' after the end of the JSON value",
    ],
    // Any depth: one pass with an explicit stack (this overflowed the stack of a recursive check).
    [
      "200,000 open brackets",
      "[".repeat(200_000),
      "line 1, column 200001: invalid JSON: expected a value, found the end of the text",
    ],
    [
      "deep and closed",
      "[".repeat(200_000) + "]".repeat(200_000),
      "(top level): a device profile is a JSON object of menu paths, found an array",
    ],
    [
      "an empty menu key",
      '{"": {}}',
      '"": "" is not a menu path; write menu paths with slashes, like "/system/resource"',
    ],
    // A name with half an emoji (a JSON escape) is quoted with its escape, not as a broken character.
    [
      "half an emoji",
      '{"/system/identity": {"na\\ud83dme": 1}}',
      '/system/identity: "na\\ud83dme" is not a property name',
    ],
    [
      "not an object",
      "[1, 2]",
      "(top level): a device profile is a JSON object of menu paths, found an array",
    ],
    [
      "a key without a slash",
      '{"system/resource": {}}',
      'system/resource: "system/resource" is not a menu path',
    ],
    [
      "an unknown menu",
      '{"/interface/ethernt": []}',
      "/interface/ethernt: no such RouterOS menu; did you mean /interface/ethernet?",
    ],
    [
      "a settings menu that is not an object",
      '{"/system/identity": "x"}',
      "/system/identity: expected an object of property: value, found a string",
    ],
    [
      "a bad property name",
      '{"/system/identity": {"my name": "x"}}',
      '/system/identity: "my name" is not a property name',
    ],
    ["a bad extends", '{"extends": "hap"}', 'extends: "extends" can only be "default"'],
  ];
  for (const [name, text, message] of BAD) {
    test(name, () => {
      assert.throws(
        () => parseDeviceProfile(text),
        (error: unknown) => error instanceof ProfileError && error.message.startsWith(message),
      );
    });
  }
});

// Derives the committed RouterOS command schema (server/src/schema/data/routeros-7.24.json) from ../shared and scripts/schema-sources/.
//
// Usage: node scripts/derive-schema.mjs [--shared <dir>] [--out <file>] [--stdout]
// Inputs: <shared>/data/routeros-7.24-inspect.json (the router's own command tree), <shared>/reference/iot-mqtt.json
// (/iot mqtt details) and the hand-written files in scripts/schema-sources/. Output is deterministic: the same inputs
// give a byte-identical file. The output format is described in server/src/schema/data/SOURCE.md.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const sourcesDir = join(repo, "scripts", "schema-sources");

class DeriveError extends Error {}
function fail(message) {
  throw new DeriveError(message);
}

function readJson(file) {
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    fail(`cannot read ${file}: ${e.code ?? e.message}`);
  }
  try {
    return { text, value: JSON.parse(text) };
  } catch (e) {
    fail(`${file} is not valid JSON: ${e.message}`);
  }
}

const sha256 = (text) => createHash("sha256").update(text).digest("hex");
const own = (object) => Object.keys(object).filter((k) => !k.startsWith("$"));

// ---------------------------------------------------------------------------------------------------------------
// Type hints ("desc") of the inspect dump

const UNIT_MS = { w: 604_800_000, d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000, ms: 1 };

/** Parses a time bound as the router writes it in hints (`1s`, `7w17h2m47s295ms`, `00:00:00.020`) to milliseconds. */
function parseBoundMs(text, where) {
  const clock = /^(?:(\d+)w)?(?:(\d+)d)?(\d+):(\d{2}):(\d{2})(?:\.(\d{1,9}))?$/.exec(text);
  if (clock) {
    const [, w = "0", d = "0", h, m, s, frac = ""] = clock;
    if (/[1-9]/.test(frac.slice(3))) fail(`${where}: time bound ${text} is finer than a millisecond`);
    const ms = Number(frac.padEnd(3, "0").slice(0, 3));
    return (
      ((Number(w) * 7 + Number(d)) * 24 + Number(h)) * 3_600_000 + Number(m) * 60_000 + Number(s) * 1000 + ms
    );
  }
  if (!/^(?:\d+(?:ms|w|d|h|m|s))+$/.test(text)) fail(`${where}: unrecognised time bound "${text}"`);
  let total = 0;
  for (const [, n, unit] of text.matchAll(/(\d+)(ms|w|d|h|m|s)/g)) total += Number(n) * UNIT_MS[unit];
  return total;
}

/** Turns one `desc` hint into a type spec (`{ type, ...constraints }`). Unknown shapes stop the derivation. */
function parseDesc(desc, where) {
  const suffix =
    /^(.*?)\s+\((time interval|IP address|IP prefix|IPv6 prefix|IP address range|MAC address)\)$/.exec(desc);
  if (desc === "time interval" || suffix?.[2] === "time interval") {
    if (!suffix) return { type: "time" };
    const dots = suffix[1].indexOf("..");
    if (dots < 0) fail(`${where}: unrecognised time range "${desc}"`);
    const range = { min: parseBoundMs(suffix[1].slice(0, dots), where) };
    const max = suffix[1].slice(dots + 2);
    if (max !== "") range.max = parseBoundMs(max, where);
    return { type: "time", timeRange: range };
  }
  if (suffix) {
    const type = {
      "IP address": "ip",
      "IP prefix": "ip-prefix",
      "IPv6 prefix": "ip6-prefix",
      "IP address range": "ip-range",
      "MAC address": "mac",
    }[suffix[2]];
    return { type };
  }
  if (desc === "script") return { type: "script" };
  if (desc === "see documentation") return { type: "unknown" };
  const str = /^(hexadecimal )?string value((?:, (?:min|max) length \d+)*)$/.exec(desc);
  if (str) {
    const spec = { type: "string" };
    if (str[1]) spec.format = "hex";
    const min = /min length (\d+)/.exec(str[2]);
    const max = /max length (\d+)/.exec(str[2]);
    if (min || max) {
      spec.lengthRange = {};
      if (min) spec.lengthRange.min = Number(min[1]);
      if (max) spec.lengthRange.max = Number(max[1]);
    }
    return spec;
  }
  const num = /^(-?\d+)\.\.(-?\d+)$/.exec(desc);
  if (num) return { type: "number", range: { min: Number(num[1]), max: Number(num[2]) } };
  const enumeration = /^([A-Za-z0-9.\-_]+(?:\|[A-Za-z0-9.\-_]+)+)(\[,[A-Za-z0-9]+\*\])?$/.exec(desc);
  if (enumeration) {
    const spec = { type: "enum", enumValues: enumeration[1].split("|") };
    if (enumeration[2]) spec.multiValue = true;
    return spec;
  }
  fail(`${where}: unrecognised type hint "${desc}"`);
}

// ---------------------------------------------------------------------------------------------------------------
// Reading the inspect tree into menus

/** @typedef {{ name: string, spec: object, details: object }} Arg */
/** @typedef {{ args: Map<string, Arg>, positional: string[], description?: string, firstSeen?: string, acceptsAnyArg?: boolean }} Command */
/** @typedef {{ path: string[], kind?: string, commands: Map<string, Command>, properties: object[], description?: string, firstSeen?: string, global?: boolean, handAdded?: boolean }} Menu */

const TYPE_FIELDS = [
  "type",
  "enumValues",
  "multiValue",
  "range",
  "timeRange",
  "lengthRange",
  "extraValues",
  "format",
];
const pickType = (source) =>
  Object.fromEntries(TYPE_FIELDS.filter((f) => source[f] !== undefined).map((f) => [f, source[f]]));

function newMenu(path) {
  return { path, commands: new Map(), properties: [] };
}

function readInspect(tree, generic) {
  /** @type {Map<string, Menu>} */
  const menus = new Map();
  const walk = (node, path) => {
    const menu = newMenu(path);
    menus.set(path.join("/"), menu);
    for (const name of Object.keys(node).sort()) {
      if (name === "_type") continue;
      const child = node[name];
      const where = `/${[...path, name].join("/")}`;
      if (!child || typeof child !== "object") fail(`inspect ${where}: not an object`);
      if (child._type === "dir" || child._type === "path") walk(child, [...path, name]);
      else if (child._type === "cmd") menu.commands.set(name, readCommand(child, where, generic));
      else fail(`inspect ${where}: unexpected _type ${JSON.stringify(child._type)} for a menu entry`);
    }
  };
  walk(tree, []);
  return menus;
}

function readCommand(node, where, generic) {
  const args = new Map();
  for (const name of Object.keys(node).sort()) {
    if (name === "_type") continue;
    const arg = node[name];
    if (arg?._type !== "arg")
      fail(`inspect ${where}: ${name} should be an arg, found ${JSON.stringify(arg?._type)}`);
    const spec = argSpec(name, arg.desc, `inspect ${where} ${name}`, generic);
    const menuPath = where.slice(1, where.lastIndexOf("/"));
    const timeForm = generic.timeForms.get(`${menuPath} ${name}`);
    if (spec.type === "time" && timeForm !== undefined) spec.format = timeForm;
    args.set(name, { name, spec, details: {} });
  }
  return { args, positional: [] };
}

function argSpec(name, desc, where, generic) {
  if (typeof desc === "string") {
    if (desc === "string value" && generic.scriptStrings.has(name)) return { type: "script" };
    const spec = parseDesc(desc, where);
    if (spec.type === "time" && generic.timeWithCount.has(name)) spec.format = "time-with-count";
    return spec;
  }
  const byName = generic.byName[name];
  if (byName) return pickType(byName);
  if (generic.switches.has(name)) return { type: "switch" };
  return { type: "unknown" };
}

function isSensitive(name, rules) {
  const last = name.slice(name.lastIndexOf(".") + 1);
  if (rules.except.includes(last)) return false;
  return rules.exact.includes(last) || rules.suffixes.some((s) => last.endsWith(s));
}

// ---------------------------------------------------------------------------------------------------------------
// Hand-written overlays

function menuAt(menus, key, who) {
  const menu = menus.get(key);
  if (!menu) fail(`${who}: the command tree has no menu /${key}`);
  return menu;
}

function commandAt(menus, key, who) {
  const slash = key.lastIndexOf("/");
  const menu = menuAt(menus, slash < 0 ? "" : key.slice(0, slash), who);
  const command = menu.commands.get(key.slice(slash + 1));
  if (!command) fail(`${who}: the command tree has no command /${key}`);
  return command;
}

function applyExtraMenus(menus, extra) {
  for (const entry of extra.menus) {
    const who = `extra-menus.json /${entry.path}`;
    if (typeof entry.why !== "string") fail(`${who}: says nothing about why it is added`);
    let menu = menus.get(entry.path);
    if (!menu) {
      const slash = entry.path.lastIndexOf("/");
      menuAt(menus, slash < 0 ? "" : entry.path.slice(0, slash), who);
      menu = newMenu(entry.path.split("/"));
      menu.handAdded = true;
      menus.set(entry.path, menu);
    }
    if (entry.kind) menu.kind = entry.kind;
    if (entry.description) menu.description = entry.description;
    if (entry.optional) menu.optional = entry.optional;
    for (const name of Object.keys(entry.commands).sort()) {
      const spec = entry.commands[name];
      if (menu.commands.has(name)) fail(`${who}: command ${name} already exists in the dump`);
      const command = spec.copyFrom
        ? { args: new Map(commandAt(menus, spec.copyFrom, who).args), positional: [] }
        : { args: new Map(), positional: [] };
      if (spec.description) command.description = spec.description;
      if (spec.acceptsAnyArg) command.acceptsAnyArg = true;
      command.handAdded = true;
      menu.commands.set(name, command);
    }
  }
}

/**
 * Menus of hardware and extra packages the x86 dump cannot hold (`/zerotier`, `/interface ethernet switch`...): added
 * empty, marked optional with what provides them, so that the checker accepts them without checking inside.
 */
function applyOptional(menus, optional) {
  for (const entry of optional.menus) {
    const who = `optional-menus.json /${entry.path}`;
    if (typeof entry.what !== "string" || typeof entry.why !== "string") fail(`${who}: needs what and why`);
    if (menus.has(entry.path)) fail(`${who}: the dump has this menu; it is not optional`);
    const slash = entry.path.lastIndexOf("/");
    menuAt(menus, slash < 0 ? "" : entry.path.slice(0, slash), who);
    const menu = newMenu(entry.path.split("/"));
    menu.handAdded = true;
    menu.kind = "dir";
    menu.optional = entry.what;
    menu.description = `A menu of ${entry.what}; not in the RouterOS 7.24 command tree (an x86 CHR), so its commands are not checked.`;
    menus.set(entry.path, menu);
  }
  for (const key of own(optional.changingPackages ?? {})) {
    const what = optional.changingPackages[key];
    for (const [path, menu] of menus)
      if (path === key || path.startsWith(`${key}/`)) menu.changingArgs = what;
  }
  for (const key of own(optional.hardwareArguments ?? {})) {
    const menu = menuAt(menus, key, `optional-menus.json hardwareArguments ${key}`);
    menu.hardwareArgs = optional.hardwareArguments[key];
  }
  for (const key of own(optional.hardwareArgumentNames ?? {})) {
    const entry = optional.hardwareArgumentNames[key];
    const menu = menuAt(menus, key, `optional-menus.json hardwareArgumentNames ${key}`);
    menu.hardwareArgs = entry.what;
    menu.hardwareArgNames = entry.names.join(",");
  }
}

function applyGlobals(menus, globals) {
  const root = menuAt(menus, "", "global-commands.json");
  for (const [name, command] of root.commands) {
    if (!command.handAdded && !(name in globals.commands))
      fail(`global-commands.json: root command ${name} of the dump is not described`);
  }
  for (const name of own(globals.commands)) {
    const g = globals.commands[name];
    const who = `global-commands.json ${name}`;
    const command = root.commands.get(name);
    if (!command) fail(`${who}: the dump has no root command ${name}`);
    command.description = g.description;
    if (g.firstSeen) command.firstSeen = g.firstSeen;
    for (const argName of Object.keys(g.args ?? {})) {
      const arg = command.args.get(argName);
      if (!arg) fail(`${who}: the command has no argument ${argName}`);
      const a = g.args[argName];
      if (a.type) arg.spec = pickType(a);
      if (a.description) arg.details.description = a.description;
      if (a.firstSeen) arg.details.firstSeen = a.firstSeen;
    }
    command.positional = checkPositional(command, g.positional ?? [], who);
  }
  for (const name of own(globals.globalDirs)) {
    const menu = menuAt(menus, name, `global-commands.json globalDirs ${name}`);
    menu.global = true;
    menu.description = globals.globalDirs[name].description;
    if (globals.globalDirs[name].firstSeen) menu.firstSeen = globals.globalDirs[name].firstSeen;
  }
}

function checkPositional(command, names, who) {
  for (const n of names)
    if (!command.args.has(n)) fail(`${who}: positional argument ${n} is not an argument`);
  return [...names];
}

function applyPositional(menus, rules) {
  const { itemArgs, propertyArg, propertyCommands } = rules.generic;
  for (const [key, menu] of menus) {
    for (const [name, command] of menu.commands) {
      if (key === "" && command.positional.length > 0) continue; // global commands: set by applyGlobals
      const path = key === "" ? name : `${key}/${name}`;
      if (path in rules.byPath) {
        command.positional = checkPositional(command, rules.byPath[path], `positional.json byPath ${path}`);
        continue;
      }
      const extra = rules.byCommandName[name];
      if (extra && extra.every((a) => command.args.has(a))) {
        command.positional = [...extra];
        continue;
      }
      const positional = [];
      const item = itemArgs.find((a) => command.args.has(a));
      if (item) positional.push(item);
      if (propertyCommands.includes(name) && command.args.has(propertyArg)) positional.push(propertyArg);
      command.positional = positional;
    }
  }
  for (const path of own(rules.byPath)) {
    const slash = path.lastIndexOf("/");
    if (!menus.get(slash < 0 ? "" : path.slice(0, slash))?.commands.has(path.slice(slash + 1)))
      fail(`positional.json byPath: the command tree has no command /${path}`);
  }
}

/** Maps the free-text types of iot-mqtt.json to type specs, keeping what the dump already knows. */
function iotSpec(entry, inspectSpec, where) {
  const t = String(entry.type).toLowerCase();
  const values = typeof entry.values === "string" ? entry.values : "";
  if (t.startsWith("broker name")) return { type: "broker-name" };
  if (t.startsWith("bool")) return { type: "bool" };
  if (t.startsWith("switch")) return { type: "switch" };
  if (t.startsWith("date")) return { type: "date" };
  if (t.startsWith("integer")) {
    const spec = { type: "number" };
    const range = /(-?\d+)\.\.(-?\d+)/.exec(values);
    if (range) spec.range = { min: Number(range[1]), max: Number(range[2]) };
    if (/\|\s*off\b/.test(values)) spec.extraValues = ["off"];
    return spec;
  }
  if (t === "time interval") {
    if (inspectSpec.type === "time") return inspectSpec;
    const range = /^(\S+)\.\.(\S+)$/.exec(values);
    return range
      ? {
          type: "time",
          timeRange: { min: parseBoundMs(range[1], where), max: parseBoundMs(range[2], where) },
        }
      : { type: "time" };
  }
  if (t.includes("script")) return { type: "script" };
  if (t.startsWith("string") || t.startsWith("ip | hostname") || t.startsWith("topic")) {
    const spec = inspectSpec.type === "string" ? { ...inspectSpec } : { type: "string" };
    if (t.includes("topic filter") || t.startsWith("topic")) spec.format = "mqtt-topic-filter";
    return spec;
  }
  fail(`${where}: unrecognised type "${entry.type}"`);
}

function iotDefault(value) {
  if (value === null || value === undefined || value === "") return undefined;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (/^(docs:|'')/.test(value) || value.includes(";")) return undefined; // prose: settled in iot-mqtt-overrides.json
  return value;
}

function overlayIotArg(arg, entry, { applyRequired }, override, where) {
  arg.spec = iotSpec(entry, arg.spec, where);
  if (entry.description) arg.details.description = entry.description;
  if (entry.first_seen_sampled) arg.details.firstSeen = entry.first_seen_sampled;
  const def = iotDefault(entry.default);
  if (def !== undefined) arg.details.default = def;
  if (applyRequired && entry.required === true) arg.details.requiredBy = "router";
  if (/sensitive/.test(entry.type)) arg.details.sensitive = true;
  if (override) {
    Object.assign(arg.spec, pickType(override));
    if (override.default !== undefined) arg.details.default = override.default;
    if (override.requiredBy && applyRequired) arg.details.requiredBy = override.requiredBy;
  }
}

function applyIot(menus, iot, overrides) {
  const used = new Set();
  const overrideFor = (key, name) => {
    const o = overrides[key]?.[name];
    if (o) used.add(`${key} ${name}`);
    return o;
  };
  const visit = (node) => {
    const key = node.path.replace(/^\//, "");
    const where = `iot-mqtt.json ${node.path}`;
    if (/^command/.test(node.kind)) {
      const command = commandAt(menus, key, where);
      command.description = node.description;
      if (node.first_seen_sampled) command.firstSeen = node.first_seen_sampled;
      for (const entry of node.args ?? []) {
        if (entry.name.includes(" ")) continue; // "append / file / ...": a note about generic switches
        const arg = command.args.get(entry.name);
        if (!arg) fail(`${where}: the dump has no argument ${entry.name}`);
        overlayIotArg(
          arg,
          entry,
          { applyRequired: true },
          overrideFor(key, entry.name),
          `${where} ${entry.name}`,
        );
      }
    } else {
      const menu = menuAt(menus, key, where);
      menu.description = node.description;
      if (node.first_seen_sampled) menu.firstSeen = node.first_seen_sampled;
      for (const [name, text] of Object.entries({ ...node.own_commands, ...node.commands })) {
        const command = menu.commands.get(name);
        if (command) command.description = text;
      }
      for (const entry of node.properties ?? []) {
        if (entry.read_only) {
          menu.properties.push({
            name: entry.name,
            spec: iotSpec(entry, { type: "unknown" }, `${where} ${entry.name}`),
            readOnly: true,
            details: { description: entry.description, firstSeen: entry.first_seen_sampled ?? undefined },
          });
          continue;
        }
        let found = false;
        for (const commandName of ["add", "set"]) {
          const arg = menu.commands.get(commandName)?.args.get(entry.name);
          if (!arg) continue;
          found = true;
          const override = overrideFor(key, entry.name);
          overlayIotArg(
            arg,
            entry,
            { applyRequired: commandName === "add" },
            override,
            `${where} ${entry.name}`,
          );
        }
        if (!found) fail(`${where}: no add/set argument ${entry.name} in the dump`);
      }
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(iot.tree);
  for (const key of own(overrides))
    for (const name of own(overrides[key]))
      if (!used.has(`${key} ${name}`)) fail(`iot-mqtt-overrides.json: ${key} ${name} matches nothing`);
}

function applyTelemetry(menus, telemetry) {
  const types = { string: "string", number: "number", bool: "bool", time: "time", date: "date", mac: "mac" };
  for (const key of own(telemetry.menus)) {
    const where = `telemetry-properties.json ${key}`;
    const menu = menuAt(menus, key, where);
    for (const p of telemetry.menus[key]) {
      const type = types[p.type];
      if (!type) fail(`${where} ${p.name}: unknown type ${p.type}`);
      if (p.readOnly === false) {
        const args = ["set", "add"].map((c) => menu.commands.get(c)?.args.get(p.name)).filter(Boolean);
        if (args.length === 0)
          fail(`${where} ${p.name}: marked settable but no set/add argument has that name`);
        for (const arg of args) {
          if (arg.spec.type === "unknown") arg.spec = { type };
          arg.details.description = p.description;
        }
        continue;
      }
      if (menu.properties.some((q) => q.name === p.name)) fail(`${where} ${p.name}: listed twice`);
      menu.properties.push({
        name: p.name,
        spec: { type },
        readOnly: true,
        details: { description: p.description },
      });
    }
  }
}

/**
 * What RouterOS 7.22.1 demands of `add` in each menu, probed on a CHR with a bare `add` (tikoci/lsp-routeros-ts
 * test-data/required-args.v7.22.1.json): `missing value(s) of argument(s) a b` makes every named argument required;
 * a `failure: ...` naming arguments (`name or regexp required`) means one of them must be given, with the router's
 * words. Probes that failed for other reasons (empty `required`) say nothing. Menus of packages the CHR lacked are
 * absent: what the project knows of them (/iot mqtt) stays.
 */
function applyRouterRequired(menus, probes) {
  const MISSING = /^Script Error: missing value\(s\) of argument\(s\) (.*) \(\/[^;]*; line 1\)$/;
  const FAILURE = /^failure: (.*) \(\/[^;]*; line 1\)$/;
  for (const probe of probes) {
    if (probe.required.length === 0) continue;
    const where = `required-args ${probe.path}`;
    const add = commandAt(menus, `${probe.path.replace(/^\//, "")}/add`, where);
    for (const name of probe.required)
      if (!add.args.has(name)) fail(`${where}: the 7.24 add command has no argument ${name}`);
    const missing = MISSING.exec(probe.rawError);
    const failure = FAILURE.exec(probe.rawError);
    if (missing) {
      if (missing[1].split(" ").sort().join(" ") !== [...probe.required].sort().join(" "))
        fail(`${where}: the router's message names other arguments than "required"`);
      for (const name of probe.required) add.args.get(name).details.requiredBy = "router";
    } else if (failure) {
      add.requiredOneOf = [...probe.required].sort().join("|");
      add.requiredMessage = `failure: ${failure[1]}`;
    } else fail(`${where}: unrecognised router message "${probe.rawError}"`);
  }
}

/**
 * Read-only properties by menu, each documented (read-only-properties.json), and the general status and counters of
 * /interface given to every /interface/<kind> list menu. Names that are settable arguments there are left alone.
 */
function applyReadOnly(menus, readOnly) {
  const types = { string: "string", number: "number", bool: "bool", time: "time", date: "date", mac: "mac" };
  Object.assign(types, { ip: "ip", ip6: "ip6" });
  const settable = (menu, name) => ["set", "add"].some((c) => menu.commands.get(c)?.args.has(name));
  const add = (menu, property, where) => {
    if (settable(menu, property.name)) fail(`${where}: ${property.name} is a settable argument there`);
    if (menu.properties.some((q) => q.name === property.name))
      fail(`${where}: ${property.name} listed twice`);
    menu.properties.push(property);
  };
  for (const key of own(readOnly.menus)) {
    const where = `read-only-properties.json ${key}`;
    const menu = menuAt(menus, key, where);
    if (typeof readOnly.menus[key].source !== "string") fail(`${where}: says nothing about its source`);
    for (const p of readOnly.menus[key].properties) {
      const type = types[p.type];
      if (!type) fail(`${where} ${p.name}: unknown type ${p.type}`);
      add(
        menu,
        { name: p.name, spec: { type }, readOnly: true, details: { description: p.description } },
        where,
      );
    }
  }
  const general = menuAt(menus, "interface", "read-only-properties.json interfaceKinds");
  const shared = readOnly.interfaceKinds.names.map((name) => {
    const property = general.properties.find((q) => q.name === name);
    if (!property) fail(`read-only-properties.json interfaceKinds: /interface has no read-only ${name}`);
    return property;
  });
  for (const [key, menu] of menus) {
    if (!/^interface\/[^/]+$/.test(key) || classify(menu) !== "list") continue;
    for (const property of shared) {
      if (settable(menu, property.name) || menu.properties.some((q) => q.name === property.name)) continue;
      menu.properties.push({ ...property, details: { ...property.details } });
    }
  }
}

function classify(menu) {
  if (menu.kind) return menu.kind;
  if (menu.path.length === 0) return "dir";
  const c = menu.commands;
  const takesItem = (name) => c.get(name)?.args.has("numbers") || c.get(name)?.args.has("number");
  if (c.has("add") || takesItem("get") || takesItem("set") || takesItem("remove")) return "list";
  if (c.has("get") || c.has("set")) return "settings";
  return "dir";
}

// ---------------------------------------------------------------------------------------------------------------
// Output

/**
 * Flattens a type spec or a note into a record: an array of alternating keys and primitive values in a fixed key
 * order. Records keep the file compact, deterministic and cheap for TypeScript to infer when it imports the JSON
 * (nested objects made the type checker several seconds slower).
 */
const TYPE_KEYS = [
  "type",
  "format",
  "enum",
  "multi",
  "extra",
  "min",
  "max",
  "timeMin",
  "timeMax",
  "lengthMin",
  "lengthMax",
];
const NOTE_KEYS = [
  "description",
  "default",
  "requiredBy",
  "requiredOneOf",
  "requiredMessage",
  "firstSeen",
  "sensitive",
  "acceptsAnyArg",
  "global",
  "handAdded",
  "optional",
  "hardwareArgs",
  "hardwareArgNames",
  "changingArgs",
];

function typeRecord(spec) {
  const flat = {
    type: spec.type,
    format: spec.format,
    enum: spec.enumValues?.join("|"),
    multi: spec.multiValue ? 1 : undefined,
    extra: spec.extraValues?.join("|"),
    min: spec.range?.min,
    max: spec.range?.max,
    timeMin: spec.timeRange?.min,
    timeMax: spec.timeRange?.max,
    lengthMin: spec.lengthRange?.min,
    lengthMax: spec.lengthRange?.max,
  };
  return record(flat, TYPE_KEYS);
}

function noteRecord(note) {
  const flat = { ...note };
  for (const k of ["sensitive", "acceptsAnyArg", "global", "handAdded"]) flat[k] = note[k] ? 1 : undefined;
  return record(flat, NOTE_KEYS);
}

function record(flat, keys) {
  for (const k of Object.keys(flat))
    if (!keys.includes(k) && flat[k] !== undefined) fail(`internal: unknown record key ${k}`);
  return keys.filter((k) => flat[k] !== undefined).flatMap((k) => [k, flat[k]]);
}

class Table {
  constructor() {
    this.items = [];
    this.index = new Map();
  }
  add(value) {
    const key = JSON.stringify(value);
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.items.length;
      this.items.push(value);
      this.index.set(key, i);
    }
    return i;
  }
}

function sourceInfo(sourceMd) {
  const m = /commit ([0-9a-f]{7,40}), (\d{4}-\d{2}-\d{2})/.exec(sourceMd);
  if (!m) fail("data/SOURCE.md: cannot find the restraml commit and date");
  return { commit: m[1], date: m[2] };
}

function emit(menus, inputs) {
  const types = new Table();
  const notes = new Table();
  const args = new Table();
  const argLists = new Table();
  const positionalLists = new Table();
  types.add(typeRecord({ type: "unknown" }));
  notes.add([]);
  positionalLists.add([]);
  let commandCount = 0;
  const menuRows = [];
  const propertyRows = [];
  const byName = (x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0);
  for (const key of [...menus.keys()].sort()) {
    const menu = menus.get(key);
    const commands = [];
    for (const name of [...menu.commands.keys()].sort()) {
      const command = menu.commands.get(name);
      commandCount++;
      const list = [...command.args.keys()].sort().map((argName) => {
        const arg = command.args.get(argName);
        return args.add([argName, types.add(typeRecord(arg.spec)), notes.add(noteRecord(arg.details))]);
      });
      const note = noteRecord({
        description: command.description,
        requiredOneOf: command.requiredOneOf,
        requiredMessage: command.requiredMessage,
        firstSeen: command.firstSeen,
        acceptsAnyArg: command.acceptsAnyArg,
        handAdded: command.handAdded,
      });
      commands.push(name, argLists.add(list), positionalLists.add(command.positional), notes.add(note));
    }
    const note = noteRecord({
      description: menu.description,
      firstSeen: menu.firstSeen,
      global: menu.global,
      handAdded: menu.handAdded,
      optional: menu.optional,
      hardwareArgs: menu.hardwareArgs,
      hardwareArgNames: menu.hardwareArgNames,
      changingArgs: menu.changingArgs,
    });
    menuRows.push([key, classify(menu), notes.add(note), commands]);
    for (const p of [...menu.properties].sort(byName))
      propertyRows.push([key, p.name, types.add(typeRecord(p.spec)), notes.add(noteRecord(p.details))]);
  }
  const restraml = sourceInfo(inputs.sourceMd);
  const header = {
    format: "routeros-mqtt-schema/1",
    routerosVersion: "7.24",
    generatedBy: "scripts/derive-schema.mjs from ../shared and scripts/schema-sources/ (do not edit by hand)",
    units: { timeRange: "milliseconds" },
    sources: [
      {
        what: "RouterOS 7.24 command tree from /console/inspect (x86 CHR, all extra packages)",
        from: `tikoci/restraml docs/7.24/extra/inspect.json, commit ${restraml.commit} (${restraml.date})`,
        license: "public domain (The Unlicense)",
        sha256: sha256(inputs.inspectText),
      },
      {
        what: "/iot mqtt types, ranges, defaults, descriptions and first-seen versions",
        from: "project reference iot-mqtt.json (paraphrased from MikroTik documentation and the restraml dumps 7.9..7.24)",
        sha256: sha256(inputs.iotText),
      },
      {
        what: "arguments RouterOS 7.22.1 demands of add, per menu (a bare add probed on a CHR, the router's error)",
        from: "tikoci/lsp-routeros-ts test-data/required-args.v7.22.1.json (captured 2026-04-26)",
        license: "MIT, Copyright (c) tikoci",
        sha256: sha256(inputs.requiredText),
      },
      {
        what: "global commands, positional order, telemetry properties, generic argument types, menus missing from the dump",
        from: "scripts/schema-sources/*.json (hand-written from the project's RouterOS language reference)",
        sha256: sha256(inputs.handTexts.join("\n")),
      },
    ],
    counts: { menus: menuRows.length, commands: commandCount, distinctArguments: args.items.length },
    layout: "see server/src/schema/data/SOURCE.md",
  };
  // One table entry per line: compact, yet diffs stay readable.
  const section = (name, items) => `"${name}":[\n${items.map((x) => JSON.stringify(x)).join(",\n")}\n]`;
  const tables = { types, notes, args, argLists, positionalLists };
  return [
    `{"header":${JSON.stringify(header)}`,
    ...Object.entries(tables).map(([name, table]) => section(name, table.items)),
    section("menus", menuRows),
    section("properties", propertyRows),
    section(
      "packages",
      Object.keys(inputs.packages)
        .sort()
        .map((name) => [name, inputs.packages[name]]),
    ) + "}\n",
  ].join(",\n");
}

// ---------------------------------------------------------------------------------------------------------------

/** Runs the whole derivation and returns the output text. */
export function derive(sharedDir) {
  const inspect = readJson(join(sharedDir, "data", "routeros-7.24-inspect.json"));
  const iot = readJson(join(sharedDir, "reference", "iot-mqtt.json"));
  const required = readJson(join(sharedDir, "data", "routeros-7.22.1-required-args.json"));
  let sourceMd;
  try {
    sourceMd = readFileSync(join(sharedDir, "data", "SOURCE.md"), "utf8");
  } catch (e) {
    fail(`cannot read ${join(sharedDir, "data", "SOURCE.md")}: ${e.code ?? e.message}`);
  }
  const hand = Object.fromEntries(
    [
      "generic-args",
      "global-commands",
      "positional",
      "telemetry-properties",
      "extra-menus",
      "optional-menus",
      "read-only-properties",
      "iot-mqtt-overrides",
    ].map((n) => [n, readJson(join(sourcesDir, `${n}.json`))]),
  );
  const genericSource = hand["generic-args"].value;
  const generic = {
    byName: genericSource.byName,
    switches: new Set(genericSource.switches.names),
    timeWithCount: new Set(genericSource.timeWithCount.names),
    timeForms: new Map(Object.entries(genericSource.timeForms.arguments)),
    scriptStrings: new Set(genericSource.scriptStrings.names),
  };

  const menus = readInspect(inspect.value, generic);
  applyExtraMenus(menus, hand["extra-menus"].value);
  applyOptional(menus, hand["optional-menus"].value);
  for (const menu of menus.values())
    for (const command of menu.commands.values())
      for (const arg of command.args.values())
        if (isSensitive(arg.name, genericSource.sensitive)) arg.details.sensitive = true;
  applyGlobals(menus, hand["global-commands"].value);
  applyPositional(menus, hand.positional.value);
  applyRouterRequired(menus, required.value);
  applyIot(menus, iot.value, hand["iot-mqtt-overrides"].value);
  applyTelemetry(menus, hand["telemetry-properties"].value);
  applyReadOnly(menus, hand["read-only-properties"].value);
  return emit(menus, {
    inspectText: inspect.text,
    iotText: iot.text,
    requiredText: required.text,
    packages: hand["optional-menus"].value.packages,
    sourceMd,
    handTexts: Object.values(hand).map((h) => h.text),
  });
}

function main() {
  const argv = process.argv.slice(2);
  const option = (name, fallback) => {
    const i = argv.indexOf(name);
    if (i < 0) return fallback;
    if (i + 1 >= argv.length) fail(`${name} needs a value`);
    return argv[i + 1];
  };
  const sharedDir = resolve(option("--shared", join(repo, "..", "shared")));
  const outFile = resolve(
    option("--out", join(repo, "server", "src", "schema", "data", "routeros-7.24.json")),
  );
  const text = derive(sharedDir);
  if (argv.includes("--stdout")) process.stdout.write(text);
  else {
    writeFileSync(outFile, text);
    process.stderr.write(
      `derive-schema: wrote ${outFile} (${(Buffer.byteLength(text) / 1024).toFixed(1)} KiB)\n`,
    );
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (e) {
    if (!(e instanceof DeriveError)) throw e;
    process.stderr.write(`derive-schema: ${e.message}\n`);
    process.exit(1);
  }
}

// The generic menu commands on the simulated device: get, print (as-value, count-only, where), find, add, set, remove, enable, disable, unset.
import { formatPath, validateValue, type PropertyInfo } from "../../schema";
import { RosArray } from "../array";
import { fromBytes, toBytes } from "../bytes";
import { ScriptError } from "../errors";
import { formatId, toStr } from "../format";
import { then, type MaybePromise } from "../maybe";
import type { MenuCall, Runtime } from "../runtime";
import type { Scope } from "../scope";
import { Code, Id, NOTHING, type Value } from "../values";
import { ID_KEY, type DeviceItem, type DeviceMenu, type ListMenu } from "./device";
import { readBack, readBackAll, valueForProperty } from "./typed";

/** Arguments that address items or steer a command rather than name a property. */
const CONTROL_ARGS = new Set([
  "numbers",
  "number",
  "value-name",
  "where",
  "proplist",
  "copy-from",
  "place-before",
]);

/** `no such item`, exactly: scripts compare `$e` with it (tikwg's installer: `$errorName = "no such item"`). */
function noSuchItem(what: string): ScriptError {
  return new ScriptError("no such item", "RSC4001", undefined, `(${what})`);
}

/** Items named by a `numbers` value: ids, `find` results, names, print positions, or a comma list of them. */
export function resolveItems(list: ListMenu, value: Value): DeviceItem[] {
  if (value instanceof RosArray) return value.values().flatMap((v) => resolveItems(list, v));
  if (value instanceof Id) {
    const item = list.items.find((i) => i.id === value.n);
    if (!item) throw noSuchItem(formatId(value.n));
    return [item];
  }
  if (typeof value === "bigint") {
    const item = list.items[Number(value)];
    if (!item) throw noSuchItem(`number ${value}`);
    return [item];
  }
  const text = toStr(value);
  if (text === "") return [];
  return text.split(",").map((part) => {
    if (/^\*[0-9A-Fa-f]+$/.test(part))
      return resolveItems(list, new Id(parseInt(part.slice(1), 16)))[0] as DeviceItem;
    const byName = list.items.find((i) => i.props.get("name") === part);
    if (byName) return byName;
    if (/^[0-9]+$/.test(part)) return resolveItems(list, BigInt(part))[0] as DeviceItem;
    throw noSuchItem(fromBytes(part));
  });
}

/** The items of a list passing the `where` condition (all when there is none). */
function filterItems(items: readonly DeviceItem[], call: MenuCall): MaybePromise<DeviceItem[]> {
  const where = call.where;
  if (!where) return items.slice();
  const out: DeviceItem[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as DeviceItem;
    const keep = where(item.props);
    if (keep instanceof Promise) return filterRest(items, i, keep, out, where);
    if (keep) out.push(item);
  }
  return out;
}

async function filterRest(
  items: readonly DeviceItem[],
  from: number,
  pending: Promise<boolean>,
  out: DeviceItem[],
  where: NonNullable<MenuCall["where"]>,
): Promise<DeviceItem[]> {
  if (await pending) out.push(items[from] as DeviceItem);
  for (let i = from + 1; i < items.length; i++)
    if (await where((items[i] as DeviceItem).props)) out.push(items[i] as DeviceItem);
  return out;
}

function list(menu: DeviceMenu, call: MenuCall): ListMenu {
  if (menu.kind !== "list")
    throw new ScriptError(`${formatPath(call.path)} has no items: ${call.command} needs a list menu`);
  return menu;
}

function valueNameOf(call: MenuCall): string | undefined {
  const v = call.args.get("value-name");
  return v === undefined ? undefined : toStr(v);
}

function asArray(props: ReadonlyMap<string, Value>): RosArray {
  return new RosArray([], props);
}

function readProperty(
  call: MenuCall,
  rt: Runtime,
  props: ReadonlyMap<string, Value>,
  name: string,
  settings: boolean,
): Value {
  const value = props.get(name);
  if (value !== undefined) return readBack(value);
  const known = rt.schema.property(call.path, fromBytes(name));
  if (!known)
    throw new ScriptError(
      "input does not match any value of value-name",
      "RSC4001",
      undefined,
      `(${fromBytes(name)} is not a property of ${formatPath(call.path)})`,
    );
  if (settings)
    throw new ScriptError(
      `the device profile has no value for ${fromBytes(name)} in ${formatPath(call.path)}: add it to the profile`,
      "RSC4003",
    );
  return NOTHING;
}

function get(call: MenuCall, rt: Runtime, menu: DeviceMenu): Value {
  const name = valueNameOf(call);
  if (menu.kind === "settings") {
    const extra = call.args.get("number") ?? call.extra[0];
    const valueName = name ?? (extra === undefined ? undefined : toStr(extra));
    return valueName === undefined
      ? asArray(readBackAll(menu.props))
      : readProperty(call, rt, menu.props, valueName, true);
  }
  let target = call.args.get("number");
  let valueName = name;
  // A menu the schema knows as settings but the profile simulates as a list (`/system health` in RouterOS 7):
  // its get takes no item, so the item arrives where value-name was expected.
  const misplaced = call.args.get("value-name");
  if (
    target === undefined &&
    (misplaced instanceof RosArray || misplaced instanceof Id || call.extra.length > 0)
  ) {
    target = misplaced;
    valueName = call.extra[0] === undefined ? undefined : toStr(call.extra[0]);
  }
  if (target === undefined)
    throw new ScriptError(`missing value for argument number: say which item of ${formatPath(call.path)}`);
  const items = resolveItems(menu, target);
  const [item] = items;
  if (!item) throw noSuchItem("nothing matched");
  if (items.length > 1)
    throw new ScriptError("ambiguous value of number, more than one possible value matches input");
  return valueName === undefined
    ? asArray(readBackAll(item.props))
    : readProperty(call, rt, item.props, valueName, false);
}

function quoteIfString(value: Value): string {
  if (typeof value === "string") return JSON.stringify(fromBytes(value));
  if (value instanceof Code) return JSON.stringify(value.text());
  return fromBytes(toStr(value));
}

function flags(props: ReadonlyMap<string, Value>): string {
  let out = "";
  if (props.get("disabled") === true) out += "X";
  if (props.get("dynamic") === true) out += "D";
  if (props.get("running") === true) out += "R";
  return out;
}

function proplistOf(call: MenuCall): Set<string> | undefined {
  const v = call.args.get("proplist");
  return v === undefined ? undefined : new Set(toStr(v).split(","));
}

function printLines(
  rt: Runtime,
  s: Scope,
  menu: DeviceMenu,
  items: readonly DeviceItem[],
  call: MenuCall,
): void {
  const proplist = proplistOf(call);
  const shown = (name: string): boolean => name !== ID_KEY && (!proplist || proplist.has(name));
  // Secrets (a broker's password) are printed as *** so that they never reach an output or a log.
  const sensitive = new Set(
    rt.schema
      .properties(call.path)
      .filter((p) => p.sensitive)
      .map((p) => p.name),
  );
  const hide = (name: string, value: Value): Value =>
    sensitive.has(name) && toStr(value) !== "" ? "***" : value;
  if (menu.kind === "settings") {
    const names = [...menu.props.keys()].filter(shown);
    const width = names.reduce((widest, n) => Math.max(widest, n.length), 0);
    for (const name of names)
      rt.put(
        s,
        `${fromBytes(name).padStart(width)}: ${fromBytes(toStr(hide(name, menu.props.get(name) as Value)))}`,
      );
    return;
  }
  const showIds = call.switches.has("show-ids");
  items.forEach((item, index) => {
    const fields = [...item.props]
      .filter(([name]) => shown(name))
      .map(([name, value]) => `${fromBytes(name)}=${quoteIfString(hide(name, value))}`);
    const label = showIds ? formatId(item.id) : String(index);
    rt.put(s, `${label.padStart(2)} ${flags(item.props).padEnd(2)} ${fields.join(" ")}`.trimEnd());
  });
}

function print(call: MenuCall, rt: Runtime, s: Scope, menu: DeviceMenu): MaybePromise<Value> {
  const asValue = call.switches.has("as-value");
  const countOnly = call.switches.has("count-only");
  if (menu.kind === "settings") {
    if (asValue) return asArray(new Map([...readBackAll(menu.props)].filter(([k]) => proplistKeep(call, k))));
    printLines(rt, s, menu, [], call);
    return NOTHING;
  }
  return then(filterItems(menu.items, call), (items) => {
    if (countOnly) {
      const count = BigInt(items.length);
      if (!asValue && !call.site.valueWanted) rt.put(s, String(count));
      return count;
    }
    if (asValue)
      return new RosArray(
        items.map((i) =>
          asArray(new Map([...readBackAll(i.props)].filter(([k]) => proplistKeep(call, k) || k === ID_KEY))),
        ),
      );
    printLines(rt, s, menu, items, call);
    return NOTHING;
  });
}

function proplistKeep(call: MenuCall, name: string): boolean {
  const proplist = proplistOf(call);
  return !proplist || proplist.has(name);
}

/** Script values of `name=value` arguments as properties of the menu, checked against the schema. */
function propertyValues(call: MenuCall, rt: Runtime): Map<string, Value> {
  const out = new Map<string, Value>();
  const commandInfo = call.site.info;
  for (const [name, value] of call.args) {
    if (CONTROL_ARGS.has(name)) continue;
    const arg = commandInfo.arg(name);
    if (!arg && !commandInfo.acceptsAnyArg)
      throw new ScriptError(`unknown argument ${name} for ${formatPath(call.path, call.command)}`);
    const property = rt.schema.property(call.path, name);
    if (property?.readOnly) throw new ScriptError(`cannot set ${name}: it is read-only`);
    checkValue(property, name, value);
    out.set(toBytes(name), valueForProperty(value, property));
  }
  return out;
}

/** Address hints of the command tree are loose (`/ip address` takes `10.0.0.1/24` where the hint says ip): not checked. */
const UNCHECKED_TYPES: ReadonlySet<string> = new Set([
  "ip",
  "ip-prefix",
  "ip-range",
  "ip6",
  "ip6-prefix",
  "mac",
]);

function checkValue(property: PropertyInfo | undefined, name: string, value: Value): void {
  if (!property || UNCHECKED_TYPES.has(property.type) || value instanceof Code || value instanceof RosArray)
    return;
  const problem = validateValue(property, fromBytes(toStr(value)));
  if (problem?.severity === "error")
    throw new ScriptError(`invalid value for argument ${name}: ${problem.message}`);
}

async function add(call: MenuCall, rt: Runtime, menu: DeviceMenu): Promise<Value> {
  list(menu, call);
  const values = propertyValues(call, rt);
  for (const arg of call.site.info.args) {
    if (arg.requiredBy === "router" && !values.has(arg.name))
      throw new ScriptError(`missing value for argument ${arg.name}`);
  }
  // What the script gave first (in its order), then RouterOS's defaults for the rest.
  const props = new Map<string, Value>(values);
  for (const property of rt.schema.properties(call.path)) {
    if (property.default === undefined || property.readOnly || props.has(property.name)) continue;
    props.set(property.name, valueForProperty(property.default, property));
  }
  const item = await rt.host.device.addItem(call.path, props);
  return new Id(item.id);
}

async function set(call: MenuCall, rt: Runtime, menu: DeviceMenu): Promise<Value> {
  const values = propertyValues(call, rt);
  if (menu.kind === "settings") {
    await rt.host.device.setProperties(call.path, undefined, values);
    return NOTHING;
  }
  for (const item of targets(call, menu)) await rt.host.device.setProperties(call.path, item, values);
  return NOTHING;
}

function targets(call: MenuCall, menu: ListMenu): DeviceItem[] {
  const target = call.args.get("numbers") ?? call.args.get("number");
  if (target === undefined)
    throw new ScriptError(`missing value for argument numbers: say which items of ${formatPath(call.path)}`);
  return resolveItems(menu, target);
}

async function remove(call: MenuCall, rt: Runtime, menu: DeviceMenu): Promise<Value> {
  for (const item of targets(call, list(menu, call))) await rt.host.device.removeItem(call.path, item);
  return NOTHING;
}

async function enable(call: MenuCall, rt: Runtime, menu: DeviceMenu, disabled: boolean): Promise<Value> {
  const values = new Map<string, Value>([["disabled", disabled]]);
  for (const item of targets(call, list(menu, call)))
    await rt.host.device.setProperties(call.path, item, values);
  return NOTHING;
}

async function unset(call: MenuCall, rt: Runtime, menu: DeviceMenu): Promise<Value> {
  const name = valueNameOf(call);
  if (name === undefined) throw new ScriptError("missing value for argument value-name");
  const values = new Map<string, Value | undefined>([[name, undefined]]);
  if (menu.kind === "settings") await rt.host.device.setProperties(call.path, undefined, values);
  else for (const item of targets(call, menu)) await rt.host.device.setProperties(call.path, item, values);
  return NOTHING;
}

/** `/system script run <name>`: the stored source runs like a script of its own (no arguments, no caller variables). */
function runScript(call: MenuCall, rt: Runtime, s: Scope, menu: DeviceMenu): MaybePromise<Value> {
  const [item] = targets(call, list(menu, call));
  if (!item) throw noSuchItem("nothing matched");
  const source = item.props.get("source");
  const code = source instanceof Code ? source : rt.parseCode(toStr(source ?? ""));
  return then(rt.callCode(code, s, new Map(), []), () => NOTHING);
}

/** Runs a generic menu command on the device; an error names the menu when the profile or simulator cannot answer. */
const GENERIC_COMMANDS: ReadonlySet<string> = new Set([
  "get",
  "print",
  "find",
  "add",
  "set",
  "remove",
  "enable",
  "disable",
  "unset",
  "clear",
]);

export function runDeviceCommand(call: MenuCall, rt: Runtime, s: Scope): MaybePromise<Value> {
  const scriptRun = call.command === "run" && call.path.join("/") === "system/script";
  if (!GENERIC_COMMANDS.has(call.command) && !scriptRun)
    throw new ScriptError(`${formatPath(call.path, call.command)} is not simulated`, "RSC4003");
  const menu = rt.host.device.require(call.path);
  switch (call.command) {
    case "get":
      return get(call, rt, menu);
    case "print":
      return print(call, rt, s, menu);
    case "find":
      return then(
        filterItems(list(menu, call).items, call),
        (items) => new RosArray(items.map((i) => new Id(i.id))),
      );
    case "add":
      return add(call, rt, menu);
    case "set":
      return set(call, rt, menu);
    case "remove":
      return remove(call, rt, menu);
    case "enable":
      return enable(call, rt, menu, false);
    case "disable":
      return enable(call, rt, menu, true);
    case "unset":
      return unset(call, rt, menu);
    case "clear":
      list(menu, call).items.length = 0;
      return NOTHING;
    case "run":
      if (call.path.join("/") === "system/script") return runScript(call, rt, s, menu);
      break;
    default:
      break;
  }
  throw new ScriptError(`${formatPath(call.path, call.command)} is not simulated`, "RSC4003");
}

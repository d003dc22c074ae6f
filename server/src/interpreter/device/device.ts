// The simulated device's state: settings menus (one set of properties) and list menus (items with ids), plus change hooks.
import { formatPath, pathKey, type PathLike, type Schema } from "../../schema";
import { toBytes } from "../bytes";
import { ScriptError } from "../errors";
import { formatId } from "../format";
import { Id, type Value } from "../values";
import { valueFromJson, type JsonValue } from "./typed";

/** One item of a list menu. Its properties include `.id` (an Id), as `print as-value` shows it. */
export interface DeviceItem {
  readonly id: number;
  readonly props: Map<string, Value>;
}

export interface SettingsMenu {
  readonly kind: "settings";
  readonly props: Map<string, Value>;
}

export interface ListMenu {
  readonly kind: "list";
  readonly items: DeviceItem[];
  nextId: number;
}

export type DeviceMenu = SettingsMenu | ListMenu;

/** Told about changes made by scripts (the runner subscribes to MQTT when a subscription is added...). */
export interface DeviceHooks {
  added?(path: string, item: DeviceItem): void | Promise<void>;
  removed?(path: string, item: DeviceItem): void | Promise<void>;
  changed?(path: string, item: DeviceItem | undefined, names: readonly string[]): void | Promise<void>;
}

/** A device profile as data: menu path (`/system/resource`) → properties, or → list of items. */
export type ProfileMenus = Readonly<
  Record<string, Readonly<Record<string, JsonValue>> | readonly Readonly<Record<string, JsonValue>>[]>
>;

export const ID_KEY = ".id";

export class Device {
  private readonly menus = new Map<string, DeviceMenu>();
  private readonly hookList: DeviceHooks[] = [];

  constructor(
    readonly schema: Schema,
    menus: ProfileMenus = {},
  ) {
    for (const [path, data] of Object.entries(menus)) this.load(pathKey(path), data);
  }

  private load(key: string, data: ProfileMenus[string]): void {
    if (Array.isArray(data)) {
      const list: ListMenu = { kind: "list", items: [], nextId: 1 };
      this.menus.set(key, list);
      for (const row of data as readonly Readonly<Record<string, JsonValue>>[]) {
        const given = row[ID_KEY];
        const id =
          typeof given === "string" && /^\*[0-9A-Fa-f]+$/.test(given)
            ? parseInt(given.slice(1), 16)
            : list.nextId;
        list.nextId = Math.max(list.nextId, id + 1);
        const props = new Map<string, Value>([[ID_KEY, new Id(id)]]);
        for (const [name, json] of Object.entries(row)) {
          if (name === ID_KEY) continue;
          props.set(toBytes(name), valueFromJson(json, this.schema.property(key, name)));
        }
        list.items.push({ id, props });
      }
    } else {
      const props = new Map<string, Value>();
      for (const [name, json] of Object.entries(data as Readonly<Record<string, JsonValue>>))
        props.set(toBytes(name), valueFromJson(json, this.schema.property(key, name)));
      this.menus.set(key, { kind: "settings", props });
    }
  }

  /** The menu at `path`, or undefined when the profile does not simulate it. */
  menu(path: PathLike): DeviceMenu | undefined {
    return this.menus.get(pathKey(path));
  }

  /** Menu paths the profile simulates, sorted. */
  paths(): string[] {
    return [...this.menus.keys()].sort();
  }

  /** Makes sure a list menu exists (brokers and subscriptions are there for every run). */
  ensureList(path: PathLike): ListMenu {
    const key = pathKey(path);
    const existing = this.menus.get(key);
    if (existing?.kind === "list") return existing;
    const list: ListMenu = { kind: "list", items: [], nextId: 1 };
    this.menus.set(key, list);
    return list;
  }

  /** The menu, or a clear error naming it. */
  require(path: PathLike): DeviceMenu {
    const menu = this.menu(path);
    if (!menu) {
      throw new ScriptError(
        `the device profile has no ${formatPath(path)}: add it to the profile to simulate this menu`,
        "RSC4003",
      );
    }
    return menu;
  }

  addHooks(hooks: DeviceHooks): () => void {
    this.hookList.push(hooks);
    return () => {
      const i = this.hookList.indexOf(hooks);
      if (i >= 0) this.hookList.splice(i, 1);
    };
  }

  /** Adds an item and tells the hooks (awaiting them: a failing hook fails the command). */
  async addItem(path: PathLike, props: ReadonlyMap<string, Value>): Promise<DeviceItem> {
    const key = pathKey(path);
    const list = this.requireList(key);
    const id = list.nextId++;
    const item: DeviceItem = { id, props: new Map<string, Value>([[ID_KEY, new Id(id)], ...props]) };
    list.items.push(item);
    try {
      for (const hooks of this.hookList) await hooks.added?.(key, item);
    } catch (error) {
      const i = list.items.indexOf(item);
      if (i >= 0) list.items.splice(i, 1);
      throw error;
    }
    return item;
  }

  async removeItem(path: PathLike, item: DeviceItem): Promise<void> {
    const key = pathKey(path);
    const list = this.requireList(key);
    const i = list.items.indexOf(item);
    if (i >= 0) list.items.splice(i, 1);
    for (const hooks of this.hookList) await hooks.removed?.(key, item);
  }

  /** Sets properties of an item (or of a settings menu when `item` is undefined). */
  async setProperties(
    path: PathLike,
    item: DeviceItem | undefined,
    values: ReadonlyMap<string, Value | undefined>,
  ): Promise<void> {
    const key = pathKey(path);
    const props = item ? item.props : this.settings(key).props;
    for (const [name, value] of values) {
      if (value === undefined) props.delete(name);
      else props.set(name, value);
    }
    for (const hooks of this.hookList) await hooks.changed?.(key, item, [...values.keys()]);
  }

  /** Sets a property without telling hooks: for state the host owns (`connected` of a broker). */
  setState(item: DeviceItem, name: string, value: Value): void {
    item.props.set(name, value);
  }

  private requireList(key: string): ListMenu {
    const menu = this.require(key);
    if (menu.kind !== "list") throw new ScriptError(`${formatPath(key)} is not a list`, "RSC4001");
    return menu;
  }

  private settings(key: string): SettingsMenu {
    const menu = this.require(key);
    if (menu.kind !== "settings")
      throw new ScriptError(`${formatPath(key)} is a list: say which item`, "RSC4001");
    return menu;
  }
}

export function itemLabel(item: DeviceItem): string {
  return formatId(item.id);
}

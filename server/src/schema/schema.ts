// Loads the derived RouterOS 7.24 command tree and answers lookups (menus, commands, arguments, properties) from memory.
import rawFile from "./data/routeros-7.24.json";
import { matchName, type NameMatch } from "./abbreviation";
import { decodeNote, decodeType, type Note, type SchemaFile } from "./dataFile";
import { pathKey, toPath } from "./paths";
import type {
  ArgInfo,
  CommandInfo,
  MenuInfo,
  MenuKind,
  PathLike,
  PropertyInfo,
  RequiredOneOf,
  Schema,
  SchemaHeader,
  ValueSpec,
} from "./types";

/** Arguments of `set`/`add` that address or copy items rather than name a property. */
const NOT_PROPERTIES = new Set(["numbers", "number", "copy-from", "place-before"]);

type MenuRow = SchemaFile["menus"][number];

class Command implements CommandInfo {
  private readonly byName: ReadonlyMap<string, ArgInfo>;
  readonly acceptsAnyArg: boolean;
  readonly handAdded: boolean;
  readonly requiredOneOf?: RequiredOneOf;
  readonly description?: string;
  readonly firstSeen?: string;
  /** Argument names in order, made on the first abbreviated name. */
  private names: readonly string[] | undefined;

  constructor(
    readonly name: string,
    readonly menuPath: readonly string[],
    readonly args: readonly ArgInfo[],
    readonly positional: readonly string[],
    note: Note,
  ) {
    this.byName = new Map(args.map((a) => [a.name, a]));
    this.acceptsAnyArg = note.acceptsAnyArg === true;
    this.handAdded = note.handAdded === true;
    if (note.requiredOneOf !== undefined) {
      this.requiredOneOf = {
        names: note.requiredOneOf.split("|"),
        message: note.requiredMessage ?? `one of ${note.requiredOneOf.replace(/\|/g, ", ")} is required`,
      };
    }
    if (note.description !== undefined) this.description = note.description;
    if (note.firstSeen !== undefined) this.firstSeen = note.firstSeen;
  }

  arg(name: string): ArgInfo | undefined {
    return this.byName.get(name);
  }

  readArg(written: string): NameMatch {
    if (this.byName.has(written)) return { kind: "exact", name: written };
    this.names ??= this.args.map((a) => a.name);
    return matchName(written, this.names);
  }

  positionalArg(index: number): ArgInfo | undefined {
    const name = this.positional[index];
    return name === undefined ? undefined : this.byName.get(name);
  }
}

/** Copies the descriptive fields of a note that are set (no `undefined` keys, so results compare cleanly). */
function describe(note: Note): { description?: string; default?: string; firstSeen?: string } {
  const out: { description?: string; default?: string; firstSeen?: string } = {};
  if (note.description !== undefined) out.description = note.description;
  if (note.default !== undefined) out.default = note.default;
  if (note.firstSeen !== undefined) out.firstSeen = note.firstSeen;
  return out;
}

class LoadedSchema implements Schema {
  readonly header: SchemaHeader;
  private readonly rows = new Map<string, MenuRow>();
  private readonly submenus = new Map<string, string[]>();
  private readonly readOnly = new Map<string, SchemaFile["properties"][number][]>();
  private readonly types: (ValueSpec | undefined)[] = [];
  private readonly notes: (Note | undefined)[] = [];
  private readonly sharedArgs: (ArgInfo | undefined)[] = [];
  private readonly menuCache = new Map<string, MenuInfo>();
  private readonly commandIndex = new Map<string, ReadonlyMap<string, number>>();
  private readonly commandCache = new Map<string, CommandInfo>();
  private readonly propertyCache = new Map<string, readonly PropertyInfo[]>();
  private globals: readonly CommandInfo[] | undefined;
  private packages: ReadonlyMap<string, string> | undefined;

  constructor(private readonly file: SchemaFile) {
    this.header = file.header;
    for (const row of file.menus) {
      const key = row[0];
      this.rows.set(key, row);
      this.submenus.set(key, this.submenus.get(key) ?? []);
      if (key === "") continue;
      const slash = key.lastIndexOf("/");
      const parent = slash < 0 ? "" : key.slice(0, slash);
      const siblings = this.submenus.get(parent) ?? [];
      siblings.push(key.slice(slash + 1));
      this.submenus.set(parent, siblings);
    }
    for (const list of this.submenus.values()) list.sort();
    for (const row of file.properties) {
      const list = this.readOnly.get(row[0]) ?? [];
      list.push(row);
      this.readOnly.set(row[0], list);
    }
  }

  menu(path: PathLike): MenuInfo | undefined {
    const key = pathKey(path);
    const cached = this.menuCache.get(key);
    if (cached) return cached;
    const row = this.rows.get(key);
    if (!row) return undefined;
    const note = this.note(row[2]);
    const info: MenuInfo = {
      path: toPath(key),
      kind: row[1] as MenuKind,
      menus: this.submenus.get(key) ?? [],
      commands: [...this.commandsOf(key).keys()],
      ...(note.description !== undefined ? { description: note.description } : {}),
      ...(note.firstSeen !== undefined ? { firstSeen: note.firstSeen } : {}),
      global: note.global === true,
      handAdded: note.handAdded === true,
      ...(note.optional !== undefined ? { optional: note.optional } : {}),
      ...(note.hardwareArgs !== undefined ? { hardwareArgs: note.hardwareArgs } : {}),
      ...(note.hardwareArgNames !== undefined ? { hardwareArgNames: note.hardwareArgNames.split(",") } : {}),
      ...(note.changingArgs !== undefined ? { changingArgs: note.changingArgs } : {}),
    };
    this.menuCache.set(key, info);
    return info;
  }

  command(menuPath: PathLike, name: string): CommandInfo | undefined {
    const key = pathKey(menuPath);
    const cacheKey = `${key} ${name}`;
    const cached = this.commandCache.get(cacheKey);
    if (cached) return cached;
    const row = this.rows.get(key);
    const at = row === undefined ? undefined : this.commandsOf(key).get(name);
    if (row === undefined || at === undefined) return undefined;
    const entries = row[3];
    const argList = this.file.argLists[entries[at + 1] as number] ?? [];
    const positional = this.file.positionalLists[entries[at + 2] as number] ?? [];
    const note = this.note(entries[at + 3] as number);
    const args = argList.map((index) => {
      const name = this.file.args[index]?.[0];
      const position = name === undefined ? -1 : positional.indexOf(name);
      return position < 0 ? this.sharedArg(index) : { ...this.sharedArg(index), positionalIndex: position };
    });
    const info = new Command(name, toPath(key), args, positional, note);
    this.commandCache.set(cacheKey, info);
    return info;
  }

  properties(path: PathLike): readonly PropertyInfo[] {
    const key = pathKey(path);
    const cached = this.propertyCache.get(key);
    if (cached) return cached;
    if (!this.rows.has(key)) return [];
    const byName = new Map<string, PropertyInfo>();
    for (const commandName of ["set", "add"]) {
      for (const arg of this.command(key, commandName)?.args ?? []) {
        if (NOT_PROPERTIES.has(arg.name) || arg.type === "switch" || byName.has(arg.name)) continue;
        const { name, required: _r, requiredBy: _b, positionalIndex: _p, ...rest } = arg;
        byName.set(name, { ...rest, name, readOnly: false });
      }
    }
    const settable = [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
    const readOnly: PropertyInfo[] = [];
    for (const [, name, typeIndex, noteIndex] of this.readOnly.get(key) ?? []) {
      if (byName.has(name)) continue;
      const note = this.note(noteIndex);
      readOnly.push({
        ...this.type(typeIndex),
        name,
        readOnly: true,
        ...describe(note),
        sensitive: note.sensitive === true,
      });
    }
    const all = [...settable, ...readOnly];
    this.propertyCache.set(key, all);
    return all;
  }

  property(path: PathLike, name: string): PropertyInfo | undefined {
    return this.properties(path).find((p) => p.name === name);
  }

  globalCommands(): readonly CommandInfo[] {
    this.globals ??= [...this.commandsOf("").keys()].map((name) => this.command([], name) as CommandInfo);
    return this.globals;
  }

  menuPaths(): readonly (readonly string[])[] {
    return [...this.rows.keys()].sort().map(toPath);
  }

  optionalPackage(word: string): string | undefined {
    this.packages ??= new Map(this.file.packages ?? []);
    return this.packages.get(word);
  }

  /** Command name → position of its entry in the menu row. */
  private commandsOf(key: string): ReadonlyMap<string, number> {
    let index = this.commandIndex.get(key);
    if (index) return index;
    const map = new Map<string, number>();
    const entries = this.rows.get(key)?.[3] ?? [];
    for (let i = 0; i + 3 < entries.length; i += 4) map.set(String(entries[i]), i);
    index = map;
    this.commandIndex.set(key, index);
    return index;
  }

  private type(index: number): ValueSpec {
    let spec = this.types[index];
    if (!spec) {
      spec = decodeType(this.file.types[index] ?? []);
      this.types[index] = spec;
    }
    return spec;
  }

  private note(index: number): Note {
    let note = this.notes[index];
    if (!note) {
      note = decodeNote(this.file.notes[index] ?? []);
      this.notes[index] = note;
    }
    return note;
  }

  /** The ArgInfo of an `args` entry, shared by every command that has the same argument. */
  private sharedArg(index: number): ArgInfo {
    let arg = this.sharedArgs[index];
    if (!arg) {
      const [name, typeIndex, noteIndex] = this.file.args[index] ?? ["?", 0, 0];
      const note = this.note(noteIndex);
      arg = {
        ...this.type(typeIndex),
        name,
        required: note.requiredBy !== undefined,
        ...(note.requiredBy !== undefined ? { requiredBy: note.requiredBy } : {}),
        ...describe(note),
        sensitive: note.sensitive === true,
      };
      this.sharedArgs[index] = arg;
    }
    return arg;
  }
}

/** Builds a schema over a data file (the committed one, or a small one in tests). Indexes are built lazily. */
export function loadSchema(file: SchemaFile): Schema {
  return new LoadedSchema(file);
}

let instance: Schema | undefined;

/** The RouterOS 7.24 schema bundled with the product (one instance per process). */
export function getSchema(): Schema {
  instance ??= loadSchema(rawFile as unknown as SchemaFile);
  return instance;
}

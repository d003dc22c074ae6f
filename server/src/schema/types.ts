// Public shapes of the RouterOS command schema: menus, commands, arguments, properties and their value types.
import type { NameMatch } from "./abbreviation";

/** The kind of value an argument or property takes. "unknown": the command tree gives no type (most arguments). */
export type ValueType =
  | "string"
  | "number"
  | "bool"
  | "time"
  | "ip"
  | "ip-prefix"
  | "ip-range"
  | "ip6"
  | "ip6-prefix"
  | "mac"
  | "enum"
  | "script"
  | "switch"
  | "id"
  | "date"
  | "broker-name"
  | "unknown";

/**
 * Extra rules for strings:
 * - "hex": hexadecimal digits only;
 * - "host": an IP address or a host name;
 * - "mqtt-topic": an MQTT topic name (publish): no `+` or `#`;
 * - "mqtt-topic-filter": an MQTT topic filter (subscribe): `+` fills a whole level, `#` only as the last level;
 * - "variable-name": names a script variable (`:local name`, `:for i`);
 * - "time-with-count": (time type) also accepts `interval,count` pairs such as keepalive=10s,10;
 * - "time-pair": (time type) also accepts `upload/download` pairs such as a simple queue's burst-time=10s/10s;
 * - "time-range": (time type) also accepts `min..max` ranges such as wifi channel.reselect-interval=4h..6h.
 */
export type ValueFormat =
  | "hex"
  | "host"
  | "mqtt-topic"
  | "mqtt-topic-filter"
  | "variable-name"
  | "time-with-count"
  | "time-pair"
  | "time-range";

export interface NumberRange {
  readonly min: number;
  readonly max: number;
}

/** Bounds of a time value in milliseconds; `max` is absent when the router gives none (`00:00:00.200..`). */
export interface TimeRangeMs {
  readonly min: number;
  readonly max?: number;
}

export interface LengthRange {
  readonly min?: number;
  readonly max?: number;
}

/** Everything needed to check a literal value; shared by arguments and properties. */
export interface ValueSpec {
  readonly type: ValueType;
  readonly format?: ValueFormat;
  /** Allowed words of an enum. */
  readonly enumValues?: readonly string[];
  /** The value is a comma-separated list (enums with RouterOS's `[,Name*]` hint, `numbers`). */
  readonly multiValue?: boolean;
  /** Inclusive bounds of a number. */
  readonly range?: NumberRange;
  /** Inclusive bounds of a time value, in milliseconds. */
  readonly timeRange?: TimeRangeMs;
  /** Bounds of a string's length in bytes (UTF-8). */
  readonly lengthRange?: LengthRange;
  /** Words accepted besides the type's own values (`off` for parallel-scripts-limit). */
  readonly extraValues?: readonly string[];
}

/** Who insists on an argument: RouterOS itself (CLI reference: mandatory) or this product (a script is useless without it). */
export type RequiredBy = "router" | "product";

export interface ArgInfo extends ValueSpec {
  readonly name: string;
  /** True when the argument must be given (by RouterOS or by product rule; see `requiredBy`). */
  readonly required: boolean;
  readonly requiredBy?: RequiredBy;
  /** Default value as RouterOS prints it (`1883`, `no`, `off`). */
  readonly default?: string;
  readonly description?: string;
  /** Earliest RouterOS version known to have it: `<=7.9` means already in the oldest sampled dump. */
  readonly firstSeen?: string;
  /** The value is a secret (password, key): never log it, never show it. */
  readonly sensitive: boolean;
  /** Position among the unnamed arguments (0 = first), when the argument can be given without `name=`. */
  readonly positionalIndex?: number;
}

/** Arguments of which RouterOS needs at least one (`/ip dns static add`: name or regexp), and how it says so. */
export interface RequiredOneOf {
  readonly names: readonly string[];
  /** The router's words: `failure: name or regexp required`. */
  readonly message: string;
}

export interface CommandInfo {
  readonly name: string;
  /** The menu holding the command (`["iot","mqtt"]` for publish, `[]` for global commands). */
  readonly menuPath: readonly string[];
  /** Arguments sorted by name. */
  readonly args: readonly ArgInfo[];
  /** Names of the arguments that may be given without `name=`, in order. */
  readonly positional: readonly string[];
  readonly description?: string;
  readonly firstSeen?: string;
  /** The schema does not know all arguments (hand-added command): do not report unknown ones. */
  readonly acceptsAnyArg: boolean;
  /** Not in the RouterOS 7.24 inspect dump; added from documentation (e.g. /system routerboard, /ping). */
  readonly handAdded: boolean;
  /** RouterOS fails unless one of these is given (from its own answer to a bare `add`). */
  readonly requiredOneOf?: RequiredOneOf;
  arg(name: string): ArgInfo | undefined;
  /** How RouterOS reads an argument name as written: exact, an unambiguous abbreviation (`to-address`), or neither. */
  readArg(written: string): NameMatch;
  /** The argument an unnamed value at `index` binds to. */
  positionalArg(index: number): ArgInfo | undefined;
}

/** "list": items added/removed (`add`, `numbers`); "settings": one set of properties (`set` without an item); "dir": only sub-menus and commands. */
export type MenuKind = "list" | "settings" | "dir";

export interface MenuInfo {
  readonly path: readonly string[];
  readonly kind: MenuKind;
  /** Names of the sub-menus, sorted. */
  readonly menus: readonly string[];
  /** Names of the commands, sorted. */
  readonly commands: readonly string[];
  readonly description?: string;
  readonly firstSeen?: string;
  /** A root menu that scripts reach from anywhere without a path, like a global command (`:log info`). */
  readonly global: boolean;
  readonly handAdded: boolean;
  /** The menu exists only with this hardware or package (`the zerotier package`); what is inside is not known. */
  readonly optional?: string;
  /** Its commands take more arguments on this hardware than the tree lists (`ethernet hardware (PoE-out, SFP...)`). */
  readonly hardwareArgs?: string;
  /** The only argument names that hardware adds (`suppress-hw-offload` of /ip route); absent: any name may be one. */
  readonly hardwareArgNames?: readonly string[];
  /** Its package's arguments changed within RouterOS 7 (`the container package`): a script may target another version. */
  readonly changingArgs?: string;
}

/** A field of the menu's items: what `get` reads (value-name) and `print` shows. */
export interface PropertyInfo extends ValueSpec {
  readonly name: string;
  /** Read-only status or counter (`uptime`, `connected`); settable ones come from the `set`/`add` arguments. */
  readonly readOnly: boolean;
  readonly description?: string;
  readonly default?: string;
  readonly firstSeen?: string;
  readonly sensitive: boolean;
}

export interface SchemaSource {
  readonly what: string;
  readonly from: string;
  readonly license?: string;
  readonly sha256?: string;
}

export interface SchemaHeader {
  readonly format: string;
  readonly routerosVersion: string;
  readonly generatedBy: string;
  readonly sources: readonly SchemaSource[];
  readonly counts: { readonly menus: number; readonly commands: number; readonly distinctArguments: number };
}

/** A menu path: `["iot","mqtt","brokers"]`, or the same as text `"iot/mqtt/brokers"` (a leading `/` is allowed). */
export type PathLike = readonly string[] | string;

export interface Schema {
  readonly header: SchemaHeader;
  menu(path: PathLike): MenuInfo | undefined;
  command(menuPath: PathLike, name: string): CommandInfo | undefined;
  /** Settable properties (arguments of `set`/`add`) followed by read-only ones; empty for unknown menus. */
  properties(path: PathLike): readonly PropertyInfo[];
  property(path: PathLike, name: string): PropertyInfo | undefined;
  /** The commands of the root menu: `:put`, `:local`, `:if`... (and `/ping`, `/import`, `/export`). */
  globalCommands(): readonly CommandInfo[];
  /** Every menu path, root first, sorted. */
  menuPaths(): readonly (readonly string[])[];
  /** What provides menus named `word` when it names an extra package or hardware (`the zerotier package`). */
  optionalPackage(word: string): string | undefined;
}

// Values worth offering where the command tree gives no list (`:serialize to=`, logging topics): completion only.

interface Hint {
  /** Menu path ("" for root commands) and command; "*" matches any command of the menu. */
  readonly menu: string;
  readonly command: string;
  readonly arg: string;
  readonly values: readonly string[];
  /** The value is a comma-separated list. */
  readonly list?: boolean;
}

/**
 * From the RouterOS language reference (global commands table): `:serialize`/`:deserialize` formats and options.
 * Logging topics: the severities and common facilities of RouterOS's `/system logging` topics.
 */
const HINTS: readonly Hint[] = [
  { menu: "", command: "serialize", arg: "to", values: ["json", "dsv"] },
  { menu: "", command: "deserialize", arg: "from", values: ["json", "dsv"] },
  {
    menu: "",
    command: "serialize",
    arg: "options",
    values: ["json.pretty", "json.no-string-conversion", "dsv.wrap-strings", "dsv.ignore-size", "dsv.remap"],
    list: true,
  },
  {
    menu: "",
    command: "deserialize",
    arg: "options",
    values: ["dsv.plain", "dsv.array", "json.no-string-conversion"],
    list: true,
  },
  { menu: "", command: "resolve", arg: "type", values: ["any", "any6", "ipv4", "ipv6"] },
  {
    menu: "system/logging",
    command: "*",
    arg: "topics",
    values: [
      "critical",
      "debug",
      "error",
      "info",
      "warning",
      "script",
      "system",
      "account",
      "dhcp",
      "dns",
      "firewall",
      "interface",
      "wireless",
    ],
    list: true,
  },
];

export interface ValueHint {
  readonly values: readonly string[];
  readonly list: boolean;
}

export function valueHint(menuPath: readonly string[], command: string, arg: string): ValueHint | undefined {
  const menu = menuPath.join("/");
  const hint = HINTS.find(
    (h) => h.menu === menu && (h.command === command || h.command === "*") && h.arg === arg,
  );
  return hint ? { values: hint.values, list: hint.list === true } : undefined;
}

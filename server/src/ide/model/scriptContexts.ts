// How the code of a script-valued argument runs: as a script of its own, with the variables its caller gives it
// (`$msgData` in on-message, `$leaseActIP` in a DHCP lease-script...), or with fields we cannot list (then any name goes).
/**
 * The scope a script's top level runs in: "script" (names the run context provides may be injected, as in
 * on-message code) or "provided" (a menu command's `do=` code, whose command provides its fields as variables).
 */
export interface RootScope {
  readonly kind: "script" | "provided";
  readonly injected: ReadonlySet<string>;
}

const NOTHING: ReadonlySet<string> = new Set();

/** Variables an MQTT subscription's on-message script receives. */
export const ON_MESSAGE_VARIABLES: ReadonlySet<string> = new Set(["msgData", "msgTopic"]);

/** Code that runs as a script of its own and receives nothing. */
export const SCRIPT_ROOT: RootScope = Object.freeze({ kind: "script", injected: NOTHING });

/** Code whose caller provides variables we cannot list: every name is taken as given. */
export const PROVIDED_ROOT: RootScope = Object.freeze({ kind: "provided", injected: NOTHING });

function script(names: Iterable<string>): RootScope {
  return Object.freeze({ kind: "script", injected: new Set(names) });
}

const ON_MESSAGE_ROOT: RootScope = script(ON_MESSAGE_VARIABLES);

/** A context in which RouterOS runs a script with variables of its own, and where the manual says so. */
interface InjectingContext {
  /** `menu argument` (menu path joined with `/`). */
  readonly key: string;
  /** For messages: `a DHCP server lease-script`. */
  readonly label: string;
  readonly names: readonly string[];
  /** Where the names are listed. */
  readonly source: string;
}

/**
 * What the router gives the scripts it runs, by menu and argument. Where the manual lists no variables (netwatch,
 * DHCP alerts, IPv6 DHCP server bindings), every name is accepted rather than warned about (PROVIDED_ROOT below).
 */
const INJECTING: readonly InjectingContext[] = [
  {
    key: "iot/mqtt/subscriptions on-message",
    label: "an /iot mqtt subscription's on-message script",
    names: [...ON_MESSAGE_VARIABLES],
    source: "MikroTik manual, page 'MQTT' (on-message: msgData, msgTopic)",
  },
  {
    key: "ip/dhcp-server lease-script",
    label: "a DHCP server lease-script",
    names: ["leaseBound", "leaseServerName", "leaseActMAC", "leaseActIP", "lease-hostname", "lease-options"],
    source: "MikroTik manual, page 'DHCP', DHCP server properties, lease-script",
  },
  {
    key: "ip/dhcp-client script",
    label: "a DHCP client script",
    names: [
      "bound",
      "server-address",
      "lease-address",
      "interface",
      "gateway-address",
      "vendor-specific",
      "lease-options",
    ],
    source:
      "MikroTik manual, page 'DHCP', DHCP client properties, script (help.mikrotik.com/docs/pages/diffpages.action?pageId=178585607)",
  },
  {
    key: "ipv6/dhcp-client script",
    label: "an IPv6 DHCP client script",
    names: ["pd-valid", "pd-prefix", "na-valid", "na-address", "options"],
    source: "MikroTik manual, page 'DHCP', DHCPv6 client, Script: 'Available variables for dhcp-client'",
  },
  {
    key: "ppp/profile on-up",
    label: "a PPP profile's on-up script",
    names: ["user", "local-address", "remote-address", "caller-id", "called-id", "interface"],
    source: "MikroTik manual, page 'PPP AAA', profile on-up and on-down",
  },
  {
    key: "ppp/profile on-down",
    label: "a PPP profile's on-down script",
    names: ["user", "local-address", "remote-address", "caller-id", "called-id", "interface"],
    source: "MikroTik manual, page 'PPP AAA', profile on-up and on-down",
  },
  {
    key: "ip/hotspot/user/profile on-login",
    label: "a HotSpot user profile's on-login script",
    names: ["user", "username", "address", "mac-address", "interface"],
    source:
      "MikroTik manual, page 'HotSpot - Captive portal', user profile on-login/on-logout; the wiki's Manual:IP/Hotspot/User (`$user`)",
  },
  {
    key: "ip/hotspot/user/profile on-logout",
    label: "a HotSpot user profile's on-logout script",
    names: ["user", "username", "address", "mac-address", "interface"],
    source:
      "MikroTik manual, page 'HotSpot - Captive portal', user profile on-login/on-logout; the wiki's Manual:IP/Hotspot/User (`$user`)",
  },
];

const CONTEXTS: ReadonlyMap<string, RootScope> = new Map([
  ...INJECTING.map((c): [string, RootScope] => [c.key, script(c.names)]),
  ["ipv6/dhcp-server binding-script", PROVIDED_ROOT],
  ["ip/dhcp-server/alert on-alert", PROVIDED_ROOT],
  ["tool/netwatch up-script", PROVIDED_ROOT],
  ["tool/netwatch down-script", PROVIDED_ROOT],
  ["tool/netwatch test-script", PROVIDED_ROOT],
]);

const INJECTED_BY = new Map<string, string[]>();
for (const c of INJECTING)
  for (const name of c.names) INJECTED_BY.set(name, [...(INJECTED_BY.get(name) ?? []), c.label]);

/**
 * The contexts whose scripts RouterOS gives `name` (`$leaseActIP`: a DHCP server lease-script), for a script file
 * that uses it without declaring it: such a file is meant to run there.
 */
export function injectedBy(name: string): readonly string[] {
  return INJECTED_BY.get(name) ?? [];
}

/**
 * The scope the code of `argument` of a menu command in `menuPath` starts in. `do=` of a menu command
 * (`/interface ethernet monitor ... do={...}`) gets the command's fields as variables; on-message code gets
 * `$msgData` and `$msgTopic` whatever menu it is written under.
 */
export function scriptContextOf(menuPath: readonly string[], argument: string): RootScope {
  if (argument === "do") return PROVIDED_ROOT;
  const known = CONTEXTS.get(`${menuPath.join("/")} ${argument}`);
  if (known) return known;
  return argument === "on-message" ? ON_MESSAGE_ROOT : SCRIPT_ROOT;
}

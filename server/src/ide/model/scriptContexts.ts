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

function script(...names: string[]): RootScope {
  return Object.freeze({ kind: "script", injected: new Set(names) });
}

const ON_MESSAGE_ROOT: RootScope = script(...ON_MESSAGE_VARIABLES);

/**
 * By `menu argument` (menu path joined with `/`): what the router gives the script. Sources: MikroTik's manual pages
 * of each menu and the language reference (injected variables of lease-script and on-message). Where the manual
 * does not list them (netwatch, hotspot, IPv6 DHCP), every name is accepted rather than warned about.
 */
const CONTEXTS: ReadonlyMap<string, RootScope> = new Map([
  ["iot/mqtt/subscriptions on-message", script(...ON_MESSAGE_VARIABLES)],
  [
    "ip/dhcp-server lease-script",
    script("leaseBound", "leaseServerName", "leaseActMAC", "leaseActIP", "lease-hostname", "lease-options"),
  ],
  [
    "ip/dhcp-client script",
    script(
      "bound",
      "server-address",
      "lease-address",
      "interface",
      "gateway-address",
      "vendor-specific",
      "lease-options",
    ),
  ],
  [
    "ppp/profile on-up",
    script("user", "local-address", "remote-address", "caller-id", "called-id", "interface"),
  ],
  [
    "ppp/profile on-down",
    script("user", "local-address", "remote-address", "caller-id", "called-id", "interface"),
  ],
  ["ipv6/dhcp-client script", PROVIDED_ROOT],
  ["ipv6/dhcp-server binding-script", PROVIDED_ROOT],
  ["ip/dhcp-server/alert on-alert", PROVIDED_ROOT],
  ["ip/hotspot/user/profile on-login", PROVIDED_ROOT],
  ["ip/hotspot/user/profile on-logout", PROVIDED_ROOT],
  ["tool/netwatch up-script", PROVIDED_ROOT],
  ["tool/netwatch down-script", PROVIDED_ROOT],
  ["tool/netwatch test-script", PROVIDED_ROOT],
]);

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

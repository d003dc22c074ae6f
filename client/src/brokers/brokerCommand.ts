// "Copy as RouterOS command": a profile as the `/iot mqtt brokers add ...` line that recreates it on a router, values quoted for RouterOS, the password only when asked for.
import { makeBrokerProfile, type BrokerProfile } from "../mqtt";
import { ROUTER_FIELDS, fieldText } from "./brokerFields";
import { routerOsArgument } from "./routerosQuote";

export interface BrokerCommandOptions {
  /** Included as `password=...` only when given: callers pass it only after the user asked for it. */
  password?: string;
}

/** The arguments of `add` for a profile: name and address, then every property that differs from RouterOS's default. */
export function brokerAddArguments(profile: BrokerProfile, options: BrokerCommandOptions = {}): string[] {
  const defaults = makeBrokerProfile({ name: profile.name, address: profile.address });
  const args: string[] = [];
  for (const field of ROUTER_FIELDS) {
    const text = fieldText(profile, field);
    const always = field.property === "name" || field.property === "address";
    if (always || text !== fieldText(defaults, field)) {
      args.push(routerOsArgument(field.property, text, field.kind === "string" ? "string" : "word"));
    }
    if (field.property === "username" && options.password !== undefined && options.password !== "") {
      args.push(routerOsArgument("password", options.password));
    }
  }
  return args;
}

/** `/iot mqtt brokers add name=home address=192.168.88.10 ...` */
export function brokerAddCommand(profile: BrokerProfile, options: BrokerCommandOptions = {}): string {
  return `/iot mqtt brokers add ${brokerAddArguments(profile, options).join(" ")}`;
}

/** Several brokers in export style: the menu line, then one `add` per broker. */
export function brokersExport(
  profiles: readonly BrokerProfile[],
  passwords: ReadonlyMap<string, string> = new Map(),
): string {
  const lines = ["/iot mqtt brokers"];
  for (const profile of profiles) {
    const password = passwords.get(profile.name);
    lines.push(`add ${brokerAddArguments(profile, password !== undefined ? { password } : {}).join(" ")}`);
  }
  return `${lines.join("\n")}\n`;
}

// The device a VS Code run simulates (no vscode import): the chosen profile with the brokers view's brokers in `/iot mqtt brokers`.
import type { DeviceProfile, ProfileMenus } from "../../../../server/src/interpreter";
import { ROUTER_FIELDS } from "../../brokers/brokerFields";
import type { BrokerProfile } from "../../mqtt";

const BROKERS_PATH = "/iot/mqtt/brokers";

type JsonRow = Readonly<Record<string, unknown>>;

function rowsOf(profile: DeviceProfile): readonly JsonRow[] {
  const menu = profile.menus[BROKERS_PATH];
  return Array.isArray(menu) ? (menu as readonly JsonRow[]) : [];
}

function rowName(row: JsonRow): string | undefined {
  const name = row["name"];
  return typeof name === "string" && name !== "" ? name : undefined;
}

/**
 * The profile with the view's brokers added to `/iot mqtt brokers` (as the router lists them, without passwords),
 * so scripts can `print` them and read `connected` (the run keeps it up to date), and on-message scripts honour
 * `parallel-scripts-limit`. Entries the profile itself has keep their place and values.
 */
export function withViewBrokers(profile: DeviceProfile, brokers: readonly BrokerProfile[]): DeviceProfile {
  const rows = rowsOf(profile);
  const present = new Set(rows.map(rowName));
  const added = brokers
    .filter((b) => !present.has(b.name))
    .map((b) => {
      const row: Record<string, string | number | boolean> = {};
      for (const field of ROUTER_FIELDS) row[field.property] = b[field.key];
      return row;
    });
  if (added.length === 0) return profile;
  return {
    ...(profile.description !== undefined ? { description: profile.description } : {}),
    menus: { ...profile.menus, [BROKERS_PATH]: [...rows, ...added] as ProfileMenus[string] },
  };
}

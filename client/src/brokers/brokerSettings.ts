// Maps entries of the `routerosMqtt.brokers` setting to broker profiles and back: RouterOS property names as keys, TLS extras under `tls`, never a secret.
import { suggest } from "../../../server/src/schema";
import { BROKER_PROFILE_DEFAULTS, makeBrokerProfile, type BrokerProfile, type ProfileProblem } from "../mqtt";
import { ROUTER_FIELDS, fieldText, withFieldText, type RouterField } from "./brokerFields";
import { tlsProblems, validateBrokerField } from "./profileValidation";

/** One entry of `routerosMqtt.brokers` as stored in settings.json. */
export type BrokerSettingsEntry = Record<string, unknown>;

/** Keys of the `tls` object and the profile field each one fills. */
export const TLS_SETTING_KEYS = {
  "ca-file": "caFile",
  "verify-server": "verifyServer",
  "certificate-file": "certFile",
  "key-file": "keyFile",
  "server-name": "servername",
} as const;

const MQTT_VERSIONS: Readonly<Record<string, 4 | 5>> = { "3.1.1": 4, "5": 5 };
const SECRET_KEYS = ["password", "passphrase"] as const;
const TOP_LEVEL_KEYS = [...ROUTER_FIELDS.map((f) => f.property), "mqtt-version", "tls"];

/** Secrets someone wrote into settings by hand: they are moved to SecretStorage and removed from settings. */
export interface PlaintextSecrets {
  password?: string;
  passphrase?: string;
}

export interface SettingsReadResult {
  /** The profile, when the entry has a usable name; fields with problems keep their RouterOS default. */
  profile: BrokerProfile | undefined;
  /** Problems found; any problem keeps the broker from connecting until it is fixed. */
  problems: ProfileProblem[];
  plaintextSecrets: PlaintextSecrets;
  /** Keys this version does not know (kept as they are when the entry is rewritten). */
  unknownKeys: string[];
}

/** Reads one settings entry; `where` names it in messages (for example `user settings, entry 2`). */
export function settingsToProfile(raw: unknown, where: string): SettingsReadResult {
  const problems: ProfileProblem[] = [];
  const plaintextSecrets: PlaintextSecrets = {};
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    return {
      profile: undefined,
      problems: [{ property: "entry", message: `${where} is not an object with name and address` }],
      plaintextSecrets,
      unknownKeys: [],
    };
  }
  const entry = raw as BrokerSettingsEntry;
  for (const key of SECRET_KEYS) {
    const value = entry[key];
    if (typeof value === "string" && value !== "") plaintextSecrets[key] = value;
  }
  const unknownKeys = Object.keys(entry).filter(
    (k) => !TOP_LEVEL_KEYS.includes(k) && !(SECRET_KEYS as readonly string[]).includes(k),
  );
  for (const key of unknownKeys) {
    const near = suggest(key, TOP_LEVEL_KEYS, { max: 1 });
    const hint = near.length > 0 ? `; did you mean "${near[0]}"?` : "";
    problems.push({ property: key, message: `unknown setting "${key}"${hint}` });
  }
  let profile = makeBrokerProfile({ name: "", address: "" });
  for (const field of ROUTER_FIELDS) {
    if (!(field.property in entry)) {
      if (field.property === "name" || field.property === "address") {
        problems.push({ property: field.property, message: `${field.property} is required` });
      }
      continue;
    }
    const text = settingText(entry[field.property], field);
    const message = text === undefined ? wrongType(field) : validateBrokerField(field.property, text);
    if (message !== undefined || text === undefined) {
      problems.push({ property: field.property, message: message ?? wrongType(field) });
      continue;
    }
    profile = withFieldText(profile, field, text);
  }
  profile = readExtras(entry, profile, problems);
  for (const problem of tlsProblems(profile)) problems.push(problem);
  return {
    profile: profile.name.trim() === "" ? undefined : profile,
    problems: problems.map((p) => ({ ...p, message: `${where}: ${p.message}` })),
    plaintextSecrets,
    unknownKeys,
  };
}

/** Settings values may be typed (`1883`, `true`) or RouterOS text (`"1883"`, `"yes"`); both become RouterOS text. */
function settingText(value: unknown, field: RouterField): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return field.kind === "bool" ? (value ? "yes" : "no") : undefined;
  if (typeof value === "number" && field.kind !== "bool" && field.kind !== "string") return String(value);
  return undefined;
}

function wrongType(field: RouterField): string {
  const expected =
    field.kind === "bool"
      ? "true or false"
      : field.kind === "string"
        ? "a string"
        : field.kind === "limit"
          ? 'a number or "off"'
          : "a number";
  return `${field.property} must be ${expected}`;
}

function readExtras(
  entry: BrokerSettingsEntry,
  profile: BrokerProfile,
  problems: ProfileProblem[],
): BrokerProfile {
  let out = profile;
  const version = entry["mqtt-version"];
  if (version !== undefined) {
    const parsed =
      typeof version === "string" || typeof version === "number" ? MQTT_VERSIONS[String(version)] : undefined;
    if (parsed === undefined)
      problems.push({ property: "mqtt-version", message: 'mqtt-version must be "3.1.1" or "5"' });
    else out = { ...out, protocolVersion: parsed };
  }
  const tls = entry.tls;
  if (tls === undefined) return out;
  if (tls === null || typeof tls !== "object" || Array.isArray(tls)) {
    problems.push({ property: "tls", message: "tls must be an object" });
    return out;
  }
  const tlsEntry = tls as Record<string, unknown>;
  const settings = { ...out.tls };
  for (const [key, value] of Object.entries(tlsEntry)) {
    const target = TLS_SETTING_KEYS[key as keyof typeof TLS_SETTING_KEYS] as string | undefined;
    if (target === undefined) {
      const near = suggest(key, Object.keys(TLS_SETTING_KEYS), { max: 1 });
      const hint = near.length > 0 ? `; did you mean "${near[0]}"?` : "";
      problems.push({ property: `tls.${key}`, message: `unknown TLS setting "${key}"${hint}` });
      continue;
    }
    if (target === "verifyServer") {
      if (typeof value === "boolean") settings.verifyServer = value;
      else
        problems.push({ property: "tls.verify-server", message: "tls.verify-server must be true or false" });
      continue;
    }
    if (typeof value !== "string") {
      problems.push({ property: `tls.${key}`, message: `tls.${key} must be a string` });
      continue;
    }
    if (value !== "") (settings as Record<string, unknown>)[target] = value;
  }
  return { ...out, tls: settings };
}

/**
 * The settings entry of a profile: name and address always, other RouterOS properties only when they differ from
 * RouterOS's defaults, TLS extras under `tls`. Keys of `previous` this version does not know are kept; secrets never.
 */
export function profileToSettings(
  profile: BrokerProfile,
  previous: BrokerSettingsEntry = {},
): BrokerSettingsEntry {
  const out: BrokerSettingsEntry = {};
  const defaults = makeBrokerProfile({ name: profile.name, address: profile.address });
  for (const field of ROUTER_FIELDS) {
    const always = field.property === "name" || field.property === "address";
    if (!always && fieldText(profile, field) === fieldText(defaults, field)) continue;
    const value = profile[field.key];
    out[field.property] = value;
  }
  if (profile.protocolVersion !== BROKER_PROFILE_DEFAULTS.protocolVersion) out["mqtt-version"] = "5";
  const tls: Record<string, unknown> = {};
  for (const [key, target] of Object.entries(TLS_SETTING_KEYS)) {
    const value = profile.tls[target];
    if (target === "verifyServer") {
      if (value === false) tls[key] = false;
    } else if (typeof value === "string" && value !== "") tls[key] = value;
  }
  if (Object.keys(tls).length > 0) out.tls = tls;
  for (const [key, value] of Object.entries(previous)) {
    if (TOP_LEVEL_KEYS.includes(key) || (SECRET_KEYS as readonly string[]).includes(key)) continue;
    out[key] = value;
  }
  return out;
}

// The guided broker forms: a multi-step add flow validated at each step by the schema, and an edit flow that picks one field (or runs the form again).
import { readFile } from "node:fs/promises";
import * as vscode from "vscode";
import {
  ROUTER_FIELDS,
  fieldText,
  routerField,
  withFieldText,
  type RouterField,
} from "../brokers/brokerFields";
import { validateBrokerField } from "../brokers/profileValidation";
import type { BrokerScope } from "../brokers/secretKeys";
import { makeBrokerProfile, type BrokerProfile } from "../mqtt";
import type { BrokerEntry, BrokerRepository } from "./brokerRepository";
import { BACK, askPick, askText, runFlow, type PickItem, type StepResult } from "./quickInput";

/** What the add flow produces. */
export interface BrokerDraft {
  profile: BrokerProfile;
  scope: BrokerScope;
  /** Undefined: leave as is; "": remove. */
  password?: string;
  passphrase?: string;
}

const TITLE = vscode.l10n.t("Add MQTT Broker");

/** Maps a step's answer into the flow: BACK and cancel pass through, a value is stored and the flow goes on. */
function take<T>(result: StepResult<T>, store: (value: T) => void): boolean | typeof BACK {
  if (result === BACK) return BACK;
  if (result === undefined) return false;
  store(result);
  return true;
}

function nameProblem(repository: BrokerRepository, value: string, except?: string): string | undefined {
  const problem = validateBrokerField("name", value);
  if (problem) return problem;
  if (value !== except && repository.get(value)) return `a broker named "${value}" already exists`;
  return undefined;
}

/** The guided form; starts from `initial` (for "run the form again" on an existing broker), or with `prefill`'s name. */
export async function runBrokerForm(
  repository: BrokerRepository,
  initial?: { entry: BrokerEntry; profile: BrokerProfile },
  prefill?: { name?: string },
): Promise<BrokerDraft | undefined> {
  const title = initial ? vscode.l10n.t('Edit Broker "{0}"', initial.profile.name) : TITLE;
  const state: BrokerDraft = {
    profile: initial?.profile ?? makeBrokerProfile({ name: prefill?.name ?? "", address: "" }),
    scope: initial?.entry.scope ?? (repository.hasWorkspace() ? "workspace" : "user"),
  };
  const text = (field: string, prompt: string, extra: { placeholder?: string } = {}) => ({
    run: async (s: typeof state, pos: { step: number; totalSteps: number }) => {
      const f = routerField(field) as RouterField;
      const result = await askText({
        title,
        ...pos,
        allowBack: pos.step > 1,
        value: fieldText(s.profile, f),
        prompt,
        ...extra,
        validate: (v) =>
          field === "name"
            ? nameProblem(repository, v, initial?.profile.name)
            : validateBrokerField(field, v),
      });
      return take(result, (v) => (s.profile = withFieldText(s.profile, f, v)));
    },
  });
  const ok = await runFlow(state, [
    text("name", vscode.l10n.t("Name of the broker entry, as `/iot mqtt publish broker=<name>` uses it"), {
      placeholder: vscode.l10n.t("home"),
    }),
    text("address", vscode.l10n.t("Host name or IP address of the broker"), {
      placeholder: vscode.l10n.t("192.168.88.10 or broker.example.com"),
    }),
    text("port", vscode.l10n.t("TCP port: 1883 for plain MQTT, 8883 for TLS")),
    {
      run: async (s, pos) => {
        const active = s.profile.ssl
          ? s.profile.tls.verifyServer
            ? "verify"
            : "insecure"
          : s.profile.port === 8883
            ? "verify"
            : "off";
        const result = await askPick<"off" | "verify" | "insecure">({
          title,
          ...pos,
          allowBack: true,
          placeholder: vscode.l10n.t("Use TLS (ssl=yes)?"),
          active,
          items: [
            { label: vscode.l10n.t("No TLS"), description: "mqtt://", value: "off" },
            {
              label: vscode.l10n.t("TLS, verify the server certificate"),
              description: "mqtts://",
              value: "verify",
            },
            {
              label: vscode.l10n.t("TLS without verifying the server"),
              description: vscode.l10n.t("self-signed test brokers only"),
              value: "insecure",
            },
          ],
        });
        return take(result, (v) => {
          s.profile = {
            ...s.profile,
            ssl: v !== "off",
            tls: { ...s.profile.tls, verifyServer: v !== "insecure" },
          };
        });
      },
    },
    {
      skip: (s) => !s.profile.ssl || !s.profile.tls.verifyServer,
      run: async (s, pos) => {
        const result = await askPick<"system" | "file">({
          title,
          ...pos,
          allowBack: true,
          placeholder: vscode.l10n.t("Which certificate authorities to trust?"),
          active: s.profile.tls.caFile ? "file" : "system",
          items: [
            {
              label: vscode.l10n.t("The system's trusted CAs"),
              description: vscode.l10n.t("public brokers (AWS IoT, HiveMQ Cloud...)"),
              value: "system",
            },
            {
              label: vscode.l10n.t("A CA file…"),
              description: s.profile.tls.caFile ?? vscode.l10n.t("your own PKI"),
              value: "file",
            },
          ],
        });
        if (result === BACK || result === undefined) return take(result, () => {});
        if (result === "system") {
          s.profile = { ...s.profile, tls: withoutKeys(s.profile.tls, ["caFile"]) };
          return true;
        }
        const file = await pickFile(vscode.l10n.t("CA certificate (PEM)"), s.profile.tls.caFile);
        if (!file) return false;
        s.profile = { ...s.profile, tls: { ...s.profile.tls, caFile: file } };
        return true;
      },
    },
    {
      skip: (s) => !s.profile.ssl,
      run: async (s, pos) => {
        const result = await askPick<"none" | "files">({
          title,
          ...pos,
          allowBack: true,
          placeholder: vscode.l10n.t("Client certificate (the editor's copy of the router's certificate=)?"),
          active: s.profile.tls.certFile ? "files" : "none",
          items: [
            { label: vscode.l10n.t("No client certificate"), value: "none" },
            {
              label: vscode.l10n.t("Certificate and key files…"),
              description: s.profile.tls.certFile ?? vscode.l10n.t("PEM files"),
              value: "files",
            },
          ],
        });
        if (result === BACK || result === undefined) return take(result, () => {});
        if (result === "none") {
          s.profile = { ...s.profile, tls: withoutKeys(s.profile.tls, ["certFile", "keyFile"]) };
          return true;
        }
        const certFile = await pickFile(vscode.l10n.t("Client certificate (PEM)"), s.profile.tls.certFile);
        if (!certFile) return false;
        const keyFile = await pickFile(vscode.l10n.t("Client private key (PEM)"), s.profile.tls.keyFile);
        if (!keyFile) return false;
        s.profile = { ...s.profile, tls: { ...s.profile.tls, certFile, keyFile } };
        if (await isEncryptedKey(keyFile)) {
          const passphrase = await askText({
            title,
            prompt: vscode.l10n.t("Passphrase of {0} (kept in the keychain)", keyFile),
            password: true,
          });
          if (passphrase === undefined || passphrase === BACK) return false;
          s.passphrase = passphrase;
        }
        return true;
      },
    },
    text("username", vscode.l10n.t("User name, if the broker needs one (empty: none)")),
    {
      skip: (s) => s.profile.username === "",
      run: async (s, pos) => {
        const result = await askText({
          title,
          ...pos,
          allowBack: true,
          password: true,
          prompt: initial
            ? vscode.l10n.t("Password (kept in the OS keychain; leave empty to keep the current one)")
            : vscode.l10n.t("Password (kept in the OS keychain, never in settings; empty: none)"),
        });
        return take(result, (v) => {
          if (v !== "" || !initial) s.password = v;
        });
      },
    },
    text(
      "client-id",
      vscode.l10n.t(
        "Client id (empty: a random id per session). Never reuse the router's client-id: they would kick each other off",
      ),
      {
        placeholder: vscode.l10n.t("random"),
      },
    ),
    {
      run: async (s, pos) => {
        const result = await askPick<boolean>({
          title,
          ...pos,
          allowBack: true,
          placeholder: vscode.l10n.t("Connect automatically?"),
          active: s.profile.autoConnect,
          items: [
            { label: vscode.l10n.t("Connect on request"), value: false },
            {
              label: vscode.l10n.t("Auto-connect"),
              description: vscode.l10n.t("at startup, and reconnect whenever the link drops"),
              value: true,
            },
          ],
        });
        return take(result, (v) => (s.profile = { ...s.profile, autoConnect: v }));
      },
    },
    {
      skip: () => !repository.hasWorkspace() || initial !== undefined,
      run: async (s, pos) => {
        const result = await askPick<BrokerScope>({
          title,
          ...pos,
          allowBack: true,
          placeholder: vscode.l10n.t("Where to save the broker?"),
          active: s.scope,
          items: scopeItems(),
        });
        return take(result, (v) => (s.scope = v));
      },
    },
  ]);
  return ok ? state : undefined;
}

export function scopeItems(): PickItem<BrokerScope>[] {
  return [
    {
      label: vscode.l10n.t("Workspace settings"),
      description: vscode.l10n.t(".vscode/settings.json: shared with this project"),
      value: "workspace",
    },
    {
      label: vscode.l10n.t("User settings"),
      description: vscode.l10n.t("every window on this machine"),
      value: "user",
    },
  ];
}

/** What the edit flow changed; undefined when cancelled. */
export interface BrokerEdit {
  profile: BrokerProfile;
  scope: BrokerScope;
  password?: string;
  passphrase?: string;
}

type EditChoice =
  | { kind: "router"; field: RouterField }
  | { kind: "tls"; key: "caFile" | "certFile" | "keyFile" | "servername" | "verifyServer" }
  | { kind: "version" }
  | { kind: "password" }
  | { kind: "passphrase" }
  | { kind: "scope" }
  | { kind: "form" };

/** Edit one field picked from a list of every field with its current value (or run the whole form again). */
export async function runBrokerEdit(
  repository: BrokerRepository,
  entry: BrokerEntry,
  profile: BrokerProfile,
): Promise<BrokerEdit | undefined> {
  const title = vscode.l10n.t('Edit Broker "{0}"', profile.name);
  const hasPassword = await repository.secrets.has(repository.ownerIn(entry.scope, profile.name), "password");
  const items: PickItem<EditChoice>[] = [
    { label: vscode.l10n.t("$(list-flat) Go through the whole form"), value: { kind: "form" } },
    {
      label: vscode.l10n.t("RouterOS properties"),
      kind: vscode.QuickPickItemKind.Separator,
      value: { kind: "form" },
    },
    ...ROUTER_FIELDS.map((field): PickItem<EditChoice> => ({
      label: field.property,
      description: fieldText(profile, field) || vscode.l10n.t("(empty)"),
      detail: field.label,
      value: { kind: "router", field },
    })),
    {
      label: "password",
      description: hasPassword ? vscode.l10n.t("set (in the keychain)") : vscode.l10n.t("(none)"),
      value: { kind: "password" },
    },
    {
      label: vscode.l10n.t("Editor settings"),
      kind: vscode.QuickPickItemKind.Separator,
      value: { kind: "form" },
    },
    {
      label: "tls.ca-file",
      description: profile.tls.caFile ?? vscode.l10n.t("(system CAs)"),
      value: { kind: "tls", key: "caFile" },
    },
    {
      label: "tls.verify-server",
      description: profile.tls.verifyServer ? "yes" : "no",
      value: { kind: "tls", key: "verifyServer" },
    },
    {
      label: "tls.certificate-file",
      description: profile.tls.certFile ?? vscode.l10n.t("(none)"),
      value: { kind: "tls", key: "certFile" },
    },
    {
      label: "tls.key-file",
      description: profile.tls.keyFile ?? vscode.l10n.t("(none)"),
      value: { kind: "tls", key: "keyFile" },
    },
    {
      label: vscode.l10n.t("key passphrase"),
      description: vscode.l10n.t("kept in the keychain"),
      value: { kind: "passphrase" },
    },
    {
      label: "tls.server-name",
      description: profile.tls.servername ?? vscode.l10n.t("(the address)"),
      value: { kind: "tls", key: "servername" },
    },
    {
      label: "mqtt-version",
      description: profile.protocolVersion === 5 ? "5" : "3.1.1",
      value: { kind: "version" },
    },
    ...(repository.hasWorkspace()
      ? [
          {
            label: vscode.l10n.t("saved in"),
            description: vscode.l10n.t("{0} settings", entry.scope),
            value: { kind: "scope" } as EditChoice,
          },
        ]
      : []),
  ];
  const choice = await askPick({ title, items, placeholder: vscode.l10n.t("Which field?") });
  if (choice === undefined || choice === BACK) return undefined;
  const edit: BrokerEdit = { profile, scope: entry.scope };
  switch (choice.kind) {
    case "form": {
      const draft = await runBrokerForm(repository, { entry, profile });
      return draft && { ...draft, scope: entry.scope };
    }
    case "router": {
      const value = await askFieldValue(repository, choice.field, profile, title);
      if (value === undefined) return undefined;
      edit.profile = withFieldText(profile, choice.field, value);
      return edit;
    }
    case "password":
    case "passphrase": {
      const value = await askText({
        title,
        password: true,
        prompt: vscode.l10n.t("New {0} (kept in the OS keychain; empty removes it)", choice.kind),
      });
      if (value === undefined || value === BACK) return undefined;
      edit[choice.kind] = value;
      return edit;
    }
    case "tls":
      return editTls(choice.key, edit, title);
    case "version": {
      const value = await askPick<4 | 5>({
        title,
        active: profile.protocolVersion,
        items: [
          {
            label: vscode.l10n.t("MQTT 3.1.1"),
            description: vscode.l10n.t("what RouterOS speaks"),
            value: 4,
          },
          { label: vscode.l10n.t("MQTT 5"), value: 5 },
        ],
      });
      if (value === undefined || value === BACK) return undefined;
      edit.profile = { ...profile, protocolVersion: value };
      return edit;
    }
    case "scope": {
      const value = await askPick({ title, items: scopeItems(), active: entry.scope });
      if (value === undefined || value === BACK) return undefined;
      edit.scope = value;
      return edit;
    }
  }
}

async function askFieldValue(
  repository: BrokerRepository,
  field: RouterField,
  profile: BrokerProfile,
  title: string,
): Promise<string | undefined> {
  if (field.kind === "bool" || field.kind === "qos") {
    const values = field.kind === "bool" ? ["yes", "no"] : ["0", "1", "2"];
    const value = await askPick({
      title,
      placeholder: field.property,
      active: fieldText(profile, field),
      items: values.map((v) => ({ label: v, value: v })),
    });
    return value === BACK ? undefined : value;
  }
  const value = await askText({
    title,
    prompt: `${field.property} (${field.label})`,
    value: fieldText(profile, field),
    validate: (v) =>
      field.property === "name"
        ? nameProblem(repository, v, profile.name)
        : validateBrokerField(field.property, v),
  });
  return value === BACK ? undefined : value;
}

async function editTls(
  key: "caFile" | "certFile" | "keyFile" | "servername" | "verifyServer",
  edit: BrokerEdit,
  title: string,
): Promise<BrokerEdit | undefined> {
  const tls = edit.profile.tls;
  if (key === "verifyServer") {
    const value = await askPick({
      title,
      active: tls.verifyServer,
      items: [
        { label: vscode.l10n.t("Verify the server certificate"), value: true },
        {
          label: vscode.l10n.t("Do not verify"),
          description: vscode.l10n.t("self-signed test brokers only"),
          value: false,
        },
      ],
    });
    if (value === undefined || value === BACK) return undefined;
    edit.profile = { ...edit.profile, tls: { ...tls, verifyServer: value } };
    return edit;
  }
  if (key === "servername") {
    const value = await askText({
      title,
      prompt: vscode.l10n.t("Server name for SNI and the certificate check (empty: the address)"),
      value: tls.servername ?? "",
    });
    if (value === undefined || value === BACK) return undefined;
    edit.profile = {
      ...edit.profile,
      tls: value === "" ? withoutKeys(tls, ["servername"]) : { ...tls, servername: value },
    };
    return edit;
  }
  const action = await askPick<"choose" | "clear">({
    title,
    items: [
      { label: vscode.l10n.t("Choose a file…"), value: "choose" },
      {
        label: vscode.l10n.t("Clear"),
        description:
          key === "caFile" ? vscode.l10n.t("trust the system's CAs") : vscode.l10n.t("no client certificate"),
        value: "clear",
      },
    ],
  });
  if (action === undefined || action === BACK) return undefined;
  if (action === "clear") {
    edit.profile = { ...edit.profile, tls: withoutKeys(tls, [key]) };
    return edit;
  }
  const file = await pickFile(
    key === "caFile"
      ? "CA certificate (PEM)"
      : key === "certFile"
        ? "Client certificate (PEM)"
        : "Client key (PEM)",
    tls[key],
  );
  if (!file) return undefined;
  edit.profile = { ...edit.profile, tls: { ...tls, [key]: file } };
  return edit;
}

async function pickFile(what: string, current: string | undefined): Promise<string | undefined> {
  const picked = await vscode.window.showOpenDialog({
    title: vscode.l10n.t("Choose the {0}", what),
    canSelectMany: false,
    openLabel: "Choose",
    ...(current ? { defaultUri: vscode.Uri.file(current) } : {}),
    filters: { "PEM files": ["pem", "crt", "cer", "key"], "All files": ["*"] },
  });
  return picked?.[0]?.fsPath;
}

async function isEncryptedKey(path: string): Promise<boolean> {
  try {
    return /ENCRYPTED/.test(await readFile(path, "latin1"));
  } catch {
    return false;
  }
}

function withoutKeys<T extends object, K extends keyof T>(value: T, keys: readonly K[]): T {
  const copy = { ...value };
  for (const key of keys) delete copy[key];
  return copy;
}

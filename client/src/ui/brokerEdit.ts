// The broker edit flow: pick one field from a list of every field with its current value and change it, or run the form again.
import * as vscode from "vscode";
import { ROUTER_FIELDS, fieldText, withFieldText, type RouterField } from "../brokers/brokerFields";
import { validateBrokerField } from "../brokers/profileValidation";
import type { BrokerScope } from "../brokers/secretKeys";
import type { BrokerProfile } from "../mqtt";
import { nameProblem, runBrokerForm, scopeItems } from "./brokerForm";
import type { BrokerEntry, BrokerRepository } from "./brokerRepository";
import { askTlsSetting, type TlsSettingKey } from "./brokerTlsInput";
import { BACK, askPick, askText, type PickItem } from "./quickInput";

/** What the edit flow changed; undefined when cancelled. */
export interface BrokerEdit {
  profile: BrokerProfile;
  scope: BrokerScope;
  password?: string;
  passphrase?: string;
}

type EditChoice =
  | { kind: "router"; field: RouterField }
  | { kind: "tls"; key: TlsSettingKey }
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
    case "tls": {
      const tls = await askTlsSetting(choice.key, profile.tls, title);
      if (tls === undefined) return undefined;
      edit.profile = { ...profile, tls };
      return edit;
    }
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

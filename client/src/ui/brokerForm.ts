// The guided broker form: a multi-step flow validated at each step by the schema, for a new broker or again on an existing one; with the name check and save-location choices the edit flow shares.
import * as vscode from "vscode";
import { fieldText, routerField, withFieldText, type RouterField } from "../brokers/brokerFields";
import { validateBrokerField } from "../brokers/profileValidation";
import type { BrokerScope } from "../brokers/secretKeys";
import { makeBrokerProfile, type BrokerProfile } from "../mqtt";
import type { BrokerEntry, BrokerRepository } from "./brokerRepository";
import { clientCertificateStep, trustedCasStep } from "./brokerTlsInput";
import { askPick, askText, runFlow, takeAnswer, type PickItem } from "./quickInput";

/** What the add flow produces. */
export interface BrokerDraft {
  profile: BrokerProfile;
  scope: BrokerScope;
  /** Undefined: leave as is; "": remove. */
  password?: string;
  passphrase?: string;
}

const TITLE = vscode.l10n.t("Add MQTT Broker");

/** Why `value` cannot name a broker (the schema's rule, or a name taken by another broker); undefined when it can. */
export function nameProblem(
  repository: BrokerRepository,
  value: string,
  except?: string,
): string | undefined {
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
      return takeAnswer(result, (v) => (s.profile = withFieldText(s.profile, f, v)));
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
        return takeAnswer(result, (v) => {
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
      run: trustedCasStep(title),
    },
    {
      skip: (s) => !s.profile.ssl,
      run: clientCertificateStep(title),
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
        return takeAnswer(result, (v) => {
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
        return takeAnswer(result, (v) => (s.profile = { ...s.profile, autoConnect: v }));
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
        return takeAnswer(result, (v) => (s.scope = v));
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

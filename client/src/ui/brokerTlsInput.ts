// The TLS questions of the broker forms: which CAs to trust, the client certificate and key files (with an encrypted key's passphrase), one TLS setting changed.
import { readFile } from "node:fs/promises";
import * as vscode from "vscode";
import type { BrokerProfile, BrokerTlsSettings } from "../mqtt";
import { BACK, askPick, askText, takeAnswer, type FlowStep } from "./quickInput";

/** The part of a form's state the TLS steps read and change. */
export interface TlsFormState {
  profile: BrokerProfile;
  passphrase?: string;
}

/** The TLS settings one edit changes. */
export type TlsSettingKey = "caFile" | "certFile" | "keyFile" | "servername" | "verifyServer";

/** Form step: trust the system's CAs or a CA file. */
export function trustedCasStep(title: string): FlowStep<TlsFormState> {
  return async (s, pos) => {
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
    if (result === BACK || result === undefined) return takeAnswer(result, () => {});
    if (result === "system") {
      s.profile = { ...s.profile, tls: withoutKeys(s.profile.tls, ["caFile"]) };
      return true;
    }
    const file = await pickFile(vscode.l10n.t("CA certificate (PEM)"), s.profile.tls.caFile);
    if (!file) return false;
    s.profile = { ...s.profile, tls: { ...s.profile.tls, caFile: file } };
    return true;
  };
}

/** Form step: no client certificate, or its certificate and key files, and the key's passphrase when it is encrypted. */
export function clientCertificateStep(title: string): FlowStep<TlsFormState> {
  return async (s, pos) => {
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
    if (result === BACK || result === undefined) return takeAnswer(result, () => {});
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
  };
}

/** Asks for a new value of one TLS setting; the settings with it changed, or undefined when cancelled. */
export async function askTlsSetting(
  key: TlsSettingKey,
  tls: BrokerTlsSettings,
  title: string,
): Promise<BrokerTlsSettings | undefined> {
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
    return { ...tls, verifyServer: value };
  }
  if (key === "servername") {
    const value = await askText({
      title,
      prompt: vscode.l10n.t("Server name for SNI and the certificate check (empty: the address)"),
      value: tls.servername ?? "",
    });
    if (value === undefined || value === BACK) return undefined;
    return value === "" ? withoutKeys(tls, ["servername"]) : { ...tls, servername: value };
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
  if (action === "clear") return withoutKeys(tls, [key]);
  const file = await pickFile(
    key === "caFile"
      ? "CA certificate (PEM)"
      : key === "certFile"
        ? "Client certificate (PEM)"
        : "Client key (PEM)",
    tls[key],
  );
  if (!file) return undefined;
  return { ...tls, [key]: file };
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

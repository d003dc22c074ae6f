// The MQTT 5 step of Publish Message (brokers with mqtt-version=5 only): none, or content type, response topic, correlation data, message expiry and user properties, each optional; RouterOS's own publish has none of them, so the CodeLens never asks.
import * as vscode from "vscode";
import { parseExpiry, parseUserProperties } from "../messages/propertyInput";
import type { MessageProperties } from "../mqtt";
import { validatePublishTopic } from "../mqtt";
import { askPick, askText, BACK } from "./quickInput";

/** Undefined when dismissed; `{}` for no properties. */
export async function askProperties(
  last: MessageProperties | undefined,
): Promise<MessageProperties | undefined> {
  const choice = await askPick<"none" | "same" | "set">({
    title: vscode.l10n.t("MQTT 5 properties"),
    items: [
      { label: vscode.l10n.t("No properties"), value: "none" },
      ...(last && Object.keys(last).length > 0
        ? [{ label: vscode.l10n.t("Same properties as last time"), value: "same" as const }]
        : []),
      {
        label: vscode.l10n.t("Set properties…"),
        description: vscode.l10n.t("content type, response topic, correlation data, expiry, user properties"),
        value: "set",
      },
    ],
  });
  if (choice === undefined || choice === BACK) return undefined;
  if (choice === "none") return {};
  if (choice === "same") return last ?? {};
  const title = vscode.l10n.t("MQTT 5 properties");
  const out: MessageProperties = {};
  const contentType = await askText({
    title,
    prompt: vscode.l10n.t("Content type (empty: none), for example application/json"),
    value: last?.contentType ?? "",
  });
  if (contentType === undefined || contentType === BACK) return undefined;
  if (contentType !== "") out.contentType = contentType;
  const responseTopic = await askText({
    title,
    prompt: vscode.l10n.t("Response topic (empty: none)"),
    value: last?.responseTopic ?? "",
    validate: (v) => (v === "" ? undefined : validatePublishTopic(v)?.message),
  });
  if (responseTopic === undefined || responseTopic === BACK) return undefined;
  if (responseTopic !== "") out.responseTopic = responseTopic;
  const correlation = await askText({
    title,
    prompt: vscode.l10n.t("Correlation data as text (empty: none)"),
    value: last?.correlationData?.toString("utf8") ?? "",
  });
  if (correlation === undefined || correlation === BACK) return undefined;
  if (correlation !== "") out.correlationData = Buffer.from(correlation, "utf8");
  const expiry = await askText({
    title,
    prompt: vscode.l10n.t("Message expiry in seconds or as a time such as 1h (empty: never)"),
    value: last?.messageExpiryInterval === undefined ? "" : String(last.messageExpiryInterval),
    validate: (v) => {
      const parsed = parseExpiry(v);
      return parsed.ok ? undefined : parsed.message;
    },
  });
  if (expiry === undefined || expiry === BACK) return undefined;
  const seconds = parseExpiry(expiry);
  if (seconds.ok && seconds.value !== undefined) out.messageExpiryInterval = seconds.value;
  const user = await askText({
    title,
    prompt: vscode.l10n.t("User properties: name=value; name2=value2 (\\; and \\= for the characters)"),
    value: (last?.userProperties ?? []).map(([n, v]) => `${escape(n)}=${escape(v)}`).join("; "),
    validate: (v) => {
      const parsed = parseUserProperties(v);
      return parsed.ok ? undefined : parsed.message;
    },
  });
  if (user === undefined || user === BACK) return undefined;
  const pairs = parseUserProperties(user);
  if (pairs.ok && pairs.value.length > 0) out.userProperties = pairs.value;
  return out;
}

function escape(text: string): string {
  return text.replace(/[\\;=]/g, "\\$&");
}

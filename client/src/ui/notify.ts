// Every notification and status bar message of the extension, with its text made inert (safeText.ts): no link, markup or icon from a certificate, topic, payload, file or setting can reach the workbench through them. Lint forbids the vscode.window calls elsewhere.
/* eslint-disable no-restricted-syntax -- the buttons of one notification, passed on: as many as its caller names */
import * as vscode from "vscode";
import { labelText, notificationText } from "./safeText";

export function showErrorMessage<T extends string>(message: string, ...items: T[]): Thenable<T | undefined> {
  return vscode.window.showErrorMessage(notificationText(message), ...items);
}

export function showWarningMessage<T extends string>(
  message: string,
  ...items: T[]
): Thenable<T | undefined> {
  return vscode.window.showWarningMessage(notificationText(message), ...items);
}

export function showInformationMessage<T extends string>(
  message: string,
  ...items: T[]
): Thenable<T | undefined> {
  return vscode.window.showInformationMessage(notificationText(message), ...items);
}

/** A modal warning (a question that must be answered before anything happens), with a detail paragraph. */
export function askModalWarning<T extends string>(
  message: string,
  detail: string,
  ...items: T[]
): Thenable<T | undefined> {
  return vscode.window.showWarningMessage(
    notificationText(message),
    { modal: true, detail: notificationText(detail) },
    ...items,
  );
}

/** A transient status bar message: `icon` is the extension's own (`$(check)`), `text` is shown as typed. */
export function setStatusBarMessage(icon: string, text: string, hideAfterMs: number): vscode.Disposable {
  return vscode.window.setStatusBarMessage(`${icon} ${labelText(text)}`, hideAfterMs);
}

// Helpers for extension-host tests: the fixture workspace, the extension under test, and waits with deadlines.
import * as vscode from "vscode";
import type { BrokerTestHooks, RouterOsMqttApi } from "../../../client/src/ui/api";

/** `publisher.name` from package.json. */
export const EXTENSION_ID = "routeros-mqtt.routeros-mqtt";
const DEFAULT_TIMEOUT_MS = 15_000;
const POLL_MS = 50;

/** The extension under test; fails the test when VS Code did not load it. */
export function ourExtension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`Extension ${EXTENSION_ID} is not loaded in this extension host`);
  return ext;
}

/**
 * What the broker forms and confirmations end in, without them (the extension's test hooks). Commands do not take
 * such arguments (a command link could carry them); only development builds run in test mode have the hooks.
 */
export function testHooks(api: RouterOsMqttApi): BrokerTestHooks {
  if (!api.testing)
    throw new Error(
      "The extension under test has no test hooks: load a development build (node scripts/build.mjs)",
    );
  return api.testing;
}

/** A file of the fixture workspace (test/e2e/workspace), by its path relative to the workspace. */
export function fixtureUri(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error("No workspace folder is open: the runner must open test/e2e/workspace");
  return vscode.Uri.joinPath(folder.uri, ...relativePath.split("/"));
}

/** Opens a fixture file in an editor and returns its document. */
export async function openFixture(relativePath: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(fixtureUri(relativePath));
  await vscode.window.showTextDocument(doc);
  return doc;
}

export interface WaitOptions {
  timeoutMs?: number;
  /** Says what was awaited, for the timeout message. */
  what: string;
}

/** Polls `probe` until it returns something other than undefined/false, or fails after the deadline. */
export async function waitFor<T>(
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  opts: WaitOptions,
): Promise<T> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${opts.what}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Resolves with the first event that satisfies `accept`, or fails after the deadline. */
export function waitForEvent<T>(
  event: vscode.Event<T>,
  accept: (value: T) => boolean,
  opts: WaitOptions,
): Promise<T> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${opts.what}`));
    }, timeoutMs);
    const subscription = event((value) => {
      if (!accept(value)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(value);
    });
  });
}

/** The diagnostics of `uri` once `accept` holds for them (checked now and on every change). */
export async function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: readonly vscode.Diagnostic[]) => boolean,
  opts: WaitOptions,
): Promise<readonly vscode.Diagnostic[]> {
  const changed = waitForEvent(
    vscode.languages.onDidChangeDiagnostics,
    (e) =>
      e.uris.some((u) => u.toString() === uri.toString()) && accept(vscode.languages.getDiagnostics(uri)),
    opts,
  );
  const now = vscode.languages.getDiagnostics(uri);
  if (accept(now)) {
    changed.catch(() => {}); // the event wait is no longer needed; its timeout must not surface
    return now;
  }
  await changed;
  return vscode.languages.getDiagnostics(uri);
}

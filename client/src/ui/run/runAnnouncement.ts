// How a finished run is announced (vscode side): the short result, and for broker names nobody knows, the offer to add the broker or to run on the local one.
import * as vscode from "vscode";
import { showErrorMessage, showInformationMessage } from "../notify";
import type { RunScriptArgs, UnknownBrokerChoice } from "./runArgs";
import type { RunRecord } from "./runRecord";

/** What the announcement needs of the controller. */
export interface AnnounceContext {
  /** Shows the run's output channel. */
  showOutput(): void;
  /** Runs the script again (after a broker was added, or on the local broker). */
  run(args: RunScriptArgs): Promise<unknown>;
}

/** The short result; for broker names nobody knows, the offer to add one or to use the local broker. */
export function announce(
  record: RunRecord,
  document: vscode.TextDocument,
  choice: UnknownBrokerChoice,
  context: AnnounceContext,
): void {
  const summary = record.summary ?? record.file;
  const unknown = record.view().unknownBrokers;
  const showOutput = "Show Output";
  if (unknown.length > 0 && choice === "ask") {
    const first = unknown[0] ?? "";
    const names = unknown.map((n) => `"${n}"`).join(", ");
    const add = `Add Broker "${first}"…`;
    const local = "Run on Local Broker";
    void showErrorMessage(
      vscode.l10n.t(
        "{0} uses broker {1}, which is not in the brokers view (and the script does not add it with /iot mqtt brokers add).",
        record.file,
        names,
      ),
      add,
      local,
      showOutput,
    ).then((picked) => {
      if (picked === add) void addBroker(first, document, context);
      if (picked === local) void context.run({ uri: document.uri, unknownBrokers: "local" });
      if (picked === showOutput) context.showOutput();
    });
    return;
  }
  if (record.state === "ok" || record.state === "cancelled") {
    void showInformationMessage(summary, showOutput).then((picked) => {
      if (picked === showOutput) context.showOutput();
    });
    return;
  }
  void showErrorMessage(summary, showOutput).then((picked) => {
    if (picked === showOutput) context.showOutput();
  });
}

/** The add-broker flow for a missing name; once added, the offer to run the script again. */
async function addBroker(
  name: string,
  document: vscode.TextDocument,
  context: AnnounceContext,
): Promise<void> {
  const added = await vscode.commands.executeCommand<string | undefined>("routerosMqtt.addBroker", {
    prefill: { name },
  });
  if (added === undefined) return;
  const again = "Run Again";
  const picked = await showInformationMessage(
    vscode.l10n.t('Broker "{0}" is in the brokers view now.', added),
    again,
  );
  if (picked === again) await context.run({ uri: document.uri });
}

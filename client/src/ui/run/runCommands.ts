// Registers "RouterOS MQTT: Run Script" and "RouterOS MQTT: Stop Script", the run CodeLens, and the run part of the extension API.
import * as vscode from "vscode";
import type { Services } from "../services";
import { requireTrust } from "../workspaceTrust";
import { RunCodeLensProvider } from "./runCodeLens";
import type { ScriptRunApi } from "./runRecord";
import { ScriptRunController } from "./scriptRunController";

export interface ScriptRuns {
  readonly api: ScriptRunApi;
  /** Fires when a run starts, starts listening or ends. */
  readonly onDidChange: vscode.Event<void>;
  /** Stops a run in progress (at shutdown). */
  readonly stop: () => Promise<unknown>;
  readonly disposables: vscode.Disposable[];
}

export function registerScriptRuns(services: Services): ScriptRuns {
  const controller = new ScriptRunController(services);
  const lenses = new RunCodeLensProvider(controller);
  return {
    api: { lastRun: () => controller.lastRun() },
    onDidChange: controller.onDidChange,
    stop: () => controller.stop(),
    disposables: [
      controller,
      lenses,
      vscode.languages.registerCodeLensProvider({ language: "routeros" }, lenses),
      vscode.commands.registerCommand("routerosMqtt.runScript", (arg?: unknown) =>
        requireTrust(vscode.l10n.t("running a script")) ? controller.run(arg) : undefined,
      ),
      vscode.commands.registerCommand("routerosMqtt.stopScript", () => controller.stop()),
    ],
  };
}

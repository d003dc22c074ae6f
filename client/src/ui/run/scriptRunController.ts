// Runs the active RouterOS script in VS Code: one run at a time through the extension's connections, output in its own channel, failures in the Problems panel, a cancellable progress notification, and the offer to add a missing broker or use the local one.
import { dirname } from "node:path";
import * as vscode from "vscode";
import { runScriptIsolated, type HandlerOrigin, type PublishedMessage, type RunResult } from "../../run";
import { errorText, type Services } from "../services";
import { DeviceProfileError, loadDeviceProfile, type LoadedProfile } from "./deviceProfileSetting";
import type { FailureKind } from "./failureRanges";
import { announce } from "./runAnnouncement";
import { argsOf, documentOf, runSettings, scriptName, type RunScriptArgs } from "./runArgs";
import { withViewBrokers } from "./runDevice";
import { endState, RECORD_LIMIT, RunRecord, type ScriptRunView } from "./runRecord";
import { RunProblems } from "./runProblems";
import {
  endingLine,
  handlerFailureLine,
  listeningLine,
  listeningScripts,
  logLine,
  publishedLine,
  publishedTable,
  routedLine,
  runHeader,
  shortResult,
} from "./runText";
import { ViewBrokerPort, type Route } from "./viewBrokerPort";
import { showErrorMessage } from "../notify";

export const RUN_CHANNEL_NAME = "RouterOS Script Run";
const RUNNING_CONTEXT = "routerosMqtt.scriptRunning";
/** Where a failure beside the script shows in the Problems panel. */
const FAILURE_KIND: Record<HandlerOrigin, FailureKind> = {
  "on-message": "handler",
  scheduler: "scheduled",
  execute: "job",
};
interface ActiveRun {
  readonly record: RunRecord;
  readonly uri: vscode.Uri;
  readonly controller: AbortController;
  /** Resolves when the run has ended and reported (set right after the run starts). */
  done: Promise<ScriptRunView> | undefined;
  /** Ended by a new run: no notification. */
  replaced: boolean;
  /** The script was edited during the run: its failures no longer point at the right text. */
  edited: boolean;
}

class StoppedByUser extends Error {
  override readonly name = "StoppedByUser";
}

export class ScriptRunController implements vscode.Disposable {
  private readonly channel = vscode.window.createOutputChannel(RUN_CHANNEL_NAME);
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];
  private current: ActiveRun | undefined;
  private last: RunRecord | undefined;
  private nextId = 1;
  /** Fires when a run starts, starts listening or ends (the CodeLens redraws). */
  readonly onDidChange = this.changeEmitter.event;

  private readonly problems: RunProblems;

  constructor(private readonly services: Services) {
    this.problems = new RunProblems((text) => services.manager.redact(text));
    this.disposables.push(
      this.channel,
      this.problems,
      this.changeEmitter,
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0) return;
        if (this.current?.uri.toString() === e.document.uri.toString()) this.current.edited = true;
      }),
    );
  }

  /** The newest run. */
  lastRun(): ScriptRunView | undefined {
    return this.last?.view();
  }

  /** The script of the run in progress, if one runs. */
  runningUri(): vscode.Uri | undefined {
    return this.current?.uri;
  }

  /** The run in progress is listening for messages (its script has ended). */
  listening(): boolean {
    return this.current?.record.state === "listening";
  }

  /** Stops the run in progress (if any) and resolves with how it ended. */
  async stop(): Promise<ScriptRunView | undefined> {
    const active = this.current;
    if (!active) return this.lastRun();
    active.controller.abort(new StoppedByUser("stopped by the user"));
    return active.done ?? this.lastRun();
  }

  /** Runs a script (the active editor's by default); a run in progress is stopped first. Resolves when it ends. */
  async run(arg?: unknown): Promise<ScriptRunView | undefined> {
    const args = argsOf(arg);
    const document = await documentOf(args);
    if (!document) return undefined;
    // A loop, not an if: when several runs are asked for at once, each stops the one before and the last one runs.
    for (let previous = this.current; previous; previous = this.current) {
      previous.replaced = true;
      previous.controller.abort(new StoppedByUser("stopped: the script was run again"));
      await previous.done;
    }
    return this.start(document, args);
  }

  private start(document: vscode.TextDocument, args: RunScriptArgs): Promise<ScriptRunView> {
    const file = scriptName(document);
    const record = new RunRecord(this.nextId++, file, document.uri.toString());
    const active: ActiveRun = {
      record,
      uri: document.uri,
      controller: new AbortController(),
      done: undefined,
      replaced: false,
      edited: false,
    };
    this.current = active;
    this.last = record;
    const done = this.execute(document, args, active)
      .then(
        () => record.view(),
        (error: unknown) => {
          // execute() reports what can go wrong itself; this guard keeps a run from staying "running" on a bug.
          record.state = "error";
          record.summary = `${file}: the run failed: ${errorText(this.services, error)}`;
          this.services.log.error(record.summary);
          return record.view();
        },
      )
      .finally(() => {
        if (this.current === active) this.current = undefined;
        void vscode.commands.executeCommand("setContext", RUNNING_CONTEXT, this.current !== undefined);
        this.changeEmitter.fire();
      });
    active.done = done;
    return done;
  }

  private write(record: RunRecord, line: string): void {
    record.line(line);
    this.channel.appendLine(line);
  }

  private async execute(
    document: vscode.TextDocument,
    args: RunScriptArgs,
    active: ActiveRun,
  ): Promise<void> {
    const { record, controller } = active;
    const { services } = this;
    const text = document.getText();
    const file = record.file;
    this.problems.clear();
    this.channel.clear();
    this.channel.show(true);
    void vscode.commands.executeCommand("setContext", RUNNING_CONTEXT, true);
    this.changeEmitter.fire();

    const { timeout, profile: profileSetting } = runSettings(document, args, (m) => services.log.warn(m));
    const folder =
      vscode.workspace.getWorkspaceFolder(document.uri) ?? vscode.workspace.workspaceFolders?.[0];
    let loaded: LoadedProfile;
    try {
      loaded = await loadDeviceProfile(profileSetting, {
        ...(folder ? { workspaceFolder: folder.uri.fsPath } : {}),
        ...(document.isUntitled ? {} : { scriptFolder: dirname(document.fileName) }),
      });
    } catch (error) {
      const message = error instanceof DeviceProfileError ? error.message : errorText(services, error);
      record.state = "error";
      record.summary = `${file}: not run: ${message}`;
      this.write(record, `■ not run: ${message}`);
      void showErrorMessage(record.summary, vscode.l10n.t("Open Settings")).then((choice) => {
        if (choice === vscode.l10n.t("Open Settings"))
          void vscode.commands.executeCommand(
            "workbench.action.openSettings",
            "routerosMqtt.run.deviceProfile",
          );
      });
      return;
    }

    const choice = args.unknownBrokers ?? "ask";
    let fallback: string | undefined;
    if (choice === "local") {
      try {
        await services.localBroker.start();
        fallback = services.localBroker.profileName();
      } catch (error) {
        const message = vscode.l10n.t(
          "could not start the local embedded broker: {0}",
          errorText(services, error),
        );
        record.state = "error";
        record.summary = `${file}: not run: ${message}`;
        this.write(record, `■ not run: ${message}`);
        void showErrorMessage(record.summary);
        return;
      }
    }

    const viewProfiles = services.repository.validProfiles();
    const port = new ViewBrokerPort({
      manager: services.manager,
      inView: (name) => services.repository.validProfiles().some((p) => p.name === name),
      viewProblem: (name) => {
        const entry = services.repository.get(name);
        return entry && entry.problems.length > 0 ? entry.problems.join("; ") : undefined;
      },
      clientIdOwner: (clientId) =>
        services.repository.validProfiles().find((p) => p.clientId === clientId)?.name,
      ...(fallback !== undefined ? { fallback } : {}),
      log: (level, message) => services.log.write(level, `script run: ${message}`),
      onViewSubscriptionsChanged: (broker, filter, subscribed) => {
        services.hub.setSubscriptions(
          broker,
          services.manager.subscriptions(broker).map((s) => s.filter),
        );
        if (!subscribed) services.tree.forgetSubscription(broker, filter);
        services.tree.refreshBroker(broker);
      },
      onRoute: (name, route) => this.routeNote(record, name, route),
    });
    const device = withViewBrokers(loaded.profile, viewProfiles);

    const published: PublishedMessage[] = [];
    const started = Date.now();
    this.write(
      record,
      runHeader({ file, device: loaded.label, timeoutSeconds: timeout, startedAt: new Date() }),
    );
    record.state = "running";
    this.changeEmitter.fire();

    let result: RunResult | undefined;
    await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t("Running {0}", file),
        cancellable: true,
      },
      async (progress, token) => {
        const cancel = token.onCancellationRequested(() =>
          controller.abort(new StoppedByUser("stopped by the user")),
        );
        try {
          result = await runScriptIsolated(text, {
            fileName: file,
            device,
            mqtt: (run) => port.attach(run),
            signal: controller.signal,
            ...(timeout > 0 ? { timeoutMs: timeout * 1000 } : {}),
            output: {
              put: (line) => this.write(record, line),
              log: (level, message) => this.write(record, logLine(level, message)),
            },
            onPublish: (message) => {
              record.publish(message);
              if (published.length < RECORD_LIMIT) published.push(message);
              this.write(record, publishedLine(message));
            },
            onHandlerFailure: (failure, origin) => {
              record.handlerFail(failure);
              this.write(record, handlerFailureLine(failure, origin));
              if (!active.edited)
                this.problems.add({ document, name: file, text }, failure, FAILURE_KIND[origin]);
            },
            onListening: (listening) => {
              record.state = "listening";
              this.write(record, listeningLine(timeout, listening));
              const what = listeningScripts(listening);
              progress.report({
                message:
                  timeout > 0
                    ? `${what} run for up to ${timeout} s; Cancel stops them`
                    : `${what} run until you cancel`,
              });
              this.changeEmitter.fire();
            },
          });
        } finally {
          cancel.dispose();
          await port.close();
        }
      },
    );
    const ended = result;
    if (!ended) return;
    for (const name of port.unknownBrokers()) record.unknownBroker(name);
    for (const failure of ended.failures) {
      record.fail(failure);
      if (!active.edited) this.problems.add({ document, name: file, text }, failure, "script");
    }
    const end = { ...ended, elapsedMs: Date.now() - started };
    record.state = endState(ended);
    record.summary = services.manager.redact(shortResult(file, end));
    this.write(record, endingLine(end));
    for (const line of publishedTable(published)) this.write(record, line);
    if (!active.replaced)
      announce(record, document, choice, {
        showOutput: () => this.channel.show(true),
        run: (again) => this.run(again),
      });
  }

  private routeNote(record: RunRecord, name: string, route: Route): void {
    if (route.kind === "fallback") this.write(record, routedLine(name, route.broker));
    if (route.kind === "own")
      this.write(
        record,
        `[mqtt] broker "${name}" comes from the script or the device profile (${route.endpoint}): the run connects to it itself`,
      );
  }

  dispose(): void {
    this.current?.controller.abort(new StoppedByUser("the extension is shutting down"));
    for (const d of this.disposables) d.dispose();
  }
}

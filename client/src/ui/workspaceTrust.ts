// Workspace trust: in Restricted Mode the language features work and nothing connects, runs or imports; in a trusted workspace a broker that the workspace's settings define asks once before it first connects (the answer kept per workspace, per broker and endpoint).
import * as vscode from "vscode";
import { describeEndpoint, MqttError, type BrokerProfile } from "../mqtt";
import type { BrokerRepository } from "./brokerRepository";
import { askModalWarning, showErrorMessage } from "./notify";

const ANSWERS_KEY = "routerosMqtt.workspaceBrokerAnswers";
const MANAGE_TRUST = "Manage Workspace Trust";

type Answer = "connect" | "refuse";

/** The sentence for an action refused in Restricted Mode. */
export function restrictedModeText(action: string): string {
  return `Restricted Mode: ${action} waits until you trust this workspace (its settings and scripts could name any host or file). Editing, completion and diagnostics work meanwhile.`;
}

/**
 * True when the workspace is trusted. Otherwise shows why `action` (for example "Running a script") waits, with a
 * button to manage trust, and returns false.
 */
export function requireTrust(action: string): boolean {
  if (vscode.workspace.isTrusted) return true;
  void showErrorMessage(restrictedModeText(action), MANAGE_TRUST).then((choice) => {
    if (choice === MANAGE_TRUST) void vscode.commands.executeCommand("workbench.trust.manage");
  });
  return false;
}

/**
 * The connection manager's admit hook: refuses everything in Restricted Mode; for a broker defined by the
 * workspace's settings, asks the user once (modal) and remembers the answer in the workspace's state, keyed by
 * the broker's name, endpoint, user and TLS settings (a changed address asks again).
 */
export class ConnectionGate {
  private readonly asking = new Map<string, Promise<void>>();

  constructor(
    private readonly repository: BrokerRepository,
    private readonly state: vscode.Memento,
    private readonly log: (message: string) => void,
  ) {}

  readonly admit = (profile: BrokerProfile): void | Promise<void> => {
    if (!vscode.workspace.isTrusted) {
      throw new MqttError(
        "not-allowed",
        restrictedModeText(vscode.l10n.t('connecting to broker "{0}"', profile.name)),
        {
          broker: profile.name,
        },
      );
    }
    if (this.repository.get(profile.name)?.scope !== "workspace") return;
    const key = answerKey(profile);
    const answer = this.answers()[key];
    if (answer === "connect") return;
    if (answer === "refuse") {
      throw new MqttError(
        "not-allowed",
        `broker "${profile.name}" comes from this workspace's settings and you chose not to connect to it; Connect asks again`,
        { broker: profile.name },
      );
    }
    let question = this.asking.get(key);
    if (!question) {
      question = this.ask(profile, key).finally(() => this.asking.delete(key));
      this.asking.set(key, question);
    }
    return question;
  };

  /** Forgets a "Don't Connect" for this broker, so that Connect by hand asks again. */
  async reconsider(profile: BrokerProfile): Promise<void> {
    const answers = this.answers();
    const key = answerKey(profile);
    if (answers[key] !== "refuse") return;
    delete answers[key];
    await this.state.update(ANSWERS_KEY, answers);
  }

  private answers(): Record<string, Answer> {
    return { ...this.state.get<Record<string, Answer>>(ANSWERS_KEY, {}) };
  }

  private async ask(profile: BrokerProfile, key: string): Promise<void> {
    const who = profile.username ? ` as user "${profile.username}"` : "";
    const unverified = profile.ssl && !profile.tls.verifyServer ? ", without checking its certificate" : "";
    const choice = await askModalWarning(
      vscode.l10n.t(
        'This workspace\'s settings define broker "{0}" at {1}. Connect to it{2}?',
        profile.name,
        describeEndpoint(profile),
        who,
      ),
      vscode.l10n.t(
        "The broker comes from .vscode/settings.json of this workspace, not from you: connecting sends it your messages{0}{1}. The answer is remembered for this workspace until the broker's address, user or TLS settings change.",
        who ? " and the password kept for it" : "",
        unverified,
      ),
      vscode.l10n.t("Connect"),
      vscode.l10n.t("Don't Connect"),
    );
    if (choice === vscode.l10n.t("Connect") || choice === vscode.l10n.t("Don't Connect")) {
      const answers = this.answers();
      answers[key] = choice === vscode.l10n.t("Connect") ? "connect" : "refuse";
      await this.state.update(ANSWERS_KEY, answers);
      this.log(`workspace broker "${profile.name}" (${describeEndpoint(profile)}): ${choice}`);
    }
    if (choice !== vscode.l10n.t("Connect")) {
      throw new MqttError(
        "not-allowed",
        `you did not allow broker "${profile.name}" of this workspace to connect`,
        {
          broker: profile.name,
        },
      );
    }
  }
}

function answerKey(profile: BrokerProfile): string {
  const { name, address, port, ssl, username, tls } = profile;
  return JSON.stringify([name, address, port, ssl, username, Object.entries(tls).sort()]);
}

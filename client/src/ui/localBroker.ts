// "Start a local broker": an embedded MQTT broker (aedes) on 127.0.0.1 inside the extension host, with a `local` broker profile pointing at it, for trying scripts without any infrastructure.
import * as vscode from "vscode";
import { makeBrokerProfile, startEmbeddedBroker, type EmbeddedBroker } from "../mqtt";
import type { BrokerRepository } from "./brokerRepository";
import { requireTrust } from "./workspaceTrust";
import { showInformationMessage } from "./notify";

export const LOCAL_BROKER_NAME = "local";
/** Used instead when the user's own `local` broker points at another machine. */
export const FALLBACK_LOCAL_BROKER_NAME = "local-embedded";
const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1"]);

export class LocalBrokerController implements vscode.Disposable {
  private broker: EmbeddedBroker | undefined;
  private name = LOCAL_BROKER_NAME;
  private starting: Promise<EmbeddedBroker> | undefined;
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  /** Fires when the broker starts or stops. */
  readonly onDidChange = this.changeEmitter.event;

  constructor(
    private readonly repository: BrokerRepository,
    private readonly log: (message: string) => void,
  ) {}

  /** The profile name pointing at the running embedded broker, if it runs. */
  profileName(): string | undefined {
    return this.broker ? this.name : undefined;
  }

  get running(): EmbeddedBroker | undefined {
    return this.broker;
  }

  /**
   * Starts the broker on the configured port (another free port when that one is taken) and makes the `local`
   * profile (user settings) point at it. Resolves with the broker.
   */
  async start(): Promise<EmbeddedBroker> {
    if (this.broker) return this.broker;
    this.starting ??= this.launch().finally(() => (this.starting = undefined));
    return this.starting;
  }

  async stop(): Promise<void> {
    const broker = this.broker;
    this.broker = undefined;
    if (broker) {
      await broker.close();
      this.log(`stopped the embedded broker on ${broker.url}`);
      this.changeEmitter.fire();
    }
  }

  dispose(): void {
    void this.stop();
    this.changeEmitter.dispose();
  }

  private async launch(): Promise<EmbeddedBroker> {
    const port = vscode.workspace.getConfiguration("routerosMqtt").get<number>("localBroker.port", 1883);
    let broker: EmbeddedBroker;
    try {
      broker = await startEmbeddedBroker({ port });
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code !== "EADDRINUSE" && code !== "EACCES") throw error;
      this.log(`port ${port} is taken (${String(code)}); the embedded broker uses a free port instead`);
      broker = await startEmbeddedBroker({ port: 0 });
    }
    this.broker = broker;
    this.log(`started the embedded broker on ${broker.url}`);
    await this.ensureProfile(broker);
    this.changeEmitter.fire();
    return broker;
  }

  /** Points `local` at the broker; a user's own `local` that is not on this machine is left alone. */
  private async ensureProfile(broker: EmbeddedBroker): Promise<void> {
    const own = this.repository.get(LOCAL_BROKER_NAME)?.profile;
    this.name = own && !LOOPBACK.has(own.address) ? FALLBACK_LOCAL_BROKER_NAME : LOCAL_BROKER_NAME;
    const existing = this.repository.get(this.name);
    if (!existing) {
      await this.repository.add(
        makeBrokerProfile({ name: this.name, address: broker.host, port: broker.port }),
        "user",
      );
      return;
    }
    const profile = existing.profile;
    if (profile && (profile.address !== broker.host || profile.port !== broker.port || profile.ssl)) {
      await this.repository.update(this.name, {
        ...profile,
        address: broker.host,
        port: broker.port,
        ssl: false,
      });
    }
  }
}

/**
 * Commands to start and stop the embedded broker; starting also connects the editor to it, stopping disconnects the
 * editor first (so the connection ends as asked, not as a broker that went away).
 */
export function registerLocalBrokerCommands(
  controller: LocalBrokerController,
  connect: (name: string) => Promise<unknown>,
  disconnect: (name: string) => Promise<unknown>,
  showError: (prefix: string, error: unknown) => void,
): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(
      "routerosMqtt.startLocalBroker",
      async (): Promise<string | undefined> => {
        if (!requireTrust(vscode.l10n.t("starting the local broker"))) return undefined;
        try {
          const broker = await controller.start();
          const name = controller.profileName() ?? LOCAL_BROKER_NAME;
          await connect(name);
          void showInformationMessage(
            vscode.l10n.t(
              'The embedded broker runs on {0} as broker "{1}". Scripts can publish with broker={2}.',
              broker.url,
              name,
              name,
            ),
          );
          return name;
        } catch (error) {
          showError("Could not start the embedded broker: ", error);
          return undefined;
        }
      },
    ),
    vscode.commands.registerCommand("routerosMqtt.stopLocalBroker", async () => {
      const name = controller.profileName();
      if (name !== undefined) await disconnect(name).catch(() => {});
      await controller.stop();
    }),
  ];
}

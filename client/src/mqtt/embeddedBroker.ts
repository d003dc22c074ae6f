// A local MQTT broker (aedes) on loopback for `rsc run` without --broker, `npm start`, tests and the demo; reports every message clients publish.
import { createServer, type Socket } from "node:net";
import type { QoS } from "./qos";

/** One message a client published to the embedded broker. */
export interface ReceivedPublish {
  topic: string;
  payload: Buffer;
  qos: QoS;
  retain: boolean;
  /** Client id of the publisher. */
  clientId: string;
}

export interface EmbeddedBrokerOptions {
  /** TCP port; 0 (default) picks a free one. */
  port?: number;
  /** Interface to listen on (default 127.0.0.1: never exposed to the network unless asked). */
  host?: string;
  /** Called for every message a client publishes (not for the broker's own `$SYS` messages). */
  onPublish?: (message: ReceivedPublish) => void;
  /** When set, only these user names with these passwords may connect (CONNACK "bad username or password" otherwise). */
  users?: Readonly<Record<string, string>>;
}

export interface EmbeddedBroker {
  /** `mqtt://host:port` */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /** Clients connected right now. */
  connectedClients(): number;
  /** Disconnects every client and stops listening. */
  close(): Promise<void>;
}

/** Starts aedes on a TCP listener; resolves once it accepts connections. */
export async function startEmbeddedBroker(options: EmbeddedBrokerOptions = {}): Promise<EmbeddedBroker> {
  const host = options.host ?? "127.0.0.1";
  // aedes 1.x is ESM-only: tsc (module node16) keeps this dynamic import as a real import() in the CommonJS output.
  const { Aedes } = await import("aedes");
  const broker = await Aedes.createBroker();
  const users = options.users;
  if (users) {
    broker.authenticate = (_client, username, password, done) => {
      const ok =
        username !== undefined &&
        Object.hasOwn(users, username) &&
        password?.toString("utf8") === users[username];
      if (ok) {
        done(null, true);
        return;
      }
      const error = Object.assign(new Error("bad username or password"), { returnCode: 4 as const });
      done(error, false);
    };
  }
  const onPublish = options.onPublish;
  if (onPublish) {
    broker.on("publish", (packet, client) => {
      if (!client) return;
      onPublish({
        topic: packet.topic,
        payload: Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload),
        qos: packet.qos,
        retain: packet.retain,
        clientId: client.id,
      });
    });
  }
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    broker.handle(socket);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : (options.port ?? 0);
  const urlHost = host.includes(":") ? `[${host}]` : host;
  let closing: Promise<void> | undefined;
  return {
    url: `mqtt://${urlHost}:${port}`,
    host,
    port,
    connectedClients: () => broker.connectedClients,
    close: () =>
      (closing ??= (async () => {
        const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()));
        for (const socket of sockets) socket.destroy();
        await new Promise<void>((resolve) => broker.close(() => resolve()));
        await serverClosed;
      })()),
  };
}

// An aedes broker on loopback whose PUBACKs the test holds back: a publish to a topic under `late/` is acknowledged when the test says, one under `never/` not at all; every publish it sees is listed.
import { createServer, type Socket } from "node:net";

export interface AckBroker {
  readonly port: number;
  /** Topics of the publishes it received, in order (held ones included). */
  readonly seen: string[];
  /** Acknowledges every publish held back so far (under `late/`). */
  release(): void;
  /** How many publishes are held back now. */
  held(): number;
  close(): Promise<void>;
}

export async function startAckBroker(): Promise<AckBroker> {
  const { Aedes } = await import("aedes");
  const broker = await Aedes.createBroker();
  const seen: string[] = [];
  let waiting: (() => void)[] = [];
  // aedes sends the PUBACK once the publish is authorized: a callback held back is an acknowledgement held back.
  broker.authorizePublish = (_client, packet, done) => {
    seen.push(packet.topic);
    if (packet.topic.startsWith("never/")) return;
    if (packet.topic.startsWith("late/")) waiting.push(() => done(null));
    else done(null);
  };
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    broker.handle(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  return {
    port: typeof address === "object" && address ? address.port : 0,
    seen,
    release: () => {
      const now = waiting;
      waiting = [];
      for (const done of now) done();
    },
    held: () => waiting.length,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      await closed;
    },
  };
}

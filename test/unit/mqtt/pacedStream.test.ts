// The paced stream hands a network backlog to the parser in bounded slices, one per event-loop turn, in order, and passes end and close through.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createConnection, createServer, type Socket } from "node:net";
import { PacedDuplex } from "../../../client/src/mqtt/pacedStream";

test("a 2 MB backlog arrives complete, in order, in slices of at most 16 KiB, one per event-loop turn", async () => {
  const payload = Buffer.alloc(2 * 1024 * 1024);
  for (let i = 0; i < payload.length; i++) payload[i] = i % 251;
  const server = createServer((socket: Socket) => socket.end(payload));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  try {
    const paced = new PacedDuplex(createConnection({ port, host: "127.0.0.1" }), { sliceBytes: 16 * 1024 });
    const chunks: Buffer[] = [];
    // A ticker that re-queues itself with setImmediate runs exactly once per event-loop turn.
    let turn = 0;
    let running = true;
    const tick = (): void => {
      turn++;
      if (running) setImmediate(tick);
    };
    tick();
    const slicesPerTurn = new Map<number, number>();
    const closed = new Promise<void>((resolve) => paced.once("close", () => resolve()));
    paced.on("data", (chunk: Buffer) => {
      chunks.push(chunk);
      slicesPerTurn.set(turn, (slicesPerTurn.get(turn) ?? 0) + 1);
    });
    await new Promise<void>((resolve) => paced.once("end", () => resolve()));
    await closed;
    running = false;
    const received = Buffer.concat(chunks);
    assert.equal(received.length, payload.length);
    assert.ok(received.equals(payload), "bytes differ");
    assert.ok(
      chunks.every((c) => c.length <= 16 * 1024),
      `largest slice ${Math.max(...chunks.map((c) => c.length))}`,
    );
    assert.ok(chunks.length >= 128, `${chunks.length} slices`);
    assert.equal(
      Math.max(...slicesPerTurn.values()),
      1,
      "more than one slice was parsed in one event-loop turn",
    );
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

test("writes go through, and a socket error surfaces with its code", async () => {
  const got: Buffer[] = [];
  const server = createServer((socket: Socket) => socket.on("data", (d: Buffer) => got.push(d)));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  try {
    const paced = new PacedDuplex(createConnection({ port, host: "127.0.0.1" }));
    await new Promise<void>((resolve, reject) =>
      paced.write(Buffer.from("hello"), (e) => (e ? reject(e) : resolve())),
    );
    paced.end();
    await new Promise<void>((resolve) => paced.once("close", () => resolve()));
    assert.equal(Buffer.concat(got).toString(), "hello");
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  const refused = new PacedDuplex(createConnection({ port, host: "127.0.0.1" }));
  const error = await new Promise<NodeJS.ErrnoException>((resolve) => refused.once("error", resolve));
  assert.equal(error.code, "ECONNREFUSED");
});

// Feeds the `mqtt` parser one slice of network data per event-loop turn. Without it a backlog is parsed in one go (libuv reads up to 32 × 64 KB per poll and the parser chains process.nextTick), stalling the loop for hundreds of ms under a flood; with it the socket pauses and TCP pushes back on the broker instead.
import { isIP, createConnection, type Socket } from "node:net";
import { Duplex } from "node:stream";
import { connect as tlsConnect, type TLSSocket } from "node:tls";
import type { MqttConnectOptions } from "./brokerProfile";

export interface PacingOptions {
  /** Bytes handed to the parser per event-loop turn (default 16 KiB, about 200 small PUBLISH packets). */
  sliceBytes?: number;
  /** Received bytes held before the socket is paused (default 256 KiB). */
  maxBufferedBytes?: number;
}

/** A duplex over a TCP or TLS socket that paces what it reads; writes go straight through. */
export class PacedDuplex extends Duplex {
  private readonly pending: Buffer[] = [];
  private pendingBytes = 0;
  private scheduled = false;
  private wantMore = true;
  private socketEnded = false;
  private socketClosed = false;
  private eofPushed = false;
  private readonly sliceBytes: number;
  private readonly maxBufferedBytes: number;

  constructor(
    /** The real socket: read TLS facts (peer certificate, protocol) from here. */
    readonly socket: Socket | TLSSocket,
    pacing: PacingOptions = {},
  ) {
    super({ allowHalfOpen: false });
    // MQTT packets are small and latency-bound (QoS 1 waits for PUBACK): Nagle's delay would cost 40 ms each.
    socket.setNoDelay(true);
    this.sliceBytes = pacing.sliceBytes ?? 16 * 1024;
    this.maxBufferedBytes = pacing.maxBufferedBytes ?? 256 * 1024;
    socket.on("data", (chunk: Buffer) => this.onData(chunk));
    socket.on("end", () => {
      this.socketEnded = true;
      this.schedule();
    });
    socket.on("error", (error: Error) => this.destroy(error));
    socket.on("close", () => {
      this.socketClosed = true;
      this.schedule();
    });
  }

  override _read(): void {
    this.wantMore = true;
    this.schedule();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    if (this.socket.destroyed) {
      callback(new Error("socket closed"));
      return;
    }
    if (this.socket.write(chunk)) callback();
    else this.socket.once("drain", () => callback());
  }

  /** Corked writes (a packet's header and body) leave in one write, so one packet is one TCP segment. */
  override _writev(
    chunks: { chunk: Buffer; encoding: BufferEncoding }[],
    callback: (error?: Error | null) => void,
  ): void {
    this._write(Buffer.concat(chunks.map((c) => c.chunk)), "binary", callback);
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.socket.end(() => callback());
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.socket.destroy();
    callback(error);
  }

  private onData(chunk: Buffer): void {
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    if (this.pendingBytes >= this.maxBufferedBytes) this.socket.pause();
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled || this.destroyed) return;
    this.scheduled = true;
    setImmediate(() => this.pump());
  }

  private pump(): void {
    this.scheduled = false;
    if (this.destroyed) return;
    if (this.pending.length > 0 && this.wantMore) {
      const slice = this.takeSlice();
      this.wantMore = this.push(slice);
    }
    if (this.pending.length > 0) {
      if (this.wantMore) this.schedule();
    } else if (this.socketEnded || this.socketClosed) {
      if (!this.eofPushed) this.push(null);
      this.eofPushed = true;
      if (this.socketClosed) this.destroy();
      return;
    }
    if (this.socket.isPaused() && this.pendingBytes < this.maxBufferedBytes / 2) this.socket.resume();
  }

  private takeSlice(): Buffer {
    const first = this.pending[0] as Buffer;
    let slice: Buffer;
    if (first.length > this.sliceBytes) {
      slice = first.subarray(0, this.sliceBytes);
      this.pending[0] = first.subarray(this.sliceBytes);
    } else {
      slice = first;
      this.pending.shift();
    }
    this.pendingBytes -= slice.length;
    return slice;
  }
}

/**
 * A stream builder for `new MqttClient(builder, options)` that opens the TCP or TLS socket itself (same TLS options
 * as the `mqtt` package: ca, cert, key, passphrase, rejectUnauthorized, servername) and paces reads.
 */
export function pacedStreamBuilder(
  options: MqttConnectOptions,
  pacing: PacingOptions = {},
): () => PacedDuplex {
  return () => {
    const secure = options.protocol === "mqtts";
    const host = options.host ?? "localhost";
    const port = options.port ?? (secure ? 8883 : 1883);
    if (!secure) return new PacedDuplex(createConnection({ host, port }), pacing);
    const servername = options.servername ?? (isIP(host) === 0 ? host : undefined);
    const socket = tlsConnect({
      host,
      port,
      rejectUnauthorized: options.rejectUnauthorized !== false,
      ...(servername ? { servername } : {}),
      ...(options.ca ? { ca: options.ca } : {}),
      ...(options.cert ? { cert: options.cert } : {}),
      ...(options.key ? { key: options.key as Buffer } : {}),
      ...(options.passphrase ? { passphrase: options.passphrase } : {}),
    });
    return new PacedDuplex(socket, pacing);
  };
}

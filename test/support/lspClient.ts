// A small LSP client over a child process's stdio (JSON-RPC with Content-Length framing), for protocol tests and benchmarks.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";

export interface JsonRpcMessage {
  readonly jsonrpc: "2.0";
  readonly id?: number | string | null;
  readonly method?: string;
  readonly params?: unknown;
  readonly result?: unknown;
  readonly error?: { readonly code: number; readonly message: string };
}

interface Pending {
  resolve(message: JsonRpcMessage): void;
  reject(error: Error): void;
}

type Listener = (message: JsonRpcMessage) => void;

export class LspClient {
  private nextId = 1;
  private buffer = Buffer.alloc(0);
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<Listener>();
  /** Every notification received, in order. */
  readonly notifications: JsonRpcMessage[] = [];
  /** Bytes the server wrote to stdout that were not a framed message (must stay empty: stdout is the wire). */
  readonly garbage: string[] = [];
  readonly stderr: string[] = [];
  private exited: Promise<number | null>;

  private constructor(readonly process: ChildProcessWithoutNullStreams) {
    process.stdout.on("data", (chunk: Buffer) => this.onData(chunk));
    process.stderr.on("data", (chunk: Buffer) => this.stderr.push(chunk.toString("utf8")));
    this.exited = new Promise((resolve) => process.on("exit", (code) => resolve(code)));
    process.on("exit", () => {
      for (const p of this.pending.values()) p.reject(new Error("the server exited before answering"));
      this.pending.clear();
    });
  }

  /** Starts `node <args...>` (e.g. `dist/cli.js lsp --stdio`) with extra environment variables. */
  static start(args: readonly string[], env: Record<string, string> = {}): LspClient {
    const child = spawn(process.execPath, [...args], { env: { ...process.env, ...env }, stdio: "pipe" });
    return new LspClient(child);
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf("\r\n\r\n");
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString("ascii");
      const match = /Content-Length: (\d+)/i.exec(header);
      if (!match || !header.startsWith("Content-")) {
        this.garbage.push(this.buffer.toString("utf8"));
        this.buffer = Buffer.alloc(0);
        return;
      }
      const length = Number(match[1]);
      const start = headerEnd + 4;
      if (this.buffer.length < start + length) return;
      const body = this.buffer.subarray(start, start + length).toString("utf8");
      this.buffer = this.buffer.subarray(start + length);
      this.dispatch(JSON.parse(body) as JsonRpcMessage);
    }
  }

  private dispatch(message: JsonRpcMessage): void {
    if (message.method !== undefined && message.id !== undefined && message.id !== null) {
      // A request from the server (workspace/configuration, client/registerCapability...): answer null.
      this.write({ jsonrpc: "2.0", id: message.id, result: null });
      return;
    }
    if (message.method !== undefined) {
      this.notifications.push(message);
      for (const listener of this.listeners) listener(message);
      return;
    }
    const id = typeof message.id === "number" ? message.id : -1;
    const pending = this.pending.get(id);
    if (pending) {
      this.pending.delete(id);
      pending.resolve(message);
    }
  }

  private write(message: JsonRpcMessage): void {
    const body = Buffer.from(JSON.stringify(message), "utf8");
    this.process.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.process.stdin.write(body);
  }

  /** Sends a request and resolves with its whole response message (result or error). */
  requestRaw(method: string, params: unknown): Promise<JsonRpcMessage> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.write({ jsonrpc: "2.0", id, method, params });
    });
  }

  /** Sends a request and resolves with its result; rejects with the server's error message. */
  async request<T = unknown>(method: string, params: unknown): Promise<T> {
    const response = await this.requestRaw(method, params);
    if (response.error) throw new Error(`${method}: ${response.error.message}`);
    return response.result as T;
  }

  notify(method: string, params: unknown): void {
    this.write({ jsonrpc: "2.0", method, params });
  }

  /** Resolves with the first notification (already received after `since`, or coming) that matches. */
  waitForNotification(
    match: (message: JsonRpcMessage) => boolean,
    options: { timeoutMs?: number; since?: number; what?: string } = {},
  ): Promise<JsonRpcMessage> {
    const seen = this.notifications.slice(options.since ?? 0).find(match);
    if (seen) return Promise.resolve(seen);
    const timeoutMs = options.timeoutMs ?? 10_000;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        reject(new Error(`${options.what ?? "notification"} did not arrive within ${timeoutMs} ms`));
      }, timeoutMs);
      const listener: Listener = (message) => {
        if (!match(message)) return;
        clearTimeout(timer);
        this.listeners.delete(listener);
        resolve(message);
      };
      this.listeners.add(listener);
    });
  }

  /** initialize + initialized, with the capabilities a VS Code-like client declares. */
  async initialize(): Promise<{ capabilities: Record<string, unknown> }> {
    const result = await this.request<{ capabilities: Record<string, unknown> }>("initialize", {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        textDocument: {
          completion: { completionItem: { snippetSupport: true } },
          hover: { contentFormat: ["markdown", "plaintext"] },
          publishDiagnostics: { versionSupport: true },
          semanticTokens: {
            requests: { full: true },
            tokenTypes: [],
            tokenModifiers: [],
            formats: ["relative"],
          },
          rename: { prepareSupport: true },
        },
      },
    });
    this.notify("initialized", {});
    return result;
  }

  /** shutdown + exit; resolves with the process's exit code. */
  async shutdown(): Promise<number | null> {
    await this.request("shutdown", null);
    this.notify("exit", null);
    return this.exited;
  }

  /** Ends the process if it is still running (after a failed test). */
  kill(): void {
    if (this.process.exitCode === null) this.process.kill();
  }

  get exitCode(): Promise<number | null> {
    return this.exited;
  }
}

// The `RouterOS MQTT` output channel: a LogOutputChannel fed only with redacted text, so no password, passphrase or key ever reaches it.
import * as vscode from "vscode";
import type { Log, LogLevel } from "../mqtt";

export interface ExtensionLog {
  readonly channel: vscode.LogOutputChannel;
  /** Writes one line after redaction. */
  readonly write: Log;
  readonly info: (message: string) => void;
  readonly warn: (message: string) => void;
  readonly error: (message: string) => void;
}

/** Creates the channel; `redact` is applied to every line (the connection manager's redactor knows every secret used). */
export function createExtensionLog(redact: (text: string) => string): ExtensionLog {
  const channel = vscode.window.createOutputChannel("RouterOS MQTT", { log: true });
  const write = (level: LogLevel, message: string): void => {
    const clean = redact(message);
    switch (level) {
      case "debug":
        channel.debug(clean);
        break;
      case "info":
        channel.info(clean);
        break;
      case "warn":
        channel.warn(clean);
        break;
      case "error":
        channel.error(clean);
        break;
    }
  };
  return {
    channel,
    write,
    info: (m) => write("info", m),
    warn: (m) => write("warn", m),
    error: (m) => write("error", m),
  };
}

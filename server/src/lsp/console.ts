// Sends `console.*` output to the client's log: on stdio, stdout is the protocol wire and must carry nothing else.
import type { Connection } from "vscode-languageserver";
import { inspect } from "node:util";

function format(args: readonly unknown[]): string {
  return args.map((a) => (typeof a === "string" ? a : inspect(a))).join(" ");
}

/** Redirects console methods to `connection.console`, and logs uncaught errors instead of dying. */
export function protectProcess(connection: Connection): void {
  const log = (...args: unknown[]): void => connection.console.log(format(args));
  const info = (...args: unknown[]): void => connection.console.info(format(args));
  const warn = (...args: unknown[]): void => connection.console.warn(format(args));
  const error = (...args: unknown[]): void => connection.console.error(format(args));
  Object.assign(console, { log, info, warn, error, debug: log, trace: log, dir: log, table: log });
  process.on("uncaughtException", (e: unknown) => {
    connection.console.error(
      `uncaught exception (the server keeps running): ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
    );
  });
  process.on("unhandledRejection", (reason: unknown) => {
    connection.console.error(
      `unhandled rejection (the server keeps running): ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`,
    );
  });
}

// Entry point of the `rsc` command-line tool: dispatches to check, lsp and run.
import { readFileSync } from "node:fs";
import { runCheck } from "./check";
import { runLsp } from "./lsp";
import { runRun } from "./run";
import { USAGE, UsageError } from "./usage";
import { packageVersion } from "./version";

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
    case "--help":
    case "-h":
    case "help":
      process.stdout.write(USAGE);
      return command === undefined ? 2 : 0;
    case "--version":
    case "-v":
      process.stdout.write(`${packageVersion()}\n`);
      return 0;
    case "check":
      return runCheck(rest, {
        stdout: (text) => process.stdout.write(text),
        stderr: (text) => process.stderr.write(text),
        readStdin: () => readFileSync(0, "utf8"),
      });
    case "lsp":
      return runLsp(rest);
    case "run":
      return runRun(rest);
    default:
      throw new UsageError(`unknown command '${command}'`);
  }
}

// A closed pipe (`rsc check . | head`) is the reader's choice, not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

main(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`rsc: ${error.message}\nRun 'rsc --help' for usage.\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(
        `rsc: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exitCode = 70;
    }
  },
);

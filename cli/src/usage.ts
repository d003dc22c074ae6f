// The `rsc` command's help text and its usage error, shared by every subcommand.

export const USAGE = `rsc - RouterOS script tools (routeros-mqtt)

Usage:
  rsc check [--format text|json|github|sarif] [--quiet] PATH...
                                           Check .rsc files (directories are walked; - reads stdin).
                                           text: file:line:column: severity code message, then a
                                           summary line (--quiet: none); github: workflow annotations;
                                           sarif: SARIF 2.1.0 for code scanning
  rsc lsp --stdio                          Start the language server on stdin/stdout
  rsc run FILE [--broker NAME=URL]... [--ask-password] [--device PROFILE.json] [--timeout SECONDS]
             [--verbose]                   Run a script against a simulated device and MQTT brokers
                                           (no --broker: an embedded broker takes every broker name;
                                           then runs on-message scripts and /system scheduler entries
                                           until --timeout or Ctrl+C; --verbose also prints the MQTT
                                           connection log). A broker's password comes from the
                                           variable RSC_PASSWORD_<NAME>, or --ask-password asks for it
                                           without echo; a password in the URL is shown by ps
  rsc --help | --version

Exit status: 0 success, 1 errors found (check) or script error (run: including a :set of an undeclared variable,
which stops the script before it runs, a failed on-message run, a failed scheduled run and a failed :execute job; a job still
running when the run ends is not a failure), 2 usage error or unreadable file.
`;

/** A command-line mistake: printed with the usage hint, exit status 2. */
export class UsageError extends Error {}

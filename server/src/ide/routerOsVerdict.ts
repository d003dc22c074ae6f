// Lines a document's diagnostics up with RouterOS's own verdict: its first error first, in its own words.
import type { Diagnostic } from "../diagnostics/types";
import { commandStartOf } from "../syntax/commandContext";
import type { DocumentAnalysis } from "./analysis";
import type { BoundCommand } from "./model/types";

/** How RouterOS's `:parse` words an error that stops it (the messages of the parse oracle, tikoci/lsp-routeros-ts). */
type Wording =
  "syntax error" | "expected command name" | "expected end of command" | "expected closing brace";

/** The word depends on what the command's words were: see `wordAfterCommand`. */
const AFTER_WORDS = "after-words";

/**
 * Our codes of errors that stop RouterOS's parse, with its wording. Every other error (a bad command name, a value a
 * command refuses, anything in code written in a string) is found by RouterOS only when the line runs, if ever.
 */
const STOPPING: Readonly<Record<string, Wording | typeof AFTER_WORDS>> = {
  RSC1001: "syntax error",
  RSC1002: "syntax error",
  RSC1003: "syntax error",
  RSC1004: "syntax error",
  RSC1005: "syntax error",
  RSC2001: "expected closing brace",
  RSC2002: "syntax error",
  RSC2003: "syntax error",
  RSC2004: AFTER_WORDS,
  RSC2005: "expected command name",
  RSC2006: "syntax error",
  RSC2007: AFTER_WORDS,
  RSC2008: "syntax error",
  RSC2009: "expected command name",
  RSC2010: "syntax error",
  RSC2011: "syntax error",
  RSC2012: "syntax error",
  RSC2013: "syntax error",
  RSC2014: AFTER_WORDS,
  // An argument the command does not have: `/ip address add name=x` fails with "expected end of command" at `name`.
  RSC3002: "expected end of command",
  // An unnamed value the command has no place for: `/interface/macvlan/add <tab>` fails with "expected end of command".
  RSC3009: "expected end of command",
  // A slash path past a name RouterOS does not know: `/ip/cloud/file-share/print` fails with "syntax error" there.
  RSC3021: "syntax error",
  // `:set` of a variable declared nowhere in reach: `{ :set msg "x" }` fails with "syntax error" at `msg`.
  RSC3010: "syntax error",
};

function stops(d: Diagnostic): boolean {
  return d.severity === "error" && STOPPING[d.code] !== undefined;
}

/**
 * RouterOS stops at its first syntax error and reports only that one; bad command names and the like are compiled
 * into run-time errors that it never reaches then. So, in position order: the first error that stops RouterOS gets
 * RouterOS's wording beside ours; the run-time errors before it become warnings that say RouterOS stops at that
 * error first; everything after it stays as it is. `embedded` are the diagnostics of code written in strings: RouterOS
 * reads that code only when something runs it, so their errors are warnings of this document.
 */
export function alignWithRouterOs(
  analysis: DocumentAnalysis,
  own: readonly Diagnostic[],
  embedded: readonly Diagnostic[],
): Diagnostic[] {
  const all = [
    ...own,
    ...embedded.map((d) =>
      d.severity === "error"
        ? {
            ...d,
            severity: "warning" as const,
            message: `${d.message} (code in a string: RouterOS reads it only when it runs it)`,
          }
        : d,
    ),
  ];
  let first: Diagnostic | undefined;
  for (const d of own) if (stops(d) && (!first || d.start < first.start)) first = d;
  if (!first) return all;
  const stopper = first;
  const at = analysis.lines.positionAt(stopper.start);
  const where = `line ${at.line + 1} column ${at.character + 1}`;
  const wording = wordingOf(analysis, stopper);
  return all.map((d) => {
    if (d === stopper) {
      return d.message.startsWith(wording) ? d : { ...d, message: `${d.message} (RouterOS: ${wording})` };
    }
    if (d.severity !== "error" || d.start >= stopper.start) return d;
    return {
      ...d,
      severity: "warning",
      message: `${d.message} (RouterOS stops at the ${wording} at ${where} first, before this line runs)`,
    };
  });
}

function wordingOf(analysis: DocumentAnalysis, d: Diagnostic): Wording {
  const wording = STOPPING[d.code] ?? "syntax error";
  if (wording !== AFTER_WORDS) return wording;
  const start = commandStartOf(d);
  return wordAfterCommand(start === undefined ? undefined : boundCommandAt(analysis, start));
}

/**
 * What RouterOS says about something that cannot follow a command's words (parse oracle): after a menu it wanted a
 * command name (`/ip/socks> print`, `[user@router]`, `log:`); after a command it knows, the end of the command
 * (`tostr: ;c`, `:local name($i->7)`); after a word it does not know, a plain syntax error (`[admin@MikroTik]`,
 * `done!`, `name: myapp`, `function webfiglist(ip)`).
 */
function wordAfterCommand(bound: BoundCommand | undefined): Wording {
  if (!bound || bound.node.callee) return "syntax error";
  if (bound.menuOnly) return "expected command name";
  if (bound.info && !bound.resolution?.error) return "expected end of command";
  return "syntax error";
}

function boundCommandAt(analysis: DocumentAnalysis, start: number): BoundCommand | undefined {
  for (const bound of analysis.model.commands) if (bound.node.start === start) return bound;
  return undefined;
}

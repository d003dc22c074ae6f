// The one catalog of diagnostic codes and messages: 1xxx lexical, 2xxx syntax, 3xxx semantic, 4xxx runtime.
import type { Diagnostic, Severity } from "./types";

interface Entry {
  readonly severity: Severity;
  /** A sentence with `{0}`, `{1}`... placeholders: what is wrong, and what was expected. */
  readonly template: string;
}

/** Codes are stable: tools and users may filter on them. Never renumber; retire instead. */
export const catalog = {
  // Lexical
  RSC1001: { severity: "error", template: "unterminated string: the closing '\"' is missing" },
  RSC1002: {
    severity: "error",
    template:
      "invalid escape sequence '{0}' in string; expected one of \\\" \\\\ \\n \\r \\t \\$ \\? \\_ \\a \\b \\f \\v, \\XX (two upper-case hex digits) or \\ at the end of a line",
  },
  RSC1003: {
    severity: "error",
    template: "unexpected '\\' outside a string: a backslash may only end a line to continue it",
  },
  RSC1004: {
    severity: "error",
    template: "a comment cannot be continued with '\\': the next line is not part of the comment",
  },
  RSC1005: { severity: "error", template: "unexpected character '{0}'" },
  // Syntax
  RSC2001: { severity: "error", template: "expected closing brace '}' for the '{' at line {0} column {1}" },
  RSC2002: { severity: "error", template: "expected closing bracket ']' for the '[' at line {0} column {1}" },
  RSC2003: {
    severity: "error",
    template: "expected closing parenthesis ')' for the '(' at line {0} column {1}",
  },
  RSC2004: { severity: "error", template: "expected end of command, found '{0}'" },
  RSC2005: { severity: "error", template: "expected command name, found {0}" },
  RSC2006: { severity: "error", template: "expected a value, found {0}" },
  RSC2007: { severity: "error", template: "unexpected '=': write name=value with no space before '='" },
  RSC2008: { severity: "error", template: "expected a variable name after '$', found {0}" },
  RSC2009: { severity: "error", template: "expected a command name right after ':', found {0}" },
  RSC2010: {
    severity: "error",
    template: "malformed value '{0}' in expression: not a number, address, time or name",
  },
  RSC2011: { severity: "error", template: "expected an operator or ')', found {0}" },
  RSC2012: { severity: "error", template: "'{0}' is an operator keyword and cannot start a value" },
  RSC2013: { severity: "error", template: "expected an array element before '='" },
  RSC2014: {
    severity: "error",
    template:
      "unexpected '{0}' after '{1}': a menu or command name ends at a space, '/' or the end of the command",
  },
  RSC2015: {
    severity: "warning",
    template:
      "no block is open here: RouterOS stops reading the script at this '}' and ignores everything after it",
  },
  /**
   * Error: past the nesting limit the checker reads nothing more of that construct, so nothing in it can be vouched
   * for, and a run refuses the script (RouterOS documents no limit: see syntax/limits.ts).
   */
  RSC2016: {
    severity: "error",
    template:
      "nested too deeply: more than {0} levels of brackets, blocks and operators; the rest of this part is not read (a limit of this checker, far above what scripts need: split the code or the expression)",
  },
  // Semantic (language features, server/src/ide). Severity policy (ARCHITECTURE.md, "Severity"): an error when
  // RouterOS refuses the script or the command certainly fails when run; a warning when it is likely wrong; a hint
  // when our knowledge cannot decide. Each entry says why.
  /** Error: RouterOS compiles an unknown name into a `bad command name` failure (a warning while a parse error stands). */
  RSC3001: { severity: "error", template: "bad command name {0} in {1}{2}" },
  /** Error: RouterOS's parse refuses a name the command does not take (`expected end of command` at it). */
  RSC3002: { severity: "error", template: "unknown argument {0} for {1}{2}" },
  /** Error: the value breaks the router's own rule for the argument (range, list, syntax): the command fails. */
  RSC3003: { severity: "error", template: "{0}" },
  /** Warning: a plain word or an unobserved reading where the hint wants a time or address: likely wrong. */
  RSC3004: { severity: "warning", template: "{0}" },
  /** Error: RouterOS 7.22.1 answers a bare `add` with `missing value(s) of argument(s) ...`: the add fails. */
  RSC3005: {
    severity: "error",
    template: "missing value(s) of argument(s) {0}: RouterOS refuses {1} without {2}",
  },
  /** Warning: the product's rule (publish without a topic runs but does nothing useful): likely wrong. */
  RSC3006: {
    severity: "warning",
    template: "missing argument{0} {1} for {2}: the command has nothing useful to do without {3}",
  },
  /** Error: an MQTT topic that breaks the protocol (wildcards in a published topic): the broker refuses it. */
  RSC3007: { severity: "error", template: "{0}" },
  /** Warning: close to a known property, so most likely a misspelling (`get` of it fails when run). */
  RSC3008: { severity: "warning", template: "unknown property {0} of {1}{2}" },
  /**
   * Error: RouterOS's parse refuses an unnamed value past the command's unnamed arguments (`expected end of command` at
   * it). A warning in packages whose arguments changed within RouterOS 7; a hint right after a global command's
   * argument written bare (`on-error {}`: most likely that argument's value, no RouterOS verdict shows it).
   */
  RSC3009: { severity: "error", template: "unexpected value {0}: {1} takes no more unnamed values{2}" },
  /**
   * Hint: RouterOS's parse accepts reading an undeclared name (nothing when run, unless whoever runs the script passes
   * it: `[:parse ...] x=1`). A warning when likely wrong (a near miss of a name in reach, declared out of reach, code
   * run with nothing passed, a misspelt parameter of a function whose calls are all in the file); an error for `:set`
   * of one: RouterOS's parse refuses it
   * (`syntax error` at the name).
   */
  RSC3010: { severity: "hint", template: "variable {0} is not declared here{1}" },
  /** Warning: the name is nothing outside on-message code: likely wrong. */
  RSC3011: {
    severity: "warning",
    template: "${0} exists only inside the on-message script of /iot mqtt subscriptions",
  },
  /** Warning: a function body sees no global it does not declare, so the name is nothing there: likely wrong. */
  RSC3012: {
    severity: "warning",
    template:
      "global {0} is not visible inside function {1}, and no call passes {0}=: declare it in the body with ':global {0}'",
  },
  /** Hint: a menu of hardware or an extra package the x86 tree lacks: valid for who has it; we cannot check it. */
  RSC3013: {
    severity: "hint",
    template:
      "{0} in {1}: a menu of {2}, which the RouterOS 7.24 command tree (an x86 CHR) lacks; what it holds is not checked",
  },
  /** Hint: hardware adds arguments to this menu that the tree lacks: we cannot decide. */
  RSC3014: {
    severity: "hint",
    template:
      "argument {0} for {1} is not in the RouterOS 7.24 command tree, but {2} adds arguments it lacks: not checked",
  },
  /** Hint: RouterOS accepts the abbreviation; writing it out is advice, not a problem. */
  RSC3015: {
    severity: "hint",
    template:
      "{0} is short for {1}: RouterOS reads it as {1}; the full name keeps working when a later version adds a name that begins the same way",
  },
  /** Error: RouterOS 7.22.1 answers a bare `add` with this `failure: ...`: the add fails. */
  RSC3016: { severity: "error", template: "{0}: {1} needs {2}" },
  /** Hint: a file using names a RouterOS context injects is meant to run there: we cannot know how it is run. */
  RSC3017: {
    severity: "hint",
    template:
      "{0} is not declared in this script: RouterOS gives it to {1}, so the script is meant to run as one (elsewhere {0} is nothing)",
  },
  /** Hint: read-only properties are documented menu by menu and ours are incomplete: we cannot decide. */
  RSC3018: {
    severity: "hint",
    template:
      "property {0} of {1} is not known to the RouterOS 7.24 command tree (it lists only some read-only properties): not checked",
  },
  /** Warning: the package's arguments changed within RouterOS 7; the script may target another version. */
  RSC3019: {
    severity: "warning",
    template:
      "unknown argument {0} for {1}{2} ({3} of RouterOS 7.24 lacks it; its arguments changed within RouterOS 7, so a script for another version may use it)",
  },
  /** Error: RouterOS reads a slash path while it parses; past a name it does not know, the `/` is a syntax error. */
  RSC3021: {
    severity: "error",
    template: "syntax error at the '/' after {0}: {0} is not in {1}, so RouterOS cannot read the path on{2}",
  },

  /**
   * Warning: a name after `$` is letters and digits, so `$name_VLAN` reads the variable `name` and then the text
   * `_VLAN` (RouterOS 7.22.1 IL: `(. $name _VLAN)`); with a variable `name_VLAN` declared, that is likely not meant.
   */
  RSC3022: {
    severity: "warning",
    template:
      "RouterOS reads {0} as the variable {1} followed by the text {2}: a name after $ is letters and digits; write {3} for the {4}",
  },

  /**
   * Warning: inside `( )` RouterOS reads a bare word as a variable (7.22.1 IL: `(lastkey != 113)` is
   * `(!= $lastkey 113)`); with none of that name declared it is nothing, and the text was likely meant.
   */
  RSC3023: {
    severity: "warning",
    template:
      'RouterOS reads the bare word {0} in an expression (inside ( ) or an array) as the variable ${0}, which is not declared here (nothing when the script runs); write "{0}" for the text',
  },

  /** Warning: RouterOS sends the text as it is; a consumer expecting JSON will likely fail to read it. */
  RSC3020: { severity: "warning", template: "this message is meant to be JSON but is not valid JSON: {0}" },
  // Runtime (the interpreter and the script runner)
  RSC4001: { severity: "error", template: "{0}" },
  RSC4002: { severity: "error", template: "error raised by the script: {0}" },
  RSC4003: { severity: "error", template: "not simulated: {0}" },
  RSC4004: { severity: "error", template: "MQTT failure: {0}" },
  RSC4005: { severity: "error", template: "script cancelled: {0}" },
  RSC4006: { severity: "error", template: "script did not finish within {0}" },
  RSC4007: { severity: "error", template: "the script cannot run: {0}" },
  RSC4008: { severity: "error", template: "internal error of the interpreter: {0}" },
  RSC4009: { severity: "error", template: "the script cannot run: {0}" },
  RSC4010: { severity: "error", template: "out of memory: {0}" },
} as const satisfies Record<string, Entry>;

export type DiagnosticCode = keyof typeof catalog;

/** Builds a diagnostic from the catalog. Placeholders are filled in order; text is never interpreted. */
/** Longest text a message argument may be: a 100 KB word is named by its start (composed sentences are far shorter). */
const MAX_QUOTED = 1000;

/** `text` cut to MAX_QUOTED characters with an ellipsis, never inside a surrogate pair. */
function clip(text: string): string {
  if (text.length <= MAX_QUOTED) return text;
  let end = MAX_QUOTED - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

export function diagnostic(
  code: DiagnosticCode,
  start: number,
  end: number,
  args: readonly (string | number)[] = [],
  data?: unknown,
): Diagnostic {
  const entry: Entry = catalog[code];
  const message = entry.template.replace(/\{(\d+)\}/g, (_, i: string) => clip(String(args[Number(i)] ?? "")));
  return data === undefined
    ? { code, severity: entry.severity, message, start, end }
    : { code, severity: entry.severity, message, start, end, data };
}

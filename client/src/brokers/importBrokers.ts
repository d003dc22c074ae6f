// Finds `/iot mqtt brokers add` commands in a script, a RouterOS export or pasted text (one-line and menu-then-add forms), with the parser, and turns each into a profile plus its password.
import { getSchema } from "../../../server/src/schema";
import { LineIndex, parse, type Command } from "../../../server/src/syntax";
import { makeBrokerProfile, type BrokerProfile } from "../mqtt";
import { namedArguments } from "../script/argumentValues";
import { boundCommands } from "../script/boundCommands";
import { routerField, withFieldText } from "./brokerFields";
import { validateBrokerField } from "./profileValidation";

/** One `add` found in the text. */
export interface FoundBroker {
  /** Undefined when the command gives no literal name. */
  readonly profile: BrokerProfile | undefined;
  /** The `password=` value, when the text holds one (an export made with show-sensitive). */
  readonly password: string | undefined;
  /** Zero-based line of the command. */
  readonly line: number;
  /** Values that were left at their default, and why. */
  readonly problems: readonly string[];
}

export interface BrokerScan {
  readonly brokers: readonly FoundBroker[];
  /** Syntax errors in the text (the scan goes on around them). */
  readonly syntaxErrors: number;
  /** Other broker commands that are not imported (`set`, `remove`...), as `line N: ...`. */
  readonly ignored: readonly string[];
}

const BROKERS_MENU = "iot/mqtt/brokers";
/** Broker commands that change nothing, so there is nothing to say about skipping them. */
const READ_ONLY_COMMANDS: ReadonlySet<string> = new Set(["print", "export", "find", "get"]);

/** Scans `text` for brokers. Never throws: broken text gives fewer brokers and more problems. */
export function findBrokersInScript(text: string): BrokerScan {
  const parsed = parse(text);
  const lines = new LineIndex(text);
  const brokers: FoundBroker[] = [];
  const ignored: string[] = [];
  const seen = new Set<string>();
  for (const bound of boundCommands(parsed, getSchema())) {
    if (bound.menuPath.join("/") !== BROKERS_MENU || bound.name === undefined) continue;
    const line = lines.positionAt(bound.command.start).line;
    if (bound.name !== "add") {
      if (!READ_ONLY_COMMANDS.has(bound.name)) {
        ignored.push(`line ${line + 1}: "${bound.name}" commands are not imported, only "add"`);
      }
      continue;
    }
    const found = readAdd(text, bound.command, line);
    if (found.profile && seen.has(found.profile.name)) {
      brokers.push({
        ...found,
        problems: [...found.problems, `a broker named "${found.profile.name}" is already added above`],
      });
      continue;
    }
    if (found.profile) seen.add(found.profile.name);
    brokers.push(found);
  }
  return { brokers, syntaxErrors: parsed.diagnostics.length, ignored };
}

function readAdd(text: string, command: Command, line: number): FoundBroker {
  const problems: string[] = [];
  let profile = makeBrokerProfile({ name: "", address: "" });
  let password: string | undefined;
  let hasName = false;
  for (const [name, value] of namedArguments(text, command)) {
    const literal = value.kind === "literal" ? value.value : value.kind === "empty" ? "" : undefined;
    if (name === "password") {
      if (literal === undefined)
        problems.push(`password is computed at run time (${sourceOf(value)}); not imported`);
      else if (literal !== "") password = literal;
      continue;
    }
    const field = routerField(name);
    if (!field) {
      problems.push(
        name === "copy-from"
          ? "copy-from is not imported; copy the broker first"
          : `unknown property "${name}"`,
      );
      continue;
    }
    if (literal === undefined) {
      problems.push(`${name} is computed at run time (${sourceOf(value)}); left at its default`);
      continue;
    }
    const message = validateBrokerField(name, literal);
    if (message) {
      problems.push(`${message}; left at its default`);
      continue;
    }
    profile = withFieldText(profile, field, literal);
    if (name === "name") hasName = true;
  }
  if (!hasName) problems.push("name is missing: a broker without a literal name cannot be imported");
  else if (profile.address === "") problems.push("address is missing");
  return { profile: hasName ? profile : undefined, password, line, problems };
}

function sourceOf(value: { kind: string; source?: string }): string {
  const source = value.source ?? "";
  return source.length > 30 ? `${source.slice(0, 27)}...` : source;
}

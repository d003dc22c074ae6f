// Markdown descriptions of menus, commands, arguments, properties and variables, shared by hover and completion.
import { codePointStart } from "../syntax/codePoints";
import {
  formatPath,
  type ArgInfo,
  type CommandInfo,
  type MenuInfo,
  type PropertyInfo,
  type ValueSpec,
} from "../schema";
import { describeKind } from "./model/valueKinds";
import type { ValueKind, VariableSymbol } from "./model/types";

const LISTED_VALUES = 16;

/** How a command is written in messages: `:put` for root commands, `/iot/mqtt/publish` for the others. */
export function commandLabel(command: CommandInfo): string {
  return command.menuPath.length === 0 ? `:${command.name}` : formatPath(command.menuPath, command.name);
}

/** `number 0..2`, `yes | no`, `time 30s..`, `info | warning | ...`: the value rule in a few words. */
export function describeSpec(spec: ValueSpec): string {
  const extra = spec.extraValues?.length ? ` or ${spec.extraValues.join(" | ")}` : "";
  switch (spec.type) {
    case "number":
      return `${spec.range ? `number ${spec.range.min}..${spec.range.max}` : "number"}${extra}`;
    case "bool":
      return `yes | no${extra}`;
    case "enum": {
      const values = spec.enumValues ?? [];
      const shown = values.length > LISTED_VALUES ? [...values.slice(0, LISTED_VALUES), "..."] : values;
      return `${spec.multiValue ? "list of " : ""}${shown.join(" | ")}${extra}`;
    }
    case "time": {
      const range = spec.timeRange;
      if (!range) return `time${extra}`;
      const ms = (n: number): string => (n % 1000 === 0 ? `${n / 1000}s` : `${n}ms`);
      return `time ${ms(range.min)}..${range.max === undefined ? "" : ms(range.max)}${extra}`;
    }
    case "string": {
      const formats: Record<string, string> = {
        hex: "hexadecimal string",
        host: "IP address or host name",
        "mqtt-topic": "MQTT topic (no + or #)",
        "mqtt-topic-filter": "MQTT topic filter (+ and # allowed)",
        "variable-name": "variable name",
      };
      const base = spec.format ? (formats[spec.format] ?? "string") : "string";
      const length = spec.lengthRange?.max !== undefined ? `, at most ${spec.lengthRange.max} bytes` : "";
      return `${base}${length}${extra}`;
    }
    case "broker-name":
      return "broker name (/iot/mqtt/brokers)";
    case "script":
      return "script (code in { } or a string)";
    case "switch":
      return "switch (no value)";
    case "unknown":
      return `value${extra}`;
    default:
      return `${spec.type}${spec.multiValue ? " list" : ""}${extra}`;
  }
}

function since(firstSeen: string | undefined): string {
  if (firstSeen === undefined) return "";
  return firstSeen.startsWith("<=") ? "RouterOS 7.9 or older" : `RouterOS ${firstSeen}`;
}

function lines(parts: readonly (string | undefined | false)[]): string {
  return parts.filter((p): p is string => typeof p === "string" && p.length > 0).join("\n\n");
}

export function argumentDoc(arg: ArgInfo, command: CommandInfo | undefined): string {
  const facts: string[] = [describeSpec(arg)];
  if (arg.default !== undefined) facts.push(`default \`${arg.default}\``);
  if (arg.required) facts.push(arg.requiredBy === "product" ? "needed to be useful" : "required");
  if (arg.positionalIndex !== undefined)
    facts.push(`may be given unnamed (position ${arg.positionalIndex + 1})`);
  if (arg.sensitive) facts.push("secret: never logged");
  const where = command ? ` of \`${commandLabel(command)}\`` : "";
  return lines([
    `**${arg.name}**${where}: ${facts.join(", ")}`,
    arg.description,
    arg.firstSeen !== undefined && `Since ${since(arg.firstSeen)}.`,
  ]);
}

/** One-line synopsis: `publish broker= message= qos= retain= topic=` with the unnamed values first. */
export function synopsis(command: CommandInfo): string {
  const positional = command.positional.map((name) => `<${name}>`);
  const named = command.args
    .filter((a) => !command.positional.includes(a.name))
    .map((a) => (a.type === "switch" ? `[${a.name}]` : a.required ? `${a.name}=` : `[${a.name}=]`));
  const prefix = command.menuPath.length === 0 ? ":" : `${formatPath(command.menuPath)} `;
  return [`${prefix}${command.name}`, ...positional, ...named].join(" ");
}

export function commandDoc(command: CommandInfo): string {
  const required = command.args.filter((a) => a.required).map((a) => `\`${a.name}\``);
  return lines([
    "```routeros\n" + synopsis(command) + "\n```",
    command.description,
    required.length > 0 && `Needs ${required.join(", ")}.`,
    command.firstSeen !== undefined && `Since ${since(command.firstSeen)}.`,
    command.handAdded && "_Not in the RouterOS 7.24 command tree: added from the documentation._",
  ]);
}

export function menuDoc(menu: MenuInfo): string {
  const list = (names: readonly string[]): string =>
    names.length > 24 ? `${names.slice(0, 24).join(", ")}, ... (${names.length})` : names.join(", ");
  return lines([
    `**${formatPath(menu.path)}** (${menu.kind === "list" ? "list menu" : menu.kind === "settings" ? "settings menu" : "menu"})`,
    menu.description,
    menu.menus.length > 0 && `Sub-menus: ${list(menu.menus)}`,
    menu.commands.length > 0 && `Commands: ${list(menu.commands)}`,
    menu.firstSeen !== undefined && `Since ${since(menu.firstSeen)}.`,
  ]);
}

export function propertyDoc(property: PropertyInfo, menuPath: readonly string[]): string {
  return lines([
    `**${property.name}** of \`${formatPath(menuPath)}\`: ${describeSpec(property)}${property.readOnly ? " (read-only)" : ""}`,
    property.description,
    property.firstSeen !== undefined && `Since ${since(property.firstSeen)}.`,
  ]);
}

const KIND_LABELS: Readonly<Record<VariableSymbol["kind"], string>> = {
  local: "local variable",
  global: "global variable",
  parameter: "function parameter",
  counter: "loop counter",
  error: "error message of :onerror",
  injected: "variable provided by the run context",
  positional: "unnamed function argument",
};

export interface VariableFacts {
  readonly kind: ValueKind;
  readonly constant: string | undefined;
  /** 1-based line of each declaration. */
  readonly declaredAt: readonly number[];
}

export function variableDoc(symbol: VariableSymbol, facts: VariableFacts): string {
  const what = symbol.isFunction
    ? symbol.kind === "global"
      ? "global function"
      : "local function"
    : KIND_LABELS[symbol.kind];
  const name = /^[A-Za-z0-9_]+$/.test(symbol.name) ? `$${symbol.name}` : `$"${symbol.name}"`;
  const type = facts.kind === "unknown" || symbol.isFunction ? "" : `: ${describeKind(facts.kind)}`;
  const injected =
    symbol.name === "msgData"
      ? "The payload of the received MQTT message."
      : symbol.name === "msgTopic"
        ? "The topic the MQTT message was received on."
        : undefined;
  const owner = symbol.owner ? `Parameter of \`${symbol.owner.name}\`.` : undefined;
  const declared =
    facts.declaredAt.length > 0
      ? `Declared on line${facts.declaredAt.length > 1 ? "s" : ""} ${facts.declaredAt.join(", ")}.`
      : undefined;
  return lines([
    "```routeros\n" + `${name}${type}` + "\n```",
    `${what[0]?.toUpperCase() ?? ""}${what.slice(1)}.`,
    injected,
    owner,
    declared,
    facts.constant !== undefined &&
      `Value: \`${facts.constant.length > 80 ? facts.constant.slice(0, codePointStart(facts.constant, 77)) + "..." : facts.constant}\``,
    symbol.kind === "global" &&
      "Visible in another block or function only where it is declared again with `:global`.",
  ]);
}

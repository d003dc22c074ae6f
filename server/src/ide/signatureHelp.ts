// Signature help: the arguments of the command under the cursor, with the one being written highlighted.
import { formatPath, type ArgInfo, type CommandInfo } from "../schema";
import type { DocumentAnalysis } from "./analysis";
import { embeddedCodeAt } from "./embedded/position";
import { argumentDoc, describeSpec } from "./docs";
import { locate } from "./locate";
import { boundCommandOf } from "./model/lookup";
import type { BoundCommand } from "./model/types";
import type { SignatureParameter, SignatureResult } from "./types";
import { headWord } from "../syntax/head";

/** Unnamed arguments first (in order), then the required ones, then the rest by name. */
function orderedArgs(info: CommandInfo): ArgInfo[] {
  const positional = info.positional
    .map((name) => info.arg(name))
    .filter((a): a is ArgInfo => a !== undefined);
  const rest = info.args.filter((a) => !info.positional.includes(a.name));
  rest.sort((a, b) => Number(b.required) - Number(a.required) || (a.name < b.name ? -1 : 1));
  return [...positional, ...rest];
}

function parameterText(info: CommandInfo, arg: ArgInfo): string {
  if (arg.type === "switch") return `[${arg.name}]`;
  const value = describeSpec(arg).replace(/ \| /g, "|");
  if (info.positional.includes(arg.name)) return `<${arg.name}: ${value}>`;
  return arg.required ? `${arg.name}=<${value}>` : `[${arg.name}=<${value}>]`;
}

export function signatureHelp(analysis: DocumentAnalysis, offset: number): SignatureResult | undefined {
  const embedded = embeddedCodeAt(analysis, offset);
  if (embedded) return signatureHelp(embedded.code.analysis, embedded.offset);
  const location = locate(analysis.parsed, offset);
  const command = location.command;
  if (!command) return undefined;
  const bound = boundCommandOf(analysis.model, command);
  const info = bound?.info;
  if (!bound || !info) return undefined;
  const lastPathWord = headWord(command, bound.pathWordCount - 1);
  if (lastPathWord && offset <= lastPathWord.end) return undefined;
  const args = orderedArgs(info);
  const prefix = info.menuPath.length === 0 ? `:${info.name}` : `${formatPath(info.menuPath)} ${info.name}`;
  let label = prefix;
  const parameters: SignatureParameter[] = [];
  for (const arg of args) {
    const text = parameterText(info, arg);
    label += " ";
    parameters.push({
      label: [label.length, label.length + text.length],
      documentation: argumentDoc(arg, info),
    });
    label += text;
  }
  const active = activeArgument(bound, offset);
  const index = active === undefined ? -1 : args.findIndex((a) => a.name === active);
  return {
    label,
    ...(info.description !== undefined ? { documentation: info.description } : {}),
    parameters,
    activeParameter: index >= 0 ? index : undefined,
  };
}

/** The argument being written at `offset`: the one under the cursor, else the next unnamed slot. */
function activeArgument(bound: BoundCommand, offset: number): string | undefined {
  const at = bound.args.find((a) => a.start <= offset && offset <= a.end);
  if (at?.name !== undefined) return at.name;
  const info = bound.info;
  if (!info) return undefined;
  const given = new Set(bound.args.map((a) => a.name));
  return info.positional.find((name) => !given.has(name));
}

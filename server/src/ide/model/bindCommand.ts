// Binds one command line to the schema: splits head words into path, command and values, and names every argument.
import { pathKey, resolveCommand, type CommandInfo, type Resolution, type Schema } from "../../schema";
import { classifyLiteral, type Command, type Expr, type Literal } from "../../syntax";
import type { BoundArg, BoundCommand } from "./types";

/** Resolutions are pure functions of (absolute, current menu, words): shared across commands of a document. */
export type ResolveCache = Map<string, Resolution>;

/** Between `name=` and a value continued on the next line: a backslash, the line break and indentation. */
const CONTINUED_VALUE = /^\\[ \t]*(?:\r\n|\n|\r)[ \t]*$/;

const NO_ARGS: readonly BoundArg[] = Object.freeze([]);

function literalAt(text: string, start: number, end: number): Literal {
  return { kind: "Literal", literal: classifyLiteral(text.slice(start, end)), start, end };
}

/** The text of a bare word value (a Literal), or undefined for anything else. */
function bareWord(text: string, value: Expr): string | undefined {
  return value.kind === "Literal" ? text.slice(value.start, value.end) : undefined;
}

export function bindCommand(
  schema: Schema,
  text: string,
  node: Command,
  contextMenu: readonly string[],
  cache: ResolveCache,
): BoundCommand {
  const absolute = node.colon || node.root;
  if (node.callee !== undefined || (node.colon && node.head.length === 0)) {
    return {
      node,
      contextMenu,
      absolute,
      resolution: undefined,
      menuPath: contextMenu,
      info: undefined,
      menuOnly: false,
      pathWordCount: 0,
      rootCommand: undefined,
      args: bindArgs(text, node, undefined, 0),
    };
  }
  const words = node.head.map((t) => ({ text: text.slice(t.start, t.end) }));
  const key = `${absolute ? "/" : ""}${pathKey(contextMenu)}\u0000${words.map((w) => w.text).join(" ")}`;
  let resolution = cache.get(key);
  if (resolution === undefined) {
    resolution = resolveCommand(schema, contextMenu, words, absolute);
    cache.set(key, resolution);
  }
  const info = resolution.command;
  const menuOnly = info === undefined && resolution.error === undefined;
  const pathWordCount = info !== undefined ? resolution.pathWords : words.length;
  return {
    node,
    contextMenu,
    absolute,
    resolution,
    menuPath: resolution.menuPath,
    info,
    menuOnly,
    pathWordCount,
    rootCommand: info !== undefined && info.menuPath.length === 0 ? info.name : undefined,
    args:
      resolution.error === undefined
        ? bindArgs(text, node, info, pathWordCount)
        : bindArgs(text, node, undefined, node.head.length),
  };
}

/** Names and positions of the arguments: head words after the command, then the parsed arguments. */
function bindArgs(
  text: string,
  node: Command,
  info: CommandInfo | undefined,
  pathWordCount: number,
): readonly BoundArg[] {
  if (node.head.length <= pathWordCount && node.args.length === 0) return NO_ARGS;
  const named = new Set<string>();
  for (const arg of node.args) if (arg.kind === "NamedArg") named.add(text.slice(arg.start, arg.nameEnd));
  const slots = info ? info.positional.filter((name) => !named.has(name)) : [];
  let position = 0;
  const out: BoundArg[] = [];

  const unnamed = (value: Expr, start: number, end: number): void => {
    const word = bareWord(text, value);
    const switchInfo = word !== undefined && info ? info.arg(word) : undefined;
    if (word !== undefined && switchInfo?.type === "switch") {
      out.push({
        kind: "switch",
        start,
        end,
        name: word,
        nameStart: start,
        nameEnd: end,
        info: switchInfo,
        value: undefined,
        position: -1,
      });
      return;
    }
    if (
      word !== undefined &&
      word.startsWith("!") &&
      word.length > 1 &&
      info !== undefined &&
      info.menuPath.length > 0
    ) {
      const name = word.slice(1);
      out.push({
        kind: "unset",
        start,
        end,
        name,
        nameStart: start + 1,
        nameEnd: end,
        info: info?.arg(name),
        value: undefined,
        position: -1,
      });
      return;
    }
    const slot = slots[position];
    out.push({
      kind: "positional",
      start,
      end,
      name: slot,
      nameStart: start,
      nameEnd: start,
      info: slot === undefined ? undefined : info?.arg(slot),
      value,
      position,
    });
    position++;
  };

  for (let i = pathWordCount; i < node.head.length; i++) {
    const token = node.head[i];
    if (token) unnamed(literalAt(text, token.start, token.end), token.start, token.end);
  }
  for (let i = 0; i < node.args.length; i++) {
    const arg = node.args[i];
    if (arg === undefined) continue;
    switch (arg.kind) {
      case "NamedArg": {
        const name = text.slice(arg.start, arg.nameEnd);
        let value = arg.value;
        let end = arg.end;
        const next = node.args[i + 1];
        if (
          value === undefined &&
          next?.kind === "PositionalArg" &&
          CONTINUED_VALUE.test(text.slice(arg.end, next.start))
        ) {
          // `name=\` + line break + value, as /export writes long values: the value is on the next line.
          value = next.value;
          end = next.end;
          i++;
        }
        out.push({
          kind: "named",
          start: arg.start,
          end,
          name,
          nameStart: arg.start,
          nameEnd: arg.nameEnd,
          info: info?.arg(name),
          value,
          position: -1,
        });
        break;
      }
      case "PositionalArg":
        unnamed(arg.value, arg.start, arg.end);
        break;
      case "WhereArg":
        out.push({
          kind: "where",
          start: arg.start,
          end: arg.end,
          name: "where",
          nameStart: arg.start,
          nameEnd: arg.keyword?.end ?? arg.start,
          info: info?.arg("where"),
          value: arg.condition,
          position: -1,
        });
        break;
    }
  }
  return out;
}

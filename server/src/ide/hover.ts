// Hover: what a menu word, command, argument, property or variable is, in Markdown.
import { readIp4Value, resolveCommand, type Abbreviation, type ArgInfo } from "../schema";
import type { Expr } from "../syntax";
import { staticText } from "./model/staticText";
import type { DocumentAnalysis } from "./analysis";
import { argumentDoc, commandDoc, menuDoc, propertyDoc, variableDoc } from "./docs";
import { headWordAt, locate } from "./locate";
import { boundCommandOf, occurrenceAt } from "./model/lookup";
import type { BoundArg, BoundCommand } from "./model/types";
import type { HoverResult } from "./types";
import { factsOf } from "./variables";
import { embeddedCodeAt } from "./embedded/position";
import { payloadMarkdown, publishPayload } from "./payload";
import { headTexts, headWord } from "../syntax/head";

export function hover(analysis: DocumentAnalysis, offset: number): HoverResult | undefined {
  const embedded = embeddedCodeAt(analysis, offset);
  if (embedded) {
    const { code } = embedded;
    const inner = hover(code.analysis, embedded.offset);
    return inner && { contents: inner.contents, ...code.decoded.sourceRange(inner.start, inner.end) };
  }
  const occurrence = occurrenceAt(analysis.model, offset);
  if (occurrence) {
    const symbol = occurrence.symbol;
    return {
      contents: variableDoc(symbol, factsOf(analysis, symbol)),
      start: occurrence.start,
      end: occurrence.end,
    };
  }
  const unresolved = analysis.model.unresolved.find((r) => r.start <= offset && offset <= r.end);
  if (unresolved) {
    const contents =
      unresolved.role === "write"
        ? `\`${unresolved.name}\` is not declared here: RouterOS refuses a script that sets a variable it has not seen declared with :local or :global.`
        : `\`$${unresolved.name}\` is not declared here: RouterOS reads nothing for a variable it has not seen declared with :local or :global, unless whoever runs the script passes it (\`[:parse ...] ${unresolved.name}=...\`).`;
    return { contents, start: unresolved.start, end: unresolved.end };
  }
  const location = locate(analysis.parsed, offset);
  const command = location.command;
  if (!command || location.trailing) return undefined;
  const bound = boundCommandOf(analysis.model, command);
  if (!bound) return undefined;
  const word = headWordAt(command, offset);
  if (word >= 0) return headWordHover(analysis, bound, word);
  const arg = bound.args.find((a) => a.start <= offset && offset <= a.end);
  return arg ? argumentHover(analysis, bound, arg, offset) : undefined;
}

function headWordHover(
  analysis: DocumentAnalysis,
  bound: BoundCommand,
  index: number,
): HoverResult | undefined {
  const token = headWord(bound.node, index);
  if (!token) return undefined;
  const span = { start: token.start, end: token.end };
  if (bound.info && index >= bound.pathWordCount) {
    const arg = bound.args.find((a) => a.start === token.start);
    return arg ? argumentHover(analysis, bound, arg, token.start) : undefined;
  }
  const read = abbreviationNote(analysis.text, span, bound.resolution?.abbreviations, index);
  if (bound.info && index === bound.pathWordCount - 1)
    return { contents: read + withPayload(analysis, bound, commandDoc(bound.info)), ...span };
  const words = headTexts(analysis.text, bound.node)
    .slice(0, index + 1)
    .map((word) => ({ text: word }));
  const resolution = resolveCommand(
    analysis.schema,
    bound.contextMenu,
    words,
    bound.node.colon || bound.node.root,
  );
  if (resolution.error) return undefined;
  if (resolution.command) return { contents: read + commandDoc(resolution.command), ...span };
  const menu = analysis.schema.menu(resolution.menuPath);
  return menu ? { contents: read + menuDoc(menu), ...span } : undefined;
}

/** `RouterOS reads `warn` as `warning`.` above the doc of a word written as an abbreviation; empty otherwise. */
function abbreviationNote(
  text: string,
  span: { start: number; end: number },
  abbreviations: readonly Abbreviation[] | undefined,
  index: number,
): string {
  const name = abbreviations?.find((a) => a.wordIndex === index)?.name;
  return name === undefined ? "" : readAs(text.slice(span.start, span.end), name);
}

function readAs(written: string, name: string): string {
  return `RouterOS reads \`${written}\` as \`${name}\`.\n\n`;
}

function argumentHover(
  analysis: DocumentAnalysis,
  bound: BoundCommand,
  arg: BoundArg,
  offset: number,
): HoverResult | undefined {
  const info = arg.info;
  const inValue = arg.value !== undefined && offset >= arg.value.start;
  if (info?.name === "value-name" && inValue && arg.value?.kind === "Literal") {
    const name = analysis.text.slice(arg.value.start, arg.value.end);
    const property = analysis.schema.property(bound.menuPath, name);
    if (property) {
      return { contents: propertyDoc(property, bound.menuPath), start: arg.value.start, end: arg.value.end };
    }
  }
  if (arg.kind === "where" && arg.value) {
    const text = analysis.text;
    let start = offset;
    while (start > 0 && /[A-Za-z0-9_-]/.test(text.charAt(start - 1))) start--;
    let end = offset;
    while (end < text.length && /[A-Za-z0-9_-]/.test(text.charAt(end))) end++;
    const property = analysis.schema.property(bound.menuPath, text.slice(start, end));
    return property ? { contents: propertyDoc(property, bound.menuPath), start, end } : undefined;
  }
  if (!info) return undefined;
  const span =
    inValue && arg.value
      ? { start: arg.value.start, end: arg.value.end }
      : { start: arg.start, end: arg.kind === "named" ? arg.nameEnd : arg.end };
  const read =
    arg.abbreviated && !inValue
      ? readAs(analysis.text.slice(arg.nameStart, arg.nameEnd), info.name)
      : inValue && arg.value
        ? valueReading(analysis.text, info, arg.value)
        : "";
  const doc = argumentDoc(info, bound.info);
  return { contents: read + (info.name === "message" ? withPayload(analysis, bound, doc) : doc), ...span };
}

/** On a `/iot mqtt publish` line whose message is constant: the message, built as the interpreter builds it. */
function withPayload(analysis: DocumentAnalysis, bound: BoundCommand, doc: string): string {
  const payload = publishPayload(analysis, bound);
  return payload === undefined ? doc : `${doc}\n\n${payloadMarkdown(payload)}`;
}

const IP4_TYPES: ReadonlySet<string> = new Set(["ip", "ip-prefix", "ip-range"]);

/** `RouterOS reads `2.2/24` as `2.0.0.2/24`.` for a value RouterOS reads leniently; empty otherwise. */
function valueReading(text: string, info: ArgInfo, value: Expr): string {
  if (!IP4_TYPES.has(info.type)) return "";
  const literal = staticText(text, value);
  if (literal === undefined) return "";
  const read = readIp4Value(literal);
  return read === undefined || read === literal ? "" : readAs(literal, read);
}

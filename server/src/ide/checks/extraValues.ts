// An unnamed value a command has no place for: RouterOS's parse refuses it ("expected end of command"), or, where the
// tree cannot know the command's unnamed arguments, a warning.
import { codePointStart } from "../../syntax/codePoints";
import { diagnostic } from "../../diagnostics/catalog";
import type { Diagnostic } from "../../diagnostics/types";
import { joinAlternatives, suggest, type CommandInfo, type Schema } from "../../schema";
import { commandLabel } from "../docs";
import type { BoundArg } from "../model/types";
import type { ReplaceData } from "./commandChecks";

/**
 * An unnamed value after the command's unnamed slots are used up. RouterOS's parse refuses it with "expected end of
 * command" at the value (parse oracle: `/interface/macvlan/add <tab>`, `/tool/fetch url=... as-value ...`), except a
 * bare word naming one of the command's arguments, which it reads as that argument given without a value (IL:
 * `:grep "..." as-array` compiles to `as-array=...`). In a package whose arguments changed within RouterOS 7 the
 * command may take more unnamed values in another version: a warning there. A value right after such a bare argument
 * name of a global command (`:do {...} on-error {...}`, `} while ($i < 3)`, `:if (...) do {...}`) is a hint: scripts
 * that run on routers every day write it so (github.com/Medium1992/MikroTik_IPlist, `for_scripts/*.rsc`: `:do {add
 * ...} on-error {}`), so RouterOS most likely reads it as `on-error={}`, but no RouterOS verdict shows it.
 */
export function checkExtraValue(
  schema: Schema,
  text: string,
  info: CommandInfo,
  arg: BoundArg,
  previous: BoundArg | undefined,
  out: Diagnostic[],
): void {
  const value = arg.value;
  const valueOf = valueOfBareName(text, info, arg, previous);
  if (valueOf !== undefined) {
    const found = shortText(text, arg.start, arg.end);
    const why = `; RouterOS most likely reads it as the value of ${valueOf} written before it, but no RouterOS verdict shows this form: write ${valueOf}=${found}`;
    out.push({
      ...diagnostic("RSC3009", arg.start, arg.end, [found, commandLabel(info), why]),
      severity: "hint",
    });
    return;
  }
  let suggestions: readonly string[] = [];
  if (value?.kind === "Literal" && value.literal === "word") {
    const word = text.slice(value.start, value.end);
    if (info.readArg(word).kind !== "none") return;
    suggestions = suggest(
      word,
      info.args.filter((a) => a.type === "switch").map((a) => a.name),
    );
  }
  const found = shortText(text, arg.start, arg.end);
  const target = unknownUnnamedTarget(info);
  const changing = schema.menu(info.menuPath)?.changingArgs;
  const why =
    target !== undefined
      ? `; RouterOS may read it as ${target}=, but the command tree does not say which arguments it takes unnamed`
      : changing !== undefined
        ? `${hint(suggestions)} (in ${changing} of RouterOS 7.24; its arguments changed within RouterOS 7, so a script for another version may differ)`
        : hint(suggestions);
  const d = diagnostic(
    "RSC3009",
    arg.start,
    arg.end,
    [found, commandLabel(info), why],
    suggestions.length > 0
      ? ({ kind: "replace", start: arg.start, end: arg.end, suggestions } satisfies ReplaceData)
      : undefined,
  );
  out.push(target !== undefined || changing !== undefined ? { ...d, severity: "warning" } : d);
}

/**
 * The name of a global command's argument written bare right before `arg` on the same line (`on-error {}`), whose
 * value `arg` most likely is; undefined otherwise.
 */
function valueOfBareName(
  text: string,
  info: CommandInfo,
  arg: BoundArg,
  previous: BoundArg | undefined,
): string | undefined {
  if (info.menuPath.length > 0 || previous === undefined || previous.value?.kind !== "Literal")
    return undefined;
  if (previous.kind !== "switch" && previous.kind !== "positional") return undefined;
  if (previous.value.literal !== "word" || !/^[ \t]+$/.test(text.slice(previous.end, arg.start)))
    return undefined;
  const match = info.readArg(text.slice(previous.value.start, previous.value.end));
  return match.kind === "exact" || match.kind === "abbreviation" ? match.name : undefined;
}

/** Commands whose unnamed arguments the generic rules of the tree describe (positional.json, "generic"). */
const LIST_VERBS = new Set([
  "add",
  "comment",
  "disable",
  "edit",
  "enable",
  "export",
  "find",
  "get",
  "move",
  "print",
  "remove",
  "reset",
  "set",
  "unset",
]);

/** Arguments an action command may take unnamed (`/ping 10.0.0.1`, `/tool traceroute 8.8.8.8`). */
const TARGET_ARGS = [
  "address",
  "host",
  "interface",
  "url",
  "mac-address",
  "dst-address",
  "file-name",
  "name",
];

/**
 * For an action command (`/tool torch`, `/system ssh`) that takes no unnamed value in the tree but has an argument
 * such commands often take unnamed (its address, interface, host...), that argument: the tree's positional lists
 * are written by hand and only some of these commands have one, so an unnamed value there is doubtful, not refused.
 */
function unknownUnnamedTarget(info: CommandInfo): string | undefined {
  if (info.positional.length > 0 || info.menuPath.length === 0 || LIST_VERBS.has(info.name)) return undefined;
  return TARGET_ARGS.find((name) => info.arg(name) !== undefined);
}

function hint(suggestions: readonly string[]): string {
  return suggestions.length > 0 ? `; did you mean ${joinAlternatives(suggestions)}?` : "";
}

/** The text in [start, end), up to its first line end and at most 40 characters, marked with "…" when cut. */
function shortText(text: string, start: number, end: number): string {
  const whole = text.slice(start, Math.min(end, start + 41));
  const line = whole.split(/[\r\n]/, 1)[0] ?? "";
  return line.length < end - start ? `${line.slice(0, codePointStart(line, 40))}…` : line;
}

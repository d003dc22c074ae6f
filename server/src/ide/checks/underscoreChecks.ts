// `$name_rest` where the script declares `name_rest`: RouterOS reads the variable `name` and the text `_rest` (RSC3022).
import { diagnostic } from "../../diagnostics/catalog";
import type { Diagnostic } from "../../diagnostics/types";
import { isVariableNameChar } from "../../syntax/chars";
import type { NameForm, SemanticModel, VariableSymbol } from "../model/types";
import type { ReplaceData } from "./commandChecks";

/** A variable reference and where its name ends in the text; only the `$name` forms can be misread so. */
export interface PlainReference {
  readonly start: number;
  readonly nameEnd: number;
  readonly name: string;
  /** `$x` outside a string, or inside one (the quoted form is then written with escaped quotes, `$\"name\"`). */
  readonly form: NameForm;
}

/** Variables a script declares and so may mean: `:local`, `:global`, loop counters, `:onerror` names, parameters. */
const MEANT_KINDS: ReadonlySet<VariableSymbol["kind"]> = new Set([
  "local",
  "global",
  "counter",
  "error",
  "parameter",
]);

/** The declared names of the model that hold a `_`, by name (most scripts have none: then nothing is looked at). */
export function underscoreNames(model: SemanticModel): ReadonlyMap<string, VariableSymbol> {
  const names = new Map<string, VariableSymbol>();
  for (const symbol of model.symbols)
    if (MEANT_KINDS.has(symbol.kind) && symbol.name.includes("_") && !names.has(symbol.name))
      names.set(symbol.name, symbol);
  return names;
}

/**
 * RSC3022 for a reference followed by `_` and more of a name that the script declares, or undefined. `lineOf` gives
 * the 0-based line of an offset.
 */
export function underscoreReading(
  text: string,
  ref: PlainReference,
  declared: ReadonlyMap<string, VariableSymbol>,
  lineOf: (offset: number) => number,
): Diagnostic | undefined {
  if (declared.size === 0 || (ref.form !== "dollar" && ref.form !== "string-dollar")) return undefined;
  if (text[ref.nameEnd] !== "_") return undefined;
  // The rest of the name the script may mean: letters, digits and `_`, as a declared name holds them.
  let end = ref.nameEnd;
  while (end < text.length && isVariableNameChar(text.charCodeAt(end))) end++;
  const meant = `${ref.name}${text.slice(ref.nameEnd, end)}`;
  const symbol = declared.get(meant);
  if (!symbol) return undefined;
  const quoted = ref.form === "string-dollar" ? `$\\"${meant}\\"` : `$"${meant}"`;
  const declaration = symbol.occurrences.find((o) => o.role === "declaration") ?? symbol.occurrences[0];
  const where = declaration ? ` at line ${lineOf(declaration.start) + 1}` : "";
  const label = symbol.kind === "parameter" ? `parameter ${meant}` : `variable ${meant} declared${where}`;
  const data: ReplaceData = { kind: "replace", start: ref.start, end, suggestions: [quoted] };
  return diagnostic(
    "RSC3022",
    ref.start,
    end,
    [`$${meant}`, `$${ref.name}`, text.slice(ref.nameEnd, end), quoted, label],
    data,
  );
}

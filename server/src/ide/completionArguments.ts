// Completion of a command's arguments: names, switches and the next unnamed value, values after `name=`, a function call's parameters.
import type { ArgInfo, CommandInfo } from "../schema";
import { stringParts } from "../syntax";
import { CommandNameCompletion } from "./completionNames";
import type { Span } from "./completionItems";
import { argumentDoc, describeSpec } from "./docs";
import type { Location } from "./locate";
import { occurrenceAt } from "./model/lookup";
import type { BoundArg, BoundCommand } from "./model/types";
import { valueHint } from "./valueHints";

/** Argument names and values, one level of the completer (completion.ts). */
export abstract class ArgumentCompletion extends CommandNameCompletion {
  // ---- arguments -------------------------------------------------------------------------------------------------

  /** Argument names (`name=`), switches and the next unnamed value (`get` value names). */
  protected argumentNames(bound: BoundCommand, span: Span, hasEquals: boolean): void {
    const info = bound.info;
    if (!info) return;
    const given = new Set(
      bound.args.filter((a) => a.start !== span.start && a.name !== undefined).map((a) => a.name ?? ""),
    );
    const equalsFollows = hasEquals || this.text.charCodeAt(span.end) === 61; /* = */
    for (const arg of info.args) {
      if (given.has(arg.name) || arg.name === "where") continue;
      this.argumentItem(info, arg, span, equalsFollows);
    }
    if (info.args.some((a) => a.name === "where") && !given.has("where") && !equalsFollows) {
      this.add({
        label: "where",
        kind: "switch",
        detail: "condition on the items' properties",
        insertText: "where ",
        retrigger: true,
        sortText: "3where",
        ...span,
      });
    }
    if (equalsFollows) return;
    // The next unnamed slot: `get` takes a value name, `:set` a variable.
    const filled = bound.args.filter((a) => a.kind === "positional" && a.start !== span.start).length;
    const free = info.positional.filter((name) => !given.has(name));
    const slot = free[filled];
    if (slot === "value-name") this.properties(bound.menuPath, span, "0");
    if (slot === "name" && bound.rootCommand === "set") this.variables(span, false);
  }

  protected argumentItem(info: CommandInfo, arg: ArgInfo, span: Span, equalsFollows: boolean): void {
    const group = arg.required ? "0" : arg.type === "switch" ? "2" : "1";
    const common = {
      label: arg.name,
      detail: describeSpec(arg),
      documentation: argumentDoc(arg, info),
      sortText: `${group}${arg.name}`,
      filterText: arg.name,
      ...span,
    };
    if (arg.type === "switch") {
      this.add({ ...common, kind: "switch", insertText: arg.name });
    } else if (equalsFollows) {
      this.add({ ...common, kind: "argument", insertText: arg.name });
    } else if (arg.type === "script") {
      this.add({ ...common, kind: "argument", insertText: `${arg.name}={ $0 }`, snippet: true });
    } else {
      this.add({ ...common, kind: "argument", insertText: `${arg.name}=`, retrigger: true });
    }
  }

  /** The value after `name=`. */
  protected argumentValue(bound: BoundCommand, arg: BoundArg, valueStart: number): void {
    const value = arg.value;
    let span: Span;
    let quoted = false;
    if (value === undefined) span = { start: valueStart, end: valueStart };
    else if (value.kind === "Literal") span = { start: value.start, end: value.end };
    else if (value.kind === "String" && stringParts(this.text, value).length <= 1) {
      span = { start: value.start, end: value.end };
      quoted = true;
    } else return;
    if (this.offset < span.start || this.offset > span.end) return;
    const spec = arg.info;
    const name = arg.name ?? "";
    const list =
      (spec?.multiValue ?? false) || (valueHint(bound.menuPath, bound.info?.name ?? "", name)?.list ?? false);
    if (list && !quoted) {
      // Complete the element after the last comma before the cursor.
      const before = this.text.lastIndexOf(",", this.offset - 1);
      if (before >= span.start) span = { start: before + 1, end: span.end };
      const next = this.text.indexOf(",", this.offset);
      if (next >= 0 && next < span.end) span = { start: span.start, end: next };
    }
    const values: { value: string; detail?: string }[] = [];
    if (spec?.enumValues) for (const v of spec.enumValues) values.push({ value: v });
    else if (spec?.type === "bool") values.push({ value: "yes" }, { value: "no" });
    else if (spec?.type === "number" && spec.range && spec.range.max - spec.range.min <= 10) {
      for (let n = spec.range.min; n <= spec.range.max; n++) values.push({ value: String(n) });
    }
    for (const extra of spec?.extraValues ?? []) values.push({ value: extra });
    const hint = valueHint(bound.menuPath, bound.info?.name ?? "", name);
    for (const v of hint?.values ?? []) if (!values.some((x) => x.value === v)) values.push({ value: v });
    if (spec?.type === "broker-name" || name === "broker") {
      for (const broker of this.brokerNames()) values.push({ value: broker, detail: "broker" });
    }
    for (const v of values) {
      const isDefault = spec?.default === v.value;
      const insert = quoted || /[\s;"$[\]{}()\\]/.test(v.value) ? JSON.stringify(v.value) : v.value;
      this.add({
        label: v.value,
        kind: v.detail === "broker" ? "broker" : "value",
        detail: isDefault ? "default" : (v.detail ?? (spec ? describeSpec(spec) : "")),
        insertText: insert,
        sortText: `${isDefault ? "0" : "1"}${v.value}`,
        preselect: isDefault,
        ...span,
      });
    }
    if (name === "value-name" || name === "proplist") this.properties(bound.menuPath, span, "0");
    if (!quoted && spec?.type !== "script") this.variables(span, false, true);
  }

  /** The parameters a call may pass: names the function body uses without declaring them. */
  protected callArguments(bound: BoundCommand, location: Location): void {
    const callee = bound.node.callee;
    if (callee?.kind !== "Variable") return;
    const symbol = occurrenceAt(this.analysis.model, callee.nameStart)?.symbol;
    if (!symbol) return;
    const arg = location.arg;
    const span =
      arg?.kind === "NamedArg" && this.offset <= arg.nameEnd
        ? { start: arg.start, end: arg.nameEnd }
        : arg?.kind === "Literal"
          ? { start: arg.start, end: arg.end }
          : { start: this.offset, end: this.offset };
    if (arg?.kind === "NamedArg" && this.offset > arg.nameEnd) return;
    const given = new Set(bound.args.filter((a) => a.kind === "named").map((a) => a.name));
    for (const parameter of this.analysis.model.symbols) {
      if (parameter.owner !== symbol || parameter.kind !== "parameter" || given.has(parameter.name)) continue;
      this.add({
        label: parameter.name,
        kind: "argument",
        detail: `parameter of ${symbol.name}`,
        insertText: `${parameter.name}=`,
        retrigger: true,
        ...span,
      });
    }
  }
}

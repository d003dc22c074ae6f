// Completion of menu and command names: a command's head words, a menu's sub-menus and commands, root commands and absolute menu paths.
import { formatPath, resolveCommand } from "../schema";
import { headTexts } from "../syntax/head";
import { commandDoc, menuDoc, synopsis } from "./docs";
import { CompletionItems, followedByLineEnd, type Span } from "./completionItems";
import type { BoundCommand } from "./model/types";

/** Menu and command names, one level of the completer (completion.ts). */
export abstract class CommandNameCompletion extends CompletionItems {
  // ---- menus and commands ---------------------------------------------------------------------------------------

  /** Completing head word `index` of a command: the items of the menu its previous words reach. */
  protected headWord(bound: BoundCommand, index: number, span: Span): void {
    const command = bound.node;
    const absolute = command.colon || command.root;
    if (command.colon && index === 0) {
      this.rootItems(span, false);
      return;
    }
    const words = headTexts(this.text, command)
      .slice(0, index)
      .map((word) => ({ text: word }));
    if (words.length === 0) {
      if (absolute) this.menuItems([], span, { relative: false });
      else this.menuItems(bound.contextMenu, span, { relative: true });
      return;
    }
    const resolution = resolveCommand(this.schema, bound.contextMenu, words, absolute);
    if (resolution.error || resolution.command) return;
    this.menuItems(resolution.menuPath, span, { relative: false });
  }

  /** Sub-menus and commands of a menu; `relative` (first word without `/`) also offers root commands as `:name`. */
  protected menuItems(menuPath: readonly string[], span: Span, options: { relative: boolean }): void {
    const menu = this.schema.menu(menuPath);
    if (!menu) return;
    const space = followedByLineEnd(this.text, span.end) ? " " : "";
    const atRoot = menuPath.length === 0;
    for (const name of menu.menus) {
      const sub = this.schema.menu([...menuPath, name]);
      this.add({
        label: name,
        kind: "menu",
        detail: formatPath([...menuPath, name]),
        ...(sub ? { documentation: menuDoc(sub) } : {}),
        insertText: name + space,
        retrigger: space !== "",
        sortText: `1${name}`,
        ...span,
      });
    }
    for (const name of menu.commands) {
      if (atRoot && options.relative) continue; // offered below in their usual `:name` spelling
      this.commandItem(menuPath, name, span, name + space, "0");
    }
    if (options.relative) this.rootItems(span, true);
  }

  protected commandItem(
    menuPath: readonly string[],
    name: string,
    span: Span,
    insertText: string,
    group: string,
    label = name,
  ): void {
    const info = this.schema.command(menuPath, name);
    this.add({
      label,
      kind: "command",
      detail: info ? synopsis(info) : formatPath(menuPath, name),
      ...(info ? { documentation: commandDoc(info) } : {}),
      insertText,
      filterText: name,
      retrigger: insertText.endsWith(" "),
      sortText: `${group}${name}`,
      ...span,
    });
  }

  /** Root commands (`put`, `local`, `foreach`...) and global menus (`log`); `withColon` writes them as `:put`. */
  protected rootItems(span: Span, withColon: boolean): void {
    const root = this.schema.menu([]);
    if (!root) return;
    const space = followedByLineEnd(this.text, span.end) ? " " : "";
    const prefix = withColon ? ":" : "";
    for (const name of root.commands)
      this.commandItem([], name, span, `${prefix}${name}${space}`, "2", `${prefix}${name}`);
    for (const name of root.menus) {
      const menu = this.schema.menu([name]);
      if (!menu?.global) continue;
      this.add({
        label: `${prefix}${name}`,
        kind: "menu",
        detail: formatPath([name]),
        documentation: menuDoc(menu),
        insertText: `${prefix}${name}${space}`,
        filterText: name,
        retrigger: space !== "",
        sortText: `2${name}`,
        ...span,
      });
    }
  }

  /** `/ip`, `/system`...: absolute paths from a position inside another menu. */
  protected rootMenusAbsolute(span: Span): void {
    const root = this.schema.menu([]);
    if (!root) return;
    const space = followedByLineEnd(this.text, span.end) ? " " : "";
    for (const name of root.menus) {
      this.add({
        label: `/${name}`,
        kind: "menu",
        detail: formatPath([name]),
        insertText: `/${name}${space}`,
        filterText: `/${name}`,
        retrigger: space !== "",
        sortText: `3${name}`,
        ...span,
      });
    }
  }
}

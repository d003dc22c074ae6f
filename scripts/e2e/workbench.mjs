// Drives the VS Code workbench in the browser: open files, run commands, read tokens, completions, hovers, problems, views.
import { mkdirSync } from "node:fs";
import { basename, join } from "node:path";

const DEFAULT_TIMEOUT_MS = 15_000;

/** Polls `probe` in the page's rhythm until it returns a truthy value; fails with `what` after the deadline. */
async function until(probe, { timeoutMs = DEFAULT_TIMEOUT_MS, what, intervalMs = 100 }) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      const why = lastError instanceof Error ? ` (last error: ${lastError.message})` : "";
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${why}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

const slug = (s) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);

/** Text of a DOM node as the user reads it (Monaco renders spaces as no-break spaces). */
const readable = (s) => (s ?? "").replace(/\u00a0/g, " ");

export class Workbench {
  /**
   * @param {import("playwright-core").Page} page
   * @param {{ screenshotDir: string, log?: (s: string) => void }} opts
   */
  constructor(page, opts) {
    this.page = page;
    this.screenshotDir = opts.screenshotDir;
    this.log = opts.log ?? (() => {});
    this.shots = 0;
    mkdirSync(this.screenshotDir, { recursive: true });
  }

  /**
   * Waits until the workbench shows the explorer and the status bar, and, when given, until `extensionHostReady()`
   * says the remote extension host has started (e.g. by reading its log).
   */
  async waitReady({ timeoutMs = 60_000, extensionHostReady } = {}) {
    await this.page.waitForSelector(".monaco-workbench", { timeout: timeoutMs });
    await this.page.waitForSelector(".statusbar-item#status\\.problems", { timeout: timeoutMs });
    await this.page.waitForSelector(".explorer-folders-view .monaco-list-row", { timeout: timeoutMs });
    if (extensionHostReady)
      await until(extensionHostReady, { timeoutMs, what: "the remote extension host to start" });
  }

  /** Saves a numbered PNG of the whole page and returns its path. */
  async screenshot(name) {
    this.shots += 1;
    const path = join(this.screenshotDir, `${String(this.shots).padStart(2, "0")}-${slug(name)}.png`);
    await this.page.screenshot({ path });
    return path;
  }

  /** Closes any quick input, widget or hover with Escape. */
  async dismiss() {
    await this.page.keyboard.press("Escape");
  }

  /** Rows of the visible quick input list (command palette, quick open), by aria-label. */
  async quickInputRows() {
    return this.page.$$eval(".quick-input-widget .quick-input-list .monaco-list-row", (rows) =>
      rows.map((r) => r.getAttribute("aria-label") ?? ""),
    );
  }

  /**
   * Opens a quick input with `openKey` (or uses the one already open when it is null), types, clicks the matching row.
   * No wait for the widget to hide afterwards: some commands open a second quick input. Callers wait for the effect.
   */
  async #pickFromQuickInput(openKey, text, matches, what) {
    const input = this.page.locator(".quick-input-widget .quick-input-box input");
    const value = openKey === "F1" ? `>${text}` : text;
    if (openKey) {
      // A key press can be lost while the workbench moves the focus (an editor group maximized, a walkthrough
      // settling): press again when the widget has not shown after a few seconds.
      await until(
        async () => {
          await this.page.keyboard.press(openKey);
          return input
            .waitFor({ state: "visible", timeout: 3000 })
            .then(() => true)
            .catch(() => false);
        },
        { what: `the quick input opened by ${openKey}` },
      );
    } else {
      await input.waitFor({ state: "visible", timeout: DEFAULT_TIMEOUT_MS });
    }
    await input.fill(value, { timeout: 2000 }).catch(() => {});
    // The list is recomputed while results arrive ("recently opened" first...): find and click the row in one retried
    // step. A quick input closes when something else takes the focus (a walkthrough settling): open it again.
    return until(
      async () => {
        if (openKey && !(await input.isVisible())) {
          await this.page.keyboard.press(openKey);
          await input.fill(value, { timeout: 2000 }).catch(() => {});
          return undefined;
        }
        const label = (await this.quickInputRows()).find(matches);
        if (label === undefined) return undefined;
        await this.page
          .locator(
            `.quick-input-widget .quick-input-list .monaco-list-row[aria-label=${JSON.stringify(label)}]`,
          )
          .first()
          .click({ timeout: 2000 });
        return label;
      },
      { what },
    );
  }

  /** What the open quick input shows: title, step ("2/9"), placeholder, prompt or validation message, value. */
  async quickInputState() {
    return this.page.evaluate(() => {
      const widget = document.querySelector(".quick-input-widget");
      const visible = !!widget && getComputedStyle(widget).display !== "none";
      const input = widget?.querySelector(".quick-input-box input");
      const text = (sel) => widget?.querySelector(sel)?.textContent?.trim() ?? "";
      return {
        visible,
        title: text(".quick-input-title"),
        steps: text(".quick-input-steps"),
        placeholder: input?.getAttribute("placeholder") ?? "",
        message: text(".quick-input-message"),
        value: input?.value ?? "",
      };
    });
  }

  /**
   * Answers one step of a multi-step quick input as a person does: waits until the open step's prompt or
   * placeholder matches `asks`, types `answer` and presses Enter. With `pick`, waits until the first row of the
   * filtered list starts with `answer` before pressing Enter.
   */
  async answerQuickInput(asks, answer, { pick = false, timeoutMs = DEFAULT_TIMEOUT_MS } = {}) {
    const matches = (s) => (asks instanceof RegExp ? asks.test(s) : s.includes(asks));
    let last;
    await until(
      async () => {
        last = await this.quickInputState();
        return last.visible && (matches(last.placeholder) || matches(last.message));
      },
      { what: `the quick input asking ${asks}`, timeoutMs },
    ).catch((err) => {
      throw new Error(`${err.message}; it shows ${JSON.stringify(last)}`);
    });
    this.log(`quick input: ${asks} <- ${JSON.stringify(answer)}`);
    const input = this.page.locator(".quick-input-widget .quick-input-box input");
    await input.fill(answer);
    if (pick) {
      await until(async () => (await this.quickInputRows())[0]?.startsWith(answer), {
        what: `"${answer}" first in the quick pick`,
        timeoutMs,
      });
    }
    // Enter on the input itself (focused first): a walkthrough may have taken the focus meanwhile.
    await input.press("Enter");
  }

  /** Opens a walkthrough through "Welcome: Open Walkthrough..." by its title and waits for its steps. */
  async openWalkthrough(title) {
    await this.runCommand("Welcome: Open Walkthrough...");
    await this.answerQuickInput("Select a walkthrough to open", title, { pick: true });
    await this.page
      .locator(".gettingStartedSlideDetails .category-title", { hasText: title })
      .waitFor({ timeout: DEFAULT_TIMEOUT_MS });
    // The walkthrough takes the focus a moment after it shows (a quick input opened before would close).
    await until(
      () => this.page.evaluate(() => !!document.activeElement?.closest(".gettingStartedContainer")),
      { what: "the walkthrough to take the focus", timeoutMs: 5000 },
    ).catch(() => this.log("the walkthrough did not take the focus"));
  }

  /** The steps of the open walkthrough: id (the part after the last #), title, done, expanded. */
  async walkthroughSteps() {
    return this.page.$$eval(".gettingStartedSlideDetails button.getting-started-step", (steps) =>
      steps.map((step) => ({
        id: (step.getAttribute("data-step-id") ?? "").split("#").pop() ?? "",
        title: step.querySelector(".step-title")?.textContent?.trim() ?? "",
        done: step.querySelector("[data-done-step-id]")?.getAttribute("aria-checked") === "true",
        expanded: step.getAttribute("aria-expanded") === "true",
      })),
    );
  }

  /** Waits until the walkthrough step `id` shows as done (its checkbox ticked). */
  async walkthroughStepDone(id, { timeoutMs = DEFAULT_TIMEOUT_MS } = {}) {
    let last = [];
    return until(
      async () => {
        last = await this.walkthroughSteps();
        return last.find((s) => s.id === id)?.done === true;
      },
      { what: `the walkthrough step "${id}" to be done`, timeoutMs },
    ).catch((err) => {
      throw new Error(`${err.message}; the steps: ${JSON.stringify(last)}`);
    });
  }

  /**
   * Waits until the focus has stayed on one element for a second: when a step is ticked, the walkthrough moves to
   * the next one and takes the focus a moment later, which would close a quick input opened meanwhile.
   */
  async walkthroughSettled() {
    let last = "";
    let since = 0;
    await until(
      async () => {
        const now = await this.page.evaluate(() => {
          const el = document.activeElement;
          if (!el) return "";
          const step = el.closest(".getting-started-step")?.getAttribute("data-step-id") ?? "";
          return `${el.tagName}.${el.className}#${step}`;
        });
        if (now !== last) {
          last = now;
          since = Date.now();
          return false;
        }
        return Date.now() - since >= 1000;
      },
      { what: "the focus to settle", timeoutMs: 10_000 },
    ).catch(() => this.log(`the focus did not settle (last on ${last})`));
  }

  /** Expands the walkthrough step `id` (once the walkthrough has settled) and clicks its button labelled `text`. */
  async clickWalkthroughButton(id, text) {
    const step = this.page.locator(
      `.gettingStartedSlideDetails button.getting-started-step[data-step-id$="#${id}"]`,
    );
    await this.walkthroughSettled();
    if ((await step.getAttribute("aria-expanded")) !== "true") await step.locator(".step-title").click();
    await until(async () => (await step.getAttribute("aria-expanded")) === "true", {
      what: `the walkthrough step "${id}" to expand`,
    });
    await this.walkthroughSettled();
    this.log(`walkthrough: ${id} → ${text}`);
    await step.locator(".button-container a.monaco-button", { hasText: text }).click();
  }

  /**
   * Titles the command palette offers for `text` (then closes it): what a context key hides does not show. The
   * palette closes when something else takes the focus (a walkthrough settling): then it is opened again.
   */
  async paletteCommands(text, { timeoutMs = DEFAULT_TIMEOUT_MS } = {}) {
    const input = this.page.locator(".quick-input-widget .quick-input-box input");
    const attempt = async () => {
      if (!(await input.isVisible())) await this.page.keyboard.press("F1");
      await input.fill(`>${text}`, { timeout: 2000 });
      // The list filters as typed: read it once it has been the same for three polls in a row.
      let previous = "";
      for (let same = 0; same < 3;) {
        await this.page.waitForTimeout(100);
        if (!(await input.isVisible()) || (await input.inputValue()) !== `>${text}`) return undefined;
        const now = JSON.stringify(await this.quickInputRows());
        same = now === previous ? same + 1 : 0;
        previous = now;
      }
      return JSON.parse(previous);
    };
    const rows = await until(() => attempt().catch(() => undefined), {
      what: `the command palette to list the commands for "${text}"`,
      timeoutMs,
    });
    await this.dismiss();
    return rows.map((r) => r.split(",")[0] ?? r);
  }

  /** Opens a view container from the activity bar by its title (e.g. "RouterOS MQTT"), as a click on its icon. */
  async openViewContainer(title) {
    const item = this.page.locator(`.part.activitybar .action-item a.action-label[aria-label^="${title}"]`);
    await item.first().waitFor({ timeout: DEFAULT_TIMEOUT_MS });
    const checked = await item
      .first()
      .evaluate((a) => a.closest(".action-item")?.classList.contains("checked"));
    // The item, not its link: a badge ("1 broker needs attention") lies over the link and takes the click.
    if (!checked) await item.first().locator("xpath=ancestor::*[contains(@class, 'action-item')][1]").click();
    await until(
      async () => {
        const shown = await this.page
          .locator(".part.sidebar .composite.title h2")
          .first()
          .innerText()
          .catch(() => "");
        return shown.toUpperCase().includes(title.toUpperCase());
      },
      { what: `the side bar to show ${title}` },
    );
  }

  /** Runs a command through the command palette (F1) by its title, e.g. "Developer: Show Running Extensions". */
  async runCommand(title) {
    this.log(`command: ${title}`);
    return this.#pickFromQuickInput(
      "F1",
      title,
      (label) => label === title || label.startsWith(`${title},`),
      `the command "${title}" in the command palette`,
    );
  }

  /** Opens a workspace file by its relative path through Quick Open (Ctrl+P) and waits for its active editor tab. */
  async openFile(relativePath) {
    const name = basename(relativePath);
    this.log(`open: ${relativePath}`);
    await this.#pickFromQuickInput(
      "Control+P",
      relativePath,
      (label) => label.startsWith(`${name},`),
      `${relativePath} in Quick Open`,
    );
    await this.page
      .locator(`.tabs-container .tab.active[aria-label^="${name}"]`)
      .waitFor({ timeout: DEFAULT_TIMEOUT_MS });
    await this.page.locator(".editor-instance .monaco-editor .view-lines").first().waitFor();
  }

  /** Moves the cursor of the active editor (1-based line and column) and waits for the status bar to show it. */
  async goTo(line, column = 1) {
    await this.#pickFromQuickInputText("Control+G", `${line}:${column}`);
    await until(
      async () => {
        const text = await this.page
          .locator("#status\\.editor\\.selection")
          .innerText()
          .catch(() => "");
        return text.includes(`Ln ${line}, Col ${column}`);
      },
      { what: `the cursor at Ln ${line}, Col ${column}` },
    );
  }

  async #pickFromQuickInputText(openKey, text) {
    await this.page.keyboard.press(openKey);
    const input = this.page.locator(".quick-input-widget .quick-input-box input");
    await input.waitFor({ state: "visible", timeout: DEFAULT_TIMEOUT_MS });
    await input.fill(`:${text}`);
    await this.page.keyboard.press("Enter");
    await this.page.locator(".quick-input-widget").waitFor({ state: "hidden", timeout: DEFAULT_TIMEOUT_MS });
  }

  /**
   * The rendered tokens of one line of the active editor: text, CSS class and computed colour of each span.
   * Scrolls the line into view first.
   */
  async lineTokens(line) {
    await this.goTo(line, 1);
    return until(
      () =>
        this.page.evaluate((lineNumber) => {
          const editor = document.querySelector(".editor-instance .monaco-editor");
          if (!editor) return undefined;
          const numbers = [...editor.querySelectorAll(".margin-view-overlays .line-numbers")];
          const number = numbers.find((n) => n.textContent?.trim() === String(lineNumber));
          const top = number?.parentElement?.style.top;
          if (!top) return undefined;
          const viewLine = [...editor.querySelectorAll(".view-lines .view-line")].find(
            (l) => l.style.top === top,
          );
          if (!viewLine) return undefined;
          return [...viewLine.querySelectorAll("span > span")].map((s) => ({
            text: (s.textContent ?? "").replace(/\u00a0/g, " "),
            className: s.className,
            color: getComputedStyle(s).color,
          }));
        }, line),
      { what: `line ${line} to be rendered in the active editor` },
    );
  }

  /** The default text colour of the active editor (what an unhighlighted token gets). */
  async editorForeground() {
    return this.page.$eval(".editor-instance .monaco-editor .view-lines", (el) => getComputedStyle(el).color);
  }

  /** The colour of the first token on `line` whose text contains `fragment`. */
  async tokenColor(line, fragment) {
    const tokens = await this.lineTokens(line);
    const token = tokens.find((t) => t.text.includes(fragment));
    if (!token) {
      throw new Error(
        `No token containing "${fragment}" on line ${line}: ${tokens.map((t) => t.text).join("|")}`,
      );
    }
    return token;
  }

  /** Triggers completion (Ctrl+Space) at the cursor and returns the items' aria-labels. Leaves the widget open. */
  async completions({ timeoutMs = DEFAULT_TIMEOUT_MS } = {}) {
    await this.page.keyboard.press("Control+Space");
    return until(
      async () => {
        const labels = await this.page.$$eval(".suggest-widget.visible .monaco-list-row", (rows) =>
          rows.map((r) => r.getAttribute("aria-label") ?? ""),
        );
        return labels.length ? labels : undefined;
      },
      { what: "the completion list", timeoutMs },
    );
  }

  /** The items (aria-labels) of the suggest widget as it is now, without triggering it; [] when it is closed. */
  async suggestions() {
    return this.page.$$eval(".suggest-widget.visible .monaco-list-row", (rows) =>
      rows.map((r) => r.getAttribute("aria-label") ?? ""),
    );
  }

  /** Types into the focused editor or input as a person would, key by key. */
  async typeText(text) {
    await this.page.keyboard.type(text, { delay: 15 });
  }

  /** The text of the line the cursor is on in the active editor (as rendered). */
  async cursorLineText() {
    return this.page.evaluate(() => {
      const editor = document.querySelector(
        ".editor-instance .monaco-editor.focused, .editor-instance .monaco-editor",
      );
      const current = editor?.querySelector(".view-overlays .current-line");
      const top = current?.parentElement?.style.top;
      const line = [...(editor?.querySelectorAll(".view-lines .view-line") ?? [])].find(
        (l) => l.style.top === top,
      );
      return (line?.textContent ?? "").replace(/\u00a0/g, " ");
    });
  }

  /** Whether the active editor tab shows unsaved changes. */
  async activeTabDirty() {
    return this.page
      .locator(".tabs-container .tab.active.dirty")
      .count()
      .then((n) => n > 0);
  }

  /** Shows the hover at a position (editor.action.showHover) and returns its text. */
  async hover(line, column, { timeoutMs = DEFAULT_TIMEOUT_MS } = {}) {
    await this.goTo(line, column);
    await this.page.keyboard.press("Control+K");
    await this.page.keyboard.press("Control+I");
    return until(
      async () => {
        const texts = await this.page.$$eval(".monaco-hover:not(.hidden) .monaco-hover-content", (els) =>
          els.map((e) => e.innerText.trim()).filter(Boolean),
        );
        const text = readable(texts.join("\n"));
        // VS Code shows "(loading...)" while hover providers are still answering.
        return text && !/loading\.\.\./i.test(text) ? text : undefined;
      },
      { what: `a hover at ${line}:${column}`, timeoutMs },
    );
  }

  /** Squiggles drawn in the active editor, by severity class (error, warning, info, hint). */
  async squiggles() {
    return this.page.evaluate(() => {
      const editor = document.querySelector(".editor-instance .monaco-editor");
      const count = (cls) => editor?.querySelectorAll(`.view-overlays .${cls}`).length ?? 0;
      return {
        error: count("squiggly-error"),
        warning: count("squiggly-warning"),
        info: count("squiggly-info"),
        hint: count("squiggly-hint"),
      };
    });
  }

  /**
   * Whether a squiggle of `severity` is drawn under `fragment` on `line` of the active editor (scrolls the line into
   * view; the squiggle must cover at least half of the fragment's width on the same line).
   */
  async squiggleUnder(line, fragment, { severity = "error" } = {}) {
    await this.lineTokens(line);
    return this.page.evaluate(
      ({ lineNumber, fragment, cls }) => {
        const editor = document.querySelector(".editor-instance .monaco-editor");
        if (!editor) return false;
        const numbers = [...editor.querySelectorAll(".margin-view-overlays .line-numbers")];
        const top = numbers.find((n) => n.textContent?.trim() === String(lineNumber))?.parentElement?.style
          .top;
        const viewLine = [...editor.querySelectorAll(".view-lines .view-line")].find(
          (l) => l.style.top === top,
        );
        if (!viewLine) return false;
        // The fragment's box: a DOM range over the text nodes of the rendered line.
        const walker = document.createTreeWalker(viewLine, NodeFilter.SHOW_TEXT);
        const nodes = [];
        let text = "";
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          nodes.push({ node: n, start: text.length });
          text += n.textContent ?? "";
        }
        const at = text.replace(/\u00a0/g, " ").indexOf(fragment);
        if (at < 0) return false;
        const locate = (offset) => {
          const hit = [...nodes].reverse().find((x) => x.start <= offset) ?? nodes[0];
          return [hit.node, offset - hit.start];
        };
        const range = document.createRange();
        range.setStart(...locate(at));
        range.setEnd(...locate(at + fragment.length));
        const word = range.getBoundingClientRect();
        return [...editor.querySelectorAll(`.view-overlays .${cls}`)].some((el) => {
          const r = el.getBoundingClientRect();
          const sameLine = r.top < word.bottom && r.bottom > word.top;
          const overlap = Math.min(r.right, word.right) - Math.max(r.left, word.left);
          return sameLine && overlap >= word.width / 2;
        });
      },
      { lineNumber: line, fragment, cls: `squiggly-${severity}` },
    );
  }

  /**
   * Opens the Problems panel and returns its rows, once `accept(rows)` holds: their aria-labels, or with
   * `visibleText` the text a person reads (which also shows the source and code, e.g. `routeros(RSC3001)`).
   */
  async problems({ accept = () => true, timeoutMs = DEFAULT_TIMEOUT_MS, visibleText = false } = {}) {
    await this.runCommand("View: Focus Problems (Errors, Warnings, Infos)");
    await this.page.locator(".markers-panel").first().waitFor({ timeout: timeoutMs });
    // A filter typed earlier (by a person or a check) would hide rows: clear it.
    const filter = this.#panelFilter();
    if ((await filter.count()) > 0 && (await filter.inputValue()) !== "") await filter.fill("");
    return until(
      async () => {
        const rows = await this.page.$$eval(
          ".markers-panel .monaco-list-row",
          (els, visible) =>
            els.map((e) =>
              visible
                ? (e.innerText ?? "").replace(/\s+/g, " ").trim()
                : (e.getAttribute("aria-label") ?? e.textContent ?? ""),
            ),
          visibleText,
        );
        return accept(rows) ? rows : undefined;
      },
      { what: "the Problems panel to show the expected rows", timeoutMs },
    );
  }

  /** Rows (aria-label or text) of the tree view whose pane header title is `viewTitle`; expands the pane if needed. */
  async treeRows(viewTitle, { accept = (rows) => rows.length > 0, timeoutMs = DEFAULT_TIMEOUT_MS } = {}) {
    const pane = await this.#pane(viewTitle, timeoutMs);
    return until(
      async () => {
        const rows = await pane
          .locator(".pane-body .monaco-list-row")
          .evaluateAll((els) => els.map((e) => e.getAttribute("aria-label") ?? e.textContent ?? ""));
        return accept(rows) ? rows : undefined;
      },
      { what: `rows in the view "${viewTitle}"`, timeoutMs },
    );
  }

  /**
   * The items of a tree view by its pane title, once `accept(items)` holds: label, description, the icon's codicon
   * name (e.g. "plug", "debug-disconnect") and the inline action titles of each row.
   */
  async treeItems(viewTitle, { accept = (items) => items.length > 0, timeoutMs = DEFAULT_TIMEOUT_MS } = {}) {
    const pane = await this.#pane(viewTitle, timeoutMs);
    let last = [];
    return until(
      async () => {
        last = await pane.locator(".pane-body .monaco-list-row").evaluateAll((rows) =>
          rows.map((row) => {
            const text = (sel) => row.querySelector(sel)?.textContent?.trim() ?? "";
            const iconClass = row.querySelector(".custom-view-tree-node-item-icon")?.className ?? "";
            return {
              label: text(".label-name"),
              description: text(".label-description"),
              icon: /codicon-([a-z0-9-]+)/.exec(iconClass)?.[1] ?? "",
              actions: [...row.querySelectorAll(".actions .action-label")].map(
                (a) => a.getAttribute("aria-label") ?? "",
              ),
            };
          }),
        );
        return accept(last) ? last : undefined;
      },
      { what: `items in the view "${viewTitle}"`, timeoutMs },
    ).catch((err) => {
      throw new Error(`${err.message}; it shows ${JSON.stringify(last)}`);
    });
  }

  /** Clicks the inline action `actionTitle` (e.g. "Connect to Broker") of the row labelled `label` in a tree view. */
  async clickTreeItemAction(viewTitle, label, actionTitle) {
    const pane = await this.#pane(viewTitle, DEFAULT_TIMEOUT_MS);
    const row = pane.locator(".pane-body .monaco-list-row", {
      has: this.page.locator(".label-name", { hasText: label }),
    });
    await row.first().hover();
    await row.first().locator(`.actions .action-label[aria-label="${actionTitle}"]`).click();
  }

  /** The filter box of the view shown in the panel (Problems, Output...): each view has its own, one is visible. */
  #panelFilter() {
    return this.page.locator(".panel .viewpane-filter input").locator("visible=true").first();
  }

  /** The pane of a view by its header title, expanded (the only view of a container has a hidden header). */
  async #pane(viewTitle, timeoutMs) {
    const header = this.page.locator(".pane-header", { hasText: viewTitle }).first();
    await header.waitFor({ state: "attached", timeout: timeoutMs });
    if ((await header.getAttribute("aria-expanded")) === "false" && (await header.isVisible()))
      await header.click();
    return this.page.locator(".pane", { has: header });
  }

  /**
   * Notifications currently shown as toasts or listed in the notification center: severity, message (as shown) and
   * the links VS Code rendered in the message (`[label](command:…)` becomes one: `{ text, href }`).
   */
  async notifications() {
    return this.page.$$eval(".notification-list-item", (items) =>
      items.map((item) => {
        const icon = item.querySelector(".notification-list-item-icon")?.className ?? "";
        const severity = /error/.test(icon) ? "error" : /warning/.test(icon) ? "warning" : "info";
        const messageEl = item.querySelector(".notification-list-item-message");
        const message = messageEl?.textContent ?? "";
        const links = [...(messageEl?.querySelectorAll("a") ?? [])].map((a) => ({
          text: a.textContent ?? "",
          href: a.getAttribute("href") ?? a.getAttribute("title") ?? "",
        }));
        const source = item.querySelector(".notification-list-item-source")?.textContent ?? "";
        return { severity, message, links, source };
      }),
    );
  }

  /** The modal dialog shown now (message, detail, button labels), or undefined. */
  async dialog() {
    return this.page.evaluate(() => {
      const box = document.querySelector(".monaco-dialog-box");
      if (!box) return undefined;
      const text = (sel) => box.querySelector(sel)?.textContent?.trim() ?? "";
      return {
        message: text(".dialog-message-text"),
        detail: text(".dialog-message-detail"),
        buttons: [...box.querySelectorAll(".dialog-buttons .monaco-button")].map(
          (b) => b.textContent?.trim() ?? "",
        ),
      };
    });
  }

  /** Waits for a modal dialog whose message matches `message` (a RegExp), clicks `button`, returns what it said. */
  async answerDialog(message, button, { timeoutMs = DEFAULT_TIMEOUT_MS } = {}) {
    const shown = await until(
      async () => {
        const d = await this.dialog();
        return d && message.test(d.message) ? d : undefined;
      },
      { what: `a dialog saying ${message}`, timeoutMs },
    );
    // Exactly this label: "Connect" must not pick "Don't Connect".
    const buttons = this.page.locator(".monaco-dialog-box .dialog-buttons .monaco-button");
    const labels = await buttons.evaluateAll((els) => els.map((b) => b.textContent?.trim() ?? ""));
    const index = labels.indexOf(button);
    if (index < 0) throw new Error(`the dialog has no button "${button}": ${JSON.stringify(labels)}`);
    await buttons.nth(index).click();
    await until(async () => (await this.dialog()) === undefined, { what: "the dialog to close", timeoutMs });
    return shown;
  }

  /** Opens the notification center so that every notification, not only recent toasts, is in the DOM. */
  async showAllNotifications() {
    await this.runCommand("Notifications: Show Notifications");
  }

  /**
   * Opens "Developer: Show Running Extensions" and returns the row of the extension with this display name, once
   * `accept(row)` holds (by default as soon as the row is there).
   */
  async runningExtension(displayName, { accept = () => true, timeoutMs = DEFAULT_TIMEOUT_MS } = {}) {
    await this.runCommand("Developer: Show Running Extensions");
    let last;
    return until(
      async () => {
        const rows = await this.page.$$eval(".runtime-extensions-editor .monaco-list-row", (els) =>
          els.map((e) => ({ label: e.getAttribute("aria-label") ?? "", text: e.innerText })),
        );
        const found = rows.find((r) => r.text.split("\n")[0]?.trim().startsWith(displayName));
        const row = found && { ...found, text: readable(found.text) };
        last = row;
        return row && accept(row) ? row : undefined;
      },
      { what: `"${displayName}" among the running extensions`, timeoutMs },
    ).catch((err) => {
      if (last) throw new Error(`${err.message}; its row reads: ${JSON.stringify(last.text)}`);
      throw err;
    });
  }

  /**
   * Shows an Output channel by its name in the panel and returns all its text (wrapped lines as the view shows them,
   * one per line). With `filter`, types it into the Output filter box first so that only matching lines remain.
   */
  async showOutput(channelName, { filter } = {}) {
    await this.runCommand("Output: Show Output Channels...");
    await this.#pickFromQuickInput(
      null,
      channelName,
      (label) => label === channelName || label.startsWith(`${channelName},`),
      `the output channel "${channelName}"`,
    );
    const filterBox = this.#panelFilter();
    await filterBox.fill(filter ?? "");
    const view = this.page.locator(".panel .output-view .view-lines");
    await view.waitFor({ timeout: DEFAULT_TIMEOUT_MS });
    // Filtering re-renders after a debounce: read until the text has been the same for three polls in a row.
    let previous;
    let same = 0;
    await until(
      async () => {
        const text = readable(await view.innerText());
        same = text === previous ? same + 1 : 0;
        previous = text;
        return same >= 3;
      },
      { what: `the output channel "${channelName}" filtered by "${filter ?? ""}" to settle` },
    );
    return this.#allOutputLines();
  }

  /**
   * Every (wrapped) line of the output view, not only those on screen: Monaco renders the visible lines only, so
   * page from the top to the end (Ctrl+Home, PageDown in the focused view), keeping each line by its offset in the
   * document. The view ends at the bottom again (Ctrl+End), where the Output view keeps following new lines.
   */
  async #allOutputLines() {
    const editor = this.page.locator(".panel .output-view .monaco-editor").first();
    const box = await editor.boundingBox();
    if (!box) throw new Error("the Output view is not visible");
    // A plain click in the text focuses the view (links in the output open only with Ctrl).
    await this.page.mouse.click(box.x + box.width * 0.9, box.y + box.height / 2);
    const painted = () =>
      this.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const read = () =>
      editor.evaluate((el) => ({
        scrolled: el.querySelector(".lines-content")?.style.top ?? "",
        lines: [...el.querySelectorAll(".view-lines .view-line")].map((l) => [
          parseFloat(l.style.top),
          l.textContent ?? "",
        ]),
      }));
    await this.page.keyboard.press("Control+Home");
    await painted();
    const seen = new Map();
    for (let page = 0; page < 1000; page++) {
      const { scrolled, lines } = await read();
      for (const [top, text] of lines) seen.set(top, text);
      await this.page.keyboard.press("PageDown");
      await painted();
      if ((await read()).scrolled === scrolled) break;
    }
    await this.page.keyboard.press("Control+End");
    return [...seen]
      .sort((a, b) => a[0] - b[0])
      .map(([, text]) => readable(text))
      .join("\n");
  }
}

export { until };

// Text from outside (certificate fields, topics, payloads, broker messages, file contents, settings) made inert before the workbench renders it: notifications turn `[label](command:...)` into links, markdown renders everything, labels render `$(icon)`. Plain functions, no vscode import.

/** Between `]` and `(` it keeps VS Code's notification link syntax `[label](command:…)` from matching; it is invisible. */
const ZERO_WIDTH_SPACE = "\u200B";

/**
 * Notification text: VS Code turns `[label](https://…)`, `[label](command:…)` and `[label](file:…)` in a message into
 * links (a command link runs with whatever arguments it carries), and has no escape for it. A zero-width space after
 * every `]` that a `(` follows breaks the pattern. Applied to the whole message, so what comes from where does not
 * matter; the extension's own messages hold no links.
 */
export function notificationText(text: string): string {
  return text.replace(/\](?=\()/g, `]${ZERO_WIDTH_SPACE}`);
}

/** Everything markdown, GFM autolinks (`https:`, `www.`, `a@b`), HTML entities or theme icons (`$(…)`) could act on. */
const MARKDOWN_SPECIAL = /[\\`*_{}[\]()#+\-.!|<>~:@$&=]/g;

/** One value as literal markdown text: every character markdown, an autolink, an entity or an icon could use is escaped. */
export function markdownEscape(text: string): string {
  return text.replace(MARKDOWN_SPECIAL, "\\$&");
}

/**
 * Markdown with trusted literal parts and untrusted values: `markdown\`**${topic}** on "${broker}"\`` escapes every
 * value and keeps the template's own markup. The only way values enter a MarkdownString (lint enforces it).
 */
export function markdown(parts: TemplateStringsArray, ...values: ReadonlyArray<string | number>): string {
  let out = parts[0] ?? "";
  values.forEach((value, i) => {
    out += markdownEscape(String(value)) + (parts[i + 1] ?? "");
  });
  return out;
}

/**
 * Markdown from a localized template (`vscode.l10n.t("**{0}** on broker \"{1}\"")`, called without values so that
 * its `{n}` stay) and untrusted values: each `{n}` becomes the n-th value, escaped; the template's markup is kept. A
 * `{n}` with no value stays as written.
 */
export function markdownFormat(template: string, ...values: ReadonlyArray<string | number>): string {
  return template.replace(/\{(\d+)\}/g, (whole, index: string) => {
    const value = values[Number(index)];
    return value === undefined ? whole : markdownEscape(String(value));
  });
}

/** A label, status bar message or quick pick text: `$(name)` would render as an icon; `\$(` shows it as typed. */
export function labelText(text: string): string {
  return text.replace(/\$\(/g, "\\$(");
}

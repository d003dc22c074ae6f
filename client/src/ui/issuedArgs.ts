// Arguments the extension itself handed out (tree nodes, its own calls), told apart from plain data that a command link, a keybinding or another extension can pass: commands that change brokers or reveal secrets act only on these. VS Code passes these objects back by identity; JSON from a link never is one.

const issued = new WeakSet<object>();

/** Marks an object as the extension's own argument and returns it. */
export function issue<T extends object>(value: T): T {
  issued.add(value);
  return value;
}

/** Whether `value` is an object {@link issue} marked (never true for data parsed from a link). */
export function isIssued(value: unknown): value is object {
  return typeof value === "object" && value !== null && issued.has(value);
}

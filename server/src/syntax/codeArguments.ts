// Which arguments hold code (`do=`, `on-event=`, `source=`..., the unnamed `{...}` of `:do`): the parser's rule, shared with readers of the tree.

/** Argument names whose value is code, for every command (`do={}`, `on-error={}`, `on-message={}`...). */
export const CODE_ARGUMENTS: ReadonlySet<string> = new Set([
  "do",
  "else",
  "on-error",
  "on-message",
  "on-event",
  "on-login",
  "on-logout",
  "on-up",
  "on-down",
  "script",
  "source",
  // Scripts of menus: netwatch, DHCP, VRRP (every argument the command tree names `*-script` or `on-*` holding code).
  "up-script",
  "down-script",
  "test-script",
  "lease-script",
  "binding-script",
  "on-backup",
  "on-master",
  "on-fail",
  "on-alert",
]);

/** Argument names that are code only for one global command (`:onerror e in={...}`, `:retry command={...}`). */
export const CODE_ARGUMENTS_OF: Readonly<Record<string, ReadonlySet<string>>> = {
  onerror: new Set(["in"]),
  retry: new Set(["command"]),
  time: new Set(["command"]),
};

/** Global commands whose unnamed `{...}` argument is code: `:do {...}`, `:onerror e {...}`, `:time {...}`. */
export const CODE_POSITIONAL: ReadonlySet<string> = new Set(["do", "onerror", "time", "retry", "execute"]);

/**
 * True when `name=` holds code for a command whose first word is `globalCommand` when written with `:` (`""` for
 * other commands), as the parser decides it.
 */
export function isCodeArgument(globalCommand: string, name: string): boolean {
  return CODE_ARGUMENTS.has(name) || (CODE_ARGUMENTS_OF[globalCommand]?.has(name) ?? false);
}

// RouterOS's reading of a written name among the names of one level (menus and commands, or a command's arguments):
// an exact name wins, otherwise the one name the word begins (`warn` is `warning`), otherwise nothing.
//
// Source: MikroTik manual, "Command Line Interface", section Quick Typing
// (https://help.mikrotik.com/docs/spaces/ROS/pages/328134/Command+Line+Interface): "type only the beginning of a
// command name, and, if it is not ambiguous, the console accepts it as the full name"; RouterOS 7.22.1's compiled
// form of scripts shows the same for scripts (`/sys script job find` is compiled as /system/script/job/find,
// `to-address=` as `to-addresses=`, `/beep freq=` as `frequency=`, `apn-profile=` as `apn-profiles=`).
// A word that begins several names is ambiguous: RouterOS cannot choose, and the word names nothing.

export type NameMatch =
  | { readonly kind: "exact"; readonly name: string }
  | { readonly kind: "abbreviation"; readonly name: string }
  | { readonly kind: "ambiguous"; readonly candidates: readonly string[] }
  | { readonly kind: "none" };

const NONE: NameMatch = { kind: "none" };

/**
 * How RouterOS reads `word` among `names` (each list is searched in order; the same name in two lists counts once).
 * Linear in the number of names; callers look up exact names in their own indexes first.
 */
export function matchName(word: string, ...lists: readonly (readonly string[])[]): NameMatch {
  if (word === "") return NONE;
  for (const names of lists) if (names.includes(word)) return { kind: "exact", name: word };
  let found: string | undefined;
  let more: string[] | undefined;
  for (const names of lists) {
    for (const name of names) {
      if (name.length <= word.length || !name.startsWith(word) || name === found) continue;
      if (found === undefined) found = name;
      else if (!more?.includes(name)) (more ??= []).push(name);
    }
  }
  if (found === undefined) return NONE;
  if (more === undefined) return { kind: "abbreviation", name: found };
  return { kind: "ambiguous", candidates: [found, ...more].sort() };
}

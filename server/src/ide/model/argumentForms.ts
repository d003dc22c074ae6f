// Arguments the parser reads one way and RouterOS another, once the command is known: /export's group shorthand, a root find's values.
import type { CommandInfo } from "../../schema";
import type { Arg, Expr } from "../../syntax";

/**
 * `.passphrase=` after `security.authentication-types=`: RouterOS 7's /export writes the names of a group after the
 * first one without the group (`channel.band=2ghz-ax .width=20mhz`), and imports them so: the full name, when the
 * command has it.
 */
export function groupedName(
  name: string,
  group: string | undefined,
  info: CommandInfo | undefined,
): string | undefined {
  if (group === undefined || name.charCodeAt(0) !== 46 /* . */ || info === undefined) return undefined;
  const full = group + name;
  return info.arg(full) !== undefined ? full : undefined;
}

/**
 * The values of a root `find` that the parser read as a condition: the parser does not know the menu, so after
 * `find` it reads a condition (`/ip address find address=1.1.1.1`), but where `find` is the global `:find` (the
 * root menu, a function body) its words are values: RouterOS 7.22.1 compiles `[find $1 $2]` there as
 * `(evl /findin=$1;key=$2)` (parse oracle IL). Undefined for any other argument or command.
 */
export function globalFindValues(info: CommandInfo | undefined, arg: Arg): readonly Expr[] | undefined {
  if (
    arg.kind !== "WhereArg" ||
    arg.keyword !== undefined ||
    info?.name !== "find" ||
    info.menuPath.length > 0
  )
    return undefined;
  const values: Expr[] = [];
  const pending: Expr[] = [arg.condition];
  while (pending.length > 0) {
    const node = pending.pop();
    if (node === undefined) break;
    if (node.kind === "Binary" && node.opStart < 0) pending.push(node.right, node.left);
    else values.push(node);
  }
  return values;
}

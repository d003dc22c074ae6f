// The current menu at a position: what relative command names resolve against (menu-only lines change it).
import { argumentMenu } from "../schema";
import type { Command, Statement } from "../syntax";
import type { DocumentAnalysis } from "./analysis";
import type { Location } from "./locate";
import { boundCommandOf } from "./model/lookup";
import type { Container } from "./model/types";

const ROOT: readonly string[] = [];

/** The statement of `container` that holds `offset`, if any. */
function statementHolding(container: Container, offset: number): Statement | undefined {
  for (const statement of container.body) {
    if (statement.start <= offset && offset <= statement.end) return statement;
  }
  return undefined;
}

/** The menu at the start of `containers[depth]`. */
function initialMenu(
  analysis: DocumentAnalysis,
  containers: readonly Container[],
  depth: number,
): readonly string[] {
  const container = containers[depth];
  const parent = containers[depth - 1];
  if (!container || !parent || container.kind === "Script") return ROOT;
  const holder = statementHolding(parent, container.start);
  if (!holder) return ROOT;
  if (holder.kind !== "Command") return menuBefore(analysis, containers, depth - 1, holder.start);
  const bound = boundCommandOf(analysis.model, holder);
  if (!bound) return ROOT;
  if (container.kind === "Substitution")
    return bound.info ? argumentMenu(analysis.schema, bound.info, bound.contextMenu) : bound.contextMenu;
  // A `{...}` argument: inline code keeps the menu; a separate script (on-event=, source=...) starts at the root.
  const arg = bound.args.find((a) => a.value === container);
  const separate = bound.rootCommand === undefined && bound.info !== undefined && arg?.name !== "do";
  return separate ? ROOT : bound.menuBlock ? bound.menuPath : bound.contextMenu;
}

/** The current menu just before `offset` in `containers[depth]`. */
export function menuBefore(
  analysis: DocumentAnalysis,
  containers: readonly Container[],
  depth: number,
  offset: number,
): readonly string[] {
  const container = containers[depth];
  if (!container) return ROOT;
  const body = container.body;
  for (let i = body.length - 1; i >= 0; i--) {
    const statement = body[i];
    if (!statement || statement.start >= offset || statement.kind !== "Command") continue;
    const bound = boundCommandOf(analysis.model, statement);
    if (!bound) continue;
    return bound.menuOnly ? bound.menuPath : bound.contextMenu;
  }
  return initialMenu(analysis, containers, depth);
}

/** The menu against which the command at a location resolves, or the current menu at an empty position. */
export function menuAt(
  analysis: DocumentAnalysis,
  location: Location,
  offset: number,
  command?: Command,
): readonly string[] {
  const depth = location.containers.length - 1;
  if (command) {
    const bound = boundCommandOf(analysis.model, command);
    if (bound) return bound.contextMenu;
  }
  return menuBefore(analysis, location.containers, depth, offset);
}

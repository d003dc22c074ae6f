// Which command an error found after a command's words belongs to, kept on the diagnostic for RouterOS's wording.
import type { Diagnostic } from "../diagnostics/types";

/**
 * Data of a syntax error found after the words of a command (`expected end of command`, `unexpected '@' after
 * 'admin'`): how far back from the error the command starts. RouterOS words such an error by what the words were (a
 * menu, a known command, an unknown one), which only the binder knows. Relative, so that moving the error with its
 * text (incremental parsing) keeps it true.
 */
export interface CommandContextData {
  readonly commandBack: number;
}

export function commandContext(errorStart: number, commandStart: number): CommandContextData {
  return { commandBack: errorStart - commandStart };
}

/** The start of the command an error belongs to, when the parser recorded it. */
export function commandStartOf(d: Diagnostic): number | undefined {
  const data = d.data as Partial<CommandContextData> | undefined;
  return typeof data?.commandBack === "number" ? d.start - data.commandBack : undefined;
}

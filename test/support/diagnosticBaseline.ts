// Renders diagnostics as a TypeScript-style baseline: each source line, `~~~` under each span, `!!! CODE message` below.
import type { Diagnostic } from "../../server/src/diagnostics/types";
import { LineIndex } from "../../server/src/syntax";

/** The baseline text of `diagnostics` over `source` (named `name` in the header). */
export function renderBaseline(name: string, source: string, diagnostics: readonly Diagnostic[]): string {
  const index = new LineIndex(source);
  const lines = source.split(/\r\n|\n|\r/);
  const byLine = new Map<number, Diagnostic[]>();
  for (const d of diagnostics) {
    const line = index.positionAt(d.start).line;
    byLine.set(line, [...(byLine.get(line) ?? []), d]);
  }
  const out = [`==== ${name} (${diagnostics.length} diagnostic${diagnostics.length === 1 ? "" : "s"}) ====`];
  lines.forEach((text, line) => {
    if (line === lines.length - 1 && text === "") return;
    out.push(text);
    for (const d of byLine.get(line) ?? []) {
      const start = index.positionAt(d.start);
      const end = index.positionAt(d.end);
      const last = end.line === line ? end.character : text.length;
      const width = Math.max(1, last - start.character);
      out.push(`${" ".repeat(start.character)}${"~".repeat(width)}`);
      out.push(`!!! ${d.code} ${d.severity}: ${d.message}`);
    }
  });
  return out.join("\n") + "\n";
}

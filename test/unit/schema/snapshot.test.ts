// Snapshot of everything the schema knows about /iot mqtt and the telemetry menus, so any change to it is reviewed.
import { test } from "node:test";
import { formatPath, getSchema, type ArgInfo, type PropertyInfo } from "../../../server/src/schema";
import { fromRoot } from "../../support/paths";
import { assertSnapshot } from "../../support/snapshots";

function typeText(v: ArgInfo | PropertyInfo): string {
  const parts: string[] = [v.type];
  if (v.format) parts.push(`format=${v.format}`);
  if (v.enumValues) parts.push(`values=${v.enumValues.join("|")}${v.multiValue ? ",..." : ""}`);
  else if (v.multiValue) parts.push("list");
  if (v.range) parts.push(`${v.range.min}..${v.range.max}`);
  if (v.timeRange)
    parts.push(`${v.timeRange.min}ms..${v.timeRange.max === undefined ? "" : `${v.timeRange.max}ms`}`);
  if (v.lengthRange) parts.push(`length ${v.lengthRange.min ?? 0}..${v.lengthRange.max ?? ""}`);
  if (v.extraValues) parts.push(`or ${v.extraValues.join("|")}`);
  if (v.default !== undefined) parts.push(`default=${JSON.stringify(v.default)}`);
  if (v.sensitive) parts.push("sensitive");
  if (v.firstSeen) parts.push(`since ${v.firstSeen}`);
  return parts.join(" ");
}

function render(roots: readonly string[]): string {
  const schema = getSchema();
  const lines: string[] = [];
  const paths = schema.menuPaths().filter((p) => roots.some((r) => `${p.join("/")}/`.startsWith(`${r}/`)));
  for (const path of paths) {
    const menu = schema.menu(path);
    if (!menu) continue;
    lines.push(`${formatPath(path)} (${menu.kind}${menu.handAdded ? ", hand-added" : ""})`);
    for (const name of menu.commands) {
      const command = schema.command(path, name);
      if (!command) continue;
      const positional = command.positional.length ? ` <${command.positional.join("> <")}>` : "";
      lines.push(`  ${name}${positional}${command.acceptsAnyArg ? " (any argument)" : ""}`);
      for (const arg of command.args) {
        const required = arg.required ? ` REQUIRED(${arg.requiredBy ?? "?"})` : "";
        lines.push(`    ${arg.name}: ${typeText(arg)}${required}`);
      }
    }
    for (const p of schema.properties(path).filter((q) => q.readOnly))
      lines.push(`  = ${p.name}: ${typeText(p)}`);
  }
  return lines.join("\n") + "\n";
}

test("snapshot: /iot mqtt", () => {
  assertSnapshot(render(["iot/mqtt"]), fromRoot("test", "fixtures", "schema", "iot-mqtt.snapshot.txt"));
});

test("snapshot: telemetry menus", () => {
  const roots = [
    "system/resource",
    "system/routerboard",
    "system/package",
    "system/identity",
    "system/clock",
    "system/health",
  ];
  assertSnapshot(render(roots), fromRoot("test", "fixtures", "schema", "telemetry.snapshot.txt"));
});

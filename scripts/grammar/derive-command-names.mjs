// Derives the menu-command word list of the grammar from ../shared/data/routeros-7.24-inspect.json into command-names.json.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as prettier from "prettier";

const here = dirname(fileURLToPath(import.meta.url));
const inspectPath = resolve(process.argv[2] ?? join(here, "../../../shared/data/routeros-7.24-inspect.json"));
const outPath = join(here, "command-names.json");

/** Walks the inspect tree and collects the names of every `cmd` node and every menu (`dir`/`path`) node. */
function collectNames(tree) {
  const commands = new Set();
  const menus = new Set();
  const walk = (node) => {
    for (const [name, child] of Object.entries(node)) {
      if (child === null || typeof child !== "object") continue;
      if (child._type === "cmd") commands.add(name);
      else if (child._type === "dir" || child._type === "path") {
        menus.add(name);
        walk(child);
      }
    }
  };
  walk(tree);
  return { commands, menus };
}

let tree;
try {
  tree = JSON.parse(readFileSync(inspectPath, "utf8"));
} catch (err) {
  console.error(
    `derive-command-names: cannot read ${inspectPath}: ${err instanceof Error ? err.message : err}`,
  );
  process.exit(1);
}
const { commands, menus } = collectNames(tree);
const sorted = [...commands].sort();
const out = {
  source:
    "RouterOS 7.24 /console/inspect dump (tikoci/restraml, public domain), via scripts/grammar/derive-command-names.mjs",
  commands: sorted,
  alsoMenus: sorted.filter((name) => menus.has(name)),
};
const options = (await prettier.resolveConfig(outPath)) ?? {};
writeFileSync(outPath, await prettier.format(JSON.stringify(out), { ...options, filepath: outPath }));
console.log(
  `derive-command-names: ${sorted.length} command names (${out.alsoMenus.length} also menus) -> ${outPath}`,
);

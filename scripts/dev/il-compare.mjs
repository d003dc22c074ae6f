#!/usr/bin/env node
// Dev tool: compares our compiled form ("IL") of every script of ../shared's parse oracle with RouterOS 7.22.1's own.
// Usage: node scripts/dev/il-compare.mjs [--list N] [--json] [--only SUBSTRING] [--full] [--signatures]
// Reads ../shared (not shipped), so it is a developer's tool like the parse-oracle scorer; nothing of the product uses it.
import { build } from "esbuild";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const oracle = resolve(root, "../shared/data/routeros-parse-oracle/scripts");
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const listCount = Number(option("--list", "3"));
const only = option("--only", "");
const asJson = args.includes("--json");

if (!existsSync(oracle)) {
  process.stderr.write(`no parse oracle at ${oracle}\n`);
  process.exit(2);
}

// Bundle the printer from the sources, so the comparison always runs the code as it is now.
const bundle = await build({
  stdin: {
    contents:
      'export { compiledScript } from "./server/src/interpreter/compiledForm";\nexport { parse } from "./server/src/syntax";\n',
    resolveDir: root,
    loader: "ts",
  },
  bundle: true,
  write: false,
  format: "esm",
  platform: "node",
  logLevel: "error",
});
const { compiledScript, parse } = await import(
  `data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString("base64")}`
);

function findScripts(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...findScripts(path));
    else if (name.endsWith(".rsc") && existsSync(`${path}.il`)) out.push(path);
  }
  return out.sort();
}

/** IL text split into tokens: parentheses, spaces, `;`, `=` and the runs between them. */
function tokenize(il) {
  return il.match(/[() ;=]|[^() ;=]+/g) ?? [];
}

/**
 * Each command node of an IL text, `(evl /path/commandFIRSTARG` with the names of the arguments that follow at its
 * depth: what the binder decided (menu path, command, argument names), whatever the values.
 */
function commandSignatures(il) {
  const out = [];
  for (let at = il.indexOf("(evl /"); at >= 0; at = il.indexOf("(evl /", at + 1)) {
    let i = at + 5;
    let head = "";
    while (i < il.length && !"= ()".includes(il[i])) head += il[i++];
    if (il[i] !== "=") {
      if (head.endsWith("/")) continue; // a block with its menu, not a command
      out.push(head);
      continue;
    }
    const names = [];
    let depth = 0;
    for (; i < il.length; i++) {
      const c = il[i];
      if (c === "(") depth++;
      else if (c === ")") {
        if (depth === 0) break;
        depth--;
      } else if (c === ";" && depth === 0) {
        const m = /^[a-z][a-z0-9.-]*(?==)/.exec(il.slice(i + 1, i + 40));
        if (m) names.push(m[0]);
      }
    }
    out.push(`${head}=${names.length ? ";" + names.join(";") : ""}`);
  }
  return out;
}

/** Myers' diff of two token lists: the differing stretches as [ourFrom, ourTo, theirFrom, theirTo]. */
function diff(a, b) {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const v = new Int32Array(2 * max + 2);
  const trace = [];
  outer: for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[max + k - 1] < v[max + k + 1]) ? v[max + k + 1] : v[max + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) (x++, y++);
      v[max + k] = x;
      if (x >= n && y >= m) break outer;
    }
    if (d > 4000) return [[0, n, 0, m]];
  }
  // Walk back to find the matched pairs.
  const pairs = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const vv = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && vv[max + k - 1] < vv[max + k + 1]) ? k + 1 : k - 1;
    const px = vv[max + prevK];
    const py = px - prevK;
    while (x > px && y > py) pairs.push([--x, --y]);
    x = px;
    y = py;
  }
  while (x > 0 && y > 0) pairs.push([--x, --y]);
  pairs.reverse();
  const hunks = [];
  let ai = 0;
  let bi = 0;
  for (const [pa, pb] of [...pairs, [n, m]]) {
    if (pa > ai || pb > bi) hunks.push([ai, pa, bi, pb]);
    ai = pa + 1;
    bi = pb + 1;
  }
  return hunks;
}

/** What kind of reading a differing stretch shows, from the tokens around it. */
function classify(ours, theirs, [a0, a1, b0, b1], packageWords) {
  const ourText = ours.slice(a0, a1).join("");
  const theirText = theirs.slice(b0, b1).join("");
  const refused = /bad command name (\S+)/.exec(theirText);
  if (refused && !ourText.includes("bad command name") && packageWords.has(refused[1]))
    return "menu of an optional package (the capture CHR lacks it; rsc accepts it)";
  const before = theirs[b0 - 1] ?? "";
  const before2 = theirs[b0 - 2] ?? "";
  const after = theirs[b1] ?? ours[a1] ?? "";
  if (ourText.includes("bad command name") || theirText.includes("bad command name"))
    return "bad command name";
  if (before === " " && before2 === "evl" && (ourText.startsWith("/") || theirText.startsWith("/"))) {
    if (after === "=" && ourText.length > 0 && theirText.length > 0) {
      // The head glues path, command and first argument name: tell which part differs.
      const common = commonPrefix(ourText, theirText);
      return common.lastIndexOf("/") === Math.max(ourText.lastIndexOf("/"), theirText.lastIndexOf("/"))
        ? "argument name"
        : "menu path or command";
    }
    return "menu path or command";
  }
  if (after === "=" && (before === ";" || before === "")) return "argument name";
  if (before === "(" || ourText.startsWith("(") !== theirText.startsWith("(")) {
    if (/^\(?evl/.test(ourText) || /^\(?evl/.test(theirText)) return "block or substitution shape";
    return "operator form";
  }
  if (before === "evl" || /^\/[a-z0-9/-]*\/$/.test(ourText) || /^\/[a-z0-9/-]*\/$/.test(theirText))
    return "block menu";
  if (/\$\.about|\$\.id|\$\.nextid/.test(theirText)) return "where property list";
  return "value";
}

function commonPrefix(a, b) {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(0, i);
}

/**
 * The property list a `where` starts with (`$name;$mtu;...;$.about;`) is the router's internal order of the menu's
 * properties, which no public source gives: it is taken out (and compared on its own) so the rest can be compared.
 */
function normalizeWhere(il, lists) {
  return il.replace(/where=((?:\$[a-z0-9.-]+;)+)/g, (_, list) => {
    lists.push(list.split(";").sort().join(";"));
    return "where=$…;";
  });
}
const ourWhere = [];
const theirWhere = [];
let whereLists = 0;
let whereListsMatching = 0;

const scripts = findScripts(oracle).filter((p) => p.includes(only));
const kinds = new Map();
let compared = 0;
let exact = 0;
let theirCommands = 0;
let matchedCommands = 0;
const mismatchedSignatures = new Map();
for (const path of scripts) {
  const rawIl = readFileSync(`${path}.il`, "latin1").replace(/\n$/, "");
  if (!/^[/(]/.test(rawIl)) continue; // a syntax error: RouterOS compiled nothing
  compared++;
  const text = readFileSync(path, "latin1"); // bytes, as RouterOS reads them (its IL holds raw bytes)
  // The capture wrote each carriage return of the router's IL as a line feed, and bytes that are no UTF-8 as U+FFFD:
  // so does the comparison.
  const printed = compiledScript(text, parse(text).script.body).replace(/\r/g, "\n");
  const captured = Buffer.from(Buffer.from(printed, "latin1").toString("utf8"), "utf8").toString("latin1");
  const ours = normalizeWhere(captured, ourWhere);
  const il = normalizeWhere(rawIl, theirWhere);
  for (let i = 0; i < theirWhere.length; i++) {
    whereLists++;
    if (ourWhere[i] === theirWhere[i]) whereListsMatching++;
  }
  ourWhere.length = 0;
  theirWhere.length = 0;
  if (ours === il) {
    exact++;
  }
  const mine = new Map();
  for (const s of commandSignatures(ours)) mine.set(s, (mine.get(s) ?? 0) + 1);
  for (const s of commandSignatures(il)) {
    theirCommands++;
    const left = mine.get(s) ?? 0;
    if (left > 0) {
      matchedCommands++;
      mine.set(s, left - 1);
    } else mismatchedSignatures.set(s, (mismatchedSignatures.get(s) ?? 0) + 1);
  }
  if (ours === il) continue;
  if (args.includes("--full"))
    process.stdout.write(`\n### ${relative(oracle, path)}\nours:   ${ours}\nrouter: ${il}\n`);
  const a = tokenize(ours);
  const b = tokenize(il);
  const verdict = existsSync(`${path}.routeros`) ? readFileSync(`${path}.routeros`, "utf8") : "";
  const packageWords = new Set([...verdict.matchAll(/^package bad command name (\S+)/gm)].map((m) => m[1]));
  for (const hunk of diff(a, b)) {
    const kind = classify(a, b, hunk, packageWords);
    const entry = kinds.get(kind) ?? { count: 0, scripts: new Set(), examples: [] };
    entry.count++;
    entry.scripts.add(path);
    if (entry.examples.length < listCount) {
      const [a0, a1, b0, b1] = hunk;
      const context = b.slice(Math.max(0, b0 - 12), b0).join("");
      entry.examples.push({
        script: relative(oracle, path),
        context: context.slice(-70),
        ours: a.slice(a0, a1).join("").slice(0, 160),
        theirs: b.slice(b0, b1).join("").slice(0, 160),
      });
    }
    kinds.set(kind, entry);
  }
}

const figures = {
  scripts: compared,
  exactScripts: exact,
  commands: theirCommands,
  commandsMatching: matchedCommands,
  whereLists,
  whereListsMatching,
};
if (asJson) {
  process.stdout.write(`${JSON.stringify(figures)}\n`);
  process.exit(0);
}
const sorted = [...kinds.entries()].sort((x, y) => y[1].count - x[1].count);
for (const [kind, entry] of sorted) {
  process.stdout.write(`\n## ${kind}: ${entry.count} differences in ${entry.scripts.size} scripts\n`);
  for (const e of entry.examples)
    process.stdout.write(
      `  ${e.script}\n    …${e.context}\n    ours:   ${e.ours}\n    router: ${e.theirs}\n`,
    );
}
if (args.includes("--signatures")) {
  process.stdout.write("\n## command signatures of the router without a match in ours\n");
  for (const [s, n] of [...mismatchedSignatures.entries()]
    .sort((x, y) => y[1] - x[1])
    .slice(0, listCount * 10))
    process.stdout.write(`  ${n}× ${s}\n`);
}
const pct = (x, y) => (y === 0 ? "0" : ((100 * x) / y).toFixed(1));
process.stdout.write(
  `\nscripts compared ${compared}, IL identical ${exact} (${pct(exact, compared)}%); ` +
    `commands (path + argument names) matching ${matchedCommands}/${theirCommands} (${pct(matchedCommands, theirCommands)}%); ` +
    `where property lists with the same names ${whereListsMatching}/${whereLists}\n`,
);

// Checks the packaged routeros-mqtt.vsix: under 3 MB, only the bundles and assets, and the same file list as `vsce ls`.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { inflateRawSync } from "node:zlib";
import { repoRoot } from "./install-code-server.mjs";

export const vsixPath = join(repoRoot, "routeros-mqtt.vsix");
export const MAX_VSIX_BYTES = 3 * 1024 * 1024;

/** Files a VSIX may hold (paths inside `extension/`), mirroring the allowlist in .vscodeignore. */
const ALLOWED = [
  /^package\.json$/,
  /^package\.nls(\.[\w-]+)?\.json$/,
  /^readme\.md$/i,
  /^changelog\.md$/i,
  /^LICENSE(\.txt|\.md)?$/i,
  /^language-configuration\.json$/,
  /^syntaxes\/routeros\.tmLanguage\.json$/,
  /^dist\/(client|server|runWorker|cli)\.js$/,
  /^media\/.+/,
  /^snippets\/[^/]+\.json$/,
  /^client\/media\/[^/]+\.(js|css)$/,
  /^examples\/[^/]+\.rsc$/,
  /^schemas\/[^/]+\.json$/,
];
const REQUIRED = [
  "package.json",
  "dist/client.js",
  "dist/server.js",
  "dist/runWorker.js",
  "dist/cli.js",
  "language-configuration.json",
];
const VSIX_METADATA = new Set(["[Content_Types].xml", "extension.vsixmanifest"]);
/** TEST_HOOKS_MARKER of client/src/ui/testHooks.ts: the packaged client bundle must not hold the test hooks. */
const TEST_HOOKS_MARKER = "routerosMqtt test hooks";

/** Reads the central directory of a zip file: name and uncompressed size of each entry (no dependency needed). */
export function listZip(buffer) {
  const eocdSignature = 0x06054b50;
  let eocd = -1;
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 65_557); i--) {
    if (buffer.readUInt32LE(i) === eocdSignature) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error("Not a zip file: no end-of-central-directory record");
  const count = buffer.readUInt16LE(eocd + 10);
  let at = buffer.readUInt32LE(eocd + 16);
  const entries = [];
  for (let n = 0; n < count; n++) {
    if (buffer.readUInt32LE(at) !== 0x02014b50)
      throw new Error(`Corrupt zip: bad central directory entry ${n}`);
    const method = buffer.readUInt16LE(at + 10);
    const compressedSize = buffer.readUInt32LE(at + 20);
    const size = buffer.readUInt32LE(at + 24);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    const localHeader = buffer.readUInt32LE(at + 42);
    const name = buffer.toString("utf8", at + 46, at + 46 + nameLength);
    entries.push({ name, size, method, compressedSize, localHeader });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The bytes of one entry (stored or deflated). */
export function readZipEntry(buffer, entry) {
  const nameLength = buffer.readUInt16LE(entry.localHeader + 26);
  const extraLength = buffer.readUInt16LE(entry.localHeader + 28);
  const start = entry.localHeader + 30 + nameLength + extraLength;
  const data = buffer.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return data;
  if (entry.method === 8) return inflateRawSync(data);
  throw new Error(`Unsupported zip compression method ${entry.method} for ${entry.name}`);
}

/** The files `vsce ls` says it would package (paths relative to the extension root). */
export function vsceList() {
  const r = spawnSync("npx", ["--no-install", "vsce", "ls", "--no-dependencies"], {
    cwd: repoRoot,
    encoding: "utf8",
    env: { ...process.env, npm_config_yes: "false" },
  });
  if (r.status !== 0) throw new Error(`npx vsce ls failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
  return r.stdout
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .sort();
}

/** Files the manifest points at: the icon, language icons, snippets and walkthrough media. */
export function manifestAssets(manifest) {
  const c = manifest.contributes ?? {};
  const paths = [manifest.icon];
  for (const language of c.languages ?? []) paths.push(language.icon?.light, language.icon?.dark);
  for (const snippet of c.snippets ?? []) paths.push(snippet.path);
  for (const walkthrough of c.walkthroughs ?? []) {
    for (const step of walkthrough.steps ?? []) {
      const media = step.media ?? {};
      const image = typeof media.image === "object" ? Object.values(media.image) : [media.image];
      paths.push(...image, media.markdown, media.svg);
    }
  }
  return [...new Set(paths.filter((p) => typeof p === "string").map((p) => p.replace(/^\.\//, "")))];
}

/**
 * Checks the VSIX and returns a summary, or throws with every problem found.
 * @returns {{ bytes: number, files: { path: string, size: number }[] }}
 */
export function checkPackage(path = vsixPath) {
  if (!existsSync(path)) throw new Error(`No VSIX at ${path}: run npm run package`);
  const bytes = statSync(path).size;
  const buffer = readFileSync(path);
  const entries = listZip(buffer);
  const problems = [];
  if (bytes >= MAX_VSIX_BYTES)
    problems.push(`VSIX is ${(bytes / 1024 / 1024).toFixed(2)} MB, the limit is 3 MB`);
  const files = [];
  for (const e of entries) {
    if (e.name.endsWith("/") || VSIX_METADATA.has(e.name)) continue;
    if (!e.name.startsWith("extension/")) {
      problems.push(`unexpected entry outside extension/: ${e.name}`);
      continue;
    }
    const rel = e.name.slice("extension/".length);
    files.push({ path: rel, size: e.size });
    if (!ALLOWED.some((re) => re.test(rel))) problems.push(`not on the allowlist: ${rel}`);
  }
  for (const need of REQUIRED) {
    if (!files.some((f) => f.path === need)) problems.push(`missing from the VSIX: ${need}`);
  }
  const manifestEntry = entries.find((e) => e.name === "extension/package.json");
  if (manifestEntry) {
    const manifest = JSON.parse(readZipEntry(buffer, manifestEntry).toString("utf8"));
    for (const grammar of manifest.contributes?.grammars ?? []) {
      const p = grammar.path.replace(/^\.\//, "");
      if (!files.some((f) => f.path === p))
        problems.push(`package.json names grammar ${p}, which is not in the VSIX`);
    }
    for (const named of manifestAssets(manifest)) {
      if (!files.some((f) => f.path === named))
        problems.push(`package.json names ${named}, which is not in the VSIX`);
    }
    const main = String(manifest.main ?? "").replace(/^\.\//, "");
    if (main && !files.some((f) => f.path === main))
      problems.push(`package.json main ${main} is not in the VSIX`);
  }
  const clientEntry = entries.find((e) => e.name === "extension/dist/client.js");
  if (clientEntry && readZipEntry(buffer, clientEntry).toString("utf8").includes(TEST_HOOKS_MARKER))
    problems.push("dist/client.js holds the test hooks: package a production build (npm run package)");
  // vsce writes README.md as readme.md and LICENSE as LICENSE.txt into the VSIX.
  const key = (f) => f.toLowerCase().replace(/^license(\.md|\.txt)?$/, "license");
  const listed = vsceList();
  const packaged = files.map((f) => f.path).sort();
  const onlyVsce = listed.filter((f) => !packaged.some((p) => key(p) === key(f)));
  const onlyVsix = packaged.filter((p) => !listed.some((f) => key(f) === key(p)));
  if (onlyVsce.length)
    problems.push(`vsce ls lists files the VSIX lacks (stale VSIX?): ${onlyVsce.join(", ")}`);
  if (onlyVsix.length) problems.push(`the VSIX holds files vsce ls does not list: ${onlyVsix.join(", ")}`);
  if (problems.length) throw new Error(`Package check failed for ${path}:\n  - ${problems.join("\n  - ")}`);
  return { bytes, files };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const { bytes, files } = checkPackage(process.argv[2] ? resolve(process.argv[2]) : vsixPath);
    process.stdout.write(`VSIX ok: ${(bytes / 1024).toFixed(1)} KB, ${files.length} files\n`);
    for (const f of files) process.stdout.write(`  ${f.path} (${(f.size / 1024).toFixed(1)} KB)\n`);
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}

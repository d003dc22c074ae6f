// Reads the logs code-server writes for one run: the remote extension host log and an extension's own log files.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

function filesUnder(dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p));
    else out.push(p);
  }
  return out;
}

/** Concatenated text of every remote extension host log of the run (exthost1, exthost2 after a restart...). */
export function extensionHostLog(dirs) {
  return filesUnder(join(dirs.userData, "logs"))
    .filter((f) => /[/\\]exthost\d+[/\\]remoteexthost\.log$/.test(f))
    .sort()
    .map((f) => readFileSync(f, "utf8"))
    .join("\n");
}

/** Log files the extension wrote through LogOutputChannels (exthost*\/<publisher.name>/*.log), by path. */
export function extensionLogs(dirs, extensionId) {
  const marker = `${extensionId}`.toLowerCase();
  return filesUnder(join(dirs.userData, "logs"))
    .filter((f) => f.toLowerCase().includes(`/${marker}/`) && f.endsWith(".log"))
    .map((path) => ({ path, text: readFileSync(path, "utf8") }));
}

/** The extension host's activation line for one extension, e.g. "... activationEvent: 'onLanguage:routeros'". */
export function activationLine(hostLog, extensionId) {
  return hostLog.split("\n").find((l) => l.includes(`_doActivateExtension ${extensionId},`));
}

/** Splits a VS Code log into entries: a line with a timestamp plus the stack lines that follow it. */
export function logEntries(text) {
  const entries = [];
  for (const line of text.split("\n")) {
    if (/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/.test(line) || entries.length === 0) entries.push(line);
    else entries[entries.length - 1] += `\n${line}`;
  }
  return entries;
}

/** Error entries of the host log that concern this extension: activation failure, or a stack through its files. */
export function extensionErrors(hostLog, extensionId) {
  const id = extensionId.toLowerCase();
  return logEntries(hostLog).filter((e) => /\[error\]/.test(e) && e.toLowerCase().includes(id));
}

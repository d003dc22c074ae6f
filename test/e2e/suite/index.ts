// Extension-host entry point: VS Code calls run(), which loads every *.test.js next to this file into one mocha run.
import Mocha from "mocha";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** Every compiled test file under this folder, sorted so runs are reproducible. */
export function findTestFiles(dir: string): string[] {
  const files: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files.push(...findTestFiles(path));
    else if (name.endsWith(".test.js")) files.push(path);
  }
  return files;
}

/** Called by the extension host; rejects when a test fails so the host exits non-zero. */
export async function run(): Promise<void> {
  const mocha = new Mocha({
    ui: "tdd",
    reporter: "spec",
    color: false,
    timeout: Number(process.env.E2E_TEST_TIMEOUT_MS ?? 30_000),
    ...(process.env.E2E_GREP ? { grep: process.env.E2E_GREP } : {}),
  });
  const files = findTestFiles(__dirname);
  if (files.length === 0)
    throw new Error(`No *.test.js files under ${__dirname}: compile the tests with tsc -p .`);
  for (const file of files) mocha.addFile(file);
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} extension-host test(s) failed`);
}

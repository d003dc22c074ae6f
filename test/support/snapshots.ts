// Snapshot comparison for data-driven tests: compares with the expected file, or rewrites it with UPDATE_SNAPSHOTS=1.
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

export const updatingSnapshots = process.env["UPDATE_SNAPSHOTS"] === "1";

/** Asserts `actual` equals the content of `expectedPath`; with UPDATE_SNAPSHOTS=1 writes it instead. */
export function assertSnapshot(actual: string, expectedPath: string): void {
  if (updatingSnapshots || !existsSync(expectedPath)) {
    if (!updatingSnapshots && process.env["CI"] === "true") {
      assert.fail(`snapshot ${expectedPath} is missing; run the tests with UPDATE_SNAPSHOTS=1 and commit it`);
    }
    writeFileSync(expectedPath, actual);
    return;
  }
  assert.equal(
    actual,
    readFileSync(expectedPath, "utf8"),
    `snapshot differs: ${expectedPath} (UPDATE_SNAPSHOTS=1 rewrites)`,
  );
}

// Data-driven parser tests: each fixture in test/fixtures/parser/{ok,err} beside its tree-and-errors snapshot.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { parse } from "../../../server/src/syntax";
import { dumpParseResult } from "../../../server/src/syntax/dump";
import { assertSnapshot } from "../../support/snapshots";
import { fromRoot } from "../../support/paths";

for (const group of ["ok", "err"] as const) {
  const dir = fromRoot("test", "fixtures", "parser", group);
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".rsc"))
    .sort()) {
    test(`parser ${group}/${file}`, () => {
      const text = readFileSync(join(dir, file), "utf8");
      const result = parse(text, { strictProgress: true });
      assert.equal(
        result.tokens
          .toArray()
          .map((t) => text.slice(t.start, t.end))
          .join(""),
        text,
        "tokens are lossless",
      );
      if (group === "ok") assert.deepEqual(result.diagnostics, [], "an ok/ fixture has no errors");
      else assert.ok(result.diagnostics.length > 0, "an err/ fixture has at least one error");
      assertSnapshot(dumpParseResult(result), join(dir, file.replace(/\.rsc$/, ".txt")));
    });
  }
}

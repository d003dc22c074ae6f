// The language server's resolution cache stays bounded over edits and gives the same answers as a fresh resolution.
import assert from "node:assert/strict";
import { test } from "node:test";
import { ResolveCache } from "../../../server/src/ide/model/bindCommand";
import { getSchema, resolveCommand } from "../../../server/src/schema";
import { parse, type Command } from "../../../server/src/syntax";
import { headTexts } from "../../../server/src/syntax/head";

function command(text: string): Command {
  const statement = parse(text).script.body[0];
  assert.ok(statement?.kind === "Command");
  return statement;
}

test("a resolution cache never holds more than its limit, and answers like resolveCommand", () => {
  const schema = getSchema();
  const cache = new ResolveCache(schema, 16);
  const lines = Array.from({ length: 200 }, (_, i) => `/ip firewall address-list add list=l${i}`).concat(
    Array.from({ length: 200 }, (_, i) => `/system word${i} print`),
  );
  for (const line of lines) {
    const node = command(line);
    const cached = cache.resolve(line, node, [], true);
    assert.ok(cache.size <= 16, `${cache.size} entries after ${line}`);
    const words = headTexts(line, node).map((text) => ({ text }));
    const fresh = resolveCommand(schema, [], words, true);
    assert.equal(cached.command?.name, fresh.command?.name, line);
    assert.equal(cached.error?.word, fresh.error?.word, line);
  }
});

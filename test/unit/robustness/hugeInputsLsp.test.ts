// Deep, long and many (issue 12, item 4) through the built language server: diagnostics are published, and a request after them is answered.
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { HUGE_SCRIPTS } from "../../support/hugeInputs";
import { LspClient, type JsonRpcMessage } from "../../support/lspClient";
import { fromRoot } from "../../support/paths";

const SERVER = fromRoot("dist", "server.js");

interface Published {
  readonly uri: string;
  readonly version?: number;
  readonly diagnostics: readonly { readonly severity: number }[];
}

describe("huge inputs through the language server", () => {
  let client: LspClient;
  before(async () => {
    if (!existsSync(SERVER))
      assert.fail(`${SERVER} is missing: run node scripts/build.mjs (npm test bundles first)`);
    client = LspClient.start([SERVER, "--stdio"]);
    await client.initialize();
  });
  after(() => client.kill());

  HUGE_SCRIPTS.forEach(({ name, text, broken }, i) => {
    test(
      `${name}: diagnostics published, then hover and folding answered`,
      { timeout: 120_000 },
      async () => {
        const uri = `file:///huge/${i}.rsc`;
        client.notify("textDocument/didOpen", {
          textDocument: { uri, languageId: "routeros", version: 1, text },
        });
        const message = await client.waitForNotification(
          (m: JsonRpcMessage) =>
            m.method === "textDocument/publishDiagnostics" && (m.params as Published).uri === uri,
          { timeoutMs: 100_000, what: `diagnostics of ${name}` },
        );
        const published = message.params as Published;
        assert.equal(
          published.diagnostics.some((d) => d.severity === 1),
          broken,
        );
        const end = text.split("\n").length - 1;
        await client.request("textDocument/hover", {
          textDocument: { uri },
          position: { line: 0, character: 2 },
        });
        const folds = await client.request<unknown[]>("textDocument/foldingRange", { textDocument: { uri } });
        assert.ok(Array.isArray(folds));
        await client.request("textDocument/completion", {
          textDocument: { uri },
          position: { line: end, character: 0 },
        });
        client.notify("textDocument/didClose", { textDocument: { uri } });
      },
    );
  });
});

// Protocol tests: the BUILT server (`rsc lsp --stdio` and dist/server.js --stdio) spoken to over stdio like an editor would.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { TOKEN_TYPES } from "../../../server/src/ide/semanticTokens";
import { LspClient, type JsonRpcMessage } from "../../support/lspClient";
import { fromRoot } from "../../support/paths";

interface Position {
  readonly line: number;
  readonly character: number;
}
interface Range {
  readonly start: Position;
  readonly end: Position;
}
interface LspDiagnostic {
  readonly range: Range;
  readonly code: string;
  readonly severity: number;
  readonly message: string;
}
interface PublishParams {
  readonly uri: string;
  readonly version?: number;
  readonly diagnostics: readonly LspDiagnostic[];
}

const CLI = fromRoot("dist", "cli.js");
const SERVER = fromRoot("dist", "server.js");

function requireBuild(): void {
  for (const file of [CLI, SERVER]) {
    if (!existsSync(file))
      assert.fail(`${file} is missing: run node scripts/build.mjs (npm test bundles first)`);
  }
}

const TELEMETRY = [
  ':local broker "home"',
  ":local cpu [/system resource get cpu-load]",
  ":local name [/system identity get name]",
  '/iot mqtt publish broker=$broker topic="devices/$name" message="{\\"cpu\\":$cpu}" qos=1',
  "",
].join("\n");

const published =
  (uri: string, version: number) =>
  (m: JsonRpcMessage): boolean =>
    m.method === "textDocument/publishDiagnostics" &&
    (m.params as PublishParams).uri === uri &&
    (m.params as PublishParams).version === version;

/** Opens a document and waits for its first diagnostics. */
async function open(client: LspClient, uri: string, text: string): Promise<PublishParams> {
  client.notify("textDocument/didOpen", { textDocument: { uri, languageId: "routeros", version: 1, text } });
  const message = await client.waitForNotification(published(uri, 1), { what: `diagnostics of ${uri}` });
  return message.params as PublishParams;
}

for (const [name, args] of [
  ["rsc lsp --stdio", [CLI, "lsp", "--stdio"]],
  ["dist/server.js --stdio", [SERVER, "--stdio"]],
] as const) {
  describe(`language server over stdio: ${name}`, () => {
    let client: LspClient;
    before(async () => {
      requireBuild();
      client = LspClient.start(args);
      const init = await client.initialize();
      assert.ok(init.capabilities["completionProvider"], "completion is announced");
      assert.ok(init.capabilities["semanticTokensProvider"], "semantic tokens are announced");
    });
    after(() => client.kill());

    test("publishes semantic diagnostics on open, with codes", async () => {
      const params = await open(
        client,
        "file:///ws/bad.rsc",
        ":put $nope\n/iot mqtt publish qos=5 topic=a message=b\n",
      );
      assert.deepEqual(
        params.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character]),
        [
          ["RSC3010", 0, 5],
          ["RSC3003", 1, 22],
        ],
      );
    });

    test("incremental changes are applied and re-checked", async () => {
      const uri = "file:///ws/edit.rsc";
      await open(client, uri, "/iot mqtt publish qos=1 topic=a message=b\n");
      client.notify("textDocument/didChange", {
        textDocument: { uri, version: 2 },
        contentChanges: [
          { range: { start: { line: 0, character: 22 }, end: { line: 0, character: 23 } }, text: "7" },
        ],
      });
      const second = await client.waitForNotification(published(uri, 2), { what: "diagnostics of v2" });
      assert.deepEqual(
        (second.params as PublishParams).diagnostics.map((d) => d.message),
        ["qos must be 0, 1 or 2 (got 7)"],
      );
      client.notify("textDocument/didChange", {
        textDocument: { uri, version: 3 },
        contentChanges: [
          { range: { start: { line: 0, character: 22 }, end: { line: 0, character: 23 } }, text: "2" },
        ],
      });
      const third = await client.waitForNotification(published(uri, 3), { what: "diagnostics of v3" });
      assert.deepEqual((third.params as PublishParams).diagnostics, []);
    });

    test("completion, hover, definition, references and rename", async () => {
      const uri = "file:///ws/telemetry.rsc";
      await open(client, uri, TELEMETRY);
      const items = await client.request<{ label: string; textEdit?: { newText: string } }[]>(
        "textDocument/completion",
        {
          textDocument: { uri },
          position: { line: 3, character: 10 },
        },
      );
      assert.ok(
        items.some((i) => i.label === "publish"),
        "publish is offered after /iot mqtt ",
      );
      const hover = await client.request<{ contents: { kind: string; value: string } }>(
        "textDocument/hover",
        {
          textDocument: { uri },
          position: { line: 3, character: 41 },
        },
      );
      assert.equal(hover.contents.kind, "markdown");
      assert.match(hover.contents.value, /\*\*topic\*\*/);
      const definition = await client.request<{ range: Range }[]>("textDocument/definition", {
        textDocument: { uri },
        position: { line: 3, character: 27 },
      });
      assert.deepEqual(definition[0]?.range.start, { line: 0, character: 7 });
      const references = await client.request<unknown[]>("textDocument/references", {
        textDocument: { uri },
        position: { line: 0, character: 8 },
        context: { includeDeclaration: true },
      });
      assert.equal(references.length, 2);
      const rename = await client.request<{ changes: Record<string, { newText: string }[]> }>(
        "textDocument/rename",
        {
          textDocument: { uri },
          position: { line: 0, character: 8 },
          newName: "target",
        },
      );
      assert.deepEqual(
        rename.changes[uri]?.map((e) => e.newText),
        ["target", "$target"],
      );
      const refused = await client.requestRaw("textDocument/rename", {
        textDocument: { uri },
        position: { line: 0, character: 8 },
        newName: "and",
      });
      assert.match(refused.error?.message ?? "", /operator keyword/);
    });

    test("semantic tokens use the announced legend", async () => {
      const uri = "file:///ws/telemetry.rsc";
      const tokens = await client.request<{ data: number[] }>("textDocument/semanticTokens/full", {
        textDocument: { uri },
      });
      assert.ok(tokens.data.length > 0 && tokens.data.length % 5 === 0);
      for (let i = 3; i < tokens.data.length; i += 5) assert.ok((tokens.data[i] ?? -1) < TOKEN_TYPES.length);
      // The first token is `local` (a global command) on line 0 at column 1.
      assert.deepEqual(tokens.data.slice(0, 4), [0, 1, 5, TOKEN_TYPES.indexOf("function")]);
    });

    test("symbols, folding, code actions and the syntax tree", async () => {
      const uri = "file:///ws/telemetry.rsc";
      const symbols = await client.request<{ name: string }[]>("textDocument/documentSymbol", {
        textDocument: { uri },
      });
      assert.deepEqual(
        symbols.map((s) => s.name),
        ["broker", "cpu", "name"],
      );
      const folding = await client.request<unknown[]>("textDocument/foldingRange", { textDocument: { uri } });
      assert.ok(Array.isArray(folding));
      const bad = "file:///ws/fix.rsc";
      await open(client, bad, "/ip route prnt\n");
      const actions = await client.request<
        { title: string; edit: { changes: Record<string, { newText: string }[]> } }[]
      >("textDocument/codeAction", {
        textDocument: { uri: bad },
        range: { start: { line: 0, character: 11 }, end: { line: 0, character: 11 } },
        context: { diagnostics: [] },
      });
      assert.equal(actions[0]?.title, "Change to 'print'");
      assert.equal(actions[0]?.edit.changes[bad]?.[0]?.newText, "print");
      const tree = await client.request<string>("routeros/syntaxTree", { textDocument: { uri: bad } });
      assert.match(tree, /^Script 0\.\.15\n {2}Command 0\.\.14 \/"ip route prnt"/);
    });

    test("broker names sent by the client are offered after broker=", async () => {
      client.notify("routeros/brokerNames", { names: ["cloud-eu"] });
      const uri = "file:///ws/brokers.rsc";
      await open(client, uri, "/iot mqtt publish broker=\n");
      const items = await client.request<{ label: string }[]>("textDocument/completion", {
        textDocument: { uri },
        position: { line: 0, character: 25 },
      });
      assert.ok(items.some((i) => i.label === "cloud-eu"));
    });

    test("long variable lists leave documentation to completionItem/resolve", async () => {
      const uri = "file:///ws/many.rsc";
      const declarations = Array.from({ length: 60 }, (_, i) => `:local v${i} ${i}`).join("\n");
      await open(client, uri, `${declarations}\n:put $\n`);
      const items = await client.request<{ label: string; documentation?: unknown; data?: unknown }[]>(
        "textDocument/completion",
        { textDocument: { uri }, position: { line: 60, character: 6 } },
      );
      const item = items.find((i) => i.label === "v7");
      assert.ok(item && item.documentation === undefined && item.data !== undefined);
      const resolved = await client.request<{ documentation?: { value: string } }>(
        "completionItem/resolve",
        item,
      );
      assert.match(resolved.documentation?.value ?? "", /Local variable/);
    });

    test("a broken document never kills the server", async () => {
      const uri = "file:///ws/broken.rsc";
      const params = await open(client, uri, ':if ($a = [/x y "unterminated\n{ ( ] } $ \\ ::: ="');
      assert.ok(params.diagnostics.length > 0);
      const items = await client.request<unknown[]>("textDocument/completion", {
        textDocument: { uri },
        position: { line: 1, character: 3 },
      });
      assert.ok(Array.isArray(items));
    });

    test("stdout carries only protocol; shutdown and exit end the process with status 0", async () => {
      assert.deepEqual(client.garbage, []);
      assert.equal(await client.shutdown(), 0);
    });
  });
}

describe("a request that throws answers empty and logs, and the server keeps serving", () => {
  let client: LspClient;
  before(async () => {
    requireBuild();
    client = LspClient.start([CLI, "lsp", "--stdio"], { RSC_LSP_FAULT: "textDocument/hover" });
    await client.initialize();
  });
  after(() => client.kill());

  test("hover fails inside, answers null, logs the error; completion still works", async () => {
    const uri = "file:///ws/fault.rsc";
    await open(client, uri, ":put 1\n");
    const response = await client.requestRaw("textDocument/hover", {
      textDocument: { uri },
      position: { line: 0, character: 2 },
    });
    assert.equal(response.error, undefined);
    assert.equal(response.result, null);
    const log = await client.waitForNotification(
      (m) =>
        m.method === "window/logMessage" &&
        String((m.params as { message: string }).message).includes("textDocument/hover failed"),
      { what: "the error in the log" },
    );
    assert.match((log.params as { message: string }).message, /fault injected/);
    const items = await client.request<unknown[]>("textDocument/completion", {
      textDocument: { uri },
      position: { line: 0, character: 1 },
    });
    assert.ok(items.length > 0);
    assert.equal(await client.shutdown(), 0);
  });
});

test("rsc check reports the same diagnostics as the editor", async () => {
  requireBuild();
  const file = fromRoot("test", "fixtures", "ide", "diagnostics", "06_variables.rsc");
  let output: string;
  try {
    output = execFileSync(process.execPath, [CLI, "check", "--format", "json", file], { encoding: "utf8" });
  } catch (error) {
    output = String((error as { stdout?: string }).stdout ?? "");
  }
  const checked = (JSON.parse(output) as { line: number; column: number; code: string }[]).map(
    (d) => `${d.code} ${d.line}:${d.column}`,
  );
  const client = LspClient.start([SERVER, "--stdio"]);
  try {
    await client.initialize();
    const { readFileSync } = await import("node:fs");
    const params = await open(client, "file:///ws/06.rsc", readFileSync(file, "utf8"));
    const editor = params.diagnostics.map(
      (d) => `${d.code} ${d.range.start.line + 1}:${d.range.start.character + 1}`,
    );
    assert.ok(editor.length > 0);
    assert.deepEqual(editor, checked);
    await client.shutdown();
  } finally {
    client.kill();
  }
});

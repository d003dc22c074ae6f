// The other-editor recipes of docs/editors (shown in the README): Neovim's runs in a real headless Neovim (Debian's
// package) against the built `rsc lsp --stdio`; Helix's and Zed's start the server exactly as they name it.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { after, describe, test } from "node:test";
import { LspClient } from "../../support/lspClient";
import { findExecutable } from "../../support/mosquitto";
import { fromRoot } from "../../support/paths";

const recipe = (name: string): string => readFileSync(fromRoot("docs", "editors", name), "utf8");
const README = readFileSync(fromRoot("README.md"), "utf8");
const CLI = fromRoot("bin", "rsc.js");

const work = mkdtempSync(join(tmpdir(), "rsc-editors-"));
after(() => rmSync(work, { recursive: true, force: true }));

/** A folder with an `rsc` on it that runs this checkout's CLI, as `npm install -g` would. */
function rscOnPath(): string {
  const bin = join(work, "bin");
  mkdirSync(bin, { recursive: true });
  const shim = join(bin, "rsc");
  writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`);
  chmodSync(shim, 0o755);
  return bin;
}

const SCRIPT = [
  ':local broker "home"',
  ':if ($broker = "home") do={',
  "  /iot mqtt publish broker=$broker topic=t message=m",
  "",
].join("\n");

/** Why the Neovim test cannot run here, or undefined. With CI=true a missing nvim fails instead. */
function neovimSkipReason(): string | undefined {
  if (findExecutable("nvim")) return undefined;
  if (process.env.CI === "true") return undefined;
  return "nvim is not installed (apt-get install neovim); skipped (set CI=true to make this a failure)";
}

interface NeovimResult {
  filetype: string;
  commentstring: string;
  clients: number;
  diagnostics: { lnum: number; col: number; code: string; message: string }[];
  completion: string[];
}

// Runs after the recipe (init.lua) and the file: waits for diagnostics, asks for completion, writes what it saw.
const DRIVER = `
local out = assert(os.getenv("RSC_NVIM_RESULT"))
vim.wait(30000, function() return #vim.diagnostic.get(0) > 0 end, 50)
local result = {
  filetype = vim.bo.filetype,
  commentstring = vim.bo.commentstring,
  clients = #vim.lsp.get_active_clients(),
  diagnostics = {},
  completion = {},
}
for _, d in ipairs(vim.diagnostic.get(0)) do
  table.insert(result.diagnostics, { lnum = d.lnum, col = d.col, code = tostring(d.code), message = d.message })
end
vim.api.nvim_buf_set_lines(0, -1, -1, false, { "/iot mqtt " })
local last = vim.api.nvim_buf_line_count(0) - 1
local params = { textDocument = vim.lsp.util.make_text_document_params(), position = { line = last, character = 10 } }
local replies = vim.lsp.buf_request_sync(0, "textDocument/completion", params, 20000) or {}
for _, reply in pairs(replies) do
  local items = reply.result and (reply.result.items or reply.result) or {}
  for _, item in ipairs(items) do table.insert(result.completion, item.label) end
end
local file = assert(io.open(out, "w"))
file:write(vim.fn.json_encode(result))
file:close()
vim.cmd("qa!")
`;

describe("other editors", () => {
  test("the README shows the Neovim and Helix recipes as they are tested", () => {
    const code = (text: string): string =>
      text
        .split("\n")
        .filter((l) => !l.startsWith("--") && !l.startsWith("#"))
        .join("\n")
        .trim();
    assert.ok(README.includes(code(recipe("neovim.lua"))), "README holds docs/editors/neovim.lua");
    assert.ok(
      README.includes(code(recipe("helix-languages.toml"))),
      "README holds docs/editors/helix-languages.toml",
    );
    assert.ok(README.includes("docs/editors/zed"), "README points at the Zed extension");
  });

  test(
    "Neovim: the recipe gives .rsc files the routeros filetype, diagnostics and completion",
    { skip: neovimSkipReason() },
    () => {
      const nvim = findExecutable("nvim");
      assert.ok(nvim, "nvim is on PATH (CI=true: install it, see .ci/run)");
      const dir = join(work, "nvim");
      mkdirSync(dir, { recursive: true });
      const init = join(dir, "init.lua");
      const driver = join(dir, "driver.lua");
      const file = join(dir, "telemetry.rsc");
      const out = join(dir, "result.json");
      writeFileSync(init, recipe("neovim.lua"));
      writeFileSync(driver, DRIVER);
      writeFileSync(file, SCRIPT);
      const env = {
        ...process.env,
        PATH: `${rscOnPath()}${delimiter}${process.env.PATH ?? ""}`,
        HOME: dir,
        XDG_CONFIG_HOME: join(dir, "config"),
        XDG_DATA_HOME: join(dir, "data"),
        XDG_STATE_HOME: join(dir, "state"),
        XDG_CACHE_HOME: join(dir, "cache"),
        RSC_NVIM_RESULT: out,
      };
      const run = spawnSync(
        nvim,
        ["--headless", "-n", "-i", "NONE", "-u", init, file, "-c", `luafile ${driver}`],
        {
          cwd: dir,
          env,
          encoding: "utf8",
          timeout: 90_000,
        },
      );
      assert.equal(run.status, 0, `nvim exited ${run.status ?? run.signal}: ${run.stdout}${run.stderr}`);
      const result = JSON.parse(readFileSync(out, "utf8")) as NeovimResult;
      assert.equal(result.filetype, "routeros");
      assert.equal(result.commentstring, "# %s");
      assert.equal(result.clients, 1, "one rsc client");
      assert.ok(
        result.diagnostics.some((d) => d.code === "RSC2001"),
        `the unclosed block is reported: ${JSON.stringify(result.diagnostics)}`,
      );
      assert.ok(
        result.completion.includes("publish"),
        `completion after /iot mqtt: ${result.completion.join(", ")}`,
      );
    },
  );

  /** Starts the server as an editor configured by a recipe would, and checks it answers with diagnostics. */
  async function serves(command: string, args: readonly string[]): Promise<void> {
    assert.equal(command, "rsc");
    const client = LspClient.start([CLI, ...args]);
    try {
      const init = await client.initialize();
      assert.ok(init.capabilities["completionProvider"]);
      client.notify("textDocument/didOpen", {
        textDocument: { uri: "file:///ws/telemetry.rsc", languageId: "routeros", version: 1, text: SCRIPT },
      });
      const published = await client.waitForNotification(
        (m) => m.method === "textDocument/publishDiagnostics",
        {
          what: "diagnostics",
        },
      );
      const diagnostics = (published.params as { diagnostics: { code: string }[] }).diagnostics;
      assert.ok(diagnostics.some((d) => d.code === "RSC2001"));
      assert.equal(await client.shutdown(), 0);
    } finally {
      client.kill();
    }
  }

  test("Helix: .rsc files are routeros and its language server is rsc lsp --stdio", async () => {
    const toml = recipe("helix-languages.toml");
    assert.match(toml, /^file-types = \["rsc"\]$/m);
    assert.match(toml, /^language-servers = \["rsc"\]$/m);
    assert.match(toml, /^\[language-server\.rsc\]$/m);
    const command = /^command = "([^"]+)"$/m.exec(toml)?.[1] ?? "";
    const args = JSON.parse(/^args = (\[.*\])$/m.exec(toml)?.[1] ?? "[]") as string[];
    await serves(command, args);
  });

  test("Zed: the dev extension's language is RouterOS for .rsc and its server is rsc lsp --stdio", async () => {
    const extension = recipe("zed/extension.toml");
    const language = recipe("zed/languages/routeros/config.toml");
    const lib = recipe("zed/src/lib.rs");
    const name = /^name = "([^"]+)"$/m.exec(language)?.[1];
    assert.equal(name, "RouterOS");
    assert.match(language, /^path_suffixes = \["rsc"\]$/m);
    assert.match(extension, new RegExp(`^languages = \\["${name}"\\]$`, "m"));
    assert.match(extension, /^\[language_servers\.rsc\]$/m);
    const command = /\.which\("([^"]+)"\)/.exec(lib)?.[1] ?? "";
    const args = [...(/args: vec!\[(.*?)\]/.exec(lib)?.[1] ?? "").matchAll(/"([^"]+)"/g)].map(
      (m) => m[1] ?? "",
    );
    await serves(command, args);
  });
});

// Config for @vscode/test-cli (`npx vscode-test`, needs internet): the e2e suite in desktop VS Code 1.100.3.
// The offline path used here and in CI is `npm run test:e2e` (code-server); see test/e2e/README.md.
import { defineConfig } from "@vscode/test-cli";

export default defineConfig({
  label: "e2e",
  version: "1.100.3",
  files: "out/test/e2e/suite/**/*.test.js",
  workspaceFolder: "test/e2e/workspace",
  launchArgs: ["--disable-extensions", "--disable-workspace-trust"],
  mocha: { ui: "tdd", timeout: 30000, color: false },
});

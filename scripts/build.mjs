// Bundles the extension client, the language server, the CLI and the script runner's worker with esbuild (type-checking is separate: `npm run typecheck`).
import * as esbuild from "esbuild";

const production = process.argv.includes("--production");
const watch = process.argv.includes("--watch");

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  sourcemap: production ? false : "linked",
  minify: production,
  logLevel: "warning",
  legalComments: "none",
  // The extension's test hooks (client/src/ui/testHooks.ts) exist only in development bundles.
  define: { ROUTEROS_MQTT_TEST_HOOKS: production ? "false" : "true" },
};

const bundles = [
  { entryPoints: ["client/src/extension.ts"], outfile: "dist/client.js", external: ["vscode"] },
  { entryPoints: ["server/src/lsp/main.ts"], outfile: "dist/server.js" },
  { entryPoints: ["cli/src/main.ts"], outfile: "dist/cli.js" },
  // A script run's worker thread (client/src/run/isolated): the extension and the CLI start it from beside them.
  { entryPoints: ["client/src/run/isolated/runWorker.ts"], outfile: "dist/runWorker.js" },
];

if (watch) {
  for (const b of bundles) {
    const ctx = await esbuild.context({ ...common, ...b });
    await ctx.watch();
  }
} else {
  await Promise.all(bundles.map((b) => esbuild.build({ ...common, ...b })));
}

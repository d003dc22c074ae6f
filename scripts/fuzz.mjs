// `npm run fuzz`: compiles, then feeds mutated and generated inputs to every reader of the product (see test/fuzz/).
import { spawnSync } from "node:child_process";

const tsc = spawnSync("npx", ["tsc", "-p", "."], { stdio: "inherit" });
if (tsc.status !== 0) process.exit(tsc.status || 1);
const run = spawnSync(process.execPath, ["out/test/fuzz/main.js", ...process.argv.slice(2)], {
  stdio: "inherit",
});
process.exit(run.status ?? 1);

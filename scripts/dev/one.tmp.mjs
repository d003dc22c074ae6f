// prints JSON of ours vs router for one script
import { build } from "esbuild";
import { readFileSync } from "node:fs";
const [,, path] = process.argv;
const b = await build({ stdin: { contents: 'export { compiledScript } from "./server/src/interpreter/compiledForm";\nexport { parse } from "./server/src/syntax";', resolveDir: process.cwd(), loader: "ts" }, bundle: true, write: false, format: "esm", platform: "node", logLevel: "error" });
const { compiledScript, parse } = await import(`data:text/javascript;base64,${Buffer.from(b.outputFiles[0].text).toString("base64")}`);
const text = readFileSync(path, "latin1");
const ours = compiledScript(text, parse(text).script.body);
const il = readFileSync(path + ".il", "latin1").replace(/\n$/, "");
let i = 0; while (i < ours.length && ours[i] === il[i]) i++;
console.log("ours:  ", JSON.stringify(ours.slice(Math.max(0, i - 80), i + 80)));
console.log("router:", JSON.stringify(il.slice(Math.max(0, i - 80), i + 80)));

#!/usr/bin/env node
// Entry point of the `rsc` command: runs the bundled CLI (built by `npm install` / `npm run build`).
require("../dist/cli.js");

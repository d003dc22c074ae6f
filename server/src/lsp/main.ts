// Entry point of the language server process (dist/server.js): transport from argv (`--stdio`, `--node-ipc`...).
import { createConnection, ProposedFeatures } from "vscode-languageserver/node";
import { protectProcess } from "./console";
import { tuneHeap } from "./memory";
import { startServer } from "./server";

const connection = createConnection(ProposedFeatures.all);
protectProcess(connection);
tuneHeap();
const fault = process.env["RSC_LSP_FAULT"];
startServer(connection, fault ? { faultyMethod: fault } : {});

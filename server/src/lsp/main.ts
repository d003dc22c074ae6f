// Entry point of the language server process (stdio or IPC transport chosen by vscode-languageserver from argv).
export {};

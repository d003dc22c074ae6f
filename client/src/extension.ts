// Activation entry point of the VS Code extension: starts the language client and registers the product's features.
import type * as vscode from "vscode";

export function activate(_context: vscode.ExtensionContext): void {
  // Features are registered by later modules (language client, brokers, runs).
}

export function deactivate(): void {}

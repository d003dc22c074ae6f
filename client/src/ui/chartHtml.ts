// The HTML shell of a chart webview: our script and stylesheet from client/media, under a strict Content-Security-Policy with a fresh nonce.
import { randomBytes } from "node:crypto";
import * as vscode from "vscode";

/** The folder of the webview's script and stylesheet, the only local resources it may load. */
export function chartMediaRoot(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, "client", "media");
}

export function chartHtml(webview: vscode.Webview, mediaRoot: vscode.Uri, title: string): string {
  const nonce = randomBytes(16).toString("base64");
  const script = webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot, "chart.js")).toString();
  const style = webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot, "chart.css")).toString();
  const csp = ["default-src 'none'", `style-src ${webview.cspSource}`, `script-src 'nonce-${nonce}'`].join(
    "; ",
  );
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(style)}">
<title>${escapeHtml(title)}</title>
</head>
<body>
<header><h1>${escapeHtml(title)}</h1><span id="status"></span><label id="scaling" title="Draw each series from its own minimum to its own maximum, so that small and large numbers are both readable"><input type="checkbox" id="own-scale"> Each series on its own scale</label></header>
<div id="legend"></div>
<div id="plot"></div>
<script nonce="${nonce}" src="${escapeHtml(script)}"></script>
</body>
</html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

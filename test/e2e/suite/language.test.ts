// Extension-host tests of the language features, black box through VS Code's commands: completion, hover, signature help, diagnostics, quick fix, rename, navigation, semantic tokens, symbols, folding.
import assert from "node:assert/strict";
import * as vscode from "vscode";
import { openFixture, ourExtension, waitFor, waitForDiagnostics } from "./helpers";

function run<T>(command: string, ...args: unknown[]): Thenable<T> {
  return vscode.commands.executeCommand<T>(command, ...args);
}

/** The position just after the `occurrence`-th (0-based) `fragment` of the line that contains `lineContains`. */
function after(doc: vscode.TextDocument, lineContains: string, fragment = lineContains, occurrence = 0) {
  return rangeOf(doc, lineContains, fragment, occurrence).end;
}

/** The range of the `occurrence`-th (0-based) `fragment` on the first line that contains `lineContains`. */
function rangeOf(
  doc: vscode.TextDocument,
  lineContains: string,
  fragment = lineContains,
  occurrence = 0,
): vscode.Range {
  for (let line = 0; line < doc.lineCount; line++) {
    const text = doc.lineAt(line).text;
    if (!text.includes(lineContains)) continue;
    let column = -1;
    for (let i = 0; i <= occurrence; i++) {
      column = text.indexOf(fragment, column + 1);
      if (column < 0) break;
    }
    if (column < 0) throw new Error(`"${fragment}" #${occurrence} is not on the line "${text}"`);
    return new vscode.Range(line, column, line, column + fragment.length);
  }
  throw new Error(`${doc.uri.path} has no line containing "${lineContains}"`);
}

const labelOf = (item: vscode.CompletionItem): string =>
  typeof item.label === "string" ? item.label : item.label.label;

const codeOf = (d: vscode.Diagnostic): string =>
  String(typeof d.code === "object" ? d.code.value : (d.code ?? ""));

/** Where a range is, as text: `line:column-line:column` (0-based), to compare ranges in assertion messages. */
const at = (r: vscode.Range): string =>
  `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

/** Text of a hover's contents, whatever form each part has. */
function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === "string" ? c : c.value))
    .join("\n");
}

/**
 * A language feature answers through the language client once the server has started and registered: poll the
 * command until `accept` holds for its answer.
 */
function answerOf<T>(
  command: string,
  args: unknown[],
  accept: (value: T | undefined) => boolean,
  what: string,
) {
  return waitFor(
    async () => {
      const value = await run<T | undefined>(command, ...args);
      return accept(value) ? { value } : undefined;
    },
    { what },
  ).then((r) => r.value as T);
}

const COMPLETIONS = [
  {
    what: "the commands and sub-menus of /iot mqtt",
    lineContains: "/iot mqtt ",
    fragment: "/iot mqtt ",
    expected: ["publish", "subscribe", "connect", "brokers", "subscriptions"],
    absent: ["system", "interface", "plant"],
  },
  {
    what: "the broker the script itself adds, after broker=",
    lineContains: "broker=",
    fragment: "broker=",
    expected: ["plant"],
    absent: ["publish", "brokers"],
  },
];

/** The semantic tokens expected at known places of scopes.rsc: type and modifiers from the server's legend. */
const SEMANTIC_TOKENS = [
  { lineContains: "/iot mqtt publish", text: "iot", type: "namespace", modifiers: [] },
  { lineContains: "/iot mqtt publish", text: "publish", type: "function", modifiers: [] },
  { lineContains: ":put $counter", text: "put", type: "function", modifiers: ["defaultLibrary"] },
  { lineContains: "/iot mqtt publish", text: "qos", type: "property", modifiers: [] },
  { lineContains: "/iot mqtt publish", text: "yes", type: "enumMember", modifiers: [] },
  {
    lineContains: ":local counter 0",
    text: "counter",
    type: "variable",
    modifiers: ["declaration", "local"],
  },
  {
    lineContains: ":local report do={",
    text: "report",
    type: "function",
    modifiers: ["declaration", "local"],
  },
  { lineContains: ":put $counter", text: "$counter", type: "variable", modifiers: ["local"] },
  { lineContains: ':put "sending $1"', text: "$1", type: "parameter", modifiers: [] },
] as const;

interface DecodedToken {
  line: number;
  character: number;
  length: number;
  type: string;
  modifiers: string[];
}

/** Decodes VS Code's relative semantic token encoding with the provider's legend. */
function decodeTokens(tokens: vscode.SemanticTokens, legend: vscode.SemanticTokensLegend): DecodedToken[] {
  const out: DecodedToken[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i + 4 < tokens.data.length; i += 5) {
    const [deltaLine = 0, deltaStart = 0, length = 0, type = 0, bits = 0] = tokens.data.slice(i, i + 5);
    line += deltaLine;
    character = deltaLine === 0 ? character + deltaStart : deltaStart;
    const modifiers = legend.tokenModifiers.filter((_, bit) => (bits & (1 << bit)) !== 0);
    out.push({ line, character, length, type: legend.tokenTypes[type] ?? `#${type}`, modifiers });
  }
  return out;
}

suite("language features", () => {
  suiteSetup(async () => {
    // The language client starts in activate(): when activation fails, say so once instead of 12 timeouts.
    await ourExtension().activate();
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand("workbench.action.closeAllEditors");
  });

  for (const c of COMPLETIONS) {
    test(`completion offers ${c.what}`, async () => {
      const doc = await openFixture("completion.rsc");
      const position = after(doc, c.lineContains, c.fragment);
      const list = await answerOf<vscode.CompletionList>(
        "vscode.executeCompletionItemProvider",
        [doc.uri, position],
        (l) => c.expected.every((e) => l?.items.some((i) => labelOf(i) === e)),
        `${c.expected.join(", ")} among the completions at ${position.line}:${position.character}`,
      );
      const labels = list.items.map(labelOf);
      assert.deepEqual(
        c.absent.filter((a) => labels.includes(a)),
        [],
        `offered elsewhere only: ${labels.join(", ")}`,
      );
    });
  }

  test("hover on an /iot mqtt publish argument shows its type, range and default", async () => {
    const doc = await openFixture("scopes.rsc");
    const qos = rangeOf(doc, "/iot mqtt publish", "qos");
    const hovers = await answerOf<vscode.Hover[]>(
      "vscode.executeHoverProvider",
      [doc.uri, qos.start.translate(0, 1)],
      (h) => (h?.length ?? 0) > 0,
      "a hover on qos=",
    );
    const text = hoverText(hovers);
    assert.match(text, /\*\*qos\*\* of `\/iot\/mqtt\/publish`: number 0\.\.2, default `0`/, text);
    assert.match(text, /PUBACK/, text);
    assert.equal(at(hovers[0]?.range ?? new vscode.Range(0, 0, 0, 0)), at(qos), "the hover covers the name");
  });

  test("signature help of /iot mqtt publish highlights the argument being typed", async () => {
    const doc = await openFixture("scopes.rsc");
    const help = await answerOf<vscode.SignatureHelp>(
      "vscode.executeSignatureHelpProvider",
      [doc.uri, after(doc, "/iot mqtt publish", "qos=")],
      (h) => (h?.signatures.length ?? 0) > 0,
      "signature help after qos=",
    );
    const signature = help.signatures[help.activeSignature];
    assert.ok(signature, "an active signature");
    assert.match(signature.label, /^\/iot\/mqtt publish message=<string/);
    const parameter = signature.parameters[help.activeParameter];
    const label = parameter?.label;
    const text = typeof label === "string" ? label : signature.label.slice(label?.[0], label?.[1]);
    assert.equal(text, "[qos=<number 0..2>]");
  });

  test("a syntax error is reported with its code at the end of the unclosed block", async () => {
    const doc = await openFixture("syntax-error.rsc");
    const diags = await waitForDiagnostics(doc.uri, (d) => d.length > 0, {
      what: "syntax-error.rsc diagnostics",
    });
    const brace = rangeOf(doc, "do={", "{");
    const end = doc.positionAt(doc.getText().length);
    assert.deepEqual(
      diags.map((d) => [codeOf(d), d.severity, d.source, at(d.range), d.message]),
      [
        [
          "RSC2001",
          vscode.DiagnosticSeverity.Error,
          "routeros",
          at(new vscode.Range(end, end)),
          `expected closing brace '}' for the '{' at line ${brace.start.line + 1} column ${brace.start.character + 1}`,
        ],
      ],
    );
  });

  test("semantic errors: a misspelt command and a misspelt argument, each under its word", async () => {
    const doc = await openFixture("semantic-errors.rsc");
    const diags = await waitForDiagnostics(doc.uri, (d) => d.length >= 2, { what: "two semantic errors" });
    // The misspelt argument comes first: RouterOS's parse stops there ("expected end of command"), so the bad command
    // name after it stays an error of its own (one before it would be a warning: RouterOS never reaches it).
    const expected = [
      {
        code: "RSC3002",
        range: rangeOf(doc, "retian=", "retian"),
        message:
          /^unknown argument retian for \/iot\/mqtt\/publish; did you mean retain\? \(RouterOS: expected end of command\)$/,
      },
      {
        code: "RSC3001",
        range: rangeOf(doc, "publsh", "publsh"),
        message: /^bad command name publsh in \/iot\/mqtt; did you mean publish\?$/,
      },
    ];
    assert.deepEqual(
      diags.map((d) => [codeOf(d), at(d.range)]),
      expected.map((e) => [e.code, at(e.range)]),
    );
    diags.forEach((d, i) => assert.match(d.message, expected[i]?.message ?? /^$/));
    assert.ok(diags.every((d) => d.severity === vscode.DiagnosticSeverity.Error));
  });

  test("the quick fix of a misspelt command replaces it with the suggestion", async () => {
    const doc = await openFixture("semantic-errors.rsc");
    const word = rangeOf(doc, "publsh", "publsh");
    const actions = await answerOf<vscode.CodeAction[]>(
      "vscode.executeCodeActionProvider",
      [doc.uri, word],
      (a) => (a ?? []).some((x) => x.kind?.value === "quickfix"),
      "a quick fix on publsh",
    );
    const fix = actions.find((a) => a.kind?.value === "quickfix");
    const edits = fix?.edit?.get(doc.uri) ?? [];
    assert.deepEqual(
      edits.map((e) => [at(e.range), e.newText]),
      [[at(word), "publish"]],
      `quick fix "${fix?.title}"`,
    );
  });

  test("a valid telemetry script has no diagnostics, also after an error was added and undone", async () => {
    const doc = await openFixture("telemetry.rsc");
    const broken = new vscode.WorkspaceEdit();
    broken.insert(doc.uri, doc.positionAt(doc.getText().length), "/iot mqtt publsh\n");
    assert.ok(await vscode.workspace.applyEdit(broken));
    const found = await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === "RSC3001"), {
      what: "the error added to telemetry.rsc",
    });
    assert.equal(found.length, 1, found.map((d) => d.message).join("; "));
    await vscode.window.showTextDocument(doc);
    await run("workbench.action.files.revert");
    assert.equal(doc.isDirty, false);
    const after = await waitForDiagnostics(doc.uri, (d) => d.length === 0, {
      what: "telemetry.rsc diagnostics to clear",
    });
    assert.deepEqual(after, []);
  });

  test("rename of a :local changes all its uses and leaves the inner variable of the same name", async () => {
    const doc = await openFixture("scopes.rsc");
    const edit = await answerOf<vscode.WorkspaceEdit>(
      "vscode.executeDocumentRenameProvider",
      [doc.uri, rangeOf(doc, ":local counter 0", "counter").start, "total"],
      (e) => (e?.size ?? 0) > 0,
      "a rename edit",
    );
    assert.deepEqual(
      edit.entries().map(([uri]) => uri.toString()),
      [doc.uri.toString()],
    );
    const outer = [
      rangeOf(doc, ":local counter 0", "counter"),
      rangeOf(doc, ":set counter", "counter"),
      rangeOf(doc, ":set counter", "$counter"),
      rangeOf(doc, "$report", "$counter"),
      rangeOf(doc, "/iot mqtt publish", "$counter"),
    ];
    const edits = edit.get(doc.uri).map((e) => [at(e.range), e.newText]);
    assert.deepEqual(
      edits,
      outer.map((r) => [at(r), doc.getText(r).startsWith("$") ? "$total" : "total"]),
    );
    const inner = [
      rangeOf(doc, ':local counter "inner"', "counter"),
      rangeOf(doc, ":put $counter", "$counter"),
    ];
    for (const r of inner)
      assert.ok(!edits.some(([where]) => where === at(r)), `${at(r)} is in another scope`);
  });

  test("go to definition and references follow the scopes", async () => {
    const doc = await openFixture("scopes.rsc");
    const cases = [
      {
        from: rangeOf(doc, ":put $counter", "$counter"),
        to: rangeOf(doc, ':local counter "inner"', "counter"),
      },
      {
        from: rangeOf(doc, "/iot mqtt publish", "$counter"),
        to: rangeOf(doc, ":local counter 0", "counter"),
      },
    ];
    for (const c of cases) {
      const found = await answerOf<(vscode.Location | vscode.LocationLink)[]>(
        "vscode.executeDefinitionProvider",
        [doc.uri, c.from.start.translate(0, 2)],
        (l) => (l?.length ?? 0) > 0,
        `the definition of $counter at ${at(c.from)}`,
      );
      const ranges = found.map((l) =>
        at("targetRange" in l ? (l.targetSelectionRange ?? l.targetRange) : l.range),
      );
      assert.deepEqual(ranges, [at(c.to)]);
    }
    const references = await run<vscode.Location[]>(
      "vscode.executeReferenceProvider",
      doc.uri,
      rangeOf(doc, ':local counter "inner"', "counter").start,
    );
    assert.equal(references.length, 2, references.map((r) => at(r.range)).join(" "));
  });

  test("semantic tokens decode to the expected types at known places", async () => {
    const doc = await openFixture("scopes.rsc");
    const legend = await answerOf<vscode.SemanticTokensLegend>(
      "vscode.provideDocumentSemanticTokensLegend",
      [doc.uri],
      (l) => (l?.tokenTypes.length ?? 0) > 0,
      "the semantic tokens legend",
    );
    const tokens = await answerOf<vscode.SemanticTokens>(
      "vscode.provideDocumentSemanticTokens",
      [doc.uri],
      (t) => (t?.data.length ?? 0) > 0,
      "semantic tokens of scopes.rsc",
    );
    const decoded = decodeTokens(tokens, legend);
    const describe = (t: DecodedToken | undefined) =>
      t ? `${t.type}[${t.modifiers.join(",")}]` : "no token";
    const actual = SEMANTIC_TOKENS.map((s) => {
      const r = rangeOf(doc, s.lineContains, s.text);
      const token = decoded.find(
        (t) => t.line === r.start.line && t.character === r.start.character && t.length === s.text.length,
      );
      return `${s.text}@${at(r)} ${describe(token)}`;
    });
    const expected = SEMANTIC_TOKENS.map(
      (s) => `${s.text}@${at(rangeOf(doc, s.lineContains, s.text))} ${s.type}[${[...s.modifiers].join(",")}]`,
    );
    assert.deepEqual(actual, expected);
  });

  test("document symbols: the variables and the function, each in its scope", async () => {
    const doc = await openFixture("scopes.rsc");
    const symbols = await answerOf<vscode.DocumentSymbol[]>(
      "vscode.executeDocumentSymbolProvider",
      [doc.uri],
      (s) => (s?.length ?? 0) > 0,
      "the symbols of scopes.rsc",
    );
    assert.deepEqual(
      symbols.map((s) => [s.name, vscode.SymbolKind[s.kind], s.detail, at(s.selectionRange)]),
      [
        ["counter", "Variable", "local", at(rangeOf(doc, ":local counter 0", "counter"))],
        ["report", "Function", "local function", at(rangeOf(doc, ":local report", "report"))],
        ["counter", "Variable", "local str", at(rangeOf(doc, ':local counter "inner"', "counter"))],
      ],
    );
  });

  test("folding ranges cover the function body and both blocks", async () => {
    const doc = await openFixture("scopes.rsc");
    const ranges = await answerOf<vscode.FoldingRange[]>(
      "vscode.executeFoldingRangeProvider",
      [doc.uri],
      (r) => (r?.length ?? 0) > 0,
      "the folding ranges of scopes.rsc",
    );
    const lineOf = (text: string) => rangeOf(doc, text).start.line;
    assert.deepEqual(
      ranges.map((r) => [r.start, r.end]),
      [
        [lineOf(":local report do={"), lineOf(':put "sending $1"')],
        [lineOf(":for i from=1"), lineOf(":set counter")],
        [lineOf(":do {"), lineOf(":put $counter")],
      ],
    );
  });
});

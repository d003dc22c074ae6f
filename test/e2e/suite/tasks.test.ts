// Extension-host tests of the rsc task provider and its $rsc problem matcher: Run Task lists "rsc: check" and
// "rsc: run", and running the check task fills Problems from the real rsc output.
import assert from "node:assert/strict";
import * as vscode from "vscode";
import { fixtureUri, ourExtension, waitFor, waitForEvent } from "./helpers";

suite("rsc tasks", () => {
  suiteSetup(async () => {
    await ourExtension().activate();
  });

  test("the provider offers check and run for the workspace folder", async () => {
    const tasks = await waitFor(
      async () => {
        const found = await vscode.tasks.fetchTasks({ type: "rsc" });
        return found.length >= 2 && found;
      },
      { what: "rsc tasks from the provider" },
    );
    const names = tasks.map((t) => `${t.source}: ${t.name}`).sort();
    assert.deepEqual(names, ["rsc: check", "rsc: run the active script"]);
    const check = tasks.find((t) => t.name === "check");
    assert.ok(check?.execution instanceof vscode.ProcessExecution);
    assert.deepEqual(check.execution.args.slice(-2), ["check", "."]);
    assert.ok(check.execution.args[0]?.endsWith("cli.js"));
    assert.equal(check.group?.id, vscode.TaskGroup.Build.id);
  });

  test("rsc: check puts its problems in Problems through the $rsc matcher", async () => {
    const [check] = (await vscode.tasks.fetchTasks({ type: "rsc" })).filter((t) => t.name === "check");
    assert.ok(check);
    const ended = waitForEvent(vscode.tasks.onDidEndTaskProcess, (e) => e.execution.task.name === "check", {
      what: "the check task to end",
      timeoutMs: 60_000,
    });
    await vscode.tasks.executeTask(check);
    const end = await ended;
    assert.equal(end.exitCode, 1, "the fixtures hold errors: rsc check exits 1");
    const uri = fixtureUri("syntax-error.rsc");
    const fromTask = await waitFor(
      () => {
        const found = vscode.languages.getDiagnostics(uri).filter((d) => d.source === "rsc");
        return found.length > 0 && found;
      },
      { what: "problems of syntax-error.rsc from the rsc matcher" },
    );
    assert.ok(fromTask.every((d) => typeof d.code === "string" && /^RSC\d{4}$/.test(d.code)));
    assert.ok(fromTask.some((d) => d.severity === vscode.DiagnosticSeverity.Error));
    // The matcher found more than one file, each by its path relative to the workspace folder.
    const files = vscode.languages
      .getDiagnostics()
      .filter(([, list]) => list.some((d) => d.source === "rsc"))
      .map(([u]) => vscode.workspace.asRelativePath(u));
    assert.ok(files.includes("semantic-errors.rsc"), files.join(", "));
  });
});

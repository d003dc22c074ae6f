// First extension-host tests: .rsc files get the routeros language, and opening one activates the extension cleanly.
import assert from "node:assert/strict";
import { fixtureUri, openFixture, ourExtension, waitFor } from "./helpers";

const FIXTURES = ["telemetry.rsc", "syntax-error.rsc", "brokers.rsc"];

suite("activation", () => {
  for (const file of FIXTURES) {
    test(`${file} opens with languageId routeros`, async () => {
      const doc = await openFixture(file);
      assert.equal(doc.uri.toString(), fixtureUri(file).toString());
      assert.equal(doc.languageId, "routeros");
    });
  }

  test("the extension is active once an .rsc file is open, without an activation error", async () => {
    await openFixture("telemetry.rsc");
    const ext = ourExtension();
    // Never call activate() before this point: the manifest's activation events must do it. In this workspace
    // workspaceContains:**/*.rsc usually fires before onLanguage:routeros; either one is the manifest's doing.
    await waitFor(() => ext.isActive, { what: `${ext.id} to become active` });
    // Already active, so this activates nothing; it rethrows the error if activate() had thrown.
    await ext.activate();
  });

  test("the extension under test is this repository's build", () => {
    const ext = ourExtension();
    const manifest = ext.packageJSON as { main?: string; contributes?: { languages?: { id: string }[] } };
    assert.equal(manifest.main, "./dist/client.js");
    assert.ok(
      manifest.contributes?.languages?.some((l) => l.id === "routeros"),
      "package.json contributes the routeros language",
    );
  });
});

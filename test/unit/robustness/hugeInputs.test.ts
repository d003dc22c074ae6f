// Deep, long and many (issue 12, item 4) through the pure API: diagnostics and answers, never a throw; runs end in located failures.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { computeDiagnostics } from "../../../server/src/ide/diagnostics";
import { createLanguageService } from "../../../server/src/ide/languageService";
import {
  createBasicHost,
  Interpreter,
  parseDeviceProfile,
  ProfileError,
  SourceText,
} from "../../../server/src/interpreter";
import { DEEP_PROFILE, HUGE_SCRIPTS } from "../../support/hugeInputs";

describe("huge inputs through the pure API", () => {
  for (const { name, text, broken } of HUGE_SCRIPTS) {
    test(`${name}: diagnostics, every feature, a run`, { timeout: 120_000 }, async () => {
      const diagnostics = computeDiagnostics(text);
      assert.equal(
        diagnostics.some((d) => d.severity === "error"),
        broken,
      );
      for (const d of diagnostics) assert.ok(d.start >= 0 && d.end <= text.length, `${d.code} in the text`);

      const service = createLanguageService();
      const document = { uri: "file:///huge.rsc", version: 1, text };
      service.semanticTokens(document);
      service.foldingRanges(document);
      service.documentSymbols(document);
      for (const offset of [0, text.length >> 1, text.length]) {
        service.complete(document, offset);
        service.hover(document, offset);
        service.references(document, offset, true);
      }
      service.update(document.uri, 2, [{ start: text.length >> 1, end: text.length >> 1, text: " " }]);

      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), 10_000);
      const outcome = await new Interpreter(createBasicHost()).run(new SourceText("huge.rsc", text), {
        signal: controller.signal,
      });
      clearTimeout(timer);
      assert.equal(outcome.status, broken ? "error" : "ok");
      if (outcome.status === "error")
        for (const f of outcome.failures) {
          assert.notEqual(f.code, "RSC4008", f.message);
          assert.ok(f.line >= 1 && f.start <= text.length, "located in the script");
        }
    });
  }

  test("a device profile of 200,000 '[': refused with the place", () => {
    assert.throws(
      () => parseDeviceProfile(DEEP_PROFILE),
      (error: unknown) =>
        error instanceof ProfileError &&
        error.message === "line 1, column 200001: invalid JSON: expected a value, found the end of the text",
    );
  });
});

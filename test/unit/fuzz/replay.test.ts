// Every input the fuzzer ever found a fault with (test/fixtures/fuzz) goes through all its checks again, in this process, without a fault.
import { describe, test } from "node:test";
import { checkInput } from "../../fuzz/checkInput";
import { loadFindings } from "../../fuzz/findings";
import { fromRoot } from "../../support/paths";

describe("fuzz findings replayed", () => {
  for (const { name, finding } of loadFindings(fromRoot("test", "fixtures", "fuzz"))) {
    test(
      `${name} (${finding.origin}; was ${finding.finding.split("\n")[0]})`,
      { timeout: 60_000 },
      async () => {
        await checkInput({ kind: finding.kind, text: finding.text, origin: finding.origin }, finding.seed);
      },
    );
  }
});

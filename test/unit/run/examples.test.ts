// Every shipped example runs with the embedded broker and publishes exactly the snapshot's messages (topic, QoS, retain, payload).
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { makeBrokerProfile, startEmbeddedBroker, type ReceivedPublish } from "../../../client/src/mqtt";
import { assertSnapshot } from "../../support/snapshots";
import { fromRoot } from "../../support/paths";
import { run } from "./support";

/** How many messages each example publishes before the run may stop (on-message examples keep listening). */
const EXPECTED_MESSAGES: Readonly<Record<string, number>> = {
  "on-message-commands.rsc": 4,
};

const examples = readdirSync(fromRoot("examples"))
  .filter((f) => f.endsWith(".rsc"))
  .sort();

test("there are examples", () => {
  assert.ok(examples.length >= 4);
});

for (const example of examples) {
  test(`example ${example}`, async () => {
    const received: ReceivedPublish[] = [];
    const broker = await startEmbeddedBroker({ onPublish: (m) => received.push(m) });
    try {
      const text = readFileSync(fromRoot("examples", example), "utf8");
      const wanted = EXPECTED_MESSAGES[example];
      // Stopped once the script itself has ended (its last QoS 1 publish acknowledged) and the handlers' replies
      // arrived: a reply can reach the broker before that acknowledgement, and stopping then cancels the script.
      let listening = false;
      const { result, out, logs, handlerFailures } = await run(
        text,
        {
          fileName: example,
          brokers: (name, declared) => ({
            profile: makeBrokerProfile({
              name,
              address: broker.host,
              port: broker.port,
              clientId: declared?.clientId ?? "",
            }),
          }),
          onListening: () => {
            listening = true;
          },
        },
        wanted === undefined ? undefined : () => listening && received.length >= wanted,
      );
      assert.equal(result.status, "ok", JSON.stringify(result.failures));
      assert.deepEqual(handlerFailures, []);
      if (wanted === undefined) assert.equal(received.length, result.published);
      const lines = [
        ...out.map((l) => `out ${l}`),
        ...[...logs].sort().map((l) => `log ${l}`),
        ...received
          .map(
            (m) =>
              `mqtt ${m.topic} qos=${m.qos} retain=${m.retain ? "yes" : "no"} ${m.payload.toString("utf8")}`,
          )
          .sort(),
      ];
      assertSnapshot(
        lines.join("\n") + "\n",
        join(fromRoot("test", "fixtures", "interpreter", "examples"), example.replace(/\.rsc$/, ".txt")),
      );
    } finally {
      await broker.close();
    }
  });
}

// `rsc run` and secrets: passwords from RSC_PASSWORD_<NAME> or a prompt without echo (never needed on the command line), masked in any malformed --broker, and a warning on every connect without certificate verification (real Mosquitto).
import assert from "node:assert/strict";
import { EventEmitter } from "node:events";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { startEmbeddedBroker, type EmbeddedBroker } from "../../../client/src/mqtt";
import { passwordVariable } from "../../../cli/src/brokerPasswords";
import { readHiddenLine, type SecretInput } from "../../../cli/src/hiddenInput";
import { runRun, type RunIo } from "../../../cli/src/run";
import { UsageError } from "../../../cli/src/usage";
import { mosquittoSkipReason, startMosquitto, type MosquittoBroker } from "../../support/mosquitto";

const PASSWORD = "Cli-Secret-9x!";
const dir = mkdtempSync(join(tmpdir(), "rsc-secrets-"));
const script = join(dir, "publish.rsc");
writeFileSync(script, '/iot mqtt publish broker=AWS topic="cli/secret" message="hi" qos=1\n');

let broker: EmbeddedBroker;
before(async () => {
  broker = await startEmbeddedBroker({ users: { router: PASSWORD } });
});
after(async () => {
  await broker.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Captured extends RunIo {
  out: string;
  err: string;
  prompts: string[];
}

function io(options: { env?: Record<string, string>; answer?: string | undefined } = {}): Captured {
  const captured: Captured = {
    out: "",
    err: "",
    prompts: [],
    stdout: (text) => {
      captured.out += text;
    },
    stderr: (text) => {
      captured.err += text;
    },
    onInterrupt: () => () => {},
    env: options.env ?? {},
    askSecret: (prompt) => {
      captured.prompts.push(prompt);
      return Promise.resolve(options.answer);
    },
  };
  return captured;
}

const url = (withPassword = false): string =>
  `AWS=mqtt://router${withPassword ? `:${PASSWORD}` : ""}@127.0.0.1:${broker.port}`;

describe("rsc run: where a broker password comes from", () => {
  test("RSC_PASSWORD_<NAME> from the environment: it connects, nothing is asked or shown", async () => {
    const c = io({ env: { [passwordVariable("AWS")]: PASSWORD } });
    assert.equal(await runRun([script, "--broker", url()], c), 0, c.err);
    assert.match(c.out, /\[mqtt\] published to AWS: cli\/secret/);
    assert.deepEqual(c.prompts, []);
    assert.doesNotMatch(c.out + c.err, /Cli-Secret|warning/);
  });

  test("--ask-password: asked once on the terminal, with the broker and user named", async () => {
    const c = io({ answer: PASSWORD });
    assert.equal(await runRun([script, "--broker", url(), "--ask-password"], c), 0, c.err);
    assert.deepEqual(c.prompts, [`Password of broker AWS (router at mqtt://127.0.0.1:${broker.port}): `]);
    assert.doesNotMatch(c.out + c.err, /Cli-Secret/);
  });

  test("the environment wins over --ask-password", async () => {
    const c = io({ env: { RSC_PASSWORD_AWS: PASSWORD }, answer: "never-used" });
    assert.equal(await runRun([script, "--broker", url(), "--ask-password"], c), 0, c.err);
    assert.deepEqual(c.prompts, []);
  });

  test("a password in the URL still works, with a warning that ps and the history see it", async () => {
    const c = io();
    assert.equal(await runRun([script, "--broker", url(true)], c), 0, c.err);
    assert.match(
      c.err,
      /^rsc run: warning: the password of --broker AWS is on the command line, where ps and the shell history show it; set RSC_PASSWORD_AWS or use --ask-password instead$/m,
    );
    assert.doesNotMatch(c.out + c.err, /Cli-Secret/);
  });

  test("Ctrl+C at the prompt: exit 130, nothing runs", async () => {
    const c = io({ answer: undefined });
    assert.equal(await runRun([script, "--broker", url(), "--ask-password"], c), 130);
    assert.equal(c.out, "");
    assert.match(c.err, /interrupted/);
  });

  test("names become variable names: RSC_PASSWORD_ then upper case, other characters as _", () => {
    assert.deepEqual(["AWS", "home-lab", "mqtt.eu 1"].map(passwordVariable), [
      "RSC_PASSWORD_AWS",
      "RSC_PASSWORD_HOME_LAB",
      "RSC_PASSWORD_MQTT_EU_1",
    ]);
  });
});

describe("rsc run: a malformed --broker never shows its password", () => {
  const specs = [
    "b=user:Secret-1@host:1",
    "b=mqtt//user:Secret-1@host:1",
    "b=mqtt:/user:Secret-1@host",
    "b=http://user:Secret-1@host",
    "user:Secret-1@host",
    "b=mqtt://user:Secret-1@host:notaport",
  ];
  for (const spec of specs) {
    test(spec.replace("Secret-1", "…"), async () => {
      await assert.rejects(runRun([script, "--broker", spec], io()), (error: unknown) => {
        assert.ok(error instanceof UsageError, String(error));
        assert.doesNotMatch(error.message, /Secret-1/);
        assert.match(error.message, /user:\*\*\*@host/);
        return true;
      });
    });
  }

  test("--ask-password without a --broker is a usage error", async () => {
    await assert.rejects(runRun([script, "--ask-password"], io()), /none is given/);
  });
});

/** A fake terminal: records raw mode, and types `keys` as one chunk once it is read. */
function fakeTerminal(keys: string): SecretInput & { raw: boolean[] } {
  const emitter = new EventEmitter();
  const raw: boolean[] = [];
  return {
    raw,
    isTTY: true,
    setRawMode: (mode: boolean) => raw.push(mode),
    on: (event, listener) => emitter.on(event, listener),
    off: (event, listener) => emitter.off(event, listener),
    resume: () => setImmediate(() => emitter.emit("data", Buffer.from(keys, "utf8"))),
    pause: () => undefined,
  };
}

describe("readHiddenLine: a password prompt that echoes nothing", () => {
  const cases: Array<[what: string, keys: string, expected: string | undefined]> = [
    ["typed and Enter", "s3cret\r", "s3cret"],
    ["Backspace deletes", "s3cx\u007fret\n", "s3cret"],
    ["Ctrl+D ends", "abc\u0004", "abc"],
    ["Ctrl+C cancels", "abc\u0003", undefined],
    ["non-ASCII", "pä$$wörd\r", "pä$$wörd"],
  ];
  for (const [what, keys, expected] of cases) {
    test(what, async () => {
      const terminal = fakeTerminal(keys);
      let shown = "";
      const value = await readHiddenLine("Password: ", terminal, (text) => (shown += text));
      assert.equal(value, expected);
      assert.equal(shown, "Password: \n", "only the prompt and a line break are written");
      assert.deepEqual(terminal.raw, [true, false], "raw mode on while typing, off after");
    });
  }
});

const skip = mosquittoSkipReason();
describe("rsc run: TLS without certificate verification", { skip }, () => {
  let mosquitto: MosquittoBroker;
  before(async () => {
    mosquitto = await startMosquitto();
  });
  after(async () => {
    await mosquitto?.dispose();
  });

  test("verify=no warns on the connect, without --verbose; a verified broker does not", async () => {
    const unverified = io();
    const self = `mqtts://127.0.0.1:${mosquitto.ports.tlsSelfSigned}?verify=no`;
    assert.equal(await runRun([script, "--broker", `AWS=${self}`], unverified), 0, unverified.err);
    assert.match(
      unverified.err,
      new RegExp(
        `^rsc run: mqtt warn: broker "AWS" \\(mqtts://127\\.0\\.0\\.1:${mosquitto.ports.tlsSelfSigned}\\): TLS certificate verification is off, so anyone on the network path can pose as the broker`,
        "m",
      ),
    );
    const verified = io();
    const good = `mqtts://127.0.0.1:${mosquitto.ports.tls}?ca=${encodeURIComponent(mosquitto.pki.caFile)}`;
    assert.equal(await runRun([script, "--broker", `AWS=${good}`], verified), 0, verified.err);
    assert.doesNotMatch(verified.err, /warn/);
  });
});

// `rsc run`: exit codes and output for success, script errors, timeouts and usage mistakes (the module called directly).
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { runRun, type RunIo } from "../../../cli/src/run";
import { UsageError } from "../../../cli/src/usage";
import { fromRoot } from "../../support/paths";

const dir = mkdtempSync(join(tmpdir(), "rsc-run-"));
after(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

interface Captured extends RunIo {
  out: string;
  err: string;
  interrupt(): void;
}

function io(): Captured {
  let listener: (() => void) | undefined;
  const captured: Captured = {
    out: "",
    err: "",
    stdout: (text) => {
      captured.out += text;
    },
    stderr: (text) => {
      captured.err += text;
    },
    onInterrupt: (l) => {
      listener = l;
      return () => {
        listener = undefined;
      };
    },
    interrupt: () => listener?.(),
  };
  return captured;
}

describe("rsc run", () => {
  test("the seed example on the embedded broker: exit 0, :put on stdout, :log on stderr, the message shown", async () => {
    const c = io();
    const status = await runRun([fromRoot("examples", "system-telemetry.rsc")], c);
    assert.equal(status, 0, c.err);
    const payload =
      '{"model":"C53UiG+5HPaxD2HPaxD","sn":"HF50A3B7C1D","ros":"7.18.2","cpu":3,"umem":261480448,"fmem":812261376,"uptime":"1w2d03:04:05"}';
    assert.deepEqual(c.out.split("\n").filter(Boolean).sort(), [
      "[*] Done",
      "[*] Gathering system info...",
      "[*] Sending message to MQTT broker...",
      `[*] Total message size: ${payload.length} bytes`,
      `[broker] received my/test/topic (qos 0, retain no): ${payload}`,
    ]);
    assert.match(c.err, new RegExp(`^\\[info\\] ${payload.replace(/[{}[\]()^$.*+?|\\]/g, "\\$&")}$`, "m"));
    assert.match(c.err, /every broker name goes to the embedded broker at mqtt:\/\/127\.0\.0\.1:\d+/);
  });

  test("a script error: exit 1, the router's words on stdout, file:line:column: message on stderr", async () => {
    const path = file("fails.rsc", ':put "one"\n:local x [:tonum "5"]\n:error "stopped here"\n');
    const c = io();
    assert.equal(await runRun([path], c), 1);
    assert.equal(c.out, "one\nstopped here\n");
    assert.match(
      c.err,
      new RegExp(`^${path.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&")}:3:1: stopped here$`, "m"),
    );
  });

  test("a syntax error: exit 1, nothing runs", async () => {
    const path = file("syntax.rsc", ':put "never"\n:put (1 + )\n');
    const c = io();
    assert.equal(await runRun([path], c), 1);
    assert.equal(c.out, "");
    assert.match(c.err, /syntax\.rsc:2:\d+: /);
  });

  test("a :set of an undeclared variable: exit 1, nothing runs, RouterOS's syntax error on stdout, ours on stderr", async () => {
    const path = file("undeclared.rsc", ':put "before"\n:set nope 1\n:put "after"\n');
    const c = io();
    assert.equal(await runRun([path], c), 1);
    assert.equal(c.out, "syntax error (line 2 column 6)\n");
    assert.match(c.err, /undeclared\.rsc:2:6: variable nope is not declared/);
  });

  test("a failed on-message run: exit 1 and how many runs failed", async () => {
    const path = file(
      "handlers.rsc",
      [
        '/iot mqtt subscriptions add broker=lab topic="h/+" on-message={ :if ($msgData = "bad") do={ :error "bad message" }; :put "ok $msgData" }',
        '/iot mqtt subscriptions add broker=lab topic="s/x" on-message=":set nope 1"',
        '/iot mqtt publish broker=lab topic="h/1" message="bad" qos=1',
        '/iot mqtt publish broker=lab topic="h/2" message="good" qos=1',
        '/iot mqtt publish broker=lab topic="s/x" message="any" qos=1',
      ].join("\n"),
    );
    const c = io();
    assert.equal(await runRun([path, "--timeout=1"], c), 1, c.err);
    assert.match(c.out, /^ok good$/m);
    assert.match(c.err, /handlers\.rsc:1:\d+: bad message$/m);
    assert.match(c.err, /^<on-message>:1:6: variable nope is not declared/m);
    assert.match(c.err, /^rsc run: 2 of 3 on-message run\(s\) failed$/m);
  });

  test("a failed :execute job: exit 1, its error and how many jobs failed", async () => {
    const path = file(
      "jobs.rsc",
      [
        ':execute { /iot mqtt publish broker=lab topic="job/ok" message="fine" qos=1 }',
        ':execute { /iot mqtt publish broker=lab topic="job/bad" message="then fails" qos=1; :error "job broke" }',
        ':put "main done"',
      ].join("\n"),
    );
    const c = io();
    assert.equal(await runRun([path], c), 1, c.err);
    assert.match(c.out, /^main done$/m);
    assert.match(c.out, /^\[broker\] received job\/bad \(qos 1, retain no\): then fails$/m);
    assert.match(c.err, /^.*jobs\.rsc:2:\d+: job broke$/m);
    assert.match(c.err, /^rsc run: 1 of 2 :execute job\(s\) failed$/m);
    assert.doesNotMatch(c.err, /on-message run\(s\) failed/);
  });

  test(":execute jobs that succeed: exit 0, no failure line", async () => {
    const path = file(
      "jobs-ok.rsc",
      [
        ':execute { /iot mqtt publish broker=lab topic="job/ok" message="fine" qos=1 }',
        ':execute ":put \\"from a string job\\""',
      ].join("\n"),
    );
    const c = io();
    assert.equal(await runRun([path], c), 0, c.err);
    assert.match(c.out, /^from a string job$/m);
    assert.match(c.out, /^\[broker\] received job\/ok \(qos 1, retain no\): fine$/m);
    assert.doesNotMatch(c.err, /failed/);
  });

  test("a runaway script stops at --timeout: exit 1 with the line it was on", async () => {
    const path = file("loop.rsc", ':put "start"\n:while (true) do={}\n');
    const c = io();
    assert.equal(await runRun([path, "--timeout", "0.3"], c), 1);
    assert.match(c.err, /loop\.rsc:2:1: script did not finish within 0\.3 s/);
  });

  test("on-message scripts run until --timeout, then exit 0", async () => {
    const path = file(
      "listen.rsc",
      [
        '/iot mqtt subscriptions add broker=lab topic="cli/+" on-message={ :put "got $msgData" }',
        '/iot mqtt publish broker=lab topic="cli/x" message="ping" qos=1',
      ].join("\n"),
    );
    const c = io();
    assert.equal(await runRun([path, "--timeout=1"], c), 0, c.err);
    assert.match(c.out, /^got ping$/m);
    assert.match(c.err, /running on-message scripts for the rest of the 1 s timeout/);
  });

  test("a scheduler publishing every 100 ms: several messages until --timeout, then exit 0", async () => {
    const path = file(
      "scheduler.rsc",
      [
        ":global beats 0",
        '/system script add name=beat source={ :global beats; :set beats ($beats + 1); /iot mqtt publish broker=lab topic="sched/beat" message="beat $beats" qos=1 }',
        "/system scheduler add name=beat interval=100ms on-event=beat",
      ].join("\n"),
    );
    const c = io();
    assert.equal(await runRun([path, "--timeout=1"], c), 0, c.err);
    const beats = c.out.match(/^\[broker\] received sched\/beat \(qos 1, retain no\): beat \d+$/gm) ?? [];
    assert.ok(beats.length >= 3, `several scheduled messages, got ${beats.length}:\n${c.out}`);
    assert.match(c.out, /: beat 1$/m);
    assert.match(c.err, /running scheduled scripts for the rest of the 1 s timeout/);
    assert.match(
      c.err,
      /^rsc run: stopped listening after 0 on-message run\(s\) and \d+ scheduled run\(s\)$/m,
    );
    assert.doesNotMatch(c.err, /failed/);
  });

  test("a failed scheduled run: exit 1, its error and how many scheduled runs failed", async () => {
    const path = file(
      "scheduler-fails.rsc",
      '/system scheduler add name=broken interval=100ms on-event={ :error "scheduled broke" }\n',
    );
    const c = io();
    assert.equal(await runRun([path, "--timeout=0.5"], c), 1, c.err);
    assert.match(c.err, /scheduler-fails\.rsc:1:\d+: scheduled broke$/m);
    assert.match(c.err, /^rsc run: (\d+) of \1 scheduled run\(s\) failed$/m);
  });

  test("Ctrl+C while listening ends the run with exit 0", async () => {
    const path = file(
      "ctrlc.rsc",
      '/iot mqtt subscriptions add broker=lab topic="c" on-message={ :put $msgData }\n',
    );
    const c = io();
    const running = runRun([path], c);
    while (!c.err.includes("until Ctrl+C")) await new Promise((r) => setTimeout(r, 10));
    c.interrupt();
    assert.equal(await running, 0);
  });

  test("Ctrl+C while the script runs: exit 130", async () => {
    const path = file("busy.rsc", ":while (true) do={ :delay 10ms }\n");
    const c = io();
    const running = runRun([path], c);
    await new Promise((r) => setTimeout(r, 100));
    c.interrupt();
    assert.equal(await running, 130);
    assert.match(c.err, /interrupted/);
  });

  test("--broker routes one name; the password never shows", async () => {
    const secret = "S3cret-In-Url";
    const path = file("refused.rsc", "/iot mqtt publish broker=AWS topic=t message=m qos=1\n");
    const c = io();
    assert.equal(await runRun([path, "--broker", `AWS=mqtt://router:${secret}@127.0.0.1:1`], c), 1);
    assert.match(c.err, /refused\.rsc:1:1: failure: /);
    assert.doesNotMatch(c.err + c.out, new RegExp(secret));
  });

  test("a broker name that --broker does not route says how to route it", async () => {
    const path = file("unrouted.rsc", "/iot mqtt publish broker=other topic=t message=m\n");
    const c = io();
    assert.equal(await runRun([path, "--broker", "AWS=mqtt://127.0.0.1:1"], c), 1);
    assert.match(
      c.err,
      /unrouted\.rsc:1:1: failure: no broker named "other" in \/iot mqtt brokers; add it in the script, or route it with --broker other=mqtt:\/\/HOST:PORT/,
    );
  });

  test("a device profile changes what the script reads", async () => {
    const profile = file(
      "profile.json",
      JSON.stringify({ extends: "default", "/system/identity": { name: "lab-7" } }),
    );
    const path = file(
      "identity.rsc",
      ":put [/system identity get name]\n:put [/system resource get cpu-load]\n",
    );
    const c = io();
    assert.equal(await runRun([path, "--device", profile], c), 0, c.err);
    assert.equal(c.out, "lab-7\n3\n");
  });
});

describe("rsc run usage errors", () => {
  const script = (): string => file("ok.rsc", ':put "ok"\n');
  const usage: readonly [string, () => string[], RegExp][] = [
    ["no file", () => [], /needs a FILE/],
    ["two files", () => [script(), script()], /one FILE/],
    ["unknown flag", () => [script(), "--fast"], /unknown option --fast/],
    ["missing flag value", () => [script(), "--timeout"], /--timeout needs a value/],
    ["bad timeout", () => [script(), "--timeout", "-1"], /--timeout takes a number of seconds/],
    ["broker without a name", () => [script(), "--broker", "mqtt://x"], /--broker takes NAME=URL/],
    ["bad broker URL", () => [script(), "--broker", "A=http://x"], /--broker A: .*mqtt:\/\//],
    ["broker twice", () => [script(), "--broker", "A=mqtt://x", "--broker", "A=mqtt://y"], /given twice/],
  ];
  for (const [name, argv, message] of usage) {
    test(`${name}: a usage error (exit 2)`, async () => {
      await assert.rejects(
        runRun(argv(), io()),
        (error: unknown) => error instanceof UsageError && message.test(error.message),
      );
    });
  }

  test("a password in a bad broker URL is masked", async () => {
    await assert.rejects(
      runRun([script(), "--broker", "A=mqtt://u:Hidden-Pass@host:notaport"], io()),
      (error: unknown) => {
        assert.ok(error instanceof UsageError);
        assert.doesNotMatch(error.message, /Hidden-Pass/);
        return true;
      },
    );
  });

  const exit2: readonly [string, () => string[], RegExp][] = [
    [
      "unreadable script",
      () => [join(dir, "missing.rsc")],
      /cannot read .*missing\.rsc: no such file or directory/,
    ],
    [
      "unreadable profile",
      () => [script(), "--device", join(dir, "nope.json")],
      /cannot read device profile .*nope\.json/,
    ],
    [
      "profile that is not JSON",
      () => [script(), "--device", file("bad.json", '{\n  "/system/identity": {\n    "name": "x",\n  }\n}')],
      /bad device profile .*bad\.json: line 3, column 16: invalid JSON: trailing comma before '}'/,
    ],
    [
      "profile with an unknown menu",
      () => [script(), "--device", file("menu.json", '{"/system/resorce": {}}')],
      /\/system\/resorce: no such RouterOS menu; did you mean \/system\/resource\?/,
    ],
    [
      "profile with an item that is not an object",
      () => [script(), "--device", file("item.json", '{"/interface": [{"name": "ether1"}, 5]}')],
      /\/interface\[1\]: expected an object of property: value, found a number/,
    ],
  ];
  for (const [name, argv, message] of exit2) {
    test(`${name}: exit 2 with what and where`, async () => {
      const c = io();
      assert.equal(await runRun(argv(), c), 2);
      assert.match(c.err, message);
    });
  }
});

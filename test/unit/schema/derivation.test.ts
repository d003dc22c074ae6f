// The committed schema data matches a fresh derivation from ../shared, the derivation is deterministic, bad input fails clearly.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { fromRoot } from "../../support/paths";

const shared = fromRoot("..", "shared");
const inspectFile = join(shared, "data", "routeros-7.24-inspect.json");
const skip = existsSync(inspectFile) ? false : `${shared} is absent, so the schema cannot be re-derived here`;
const script = fromRoot("scripts", "derive-schema.mjs");
const committedFile = fromRoot("server", "src", "schema", "data", "routeros-7.24.json");

function derive(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [script, "--stdout", ...args], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
}

test("committed schema data is what the derivation produces (twice, byte for byte)", { skip }, () => {
  const first = derive();
  assert.equal(first.status, 0, first.stderr);
  const second = derive();
  assert.equal(second.status, 0, second.stderr);
  assert.ok(first.stdout === second.stdout, "two runs of scripts/derive-schema.mjs gave different output");
  assert.ok(
    first.stdout === readFileSync(committedFile, "utf8"),
    "server/src/schema/data/routeros-7.24.json is stale: run `node scripts/derive-schema.mjs` and commit the result",
  );
});

/** A copy of ../shared in a temporary folder, with the inspect dump changed by `edit`. */
function withBrokenShared(edit: (tree: Record<string, unknown>) => void, body: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), "schema-derive-"));
  try {
    mkdirSync(join(dir, "data"));
    mkdirSync(join(dir, "reference"));
    copyFileSync(join(shared, "data", "SOURCE.md"), join(dir, "data", "SOURCE.md"));
    const required = "routeros-7.22.1-required-args.json";
    copyFileSync(join(shared, "data", required), join(dir, "data", required));
    copyFileSync(join(shared, "reference", "iot-mqtt.json"), join(dir, "reference", "iot-mqtt.json"));
    const tree = JSON.parse(readFileSync(inspectFile, "utf8")) as Record<string, unknown>;
    edit(tree);
    writeFileSync(join(dir, "data", "routeros-7.24-inspect.json"), JSON.stringify(tree));
    body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

type Node = Record<string, Record<string, unknown>>;
const at = (tree: Record<string, unknown>, ...path: string[]): Node =>
  path.reduce<Node>((node, key) => node[key] as Node, tree as Node);

const badInputs: readonly [string, (tree: Record<string, unknown>) => void, string][] = [
  [
    "an unknown type hint",
    (tree) => {
      at(tree, "ip", "address", "add")["comment"] = { _type: "arg", desc: "frobnicated value" };
    },
    'derive-schema: inspect /ip/address/add comment: unrecognised type hint "frobnicated value"\n',
  ],
  [
    "an unknown node type",
    (tree) => {
      at(tree, "ip")["widget"] = { _type: "gadget" };
    },
    'derive-schema: inspect /ip/widget: unexpected _type "gadget" for a menu entry\n',
  ],
  [
    "a missing menu the hand data refers to",
    (tree) => {
      delete at(tree, "iot")["mqtt"];
    },
    "derive-schema: iot-mqtt.json /iot/mqtt: the command tree has no menu /iot/mqtt\n",
  ],
  [
    "a broken time range",
    (tree) => {
      at(tree, "ip", "address", "print")["interval"] = {
        _type: "arg",
        desc: "soon..later    (time interval)",
      };
    },
    'derive-schema: inspect /ip/address/print interval: unrecognised time bound "soon"\n',
  ],
];

for (const [what, edit, message] of badInputs) {
  test(`derivation stops with a clear message on ${what}`, { skip }, () => {
    withBrokenShared(edit, (dir) => {
      const r = derive("--shared", dir);
      assert.equal(r.status, 1);
      assert.equal(r.stdout, "");
      assert.equal(r.stderr, message);
    });
  });
}

test("derivation reports a missing input file by name", () => {
  const dir = mkdtempSync(join(tmpdir(), "schema-derive-"));
  try {
    const r = derive("--shared", dir);
    assert.equal(r.status, 1);
    assert.equal(
      r.stderr,
      `derive-schema: cannot read ${join(dir, "data", "routeros-7.24-inspect.json")}: ENOENT\n`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

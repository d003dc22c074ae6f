// The device of a VS Code run: the view's brokers appear in /iot mqtt brokers (never with a password) for scripts to print and read; the profile setting resolves and fails with clear errors.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEFAULT_PROFILE, type DeviceProfile } from "../../../server/src/interpreter";
import { makeBrokerProfile } from "../../../client/src/mqtt";
import { runScript } from "../../../client/src/run";
import {
  DeviceProfileError,
  loadDeviceProfile,
  resolveProfilePath,
} from "../../../client/src/ui/run/deviceProfileSetting";
import { withViewBrokers } from "../../../client/src/ui/run/runDevice";

const VIEW = [
  makeBrokerProfile({ name: "AWS", address: "a.example", port: 8883, ssl: true, parallelScriptsLimit: 2 }),
  makeBrokerProfile({ name: "lab", address: "10.0.0.2", username: "u" }),
];

async function puts(script: string, device: DeviceProfile): Promise<string[]> {
  const out: string[] = [];
  const result = await runScript(script, { device, output: { put: (l) => out.push(l), log: () => {} } });
  assert.equal(result.status, "ok", JSON.stringify(result.failures));
  return out;
}

test("the view's brokers are in /iot mqtt brokers, disconnected until the run says otherwise, without any password", async () => {
  const device = withViewBrokers(DEFAULT_PROFILE, VIEW);
  const script = [
    ":foreach id in=[/iot mqtt brokers find] do={",
    "  :local b [/iot mqtt brokers get $id]",
    '  :put (($b->"name") . " " . ($b->"address") . ":" . ($b->"port") . " ssl=" . ($b->"ssl") . " connected=" . ($b->"connected") . " limit=" . ($b->"parallel-scripts-limit") . " password=" . [:typeof ($b->"password")])',
    "}",
  ].join("\n");
  assert.deepEqual(await puts(script, device), [
    "AWS a.example:8883 ssl=true connected=false limit=2 password=nothing",
    "lab 10.0.0.2:1883 ssl=false connected=false limit=off password=nothing",
  ]);
});

test("a profile's own broker entries keep their place and values; no view brokers leaves the profile as it is", () => {
  const own: DeviceProfile = {
    menus: { ...DEFAULT_PROFILE.menus, "/iot/mqtt/brokers": [{ name: "AWS", address: "profile.example" }] },
  };
  const merged = withViewBrokers(own, VIEW);
  const rows = merged.menus["/iot/mqtt/brokers"] as ReadonlyArray<Record<string, unknown>>;
  assert.deepEqual(
    rows.map((r) => [r["name"], r["address"]]),
    [
      ["AWS", "profile.example"],
      ["lab", "10.0.0.2"],
    ],
  );
  assert.equal(withViewBrokers(own, []), own);
});

test("the profile setting: empty is the shipped profile; paths resolve from the workspace, then the script's folder", () => {
  const cases: Array<[string, { workspaceFolder?: string; scriptFolder?: string }, string | undefined]> = [
    ["", { workspaceFolder: "/w" }, undefined],
    ["  ", {}, undefined],
    ["/abs/p.json", {}, "/abs/p.json"],
    ["profiles/p.json", { workspaceFolder: "/w", scriptFolder: "/s" }, "/w/profiles/p.json"],
    ["p.json", { scriptFolder: "/s" }, "/s/p.json"],
    ["${workspaceFolder}/x/p.json", { workspaceFolder: "/w" }, "/w/x/p.json"],
  ];
  for (const [setting, base, expected] of cases)
    assert.equal(resolveProfilePath(setting, base), expected, setting);
  assert.throws(() => resolveProfilePath("p.json", {}), /relative path "p.json".*absolute path/);
  assert.throws(() => resolveProfilePath("${workspaceFolder}/p.json", {}), /no folder is open/);
});

test("loading a profile: the shipped one, a good file, and clear errors naming the file and the place", async () => {
  const dir = mkdtempSync(join(tmpdir(), "rsc-profile-"));
  try {
    const shipped = await loadDeviceProfile("", {});
    assert.equal(shipped.profile, DEFAULT_PROFILE);
    assert.match(shipped.label, /^the shipped hAP ax\^3 profile$|^the shipped .+ profile$/);
    writeFileSync(
      join(dir, "good.device.json"),
      JSON.stringify({ "/system/identity": { name: "lab-router" } }),
    );
    const good = await loadDeviceProfile("good.device.json", { workspaceFolder: dir });
    assert.equal(good.label, join(dir, "good.device.json"));
    assert.deepEqual(await puts(":put [/system identity get name]", good.profile), ["lab-router"]);

    writeFileSync(join(dir, "broken.json"), '{\n  "/system/identity": { "name": "x" },\n}');
    writeFileSync(join(dir, "menu.json"), JSON.stringify({ "/system/resorce": {} }));
    const failures: Array<[string, RegExp]> = [
      ["missing.json", /cannot read the device profile .*missing\.json: no such file/],
      ["broken.json", /bad device profile .*broken\.json: line 2, column 38: invalid JSON: trailing comma/],
      [
        "menu.json",
        /bad device profile .*menu\.json: \/system\/resorce: no such RouterOS menu; did you mean \/system\/resource\?/,
      ],
      [".", /cannot read the device profile .*: it is a folder/],
    ];
    for (const [file, expected] of failures) {
      await assert.rejects(loadDeviceProfile(file, { workspaceFolder: dir }), (error: unknown) => {
        assert.ok(error instanceof DeviceProfileError);
        assert.match(error.message, expected);
        return true;
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

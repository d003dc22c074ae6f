// The manifest and the code agree: every command the client registers is contributed (and the other way round), menus only name known commands, and every `viewItem` state a menu tests is one the tree produces.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { rowContextValue } from "../../../client/src/messages/topicTree";
import { fromRoot } from "../../support/paths";

interface Manifest {
  activationEvents: string[];
  contributes: {
    commands: Array<{ command: string; title: string }>;
    menus: Record<string, Array<{ command: string; when?: string }>>;
    views: Record<string, Array<{ id: string }>>;
    viewsWelcome: Array<{ view: string; contents: string }>;
    configuration: { properties: Record<string, unknown> };
  };
}

const manifest = JSON.parse(readFileSync(fromRoot("package.json"), "utf8")) as Manifest;
const contributed = new Set(manifest.contributes.commands.map((c) => c.command));

function sources(dir: string): string {
  return readdirSync(dir, { withFileTypes: true })
    .map((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return sources(path);
      return entry.name.endsWith(".ts") ? readFileSync(path, "utf8") : "";
    })
    .join("\n");
}

const clientSource = sources(fromRoot("client/src"));
const registered = new Set(
  [...clientSource.matchAll(/register(?:Command)?\(\s*"(routerosMqtt\.[^"]+)"/g)].map((m) => m[1] ?? ""),
);

test("every registered command is contributed, and every contributed command is registered", () => {
  assert.deepEqual(
    [...registered].filter((c) => !contributed.has(c)),
    [],
  );
  assert.deepEqual(
    [...contributed].filter((c) => !registered.has(c)),
    [],
  );
});

test("menus, welcome links and code only name contributed commands", () => {
  for (const [menu, items] of Object.entries(manifest.contributes.menus)) {
    for (const item of items) assert.ok(contributed.has(item.command), `${menu}: ${item.command}`);
  }
  for (const welcome of manifest.contributes.viewsWelcome) {
    for (const [, command] of welcome.contents.matchAll(/\(command:([\w.]+)\)/g)) {
      assert.ok(contributed.has(command ?? ""), `viewsWelcome: ${command ?? ""}`);
    }
  }
  const viewIds = new Set(
    Object.values(manifest.contributes.views).flatMap((views) => views.map((v) => v.id)),
  );
  for (const [, command] of clientSource.matchAll(/command: "(routerosMqtt\.[\w.]+)"/g)) {
    const name = command ?? "";
    const isViewFocus = viewIds.has(name.replace(/\.focus$/, ""));
    assert.ok(contributed.has(name) || isViewFocus, `client code uses ${name}`);
  }
});

test("every viewItem value a menu tests is a contextValue the tree produces", () => {
  const produced = new Set([
    ...[...clientSource.matchAll(/contextValue: "([\w.]+)"/g)].map((m) => m[1] ?? ""),
    ...[...clientSource.matchAll(/contextValue = "([\w.]+)"/g)].map((m) => m[1] ?? ""),
    ...[...clientSource.matchAll(/"(topic(?:\.retained)?)"/g)].map((m) => m[1] ?? ""),
    // Rows of the topic tree: every combination rowContextValue can make.
    ...[undefined, "t"].flatMap((topic) =>
      [false, true].flatMap((hasChildren) =>
        [false, true].flatMap((retained) =>
          [false, true].map((inside) => rowContextValue({ topic, hasChildren }, retained, inside)),
        ),
      ),
    ),
  ]);
  const whens = Object.values(manifest.contributes.menus)
    .flat()
    .map((i) => i.when ?? "");
  for (const when of whens) {
    for (const [, value] of when.matchAll(/viewItem == ([\w.]+)/g))
      assert.ok(produced.has(value ?? ""), when);
    for (const [, pattern] of when.matchAll(/viewItem =~ \/(.+?)\/(?:\s|$)/g)) {
      const re = new RegExp(pattern ?? "");
      assert.ok(
        [...produced].some((v) => re.test(v)),
        `no contextValue matches ${pattern ?? ""}`,
      );
    }
  }
});

test("settings the client reads are contributed", () => {
  const keys = new Set(Object.keys(manifest.contributes.configuration.properties));
  for (const [, section, key] of clientSource.matchAll(
    /getConfiguration\("([\w.]+)"\)\s*\.get<[^>]+>\("([\w.]+)"/g,
  )) {
    assert.ok(keys.has(`${section ?? ""}.${key ?? ""}`), `${section ?? ""}.${key ?? ""}`);
  }
  assert.ok(keys.has("routerosMqtt.brokers"));
});

/**
 * Every setting, and whether it waits for workspace trust (restrictedConfigurations): a setting that names a host
 * or a file is not read from an untrusted workspace. A new setting fails this test until it is classified here.
 */
const TRUST: Record<string, "restricted" | "safe"> = {
  "routerosMqtt.brokers": "restricted", // host names, CA/certificate/key file paths, auto-connect
  "routerosMqtt.run.deviceProfile": "restricted", // a file path read at run time
  "routerosMqtt.messages.maxPerTopic": "safe",
  "routerosMqtt.messages.maxPayloadKB": "safe",
  "routerosMqtt.messages.maxTotalMB": "safe",
  "routerosMqtt.publish.historySize": "safe",
  "routerosMqtt.topics.layout": "safe",
  "routerosMqtt.topics.compactLevels": "safe",
  "routerosMqtt.codeLens.publish": "safe",
  "routerosMqtt.localBroker.port": "safe", // a port on 127.0.0.1 only; a taken port falls back to a free one
  "routerosLanguageServer.trace.server": "safe",
  "routerosMqtt.run.timeoutSeconds": "safe",
  "routerosMqtt.run.codeLens": "safe",
};

test("workspace trust: limited support, and exactly the settings that name a host or a file are restricted", () => {
  const capabilities = (
    manifest as unknown as {
      capabilities?: {
        untrustedWorkspaces?: {
          supported?: unknown;
          restrictedConfigurations?: string[];
          description?: string;
        };
        virtualWorkspaces?: { supported?: unknown; description?: string };
      };
    }
  ).capabilities;
  assert.equal(capabilities?.untrustedWorkspaces?.supported, "limited");
  assert.ok((capabilities?.untrustedWorkspaces?.description ?? "").length > 0);
  assert.equal(capabilities?.virtualWorkspaces?.supported, "limited");
  assert.ok((capabilities?.virtualWorkspaces?.description ?? "").length > 0);
  assert.deepEqual(
    Object.keys(manifest.contributes.configuration.properties).sort(),
    Object.keys(TRUST).sort(),
  );
  assert.deepEqual(
    [...(capabilities?.untrustedWorkspaces?.restrictedConfigurations ?? [])].sort(),
    Object.keys(TRUST)
      .filter((k) => TRUST[k] === "restricted")
      .sort(),
  );
});

// The manifest and the code agree: every command the client registers is contributed (and the other way round), menus only name known commands, and every `viewItem` state a menu tests is one the tree produces.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { rowContextValue } from "../../../client/src/messages/topicTree";
import { fromRoot } from "../../support/paths";

interface Setting {
  type?: string | string[];
  description?: string;
  markdownDescription?: string;
  deprecationMessage?: string;
  markdownDeprecationMessage?: string;
  enum?: unknown[];
  enumDescriptions?: string[];
  order?: number;
  properties?: Record<string, Setting>;
  items?: Setting;
}

interface Manifest {
  activationEvents: string[];
  contributes: {
    commands: Array<{ command: string; title: string; category?: string }>;
    menus: Record<string, Array<{ command: string; when?: string }>>;
    views: Record<string, Array<{ id: string }>>;
    viewsWelcome: Array<{ view: string; contents: string }>;
    configuration: Array<{ id: string; title: string; order: number; properties: Record<string, Setting> }>;
    keybindings: Array<{ command: string; key: string; mac?: string }>;
    walkthroughs: Array<{
      id: string;
      steps: Array<{ id: string; description: string; completionEvents: string[] }>;
    }>;
  };
}

const rawManifest: unknown = JSON.parse(readFileSync(fromRoot("package.json"), "utf8"));
const nls = JSON.parse(readFileSync(fromRoot("package.nls.json"), "utf8")) as Record<string, string>;
const usedKeys = new Set<string>();
const missingKeys: string[] = [];

/** The manifest as VS Code shows it: every "%key%" replaced by its text from package.nls.json. */
function localized(value: unknown): unknown {
  if (typeof value === "string") {
    const key = /^%([^%]+)%$/.exec(value)?.[1];
    if (key === undefined) return value;
    usedKeys.add(key);
    if (nls[key] === undefined) missingKeys.push(key);
    return nls[key] ?? value;
  }
  if (Array.isArray(value)) return value.map(localized);
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, localized(v)]));
  return value;
}

const manifest = localized(rawManifest) as Manifest;
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

const settings = Object.fromEntries(
  manifest.contributes.configuration.flatMap((section) => Object.entries(section.properties)),
);

test("settings the client reads are contributed", () => {
  const keys = new Set(Object.keys(settings));
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
  "routerosMqtt.trace.server": "safe",
  "routerosLanguageServer.trace.server": "safe", // renamed: contributed only to move an old value
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
  assert.deepEqual(Object.keys(settings).sort(), Object.keys(TRUST).sort());
  assert.deepEqual(
    [...(capabilities?.untrustedWorkspaces?.restrictedConfigurations ?? [])].sort(),
    Object.keys(TRUST)
      .filter((k) => TRUST[k] === "restricted")
      .sort(),
  );
});

test("one command category", () => {
  const categories = new Set(manifest.contributes.commands.map((c) => c.category));
  assert.deepEqual([...categories], ["RouterOS MQTT"]);
});

test("settings: grouped and ordered sections, one prefix (renamed keys only deprecated), enums described", () => {
  const sections = manifest.contributes.configuration;
  assert.ok(sections.length > 1);
  assert.deepEqual(
    sections.map((s) => s.order),
    sections.map((_, i) => i + 1),
  );
  for (const section of sections) {
    assert.ok(section.title.length > 0 && section.id.startsWith("routerosMqtt."), section.id);
    for (const [key, setting] of Object.entries(section.properties)) {
      const deprecated = setting.deprecationMessage ?? setting.markdownDeprecationMessage;
      assert.ok(key.startsWith("routerosMqtt.") || deprecated, `${key} uses another prefix`);
      if (!deprecated) assert.equal(typeof setting.order, "number", `${key} has no order`);
    }
  }
  const walk = (name: string, setting: Setting): void => {
    assert.ok(!setting.description?.includes("`"), `${name}: code marks need markdownDescription`);
    const deprecated = setting.deprecationMessage ?? setting.markdownDeprecationMessage;
    if (setting.enum && !deprecated)
      assert.equal(setting.enumDescriptions?.length, setting.enum.length, `${name}: enumDescriptions`);
    for (const [child, value] of Object.entries(setting.properties ?? {})) walk(`${name}.${child}`, value);
    if (setting.items) walk(`${name}[]`, setting.items);
  };
  for (const [key, setting] of Object.entries(settings)) walk(key, setting);
});

test("every renamed setting is still contributed (deprecated) so its old value can be moved", () => {
  for (const [, oldKey, newKey] of clientSource.matchAll(/"([\w.]+)": "([\w.]+)",\n/g)) {
    if (!oldKey?.endsWith(".trace.server")) continue;
    assert.ok(settings[oldKey]?.markdownDeprecationMessage?.includes(newKey ?? ""), oldKey);
    assert.ok(settings[newKey ?? ""], newKey);
  }
});

test("keybindings name contributed commands and the README lists each of them", () => {
  const readme = readFileSync(fromRoot("README.md"), "utf8");
  const shown = (key: string): string =>
    key
      .split(" ")
      .map((chord) =>
        chord
          .split("+")
          .map((k) => (k.length === 1 ? k.toUpperCase() : k[0]?.toUpperCase() + k.slice(1)))
          .join("+"),
      )
      .join(" ");
  for (const binding of manifest.contributes.keybindings) {
    assert.ok(contributed.has(binding.command), binding.command);
    assert.ok(readme.includes(shown(binding.key)), `README.md lists ${shown(binding.key)}`);
  }
});

test("walkthrough steps complete on context keys the extension sets, and link to known commands", () => {
  const [walkthrough] = manifest.contributes.walkthroughs;
  assert.ok(walkthrough && walkthrough.steps.length >= 5);
  const viewIds = new Set(
    Object.values(manifest.contributes.views).flatMap((views) => views.map((v) => v.id)),
  );
  for (const step of walkthrough.steps) {
    assert.ok(step.completionEvents.length > 0, step.id);
    for (const event of step.completionEvents) {
      const [kind, name = ""] = event.split(/:(.*)/s);
      if (kind === "onCommand") assert.ok(contributed.has(name), event);
      else {
        assert.equal(kind, "onContext", event);
        assert.ok(clientSource.includes(`"${name}"`), `no client code names the context key ${name}`);
      }
    }
    for (const [, command] of step.description.matchAll(/\(command:([\w.]+)/g)) {
      const id = command ?? "";
      assert.ok(contributed.has(id) || viewIds.has(id.replace(/\.focus$/, "")), `${step.id}: ${id}`);
    }
  }
});

test("package.json's user-visible text lives in package.nls.json: every %key% is there, every key is used", () => {
  assert.deepEqual(missingKeys, []);
  assert.deepEqual(
    Object.keys(nls).filter((k) => !usedKeys.has(k)),
    [],
  );
  const raw = rawManifest as Manifest;
  for (const command of raw.contributes.commands) assert.match(command.title, /^%[\w.]+%$/, command.command);
  const literal = (name: string, setting: Setting): void => {
    for (const text of [
      setting.description,
      setting.markdownDescription,
      ...(setting.enumDescriptions ?? []),
    ])
      if (text !== undefined) assert.match(text, /^%[\w.-]+%$/, name);
    for (const [child, value] of Object.entries(setting.properties ?? {})) literal(`${name}.${child}`, value);
    if (setting.items) literal(`${name}[]`, setting.items);
  };
  for (const section of raw.contributes.configuration)
    for (const [key, setting] of Object.entries(section.properties)) literal(key, setting);
});

test("client/src/ui passes literal messages to vscode.l10n.t (so that they can be extracted for translation)", () => {
  const calls = [...clientSource.matchAll(/vscode\.l10n\.t\(\s*([^\s,)])/g)].map((m) => m[1]);
  assert.ok(calls.length > 100, `${calls.length} calls`);
  assert.deepEqual(
    calls.filter((first) => first !== '"' && first !== "'"),
    [],
  );
});

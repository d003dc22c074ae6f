// Schema lookups: menu kinds, commands, argument types, positional order, properties, globals and tree-wide invariants.
import assert from "node:assert/strict";
import { test } from "node:test";
import { getSchema, type ArgInfo } from "../../../server/src/schema";

const schema = getSchema();

test("menu kinds: list menus, settings menus and plain dirs", () => {
  const table: readonly [string, "list" | "settings" | "dir"][] = [
    ["", "dir"],
    ["ip", "dir"],
    ["iot/mqtt", "settings"],
    ["iot/mqtt/brokers", "list"],
    ["iot/mqtt/subscriptions", "list"],
    ["ip/address", "list"],
    ["interface", "list"],
    ["system/resource", "settings"],
    ["system/identity", "settings"],
    ["system/routerboard", "settings"],
    ["system/package", "list"],
    ["log", "list"],
    ["tool", "dir"],
  ];
  for (const [path, kind] of table) assert.equal(schema.menu(path)?.kind, kind, `/${path}`);
});

test("path spellings: arrays, slash text and a leading slash name the same menu", () => {
  const a = schema.menu(["iot", "mqtt", "brokers"]);
  assert.ok(a);
  assert.equal(schema.menu("iot/mqtt/brokers"), a);
  assert.equal(schema.menu("/iot/mqtt/brokers"), a);
  assert.equal(schema.menu("/"), schema.menu([]));
  assert.equal(schema.menu("iot/nope"), undefined);
  assert.equal(schema.command("iot/nope", "print"), undefined);
  assert.equal(schema.command("iot/mqtt", "nope"), undefined);
  assert.deepEqual(schema.properties("iot/nope"), []);
});

test("menus list their sub-menus and commands", () => {
  const mqtt = schema.menu("iot/mqtt");
  assert.deepEqual(mqtt?.menus, ["brokers", "subscriptions"]);
  for (const c of ["connect", "disconnect", "publish", "subscribe", "unsubscribe", "get", "print", "export"])
    assert.ok(mqtt?.commands.includes(c), c);
  const root = schema.menu([]);
  for (const m of ["ip", "system", "iot", "log", "interface", "tool"]) assert.ok(root?.menus.includes(m), m);
  assert.equal(schema.menu("log")?.global, true);
  assert.equal(schema.menu("ip")?.global, false);
});

/** [menu, command, argument, expected fields]: the fields of ArgInfo that matter for each case. */
const argTable: readonly [string, string, string, Partial<ArgInfo>][] = [
  [
    "iot/mqtt",
    "publish",
    "qos",
    { type: "number", range: { min: 0, max: 2 }, default: "0", required: false },
  ],
  [
    "iot/mqtt",
    "publish",
    "topic",
    { type: "string", format: "mqtt-topic", required: true, requiredBy: "product" },
  ],
  ["iot/mqtt", "publish", "message", { type: "string", lengthRange: { max: 32768 }, requiredBy: "product" }],
  ["iot/mqtt", "publish", "broker", { type: "broker-name", required: false }],
  ["iot/mqtt", "publish", "retain", { type: "bool", default: "no" }],
  ["iot/mqtt", "publish", "as-value", { type: "switch" }],
  ["iot/mqtt", "subscribe", "topic", { type: "string", format: "mqtt-topic-filter" }],
  ["iot/mqtt/brokers", "add", "name", { type: "string", required: true, requiredBy: "router" }],
  ["iot/mqtt/brokers", "add", "address", { type: "string", format: "host", required: true }],
  ["iot/mqtt/brokers", "set", "name", { required: false }],
  ["iot/mqtt/brokers", "add", "port", { type: "number", range: { min: 0, max: 65535 }, default: "1883" }],
  ["iot/mqtt/brokers", "add", "keep-alive", { range: { min: 30, max: 64800 }, firstSeen: "7.11.3" }],
  [
    "iot/mqtt/brokers",
    "add",
    "parallel-scripts-limit",
    { range: { min: 3, max: 1000 }, extraValues: ["off"] },
  ],
  ["iot/mqtt/brokers", "add", "password", { type: "string", sensitive: true }],
  ["iot/mqtt/brokers", "add", "will-qos", { default: "0", firstSeen: "7.20" }],
  ["iot/mqtt/subscriptions", "add", "on-message", { type: "script", firstSeen: "7.12.2" }],
  ["iot/mqtt/subscriptions", "monitor-data", "interval", { type: "time", timeRange: { min: 20, max: 5000 } }],
  ["ip/address", "print", "interval", { type: "time", timeRange: { min: 200 } }],
  ["ip/address", "add", "comment", { type: "string" }],
  ["ip/address", "add", "disabled", { type: "bool" }],
  ["ip/address", "set", "numbers", { type: "id", multiValue: true, positionalIndex: 0 }],
  ["interface/gre", "add", "keepalive", { type: "time", format: "time-with-count" }],
  ["interface/bonding", "add", "forced-mac-address", { type: "mac" }],
  ["", "delay", "delay-time", { type: "time", timeRange: { min: 0, max: 4294967000 }, positionalIndex: 0 }],
  ["", "if", "do", { type: "script" }],
  ["", "local", "name", { type: "string", format: "variable-name", positionalIndex: 0 }],
  ["", "resolve", "type", { type: "enum", enumValues: ["any", "any6", "ipv4", "ipv6"] }],
  ["", "toarray", "delimiter", { type: "string", lengthRange: { min: 1, max: 3 }, firstSeen: "7.21" }],
  ["certificate", "add", "key-usage", { type: "enum", multiValue: true }],
  ["system/script", "add", "source", { type: "script", sensitive: false }],
  ["system/scheduler", "add", "on-event", { type: "script" }],
  ["tool/netwatch", "add", "up-script", { type: "script" }],
  ["routing/igmp-proxy/mfc", "add", "source", { type: "ip" }],
  ["interface/wireguard", "add", "private-key", { sensitive: true }],
];

for (const [menu, command, arg, expected] of argTable) {
  test(`argument /${menu}/${command} ${arg}`, () => {
    const info = schema.command(menu, command)?.arg(arg);
    assert.ok(info, "argument exists");
    const actual = Object.fromEntries(Object.keys(expected).map((k) => [k, info[k as keyof ArgInfo]]));
    assert.deepEqual(actual, expected);
  });
}

const positionalTable: readonly [string, string, readonly string[]][] = [
  ["", "put", ["message"]],
  ["", "local", ["name", "value"]],
  ["", "if", ["condition"]],
  ["", "pick", ["counter", "begin", "end"]],
  ["", "find", ["in", "key", "from"]],
  ["", "onerror", ["error", "in"]],
  ["", "delay", ["delay-time"]],
  ["", "ping", ["address"]],
  ["", "import", ["file-name"]],
  ["", "beep", []],
  ["log", "info", ["message"]],
  ["iot/mqtt/brokers", "get", ["number", "value-name"]],
  ["iot/mqtt/brokers", "set", ["numbers"]],
  ["iot/mqtt/brokers", "remove", ["numbers"]],
  ["iot/mqtt/brokers", "edit", ["number", "value-name"]],
  ["iot/mqtt/brokers", "add", []],
  ["iot/mqtt", "get", ["value-name"]],
  ["iot/mqtt", "publish", []],
  ["system/resource", "get", ["value-name"]],
  ["system/routerboard", "get", ["value-name"]],
  ["system/script", "run", ["number"]],
  ["ip/firewall/filter", "move", ["numbers", "destination"]],
  ["ip/address", "enable", ["numbers"]],
  ["interface", "monitor-traffic", ["interface"]],
  ["tool", "fetch", ["url"]],
];

for (const [menu, command, positional] of positionalTable) {
  test(`positional arguments of /${menu ? menu + "/" : ""}${command}`, () => {
    const info = schema.command(menu, command);
    assert.ok(info);
    assert.deepEqual(info.positional, positional);
    positional.forEach((name, i) => {
      assert.equal(info.positionalArg(i)?.name, name);
      assert.equal(info.arg(name)?.positionalIndex, i);
    });
    assert.equal(info.positionalArg(positional.length), undefined);
  });
}

test("global commands: the root-level ':' commands with descriptions and versions", () => {
  const globals = schema.globalCommands();
  const names = globals.map((c) => c.name);
  for (const n of [
    "put",
    "local",
    "global",
    "set",
    "if",
    "while",
    "for",
    "foreach",
    "do",
    "onerror",
    "serialize",
  ])
    assert.ok(names.includes(n), n);
  assert.ok(!names.includes("log"), "log is a menu (`:log info` is the command info in dir log)");
  for (const c of globals) {
    assert.deepEqual(c.menuPath, []);
    assert.ok(c.description, `${c.name} has a description`);
  }
  const byName = new Map(globals.map((c) => [c.name, c]));
  assert.equal(byName.get("onerror")?.firstSeen, "7.13.5");
  assert.equal(byName.get("range")?.firstSeen, "7.17");
  assert.equal(byName.get("ping")?.handAdded, true);
});

test("properties: settable arguments of set/add, then read-only telemetry", () => {
  const brokers = schema.properties("iot/mqtt/brokers");
  const names = brokers.map((p) => p.name);
  assert.ok(names.includes("address") && names.includes("keep-alive"));
  assert.ok(!names.includes("numbers") && !names.includes("copy-from"), "item arguments are not properties");
  assert.deepEqual(
    brokers.filter((p) => p.readOnly).map((p) => [p.name, p.type]),
    [["connected", "bool"]],
  );
  assert.equal(schema.property("iot/mqtt/brokers", "password")?.sensitive, true);

  const resource = new Map(schema.properties("system/resource").map((p) => [p.name, p]));
  for (const [name, type] of [
    ["uptime", "time"],
    ["cpu-load", "number"],
    ["free-memory", "number"],
    ["total-memory", "number"],
    ["version", "string"],
    ["board-name", "string"],
  ] as const) {
    assert.equal(resource.get(name)?.type, type, name);
    assert.equal(resource.get(name)?.readOnly, true, name);
  }
  assert.equal(schema.property("system/routerboard", "serial-number")?.type, "string");
  assert.equal(schema.property("system/package", "version")?.readOnly, true);
  assert.equal(schema.property("system/identity", "name")?.readOnly, false);
  assert.equal(schema.property("system/clock", "time-zone-autodetect")?.type, "bool");
  assert.equal(schema.property("interface", "mac-address")?.type, "mac");
  assert.equal(schema.property("interface", "mtu")?.readOnly, false);
  assert.equal(schema.property("iot/mqtt/subscriptions/recv", "time")?.type, "date");
});

test("hand-added commands say so and may accept any argument", () => {
  assert.equal(schema.menu("system/routerboard")?.handAdded, true);
  assert.equal(schema.command("system/routerboard/settings", "set")?.acceptsAnyArg, true);
  assert.equal(schema.command("iot/mqtt", "publish")?.acceptsAnyArg, false);
  assert.equal(schema.command("iot/mqtt", "publish")?.handAdded, false);
});

test("header records provenance and matches the tree", () => {
  const h = schema.header;
  assert.equal(h.routerosVersion, "7.24");
  const inspect = h.sources[0];
  assert.match(inspect?.from ?? "", /tikoci\/restraml .*commit [0-9a-f]{7}/);
  assert.match(inspect?.license ?? "", /Unlicense/);
  const paths = schema.menuPaths();
  assert.equal(paths.length, h.counts.menus);
  assert.ok(h.counts.menus > 500 && h.counts.commands > 5000, "the whole tree, not a sample");
});

test("tree invariants: parents list their children, positional names are arguments, args sorted", () => {
  for (const path of schema.menuPaths()) {
    const menu = schema.menu(path);
    assert.ok(menu);
    if (path.length > 0) {
      const parent = schema.menu(path.slice(0, -1));
      assert.ok(parent?.menus.includes(path[path.length - 1] ?? ""), `parent of /${path.join("/")}`);
    }
    for (const name of menu.commands) {
      const command = schema.command(path, name);
      assert.ok(command);
      for (const p of command.positional) assert.ok(command.arg(p), `/${[...path, name].join("/")} ${p}`);
      const argNames = command.args.map((a) => a.name);
      assert.deepEqual(argNames, [...argNames].sort());
    }
  }
});

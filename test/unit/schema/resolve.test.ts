// Command resolution over the real 7.24 tree: absolute/relative paths, `..`, menu-only lines, global fallback,
// abbreviations (exact name first, then the one name a word begins; RouterOS 7.22.1 compiles `/sys script job find` as
// /system/script/job/find and `/log warn` as /log/warning), bad and ambiguous names.
import assert from "node:assert/strict";
import { test } from "node:test";
import { describeResolveError, getSchema, resolveCommand, toPath } from "../../../server/src/schema";
import { lineWords } from "./words";

interface Case {
  /** Current menu before the line (slash path). */
  readonly current: string;
  /** The path part of a command line as written; a leading `/` or `:` makes it absolute. */
  readonly line: string;
  readonly menu: string;
  readonly command?: string;
  readonly pathWords: number;
  readonly fallback?: boolean;
  /** Words read as longer names: "index:name". */
  readonly abbreviations?: readonly string[];
  readonly error?: { readonly index: number; readonly suggestions: readonly string[] };
}

const cases: readonly Case[] = [
  // absolute paths: slash and space spellings are the same words
  { current: "", line: "/iot/mqtt/publish", menu: "iot/mqtt", command: "publish", pathWords: 3 },
  { current: "ip/route", line: "/iot mqtt publish", menu: "iot/mqtt", command: "publish", pathWords: 3 },
  { current: "ip", line: "/iot/mqtt publish", menu: "iot/mqtt", command: "publish", pathWords: 3 },
  {
    current: "",
    line: "/system resource get cpu-load",
    menu: "system/resource",
    command: "get",
    pathWords: 3,
  },
  { current: "", line: "/ip/address/print detail", menu: "ip/address", command: "print", pathWords: 3 },
  {
    current: "",
    line: "/system routerboard get model",
    menu: "system/routerboard",
    command: "get",
    pathWords: 3,
  },
  { current: "ip/route", line: "/ping 10.0.0.1", menu: "", command: "ping", pathWords: 1 },
  // relative paths from the current menu
  { current: "iot/mqtt/brokers", line: "add", menu: "iot/mqtt/brokers", command: "add", pathWords: 1 },
  { current: "iot", line: "mqtt brokers print", menu: "iot/mqtt/brokers", command: "print", pathWords: 3 },
  {
    current: "iot/mqtt",
    line: "subscriptions recv clear",
    menu: "iot/mqtt/subscriptions/recv",
    command: "clear",
    pathWords: 3,
  },
  // `..` goes up one level
  { current: "iot/mqtt/brokers", line: ".. publish", menu: "iot/mqtt", command: "publish", pathWords: 2 },
  {
    current: "iot/mqtt/brokers",
    line: "../subscriptions/print",
    menu: "iot/mqtt/subscriptions",
    command: "print",
    pathWords: 3,
  },
  { current: "iot/mqtt/brokers", line: ".. ..", menu: "iot", pathWords: 2 },
  { current: "", line: "..", menu: "", pathWords: 1 },
  // menu-only lines change the current menu (as in /export output)
  { current: "", line: "/iot/mqtt/brokers", menu: "iot/mqtt/brokers", pathWords: 3 },
  { current: "system", line: "script", menu: "system/script", pathWords: 1 },
  { current: "ip/route", line: "/", menu: "", pathWords: 0 },
  // global commands: `:put` is absolute; a relative name the menu lacks falls back to the root
  { current: "ip/route", line: ":put", menu: "", command: "put", pathWords: 1 },
  { current: "ip/route", line: "put", menu: "", command: "put", pathWords: 1, fallback: true },
  { current: "iot/mqtt/brokers", line: "if", menu: "", command: "if", pathWords: 1, fallback: true },
  { current: "", line: "local", menu: "", command: "local", pathWords: 1 },
  { current: "ip/route", line: "log info", menu: "log", command: "info", pathWords: 2, fallback: true },
  { current: "ip/route", line: ":log warning", menu: "log", command: "warning", pathWords: 2 },
  { current: "", line: "/log/error", menu: "log", command: "error", pathWords: 2 },
  // the menu's own command wins over the global one of the same name
  { current: "ip/route", line: "find", menu: "ip/route", command: "find", pathWords: 1 },
  { current: "iot/mqtt/brokers", line: "set", menu: "iot/mqtt/brokers", command: "set", pathWords: 1 },
  { current: "", line: "set", menu: "", command: "set", pathWords: 1 },
  // unknown current menu: resolve from the root
  { current: "no/such/menu", line: "put", menu: "", command: "put", pathWords: 1 },
  // bad command names, with suggestions from the menu where the word was looked up
  {
    current: "",
    line: "/ip rute print",
    menu: "ip",
    pathWords: 1,
    error: { index: 1, suggestions: ["route"] },
  },
  // abbreviations: a word that begins exactly one name of its level is that name
  {
    current: "",
    line: "/sys script job find",
    menu: "system/script/job",
    command: "find",
    pathWords: 4,
    abbreviations: ["0:system"],
  },
  {
    current: "",
    line: "/log warn",
    menu: "log",
    command: "warning",
    pathWords: 2,
    abbreviations: ["1:warning"],
  },
  {
    current: "",
    line: "/ip addr pr",
    menu: "ip/address",
    command: "print",
    pathWords: 3,
    abbreviations: ["1:address", "2:print"],
  },
  {
    current: "system/script",
    line: "env print",
    menu: "system/script/environment",
    command: "print",
    pathWords: 2,
    abbreviations: ["0:environment"],
  },
  // an exact name wins over the longer names it begins (`ip` is not ambiguous with `ipv6`)
  { current: "", line: "/ip address print", menu: "ip/address", command: "print", pathWords: 3 },
  { current: "", line: "/interface list", menu: "interface/list", pathWords: 2 },
  // a word that begins several names names none of them
  {
    current: "",
    line: "/ip dhcp print",
    menu: "ip",
    pathWords: 1,
    error: { index: 1, suggestions: ["dhcp-client", "dhcp-relay", "dhcp-server"] },
  },
  // a relative first word: the menu's names, then the root's exact names, then abbreviations of both
  {
    current: "ip/route",
    line: "pu",
    menu: "",
    command: "put",
    pathWords: 1,
    fallback: true,
    abbreviations: ["0:put"],
  },
  {
    current: "ip/address",
    line: "pri",
    menu: "ip/address",
    command: "print",
    pathWords: 1,
    abbreviations: ["0:print"],
  },
  {
    current: "iot/mqtt",
    line: "publsh",
    menu: "iot/mqtt",
    pathWords: 0,
    error: { index: 0, suggestions: ["publish"] },
  },
  {
    current: "",
    line: "/system resourse get",
    menu: "system",
    pathWords: 1,
    error: { index: 1, suggestions: ["resource"] },
  },
  {
    current: "ip/route",
    line: "prnt",
    menu: "ip/route",
    pathWords: 0,
    error: { index: 0, suggestions: ["print"] },
  },
  {
    current: "iot/mqtt",
    line: "frobnicate",
    menu: "iot/mqtt",
    pathWords: 0,
    error: { index: 0, suggestions: [] },
  },
  // relative fallback covers global commands only, not other root menus; absolute paths never fall back
  {
    current: "ip/route",
    line: "system resource print",
    menu: "ip/route",
    pathWords: 0,
    error: { index: 0, suggestions: [] },
  },
  {
    current: "",
    line: "/ip route put",
    menu: "ip/route",
    pathWords: 2,
    error: { index: 2, suggestions: [] },
  },
  {
    current: "ip/route",
    line: "pt",
    menu: "ip/route",
    pathWords: 0,
    error: { index: 0, suggestions: ["put"] },
  },
];

for (const c of cases) {
  test(`resolve "${c.line}" from /${c.current}`, () => {
    const { words, absolute } = lineWords(c.line);
    const r = resolveCommand(getSchema(), toPath(c.current), words, absolute);
    assert.deepEqual(
      {
        menu: r.menuPath.join("/"),
        command: r.command?.name,
        pathWords: r.pathWords,
        fallback: r.viaGlobalFallback,
        abbreviations: r.abbreviations.map((a) => `${a.wordIndex}:${a.name}`),
        error: r.error && { index: r.error.wordIndex, suggestions: r.error.suggestions },
      },
      {
        menu: c.menu,
        command: c.command,
        pathWords: c.pathWords,
        fallback: c.fallback ?? false,
        abbreviations: c.abbreviations ?? [],
        error: c.error,
      },
    );
    if (r.command) assert.deepEqual(r.command.menuPath, r.menuPath);
  });
}

test("bad command name errors read like RouterOS and name the menu and the alternatives", () => {
  const { words, absolute } = lineWords("/ip rute print");
  const error = resolveCommand(getSchema(), [], words, absolute).error;
  assert.ok(error);
  assert.equal(error.message, "bad command name rute");
  assert.equal(error.word, "rute");
  assert.equal(describeResolveError(error), "bad command name rute in /ip; did you mean route?");
  const ambiguous = resolveCommand(getSchema(), [], lineWords("/ip dhcp").words, true).error;
  assert.ok(ambiguous);
  assert.equal(
    describeResolveError(ambiguous),
    "bad command name dhcp in /ip; it begins dhcp-client, dhcp-relay and dhcp-server, so RouterOS cannot tell which one is meant",
  );
  const none = resolveCommand(getSchema(), ["iot", "mqtt"], lineWords("frobnicate").words, false).error;
  assert.ok(none);
  assert.equal(describeResolveError(none), "bad command name frobnicate in /iot/mqtt");
});

test("every command of the tree resolves from the root by its own path", () => {
  const schema = getSchema();
  let checked = 0;
  for (const path of schema.menuPaths()) {
    for (const name of schema.menu(path)?.commands ?? []) {
      const words = [...path, name].map((text) => ({ text }));
      const r = resolveCommand(schema, [], words, true);
      assert.equal(r.command?.name, name, `/${[...path, name].join("/")}`);
      assert.deepEqual(r.menuPath, path);
      assert.equal(r.pathWords, words.length);
      checked++;
    }
  }
  assert.equal(checked, schema.header.counts.commands);
});

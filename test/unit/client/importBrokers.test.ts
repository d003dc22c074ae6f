// Importing brokers from scripts, exports and pasted text: both command forms, passwords, computed values, bad values and other broker commands, as a table.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { findBrokersInScript } from "../../../client/src/brokers/importBrokers";
import { fromRoot } from "../../support/paths";

/** A found broker reduced to what matters here: name, a few fields that differ from defaults, password, problems. */
interface Summary {
  name: string | undefined;
  line: number;
  fields?: Record<string, unknown>;
  password?: string;
  problems?: string[];
}

const CASES: Array<{ title: string; text: string; brokers: Summary[]; ignored?: string[] }> = [
  {
    title: "one-line form",
    text: "/iot mqtt brokers add name=home address=192.168.88.10 port=1884 client-id=router1\n",
    brokers: [
      { name: "home", line: 0, fields: { address: "192.168.88.10", port: 1884, clientId: "router1" } },
    ],
  },
  {
    title: "slash path form",
    text: '/iot/mqtt/brokers/add name="lab" address=lab.example.com ssl=yes port=8883\n',
    brokers: [{ name: "lab", line: 0, fields: { address: "lab.example.com", ssl: true, port: 8883 } }],
  },
  {
    title: "export form: menu line, then add lines, with a continuation",
    text: [
      "# 2024-05-02 12:00:00 by RouterOS 7.14.3",
      "/iot mqtt brokers",
      "add address=10.0.0.1 name=a",
      "add address=10.0.0.2 auto-connect=yes keep-alive=120 name=b \\",
      "    username=bob",
      "/system clock",
      "set time-zone-name=Europe/Riga",
    ].join("\n"),
    brokers: [
      { name: "a", line: 2, fields: { address: "10.0.0.1" } },
      {
        name: "b",
        line: 3,
        fields: { address: "10.0.0.2", autoConnect: true, keepAlive: 120, username: "bob" },
      },
    ],
  },
  {
    title: "add after another menu is not a broker",
    text: "/iot mqtt brokers\n/ip address\nadd address=10.0.0.1/24 interface=ether1\n",
    brokers: [],
  },
  {
    title: "password (export made with show-sensitive), escaped",
    text: '/iot mqtt brokers add name=s address=10.0.0.1 username=u password="pa\\"ss\\$1"\n',
    brokers: [{ name: "s", line: 0, fields: { username: "u" }, password: 'pa"ss$1' }],
  },
  {
    title: "computed values are left at their defaults and said so",
    text: ':local host "10.0.0.9"\n/iot mqtt brokers add name=v address=$host port=[:tonum "1884"]\n',
    brokers: [
      {
        name: "v",
        line: 1,
        problems: [
          "address is computed at run time ($host); left at its default",
          'port is computed at run time ([:tonum "1884"]); left at its default',
          "address is missing",
        ],
      },
    ],
  },
  {
    title: "values the schema refuses",
    text: "/iot mqtt brokers add name=k address=10.0.0.1 keep-alive=10 will-qos=3 colour=blue\n",
    brokers: [
      {
        name: "k",
        line: 0,
        problems: [
          "keep-alive must be between 30 and 64800 (got 10); left at its default",
          "will-qos must be 0, 1 or 2 (got 3); left at its default",
          'unknown property "colour"',
        ],
      },
    ],
  },
  {
    title: "no name",
    text: "/iot mqtt brokers add address=10.0.0.1\n",
    brokers: [
      {
        name: undefined,
        line: 0,
        problems: ["name is missing: a broker without a literal name cannot be imported"],
      },
    ],
  },
  {
    title: "duplicate names",
    text: "/iot mqtt brokers\nadd name=d address=10.0.0.1\nadd name=d address=10.0.0.2\n",
    brokers: [
      { name: "d", line: 1, fields: { address: "10.0.0.1" } },
      {
        name: "d",
        line: 2,
        fields: { address: "10.0.0.2" },
        problems: ['a broker named "d" is already added above'],
      },
    ],
  },
  {
    title: "set and remove are reported, print is not",
    text: "/iot mqtt brokers\nprint\nset [find name=x] port=1\nremove 0\n",
    brokers: [],
    ignored: [
      'line 3: "set" commands are not imported, only "add"',
      'line 4: "remove" commands are not imported, only "add"',
    ],
  },
  {
    title: "inside a block, the menu of the enclosing line applies",
    text: "/iot mqtt brokers\n:if (true) do={ add name=in address=10.0.0.3 }\n",
    brokers: [{ name: "in", line: 1, fields: { address: "10.0.0.3" } }],
  },
  {
    title: "a syntax error on another line does not hide brokers",
    text: ":put )\n/iot mqtt brokers add name=after address=10.0.0.4\n",
    brokers: [{ name: "after", line: 1, fields: { address: "10.0.0.4" } }],
  },
  {
    title: "CRLF line endings",
    text: "/iot mqtt brokers\r\nadd name=w address=10.0.0.5\r\n",
    brokers: [{ name: "w", line: 1, fields: { address: "10.0.0.5" } }],
  },
];

function summarize(
  scan: ReturnType<typeof findBrokersInScript>,
  fieldNames: Record<number, string[]>,
): Summary[] {
  return scan.brokers.map((b, i) => {
    const s: Summary = { name: b.profile?.name, line: b.line };
    const keys = fieldNames[i];
    if (keys && keys.length > 0 && b.profile) {
      const profile = b.profile as unknown as Record<string, unknown>;
      s.fields = Object.fromEntries(keys.map((k) => [k, profile[k]]));
    }
    if (b.password !== undefined) s.password = b.password;
    if (b.problems.length > 0) s.problems = [...b.problems];
    return s;
  });
}

for (const c of CASES) {
  test(`import: ${c.title}`, () => {
    const scan = findBrokersInScript(c.text);
    const keys = Object.fromEntries(c.brokers.map((b, i) => [i, Object.keys(b.fields ?? {})]));
    assert.deepEqual(summarize(scan, keys), c.brokers);
    assert.deepEqual(scan.ignored, c.ignored ?? []);
  });
}

test("import: the e2e workspace's export-style brokers file", () => {
  const scan = findBrokersInScript(readFileSync(fromRoot("test/e2e/workspace/brokers.rsc"), "utf8"));
  assert.deepEqual(
    scan.brokers.map((b) => [
      b.profile?.name,
      b.profile?.address,
      b.profile?.port,
      b.profile?.ssl,
      b.problems,
    ]),
    [
      ["home", "192.168.88.10", 1883, false, []],
      ["AWS", "example.iot.eu-west-1.amazonaws.com", 8883, true, []],
    ],
  );
});

test("import: unreadable input never throws", () => {
  for (const text of [
    "",
    "\u0000\u0001",
    "{{{{",
    '"',
    "/iot mqtt brokers add name=",
    "/iot mqtt brokers add name=x address",
  ]) {
    assert.doesNotThrow(() => findBrokersInScript(text), JSON.stringify(text));
  }
});
